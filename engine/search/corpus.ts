/**
 * Adapters from the code tables to a {@link SearchCorpus}: which texts lead to which code.
 *
 * They depend on the tables through the small structural interfaces below, so search keeps
 * working while a table class grows, and a test can feed a handful of rows.
 */
import type { BundleReader } from '../bundle/reader';
import { readJson } from '../bundle/reader';
import { normalizeCode } from '../codes/normalize';
import { CM_BLOCKS, CM_NOTE_KINDS, type NotesBlock } from '../icd10cm/layout';
import type { CorpusCode, CorpusEntry, SearchCorpus } from './types';

/** What search needs from ICD-10-CM ({@link CmTable} satisfies it). */
export interface CmSource {
  release: { id: string; fiscalYear: number; release: string };
  all(): Iterable<{ code: string; billable: boolean; long: string }>;
  has(code: string): boolean;
  /**
   * Inclusion terms by code. Optional: without it the adapter is given them separately
   * ({@link cmInclusionTerms}); calling `get()` for each of 98,000 codes would take seconds.
   */
  inclusionTerms?(): Iterable<{ code: string; text: string }>;
  indexEntries(
    source?: 'index' | 'eindex',
  ): Iterable<{ path: string; title: string; nemod: string; code: string; manif: string; see: string; stale: boolean }>;
  drugRows(): Iterable<{
    path: string;
    title: string;
    nemod: string;
    cells: { column: string; code: string; stale: boolean }[];
  }>;
  neoplasmRows(): Iterable<{
    path: string;
    title: string;
    nemod: string;
    see: string;
    cells: { column: string; code: string; stale: boolean }[];
  }>;
}

/** What search needs from ICD-10-PCS ({@link PcsTable} satisfies it). */
export interface PcsSource {
  fiscalYear: number;
  entries(): Iterable<{ code: string; long: string }>;
  isValidPrefix(prefix: string): boolean;
  isValid(code: string): boolean;
  index: {
    entries(): readonly {
      path: readonly string[];
      targets: readonly ({ kind: string; valid: boolean } & ({ code: string } | { prefix?: string; text?: string }))[];
    }[];
  };
  /** The table-builder walk ({@link PcsTableBuilder}), used to title partial codes. */
  builder?: { options(prefix: string): readonly { value: string; label: string }[] };
}

/**
 * Title of a partial PCS code from the table axes, root operation first:
 * `0DTJ` -> `Resection, Appendix` (as the Index's "see" wording reads).
 */
export function pcsPrefixTitle(
  pcs: PcsSource,
  prefix: string,
  memo: Map<string, readonly { value: string; label: string }[]> = new Map(),
): string | undefined {
  if (!pcs.builder || prefix.length < 3) return undefined;
  const labels: string[] = [];
  for (let i = 2; i < prefix.length; i++) {
    const at = prefix.slice(0, i);
    let options = memo.get(at);
    if (!options) memo.set(at, (options = pcs.builder.options(at)));
    const option = options.find((o) => o.value === prefix[i]);
    if (!option) return undefined;
    labels.push(option.label);
  }
  return labels.join(', ');
}

/** What search needs from HCPCS Level II ({@link HcpcsTable} satisfies it). */
export interface HcpcsSource {
  codes(): Iterable<{ code: string; long: string; terminated?: string | undefined }>;
}

/** Release identity of a table used (for the stored index's compatibility check). */
export interface CorpusSourceInfo {
  id: string;
  sha256: string;
  release: string;
}

/** Key for matching a see-reference to an Index line: first word of the main term + subterms. */
function seeKey(main: string, rest: string[]): string {
  const first = main.split(',')[0]!.trim().toLowerCase();
  return [first, ...rest.map((r) => r.trim().toLowerCase())].join('|');
}

/** `true` when `want` is `have` with some segments left out, and both end alike. */
function isSubsequence(want: readonly string[], have: readonly string[]): boolean {
  if (want.length === 0 || have.length < want.length || want[want.length - 1] !== have[have.length - 1]) return false;
  let k = 0;
  for (const h of have) if (k < want.length && h === want[k]) k++;
  return k === want.length;
}

