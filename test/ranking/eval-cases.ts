/**
 * The untuned search evaluation: query -> expected-code cases generated at evaluation time from
 * the official tables (never stored), plus the hand-written, sourced abbreviation list
 * (`abbreviations.tsv`). Each case is put deterministically into a tuning part (about 30%, the
 * only part anyone may look at while changing ranking) or a reported part (the figures).
 *
 * Kinds, each from text written by someone other than the search's authors:
 * - `index`: an Alphabetic Index line (main term and subterms, commas dropped) -> the billable
 *   code(s) that path leads to.
 * - `inclusion`: a Tabular inclusion term -> the billable code(s) it is printed under.
 * - `short-title`: the CMS abbreviated (short) title of a billable ICD-10-CM code, where it differs
 *   from the long title (NCHS's own abbreviations: "w", "unsp", "chr") -> that code.
 * - `pcs-operation`: a PCS root operation with a body part, as the tables name them ("Resection
 *   Appendix", "appendix resection") -> any code of that 4-character table row.
 * - `hcpcs-short`: the CMS short descriptor of an active HCPCS Level II code -> that code.
 * In both short-title kinds, codes whose long title is word for word the expected code's are
 * accepted too: search reads long titles, and nothing in them tells such codes apart.
 * - `abbreviation`: rows of `abbreviations.tsv` (published clinical abbreviation lists).
 * - `misspelling`: one keyboard slip (a neighbouring key, a transposition, a dropped or doubled
 *   letter) or one phonetic respelling (ph/f, ae/e, c/k ...) in one word of another case's
 *   query -> the same codes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HcpcsTable } from '../../engine/hcpcs/hcpcs-table';
import type { CmTable } from '../../engine/icd10cm/table';
import type { PcsTable } from '../../engine/icd10pcs/pcs-table';
import { formatCmCode } from '../../engine/codes/normalize';
import type { SearchSystem } from '../../engine/search/types';
import type { RankingCase } from './suite';

/** Kind of a generated case. */
export type EvalKind =
  'index' | 'inclusion' | 'short-title' | 'pcs-operation' | 'hcpcs-short' | 'abbreviation' | 'misspelling';

/** One evaluation case: a {@link RankingCase} with its kind and part. */
export interface EvalCase extends RankingCase {
  kind: EvalKind;
  part: 'tuning' | 'reported';
}

/** Tables the cases are generated from. */
export interface EvalTables {
  cm: CmTable;
  pcs?: PcsTable;
  hcpcs?: HcpcsTable;
}

/** 32-bit FNV-1a: a stable hash, so the split and the samples never change between runs. */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The part of a query: 3 in 10 tune, the rest are only reported. */
export function partOf(kind: EvalKind, query: string): 'tuning' | 'reported' {
  return fnv1a(`${kind}\u0001${query.toLowerCase()}`) % 10 < 3 ? 'tuning' : 'reported';
}

/** Keeps about `n` of `items` chosen by a hash of their key (the same ones on every run). */
function sample<T>(items: T[], n: number, key: (t: T) => string): T[] {
  if (items.length <= n) return items;
  return items
    .map((t) => ({ t, h: fnv1a(key(t), 0x9e3779b9) }))
    .sort((a, b) => a.h - b.h)
    .slice(0, n)
    .map((x) => x.t);
}

const norm = (q: string): string => q.toLowerCase().replace(/\s+/g, ' ').trim();

/** Groups query -> expected codes, keeping the first seen order. */
class Grouped {
  readonly map = new Map<string, { query: string; codes: string[] }>();
  add(query: string, code: string): void {
    const k = norm(query);
    let g = this.map.get(k);
    if (!g) this.map.set(k, (g = { query: query.replace(/\s+/g, ' ').trim(), codes: [] }));
    if (!g.codes.includes(code)) g.codes.push(code);
  }
}

function toCases(
  kind: EvalKind,
  system: SearchSystem,
  groups: { query: string; codes: string[] }[],
  reason: string,
): EvalCase[] {
  return groups.map((g, i) => ({
    line: i + 1,
    query: g.query,
    system,
    expected: g.codes,
    category: kind,
    reason,
    kind,
    part: partOf(kind, g.query),
  }));
}

/** Index lines -> billable codes. A query that leads to more than 4 codes is ambiguous by itself and left out. */
function indexCases(cm: CmTable, n: number): EvalCase[] {
  const g = new Grouped();
  for (const e of cm.indexEntries('index')) {
    if (e.stale || e.code === '' || e.see !== '') continue;
    const code = e.code.replace(/[.-]/g, '');
    if (!cm.isBillable(code)) continue;
    const query = e.path.replace(/\([^)]*\)/g, ' ').replace(/[,;]/g, ' ');
    const words = query.split(/\s+/).filter((w) => w.length > 0);
    if (words.length < 1 || words.length > 8) continue;
    g.add(query, formatCmCode(code));
  }
  const groups = [...g.map.values()].filter((x) => x.codes.length <= 4);
  return toCases(
    'index',
    'cm',
    sample(groups, n, (x) => x.query),
    'ICD-10-CM Alphabetic Index line (path as printed, commas dropped)',
  );
}

