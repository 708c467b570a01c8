/**
 * Block layout of an ICD-10-CM bundle (`icd10cm-<FY>`): the contract between the importer in
 * `codesets/icd10cm/` (writes) and {@link CmTable} (reads).
 *
 * Columnar on purpose: one JSON array per field rather than one object per code, so the worker
 * parses ~98,000 codes with a handful of `JSON.parse` calls of flat arrays and keeps them as
 * arrays (no per-code object until `get()` is asked). Bump {@link CM_LAYOUT_VERSION} when a
 * block's meaning changes; {@link CmTable} refuses other versions.
 */

/** Version of the block layout below (stored in the `cm-codes` block as `layout`). */
export const CM_LAYOUT_VERSION = 3;

/** Block names inside an ICD-10-CM bundle. */
export const CM_BLOCKS = {
  codes: 'cm-codes',
  titles: 'cm-titles',
  tree: 'cm-tree',
  notes: 'cm-notes',
  seventh: 'cm-seventh',
  index: 'cm-index',
  eindex: 'cm-eindex',
  drugs: 'cm-drugs',
  neoplasms: 'cm-neoplasms',
  addenda: 'cm-addenda',
} as const;

/** Bits of {@link CodesBlock.flags}. */
export const CM_FLAG = {
  billable: 1,
  poaExempt: 2,
  /** Added to the classification in this fiscal year (order addenda "Add:"). */
  added: 4,
  /** Title revised in this fiscal year (order addenda "Revise to:"). */
  revised: 8,
  /** Changed between header and billable this fiscal year (deleted and re-added in the addenda). */
  billableChanged: 16,
  /**
   * A header at least one of whose billable descendants is a 7-character code formed from a
   * 7th-character table (S72, S72.001, T36.0X1): the code needs a 7th character to be reported.
   */
  requiresSeventh: 32,
} as const;

/** Instructional note kinds in Tabular List order (index = number stored in {@link NotesBlock}). */
export const CM_NOTE_KINDS = [
  'includes',
  'inclusionTerm',
  'excludes1',
  'excludes2',
  'codeFirst',
  'useAdditionalCode',
  'codeAlso',
  'notes',
] as const;

/**
 * Every code of the order file, in order file order: what validity checks need, kept small
 * (about 1.3 MB of JSON) so a table opens fast; titles are in {@link TitlesBlock}, read on first use.
 */
export interface CodesBlock {
  layout: number;
  /** Undotted codes (`E1122`), order-file order. */
  codes: string[];
  /** {@link CM_FLAG} bits per code. */
  flags: number[];
  /** `i - parentIndex`, `0` for categories (no parent). */
  parentDelta: number[];
  /** Index into {@link TreeBlock.sections} as runs: `[section, count]`, `-1` when unknown. */
  sectionRuns: [section: number, count: number][];
}

/**
 * Titles of every code, parallel to {@link CodesBlock.codes}. Front coded (each title stores how
 * many leading characters it shares with the previous code's title, then the rest): the order
 * file lists families together ("..., initial encounter", "..., subsequent encounter"), which cuts
 * the JSON from 10 MB to about 4.5 MB. A short title equal to its long title has prefix `-1`.
 */
export interface TitlesBlock {
  longPrefix: number[];
  longRest: string[];
  shortPrefix: number[];
  shortRest: string[];
}

/** Encodes long and short titles (inverse of {@link decodeTitles}). */
export function encodeTitles(long: readonly string[], short: readonly string[]): TitlesBlock {
  const l = encodeFrontCoded(long);
  const shortPrefix: number[] = [];
  const shortRest: string[] = [];
  let prev = '';
  short.forEach((v, i) => {
    if (v === long[i]) {
      shortPrefix.push(-1);
      shortRest.push('');
    } else {
      const k = sharedPrefix(prev, v);
      shortPrefix.push(k);
      shortRest.push(v.slice(k));
    }
    prev = v;
  });
  return { longPrefix: l.prefix, longRest: l.rest, shortPrefix, shortRest };
}