interface SeeLine {
  segments: string[];
  code: string;
  see: string;
}

/**
 * Resolves "see" references to codes. A reference names the target by its main term and
 * subterms, leaving out the main term's alternate forms and a subterm's ("see Fracture, femur,
 * neck" means "Fracture, traumatic, femur, femoral, neck"); a target that is itself a "see" line
 * is followed (at most three steps).
 */
class SeeResolver {
  private readonly byKey = new Map<string, string>();
  private readonly byMain = new Map<string, SeeLine[]>();
  private readonly memo = new Map<string, string | undefined>();

  add(main: string, rest: string[], code: string, see: string): void {
    const key = seeKey(main, rest);
    if (code !== '' && !this.byKey.has(key)) this.byKey.set(key, code);
    const first = main.split(',')[0]!.trim().toLowerCase();
    // Alternate forms of a subterm ("femur, femoral") are segments too; matching by subsequence covers them.
    const segments = rest.map((r) => r.trim().toLowerCase());
    let list = this.byMain.get(first);
    if (!list) this.byMain.set(first, (list = []));
    list.push({ segments, code, see });
  }

  resolve(see: string, depth = 0): string | undefined {
    const parts = see
      .replace(/\(.*?\)/g, '')
      .split(',')
      .map((p) => p.trim().toLowerCase())
      .filter((p) => p.length > 0);
    if (parts.length === 0 || depth > 3) return undefined;
    const key = parts.join('|');
    if (this.memo.has(key)) return this.memo.get(key);
    this.memo.set(key, undefined); // a reference cycle resolves to nothing
    let code = this.byKey.get(key);
    if (code === undefined) {
      const want = parts.slice(1);
      let best: SeeLine | undefined;
      for (const line of this.byMain.get(parts[0]!) ?? []) {
        if ((line.code === '' && line.see === '') || !isSubsequence(want, line.segments)) continue;
        if (
          !best ||
          line.segments.length < best.segments.length ||
          (line.segments.length === best.segments.length && best.code === '' && line.code !== '')
        )
          best = line;
      }
      if (best) code = best.code !== '' ? best.code : this.resolve(best.see, depth + 1);
    }
    this.memo.set(key, code);
    return code;
  }
}

/**
 * How much of each main term is the word and its alternate forms (nonessential for a query), by
 * main term. "Failure, failed": "failed" is a form of the same word. "Fracture, pathological" and
 * "Fracture, traumatic" are two main terms of one word: the Index files the unqualified word's
 * detail under one of them (the one with the most lines, "Fracture, traumatic": "Fracture, burst -
 * see Fracture, traumatic"), so that one's qualifier is free and the others' qualifiers must be
 * typed ("hip fx" is a traumatic fracture, not a pathological one).
 *
 * @param mains the main term of every Index line, in Index order (repeats count the lines).
 */
export function alternateFormLengths(mains: Iterable<string>): Map<string, number> {
  const lines = new Map<string, number>();
  for (const m of mains) lines.set(m, (lines.get(m) ?? 0) + 1);
  const byWord = new Map<string, string>();
  for (const [m, n] of lines) {
    const word = m.split(',')[0]!.trim().toLowerCase();
    const best = byWord.get(word);
    if (best === undefined || n > lines.get(best)!) byWord.set(word, m);
  }
  const out = new Map<string, number>();
  for (const m of lines.keys()) {
    const segments = m.split(',');
    const first = segments[0]!.trim().toLowerCase();
    if (byWord.get(first) === m) {
      out.set(m, m.length);
      continue;
    }
    // Otherwise only the leading forms of the same word ("Tooth, teeth", "Anus, anal") are free.
    let length = segments[0]!.length;
    for (const seg of segments.slice(1)) {
      if (seg.trim().toLowerCase().slice(0, 2) !== first.slice(0, 2)) break;
      length += seg.length + 1;
    }
    out.set(m, length);
  }
  return out;
}