function inclusionCases(cm: CmTable, n: number): EvalCase[] {
  const g = new Grouped();
  for (const t of cm.inclusionTerms()) {
    if (!cm.isBillable(t.code)) continue;
    g.add(t.text.replace(/[[\]]/g, ' '), formatCmCode(t.code));
  }
  const groups = [...g.map.values()].filter((x) => x.codes.length <= 4);
  return toCases(
    'inclusion',
    'cm',
    sample(groups, n, (x) => x.query),
    'ICD-10-CM Tabular inclusion term printed under the code',
  );
}

/**
 * Adds to each group the codes whose long title is the same as an expected code's: search reads
 * long titles, so codes the classification words identically are a tie where any is correct.
 */
function withSameTitle(groups: Grouped, byCode: Map<string, string>): void {
  const byTitle = new Map<string, string[]>();
  for (const [code, title] of byCode) byTitle.set(norm(title), [...(byTitle.get(norm(title)) ?? []), code]);
  for (const gr of groups.map.values()) {
    for (const code of [...gr.codes]) {
      for (const same of byTitle.get(norm(byCode.get(code) ?? '')) ?? [])
        if (!gr.codes.includes(same)) gr.codes.push(same);
    }
  }
}

function shortTitleCases(cm: CmTable, n: number): EvalCase[] {
  const g = new Grouped();
  const longs = new Map<string, string>();
  for (const c of cm.all()) {
    if (!c.billable) continue;
    longs.set(c.dotted, c.long);
    if (norm(c.short) === norm(c.long)) continue;
    g.add(c.short, c.dotted);
  }
  withSameTitle(g, longs);
  const groups = [...g.map.values()].filter((x) => x.codes.length <= 4);
  return toCases(
    'short-title',
    'cm',
    sample(groups, n, (x) => x.query),
    'CMS abbreviated (short) title of the code, order file',
  );
}

/** Root operation + body part of the Medical and Surgical section's table rows. */
function pcsCases(pcs: PcsTable, n: number): EvalCase[] {
  const g = new Grouped();
  const b = pcs.builder;
  for (const sys of b.options('0')) {
    for (const op of b.options(`0${sys.value}`)) {
      for (const part of b.options(`0${sys.value}${op.value}`)) {
        const prefix = `0${sys.value}${op.value}${part.value}`;
        const body = part.label.replace(/,/g, ' ');
        // Two phrasings a coder uses: "resection appendix" and "appendix resection".
        const query = fnv1a(prefix) % 2 === 0 ? `${op.label} ${body}` : `${body} ${op.label}`;
        g.add(query, `${prefix}*`);
      }
    }
  }
  const groups = [...g.map.values()].filter((x) => x.codes.length <= 4);
  return toCases(
    'pcs-operation',
    'pcs',
    sample(groups, n, (x) => x.query),
    'ICD-10-PCS root operation and body part values of a table row (Tables XML)',
  );
}

function hcpcsCases(hcpcs: HcpcsTable, activeOn: string, n: number): EvalCase[] {
  const g = new Grouped();
  const longs = new Map<string, string>();
  for (const c of hcpcs.codes()) {
    if (c.kind !== 'code' || (c.terminated !== undefined && c.terminated < activeOn)) continue;
    longs.set(c.code, c.long);
    if (c.short.trim().length < 4) continue;
    g.add(c.short, c.code);
  }
  withSameTitle(g, longs);
  const groups = [...g.map.values()].filter((x) => x.codes.length <= 4);
  return toCases(
    'hcpcs-short',
    'hcpcs',
    sample(groups, n, (x) => x.query),
    'CMS HCPCS Level II short descriptor',
  );
}

/** Rows of `abbreviations.tsv`: abbreviation, system, expected, expansion, source. */
export function readAbbreviations(path = join(import.meta.dirname, 'abbreviations.tsv')): EvalCase[] {
  const out: EvalCase[] = [];
  let header = true;
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      const line = raw.replace(/\r$/, '');
      if (line.trim() === '' || line.startsWith('#')) return;
      if (header) {
        header = false;
        if (line !== 'query\tsystem\texpected\texpansion\tsource')
          throw new Error(`abbreviations.tsv: unexpected header "${line}"`);
        return;
      }
      const cols = line.split('\t');
      if (cols.length !== 5) throw new Error(`abbreviations.tsv:${i + 1}: expected 5 columns, got ${cols.length}`);
      const [query, system, expected, expansion, source] = cols as [string, string, string, string, string];
      if (system !== 'cm' && system !== 'pcs' && system !== 'hcpcs')
        throw new Error(`abbreviations.tsv:${i + 1}: bad system "${system}"`);
      out.push({
        line: i + 1,
        query,
        system,
        expected: expected.split('|'),
        category: 'abbreviation',
        reason: `${expansion} (${source})`,
        kind: 'abbreviation',
        part: partOf('abbreviation', query),
      });
    });
  return out;
}