/** Decodes {@link TitlesBlock}. */
export function decodeTitles(b: TitlesBlock): { long: string[]; short: string[] } {
  const long = decodeFrontCoded(b.longPrefix, b.longRest);
  const short = new Array<string>(long.length);
  let prev = '';
  for (let i = 0; i < long.length; i++) {
    const k = b.shortPrefix[i]!;
    prev = k < 0 ? long[i]! : prev.slice(0, k) + b.shortRest[i]!;
    short[i] = prev;
  }
  return { long, short };
}

function sharedPrefix(a: string, b: string): number {
  let k = 0;
  const max = Math.min(a.length, b.length);
  while (k < max && a.charCodeAt(k) === b.charCodeAt(k)) k++;
  return k;
}

/** Front codes a list of strings against their predecessors (inverse of {@link decodeFrontCoded}). */
export function encodeFrontCoded(values: readonly string[]): { prefix: number[]; rest: string[] } {
  const prefix: number[] = [];
  const rest: string[] = [];
  let prev = '';
  for (const v of values) {
    const k = sharedPrefix(prev, v);
    prefix.push(k);
    rest.push(v.slice(k));
    prev = v;
  }
  return { prefix, rest };
}

/** Decodes front-coded strings. @example decodeFrontCoded([0, 3], ['abc', 'd']) // ['abc', 'abcd'] */
export function decodeFrontCoded(prefix: readonly number[], rest: readonly string[]): string[] {
  const out = new Array<string>(rest.length);
  let prev = '';
  for (let i = 0; i < rest.length; i++) {
    prev = prev.slice(0, prefix[i]) + rest[i]!;
    out[i] = prev;
  }
  return out;
}

/** Chapters and sections of the Tabular List. */
export interface TreeBlock {
  chapters: { name: string; desc: string }[];
  /** `id` as in the Tabular (`E08-E13`); `first`/`last` categories; `chapter` index. */
  sections: { id: string; desc: string; first: string; last: string; chapter: number }[];
}

/** One stored note: kind index, text, and the references in it that are not codes of this year. */
export type StoredNote = [kind: number, text: string, stale?: string[]];

/**
 * Instructional notes by owner. Owner keys: undotted code (`E11`), `section:E08-E13`,
 * `chapter:4`. Notes apply to the owner and everything below it.
 */
export interface NotesBlock {
  owners: string[];
  notes: StoredNote[][];
}

/** 7th-character definitions by owner (undotted code); inherited by every descendant. */
export interface SeventhBlock {
  owners: string[];
  defs: { note: string[]; chars: [char: string, meaning: string][] }[];
}

/**
 * An index-like tree flattened in document order (Alphabetic Index, External Cause Index, Table of
 * Drugs and Chemicals, Neoplasm Table). Row `i`'s parent is `parent[i]` (`-1` for a main term).
 */
export interface IndexTreeBlock {
  /** Column headings of a table (drugs, neoplasms); empty for the indexes. */
  heads: string[];
  title: string[];
  /** Nonessential modifiers, as printed (`(acute) (senile)`); `""` when none. */
  nemod: string[];
  parent: number[];
  /** Code given for the row (`E85.4`, `C79.8-`); `""` when none. subcat values appear here too. */
  code: string[];
  /** Manifestation code shown in brackets in the book (`[I43]`); `""` when none. */
  manif: string[];
  see: string[];
  seeAlso: string[];
  /** Table cells per row, one per heading after the first (`""` or `--` as printed). Tables only. */
  cells: string[][];
  /** Referenced codes (as printed) that are not codes of this fiscal year. */
  staleRefs: string[];
}

/** Changes against the previous fiscal year (order addenda). */
export interface AddendaBlock {
  /** `false` when no addenda file was available for this year. */
  available: boolean;
  added: string[];
  deleted: [code: string, title: string][];
  revised: [code: string, from: string, to: string][];
}