/**
 * ICD-10-CM entries: long titles, inclusion terms, Alphabetic and External Cause Index lines (with
 * their full path; "see" lines resolved to the code of their target when it has one), Table of
 * Drugs cells and Neoplasm Table cells. Lines whose code is not valid this year are left out.
 */
export function* cmEntries(cm: CmSource, inclusion?: Iterable<{ code: string; text: string }>): Generator<CorpusEntry> {
  const has = (code: string): boolean => code !== '' && cm.has(code);
  for (const source of ['index', 'eindex'] as const) {
    // First pass: code of each line by its main term and subterms, for "see" resolution.
    const see = new SeeResolver();
    let main = '';
    const lines: {
      path: string;
      title: string;
      nemod: string;
      code: string;
      manif: string;
      see: string;
      main: string;
    }[] = [];
    for (const e of cm.indexEntries(source)) {
      if (e.path === e.title) main = e.title;
      const code = normalizeCode(e.code);
      const manif = normalizeCode(e.manif);
      const line = { path: e.path, title: e.title, nemod: e.nemod, code, manif, see: e.see, main };
      lines.push(line);
      const rest = e.path === main ? [] : e.path.slice(main.length + 2).split(', ');
      see.add(main, rest, has(code) ? code : '', has(code) ? '' : e.see);
    }
    const kind = source === 'index' ? 'index' : 'eindex';
    const altLengths = alternateFormLengths(lines.map((l) => l.main));
    for (const l of lines) {
      const text = l.nemod ? `${l.path} ${l.nemod}` : l.path;
      const mainLength = l.main.split(',')[0]!.length;
      const altLength = altLengths.get(l.main) ?? mainLength;
      if (has(l.code)) yield { kind, system: 'cm', code: l.code, text, mainLength, altLength };
      if (has(l.manif)) yield { kind, system: 'cm', code: l.manif, text, mainLength, altLength };
      if (!has(l.code) && l.see) {
        // "Attack, heart - see Infarct, myocardium": lead to the target's code.
        const target = see.resolve(l.see);
        if (target) yield { kind, system: 'cm', code: target, text: `${text} (see ${l.see})`, mainLength, altLength };
      }
    }
  }
  for (const n of inclusion ?? cm.inclusionTerms?.() ?? []) {
    const code = normalizeCode(n.code);
    if (has(code)) yield { kind: 'inclusion', system: 'cm', code, text: n.text, mainLength: 0 };
  }
  for (const [kind, rows] of [
    ['drug', cm.drugRows()],
    ['neoplasm', cm.neoplasmRows()],
  ] as const) {
    for (const r of rows) {
      const main = r.path.split(', ')[0] ?? '';
      const text = r.nemod ? `${r.path} ${r.nemod}` : r.path;
      for (const cell of r.cells) {
        const code = normalizeCode(cell.code);
        if (cell.stale || !has(code)) continue;
        yield { kind, system: 'cm', code, text, mainLength: main.length, column: cell.column };
      }
    }
  }
}

/**
 * Inclusion terms read straight from an ICD-10-CM bundle's notes block (owner = a code).
 * Used until {@link CmSource.inclusionTerms} exists on the table class.
 */
export function* cmInclusionTerms(reader: BundleReader): Generator<{ code: string; text: string }> {
  if (!reader.has(CM_BLOCKS.notes)) return;
  const block = readJson<NotesBlock>(reader, CM_BLOCKS.notes);
  const kind = CM_NOTE_KINDS.indexOf('inclusionTerm');
  for (let i = 0; i < block.owners.length; i++) {
    const owner = block.owners[i]!;
    if (owner.includes(':')) continue; // section and chapter notes
    for (const [k, text] of block.notes[i] ?? []) if (k === kind) yield { code: owner, text };
  }
}

/** ICD-10-CM codes with their long titles. */
export function* cmCodes(cm: CmSource): Generator<CorpusCode> {
  for (const c of cm.all()) yield { system: 'cm', code: c.code, title: c.long, billable: c.billable };
}

