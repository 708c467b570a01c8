/**
 * Public types of code search: what goes into an index ({@link SearchCorpus}) and what a query
 * returns ({@link SearchHit}).
 */

/** Code system of a hit. */
export type SearchSystem = 'cm' | 'pcs' | 'hcpcs';

/** Why a code matched. */
export type MatchKind = 'index' | 'title' | 'inclusion' | 'code' | 'abbreviation' | 'drug' | 'neoplasm' | 'pcs-index';

/** Kinds of indexed text (a subset of {@link MatchKind}: `code` and `abbreviation` arise at query time). */
export type EntryKind = 'index' | 'eindex' | 'title' | 'inclusion' | 'drug' | 'neoplasm' | 'pcs-index';

/** The reason shown beside a hit. */
export interface SearchMatch {
  kind: MatchKind;
  /** What matched, as printed: the index path (`Failure, heart, systolic, acute on chronic`), the title, or the code. */
  text: string;
  /** For index-like matches, the same as `text` (the full path), kept for UIs that show a breadcrumb. */
  path?: string;
  /** Table column for drug and neoplasm rows (`Poisoning, Accidental (unintentional)`, `Malignant Primary`). */
  column?: string;
  /** When an abbreviation or lay term was expanded: `CHF -> congestive heart failure`, with the row's source. */
  expandedFrom?: { typed: string; expansion: string; source: string };
  /** When a word was matched by a near spelling: `pnemonia -> pneumon`. */
  corrected?: string[];
  /**
   * Set when the text led to a header (`C50.91-` in the Index) and this hit is that header's
   * default billable code: the header's display code.
   */
  viaHeader?: string;
  /** For `abbreviation` matches: the kind of text the expansion matched (index, title, ...). */
  entry?: EntryKind;
}

/** One search result. */
export interface SearchHit {
  /** Display form: dotted for ICD-10-CM (`I50.23`), as is for PCS and HCPCS. PCS index hits may be partial (`0DTJ`). */
  code: string;
  system: SearchSystem;
  title: string;
  /** `true` for a billable / valid-for-reporting code; `false` for a header or a partial PCS code. */
  billable: boolean;
  /** Relevance, higher is better; comparable within one query only. */
  score: number;
  match: SearchMatch;
}

/** Options of a query. */
export interface SearchOptions {
  /** Restrict to one code system. */
  system?: SearchSystem;
  /** Maximum hits (default 20, at most 200). */
  limit?: number;
  /**
   * `true` while the user is still typing the last word (type-ahead): the last word is matched as
   * a prefix. Default `true` when the query does not end with a space.
   */
  prefix?: boolean;
}

/** A code to index. */
export interface CorpusCode {
  system: SearchSystem;
  /** Undotted, upper case (`I5023`, `0DTJ0ZZ`, `E0601`). */
  code: string;
  title: string;
  billable: boolean;
  /**
   * Characters of `title` that name the thing (HCPCS descriptors read "Walker, rigid ...": the
   * part before the first comma); 0 when the title has no such head (ICD-10 titles).
   */
  titleMain?: number;
}

/** A text leading to a code (index line, inclusion term, table cell, PCS index line). */
export interface CorpusEntry {
  kind: EntryKind;
  system: SearchSystem;
  /** Undotted code the text leads to; it may be a header or a partial PCS code (`0DTJ`). */
  code: string;
  /** Text as shown: the full path for index-like entries. */
  text: string;
  /** Characters of `text` that form the main term (index-like entries); 0 for titles. */
  mainLength: number;
  /**
   * End of the main term's alternate forms (`Failure, failed`: `failed` is an alternate form of
   * the main term). Words between `mainLength` and `altLength` are nonessential. Default `mainLength`.
   */
  altLength?: number;
  /** Table column (drug / neoplasm tables). */
  column?: string;
  /** Title for a code that is not in the code list (partial PCS codes). */
  codeTitle?: string;
}

/** Everything one index is built from: the tables of one fiscal year. */
export interface SearchCorpus {
  fiscalYear: number;
  /** Ids and checksums of the table bundles used, so a stored index can be checked against what is installed. */
  sources: { id: string; sha256: string; release: string }[];
  codes: Iterable<CorpusCode>;
  entries: Iterable<CorpusEntry>;
}
