/**
 * Block layout of an `icd10pcs-<year>` bundle. Written by `codesets/icd10pcs/`, read by
 * {@link PcsTable}. Bump {@link PCS_BLOCKS_VERSION} whenever a block's meaning changes; readers
 * refuse other versions.
 *
 * Compactness: valid codes are not stored. They are the expansion of the tables (checked at build
 * time to equal the order file's valid codes). Titles are stored as two text blocks in ascending
 * code order, so code `i` of the sorted expansion has title `i`; each line is coded against the
 * previous title of the same table (shared beginning and ending lengths, then the middle: see
 * `title-coding.ts`).
 */

/** Version of the PCS block layout (inside bundle format version 1). */
export const PCS_BLOCKS_VERSION = 3;

/** Block names. */
export const PCS_BLOCK = {
  tables: 'pcs-tables',
  longTitles: 'pcs-long-titles',
  shortTitles: 'pcs-short-titles',
  index: 'pcs-index',
  definitions: 'pcs-definitions',
} as const;

/** One axis of a table or row. Strings are indexes into {@link PcsTablesBlock.strings}. */
export interface PcsAxisRecord {
  /** Character position 1-7. */
  pos: number;
  /** Axis name as printed in the tables, e.g. "Body Part" (string index). */
  title: number;
  /** Value characters in file order, one character per value. */
  chars: string;
  /** Label of each value (string index), parallel to `chars`. */
  labels: number[];
  /** Definition printed with the axis (root operation), string index or -1. */
  definition: number;
}

/** One `pcsTable`: axes 1-3 (one value each) and its rows (axes 4-7). */
export interface PcsTableRecord {
  axes: [PcsAxisRecord, PcsAxisRecord, PcsAxisRecord];
  rows: [PcsAxisRecord, PcsAxisRecord, PcsAxisRecord, PcsAxisRecord][];
  /** Long title of the table's header line in the order file (string index), or -1. */
  header: number;
}

/** The `pcs-tables` block. */
export interface PcsTablesBlock {
  version: number;
  /** String pool (axis names, labels, definitions), sorted, deduplicated. */
  strings: string[];
  /** Tables sorted by their 3-character prefix. */
  tables: PcsTableRecord[];
}

/** A target of an index entry, as printed in the Index XML. */
export type PcsIndexTargetRecord =
  /** `<code>`: a complete 7-character code. */
  | { kind: 'code'; code: string }
  /** `<codes>`: a code prefix of 4-6 characters (the table plus body part, etc.). */
  | { kind: 'codes'; prefix: string }
  /** `<tab>`: a 3-character table. */
  | { kind: 'tab'; prefix: string }
  /** `<see>`: another index term, optionally with a code prefix (`<codes>`/`<tab>` inside). */
  | { kind: 'see'; text: string; prefix?: string }
  /** `<use>`: the axis value to use for this term (body part, device, substance...). */
  | { kind: 'use'; text: string; prefix?: string };

/** One main term or subterm of the Index. */
export interface PcsIndexNodeRecord {
  /** Omitted when the XML term has no title (a bare `see`/`use` under its parent). */
  title?: string;
  targets?: PcsIndexTargetRecord[];
  terms?: PcsIndexNodeRecord[];
}

/** The `pcs-index` block. */
export interface PcsIndexBlock {
  version: number;
  /** Release year of the Index XML (may be older than the bundle's fiscal year). */
  releaseYear: number;
  mainTerms: PcsIndexNodeRecord[];
}

/** One entry ("terms") of an axis in the Definitions XML. */
export interface PcsDefinitionTermRecord {
  /** Value names this entry applies to (several when e.g. Left and Right share one entry). */
  titles: string[];
  definition?: string;
  explanation?: string;
  /** Body-part key / device key / substance key: what the value includes. */
  includes: string[];
}

/** The `pcs-definitions` block. */
export interface PcsDefinitionsBlock {
  version: number;
  sections: {
    code: string;
    title: string;
    axes: { pos: number; title: string; terms: PcsDefinitionTermRecord[] }[];
  }[];
  /** Device aggregation table: specific device -> general device value. */
  deviceAggregation: {
    device: string;
    operations: string[];
    bodySystems: string[];
    parent: { value: string; text: string };
  }[];
}