/** ICD-10-PCS codes (valid 7-character codes) with their long titles. */
export function* pcsCodes(pcs: PcsSource): Generator<CorpusCode> {
  for (const c of pcs.entries()) yield { system: 'pcs', code: c.code, title: c.long, billable: true };
}

/**
 * ICD-10-PCS Index lines: a line with a code leads to it; a line with a code prefix (`0DTJ`)
 * leads to that partial code, titled by the `see` text ("Resection, Appendix") or the path.
 */
export function* pcsEntries(pcs: PcsSource): Generator<CorpusEntry> {
  const titles = new Map<string, string>();
  const memo = new Map<string, readonly { value: string; label: string }[]>();
  for (const e of pcs.index.entries()) {
    if (e.path.length === 0) continue;
    const path = e.path.join(', ');
    const mainLength = e.path[0]!.length;
    for (const t of e.targets) {
      if (!t.valid) continue;
      if ('code' in t && typeof t.code === 'string') {
        yield { kind: 'pcs-index', system: 'pcs', code: t.code, text: path, mainLength };
        continue;
      }
      const prefix = 'prefix' in t ? t.prefix : undefined;
      if (prefix === undefined) continue;
      const seeText = 'text' in t && t.text ? t.text : undefined;
      const text = t.kind === 'see' && seeText ? `${path} (see ${seeText})` : path;
      let title = titles.get(prefix);
      if (title === undefined) {
        title = pcsPrefixTitle(pcs, prefix, memo) ?? (t.kind === 'see' && seeText ? seeText : path);
        titles.set(prefix, title);
      }
      yield { kind: 'pcs-index', system: 'pcs', code: prefix, text, mainLength, codeTitle: title };
    }
  }
}

/** First descriptor segments that name a drug's form, not the thing (HCPCS J and Q codes). */
const DRUG_FORMS = new Set(['injection', 'infusion', 'inhalation solution', 'inhalation', 'implant', 'vaccine']);

/**
 * HCPCS Level II codes with their long descriptions; codes terminated before `activeFrom` (ISO
 * date, the first day of the fiscal year searched) are left out.
 */
export function* hcpcsCodes(h: HcpcsSource, activeFrom = '0000-00-00'): Generator<CorpusCode> {
  for (const c of h.codes()) {
    if (c.terminated !== undefined && c.terminated < activeFrom) continue;
    // The head of a descriptor is its first segment ("Walker, rigid ..."), except where that is
    // only the form of a drug ("Injection, ketorolac tromethamine, per 15 mg"): then the drug too.
    const comma = c.long.indexOf(',');
    const first = comma > 0 ? c.long.slice(0, comma).trim().toLowerCase() : '';
    const second = comma > 0 ? c.long.indexOf(',', comma + 1) : -1;
    const head = DRUG_FORMS.has(first) ? (second > 0 ? second : c.long.length) : comma > 0 ? comma : c.long.length;
    yield { system: 'hcpcs', code: c.code, title: c.long, billable: true, titleMain: head };
  }
}

/**
 * The corpus of one fiscal year from whichever tables are installed.
 *
 * @example buildSearchIndex(corpusFromTables({ fiscalYear: 2026, cm, pcs, sources }))
 */
export function corpusFromTables(t: {
  fiscalYear: number;
  cm?: CmSource;
  /** Inclusion terms when `cm` has no `inclusionTerms()` (see {@link cmInclusionTerms}). */
  cmInclusion?: Iterable<{ code: string; text: string }>;
  pcs?: PcsSource;
  hcpcs?: HcpcsSource;
  sources: CorpusSourceInfo[];
}): SearchCorpus {
  return {
    fiscalYear: t.fiscalYear,
    sources: t.sources,
    codes: (function* () {
      if (t.cm) yield* cmCodes(t.cm);
      if (t.pcs) yield* pcsCodes(t.pcs);
      if (t.hcpcs) yield* hcpcsCodes(t.hcpcs, `${t.fiscalYear - 1}-10-01`);
    })(),
    entries: (function* () {
      if (t.cm) yield* cmEntries(t.cm, t.cmInclusion);
      if (t.pcs) yield* pcsEntries(t.pcs);
    })(),
  };
}
