/**
 * The compact search index: flat typed arrays, no object per text or per posting.
 *
 * - A *text* is one distinct string that leads to codes: a code title, an inclusion term, a full
 *   Alphabetic Index path, a drug/neoplasm row with its column, a PCS index path. Identical
 *   strings are stored once (many index lines and titles repeat).
 * - A *doc* links a text to a code with a kind (title, index, ...). Docs are sorted by text, so
 *   `textDocStart[t]..textDocStart[t+1]` are the docs of text `t`.
 * - A *term* is a stemmed word key ({@link stem}); `terms` is sorted so a prefix is a binary
 *   search. `postings[termStart[k]..termStart[k+1]]` lists the texts containing term `k`, each
 *   as `textId << 2 | field` (0 = index main term, 1 = other word, 2 = nonessential word in
 *   parentheses).
 * - Codes are integers: `codes` is sorted by system then code, so a typed code prefix is a
 *   binary search too.
 *
 * Nothing per query is stored: idf, fuzzy candidates and scores are computed at query time.
 */

/**
 * Format version of the serialized index. Bump when any array's meaning changes AND when the
 * builder's output changes for the same tables (stored indexes are compared by this version, the
 * vocabulary version and the bundles' sha256, then reused).
 */
export const SEARCH_INDEX_FORMAT_VERSION = 8;

/** Entry kinds by their stored number. */
export const ENTRY_KINDS = ['title', 'inclusion', 'index', 'eindex', 'drug', 'neoplasm', 'pcs-index'] as const;

/** Systems by their stored number. */
export const SYSTEMS = ['cm', 'pcs', 'hcpcs'] as const;

/** Field of a posting. */
export const FIELD = { main: 0, body: 1, paren: 2, alias: 3 } as const;

/** Bits of {@link SearchIndexData.textFlags}. */
export const TEXT_FLAG = {
  /** The text says "unspecified" / "NOS": the code a query without more detail means. */
  unspecified: 1,
  /** The text has a head term (Index main term, HCPCS descriptor head) in field 0. */
  hasMain: 2,
  /** The text names a side (right, left, bilateral). */
  lateral: 4,
} as const;

/** Bits of {@link SearchIndexData.docAux} for Index-like docs. */
export const AUX = { agreementMask: 0xff, excision: 0x100, inferred: 0x200 } as const;

/** Header of a serialized index. */
export interface SearchIndexHeader {
  formatVersion: number;
  fiscalYear: number;
  /** Version of the reviewed vocabulary (data/terms.ts) the index was built with. */
  termsVersion: number;
  /** Table bundles it was built from. */
  sources: { id: string; sha256: string; release: string }[];
  /** Table columns of drug/neoplasm docs, indexed by `docAux`. */
  columns: string[];
  counts: { texts: number; docs: number; terms: number; postings: number; codes: number };
  /** ISO time of the build (informational; excluded from nothing since the index is not committed). */
  builtAt: string;
}

/** The arrays of an index. */
export interface SearchIndexData {
  header: SearchIndexHeader;
  terms: string[];
  termStart: Uint32Array;
  postings: Uint32Array;
  /** UTF-8 byte offset of each text in the concatenation of all texts (one more than texts). */
  textStart: Uint32Array;
  /** The texts' UTF-8, concatenated; empty when {@link textChunks} holds them (a loaded index). */
  textBytes: Uint8Array;
  /** The texts compressed in chunks (text-store.ts), as a serialized index stores them. */
  textChunks?: import('./text-store').TextChunks;
  /** Sum of idf of a text's essential, non-filler distinct terms. */
  textNorm: Float32Array;
  textDocStart: Uint32Array;
  docCode: Uint32Array;
  docKind: Uint8Array;
  /**
   * Per kind: drug/neoplasm docs hold their column index + 1; Index and inclusion docs hold in
   * the low byte how much of the code's current title the text shares (0..255, see
   * {@link AUX}); PCS Index docs set {@link AUX.excision} when they lead to Excision.
   */
  docAux: Uint16Array;
  /** Per text, {@link TEXT_FLAG} bits. */
  textFlags: Uint8Array;
  /** Sum of idf of the essential terms of a text's head (field 0); 0 when it has none. */
  textMainNorm: Float32Array;
  codes: string[];
  codeSystem: Uint8Array;
  /** Bit 1 = billable. */
  codeFlags: Uint8Array;
  /** Text id of the code's title. */
  codeTitle: Uint32Array;
}
