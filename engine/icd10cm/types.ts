/**
 * Public types of the ICD-10-CM tables. Consumers (search, suggestions, the side panel, the CLI)
 * depend on these and on {@link CmTable}, never on the block layout.
 */
import type { BundleHeader } from '../bundle/format';
import type { CM_NOTE_KINDS } from './layout';

/** Kind of a Tabular List instructional note. */
export type CmNoteKind = (typeof CM_NOTE_KINDS)[number];

/** Where a note applies from: the code itself, an ancestor code, its section or its chapter. */
export type CmNoteLevel = 'code' | 'ancestor' | 'section' | 'chapter';

/** One instructional note that applies to a code. */
export interface CmNote {
  kind: CmNoteKind;
  /** Note text as printed in the Tabular List, e.g. `to identify stage of chronic kidney disease (N18.1-N18.6)`. */
  text: string;
  /** Where it is printed: dotted code (`E11`), `E08-E13` (section) or `Chapter 4`. */
  from: string;
  level: CmNoteLevel;
  /**
   * Codes referenced in the text that do not exist in this fiscal year (the Tabular List may be
   * older than the year's code list: see the bundle notes). Empty when every reference is valid.
   */
  staleRefs: string[];
}

/** One 7th character of a code's 7th-character table. */
export interface CmSeventhChar {
  char: string;
  meaning: string;
  /** Full dotted code with placeholder X filled to six characters, e.g. `S72.001A`, `T36.0X1A`. */
  code: string;
  /** `true` when that full code is a billable code of this fiscal year. */
  valid: boolean;
}

/** The 7th-character table applying to a code, and where it is defined. */
export interface CmSeventhTable {
  /** Dotted code whose definition applies (`S72`). */
  from: string;
  note: string[];
  chars: CmSeventhChar[];
}

/** One line of the Alphabetic Index or the External Cause Index. */
export interface CmIndexEntry {
  /** Row number within its source (stable for a bundle). */
  id: number;
  source: 'index' | 'eindex';
  /** Full path of titles, comma separated, e.g. `Failure, failed, heart, systolic, acute on chronic`. */
  path: string;
  title: string;
  /** Nonessential modifiers in parentheses, `""` when none. */
  nemod: string;
  /** Code as printed (dotted, may end in `-`), `""` when the line has none. */
  code: string;
  /** Manifestation code printed in brackets, `""` when none. */
  manif: string;
  see: string;
  seeAlso: string;
  /** `true` when `code` or `manif` is not a code of this fiscal year. */
  stale: boolean;
  /** The title or its modifiers say NEC ("not elsewhere classifiable": use only when nothing more specific exists). */
  nec: boolean;
  /** The title or its modifiers say NOS ("not otherwise specified"). */
  nos: boolean;
}

/** One row of the Table of Drugs and Chemicals or the Neoplasm Table. */
export interface CmTableRow {
  id: number;
  source: 'drug' | 'neoplasm';
  /** Full path, e.g. `Neoplasm, neoplastic, breast, upper-outer quadrant`. */
  path: string;
  title: string;
  nemod: string;
  see: string;
  seeAlso: string;
  /** One cell per column heading (after the first): heading, code as printed (`""` or `--` when none), stale flag. */
  cells: { column: string; code: string; stale: boolean }[];
}

/** A code in brief (iteration, children, ancestors). */
export interface CmCodeSummary {
  /** Undotted (`E1122`). */
  code: string;
  /** Dotted (`E11.22`). */
  dotted: string;
  billable: boolean;
  short: string;
  long: string;
}

/** Everything known about one code. */
export interface CmCodeDetail extends CmCodeSummary {
  chapter: { name: string; desc: string } | undefined;
  section: { id: string; desc: string } | undefined;
  /** From the category down to the parent. */
  ancestors: CmCodeSummary[];
  /** Every note that applies, own notes first, then parent ... category, section, chapter. */
  notes: CmNote[];
  /** 7th-character table applying to the code (own or inherited), if any. */
  seventh: CmSeventhTable | undefined;
  /**
   * `true` for a header whose billable descendants are 7-character codes formed from a
   * 7th-character table (S72, S72.001, T36.0X1): report one of those, not this code.
   */
  requiresSeventh: boolean;
  poaExempt: boolean;
  /** Added to the classification in this fiscal year. */
  newInYear: boolean;
  /** Title revised in this fiscal year. */
  revisedInYear: boolean;
  /** Changed between header and billable this fiscal year (e.g. B88.0, a header since FY2026). */
  billableChangedInYear: boolean;
  /**
   * Alphabetic/External Cause Index lines leading to this exact code; for a code new this year
   * that the (older) Index does not name, those of its nearest ancestor ({@link indexEntriesFrom}).
   */
  indexEntries: CmIndexEntry[];
  /** Dotted ancestor whose Index lines stand in for a code newer than the Index; else absent. */
  indexEntriesFrom?: string;
  fiscalYear: number;
}

/** Release information a table carries: these fields of its bundle's header, as the header gives them. */
export type CmReleaseInfo = Pick<
  BundleHeader,
  'id' | 'fiscalYear' | 'effectiveFrom' | 'effectiveTo' | 'release' | 'derivation' | 'provenance' | 'notes' | 'counts'
>;
