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
  indexEntries(source?: 'index' | 'eindex'): Iterable<{ path: string; title: string; nemod: string; code: string; manif: string; see: string; stale: boolean }>;
  drugRows(): Iterable<{ path: string; title: string; nemod: string; cells: { column: string; code: string; stale: boolean }[] }>;
  neoplasmRows(): Iterable<{ path: string; title: string; nemod: string; see: string; cells: { column: string; code: string; stale: boolean }[] }>;
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

/**
 * ICD-10-CM entries: long titles, inclusion terms, Alphabetic and External Cause Index lines (with
 * their full path; "see" lines resolved to the code of their target when it has one), Table of
 * Drugs cells and Neoplasm Table cells. Lines whose code is not valid this year are left out.
 */
export function* cmEntries(cm: CmSource, inclusion?: Iterable<{ code: string; text: string }>): Generator<CorpusEntry> {
  const has = (code: string): boolean => code !== '' && cm.has(code);
  for (const source of ['index', 'eindex'] as const) {
    // First pass: code of each line by a comma-insensitive key, for "see" resolution.
    const byKey = new Map<string, string>();
    let main = '';
    const lines: { path: string; title: string; nemod: string; code: string; manif: string; see: string; main: string }[] = [];
    for (const e of cm.indexEntries(source)) {
      if (e.path === e.title) main = e.title;
      const code = normalizeCode(e.code);
      const manif = normalizeCode(e.manif);
      const line = { path: e.path, title: e.title, nemod: e.nemod, code, manif, see: e.see, main };
      lines.push(line);
      if (has(code)) {
        const rest = e.path === main ? [] : e.path.slice(main.length + 2).split(', ');
        const key = seeKey(main, rest);
        if (!byKey.has(key)) byKey.set(key, code);
      }
    }
    const kind = source === 'index' ? 'index' : 'eindex';
    for (const l of lines) {
      const text = l.nemod ? `${l.path} ${l.nemod}` : l.path;
      // "Failure, failed": the first form is the main term, the others are alternate forms.
      const mainLength = l.main.split(',')[0]!.length;
      const altLength = l.main.length;
      if (has(l.code)) yield { kind, system: 'cm', code: l.code, text, mainLength, altLength };
      if (has(l.manif)) yield { kind, system: 'cm', code: l.manif, text, mainLength, altLength };
      if (!has(l.code) && l.see) {
        // "Attack, heart - see Infarct, myocardium": lead to the target's code.
        const parts = l.see.replace(/\(.*?\)/g, '').split(',').map((p) => p.trim()).filter((p) => p.length > 0);
        const target = parts.length > 0 ? byKey.get(seeKey(parts[0]!, parts.slice(1))) : undefined;
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