const KEYBOARD = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
/** Letters next to a letter on a QWERTY keyboard (same row). */
function neighbours(ch: string): string[] {
  for (const row of KEYBOARD) {
    const i = row.indexOf(ch);
    if (i >= 0) return [row[i - 1], row[i + 1]].filter((x): x is string => x !== undefined);
  }
  return [];
}

/** Phonetic respellings: how a word is heard, not how it is spelled. */
const PHONETIC: [RegExp, string][] = [
  [/ph/, 'f'],
  [/ae/, 'e'],
  [/oe/, 'e'],
  [/y/, 'i'],
  [/c(?=[aou])/, 'k'],
  [/tion\b/, 'shun'],
  [/([bcdfglmnprst])\1/, '$1'],
  [/eu/, 'u'],
  [/ch(?=[aeiour])/, 'k'],
  [/ie/, 'ei'],
  [/ous\b/, 'us'],
];

/**
 * One misspelling of a query, deterministic in `seed`: the longest word of 5+ letters gets one
 * keyboard slip or one phonetic respelling. `undefined` when no word qualifies.
 */
export function misspell(query: string, seed: number): string | undefined {
  const words = query.split(' ');
  const candidates = words.map((w, i) => ({ w, i })).filter(({ w }) => /^[a-z]{5,}$/i.test(w));
  if (candidates.length === 0) return undefined;
  const { w, i } = candidates[seed % candidates.length]!;
  const lower = w.toLowerCase();
  const mode = (seed >>> 4) % 5;
  const at = 1 + ((seed >>> 8) % (lower.length - 2)); // never the first letter: coders rarely miss it
  let out: string | undefined;
  if (mode === 0) {
    const phon = PHONETIC.filter(([re]) => re.test(lower));
    if (phon.length > 0) {
      const [re, to] = phon[(seed >>> 12) % phon.length]!;
      out = lower.replace(re, to);
    }
  }
  if (out === undefined || out === lower) {
    const m = mode === 0 ? 1 + ((seed >>> 12) % 4) : mode;
    const ch = lower[at]!;
    if (m === 1) {
      const n = neighbours(ch);
      out =
        n.length > 0
          ? lower.slice(0, at) + n[(seed >>> 16) % n.length]! + lower.slice(at + 1)
          : lower.slice(0, at) + lower.slice(at + 1);
    } else if (m === 2) out = lower.slice(0, at) + lower[at + 1]! + ch + lower.slice(at + 2);
    else if (m === 3) out = lower.slice(0, at) + lower.slice(at + 1);
    else out = lower.slice(0, at) + ch + lower.slice(at);
  }
  if (out === lower) return undefined;
  const next = [...words];
  next[i] = out;
  return next.join(' ');
}

function misspellingCases(from: EvalCase[], n: number): EvalCase[] {
  const out: EvalCase[] = [];
  for (const c of from) {
    if (c.kind === 'misspelling' || c.query.split(' ').length > 6) continue;
    const q = misspell(c.query, fnv1a(c.query, 0x1234567));
    if (q === undefined) continue;
    // Misspelled from a tuning query stays in tuning: its reported twin would not be untuned.
    out.push({
      ...c,
      query: q,
      category: 'misspelling',
      kind: 'misspelling',
      reason: `misspelling of "${c.query}"`,
      part: c.part,
    });
  }
  return sample(out, n, (x) => x.query);
}

/** Sizes of each generated kind (before the split). */
export const EVAL_SIZES = {
  index: 1200,
  inclusion: 800,
  'short-title': 800,
  'pcs-operation': 500,
  'hcpcs-short': 500,
  misspelling: 600,
} as const;

/**
 * Generates every case from the tables of one year.
 *
 * @param activeOn first day of the fiscal year (ISO): HCPCS codes terminated before it are left out.
 */
export function generateEvalCases(t: EvalTables, activeOn: string): EvalCase[] {
  const base: EvalCase[] = [
    ...indexCases(t.cm, EVAL_SIZES.index),
    ...inclusionCases(t.cm, EVAL_SIZES.inclusion),
    ...shortTitleCases(t.cm, EVAL_SIZES['short-title']),
    ...(t.pcs ? pcsCases(t.pcs, EVAL_SIZES['pcs-operation']) : []),
    ...(t.hcpcs ? hcpcsCases(t.hcpcs, activeOn, EVAL_SIZES['hcpcs-short']) : []),
    ...readAbbreviations(),
  ];
  return [...base, ...misspellingCases(base, EVAL_SIZES.misspelling)];
}
