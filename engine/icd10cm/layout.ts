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
export const CM_LAYOUT_VERSION = 1;

/** Block names inside an ICD-10-CM bundle. */
export const CM_BLOCKS = {
  codes: 'cm-codes',
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

/** Every code of the order file, in order file order. */
export interface CodesBlock {
  layout: number;
  /** Undotted codes (`E1122`), order-file order. */
  codes: string[];
  /** {@link CM_FLAG} bits per code. */
  flags: number[];
  /** Short (abbreviated) title; `""` when equal to the long title. */
  short: string[];
  long: string[];
  /** Index of the parent code (longest proper prefix present), `-1` for categories. */
  parent: number[];
  /** Index into {@link TreeBlock.sections}, `-1` when unknown. */
  section: number[];
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
