/**
 * Block layout of an `hcpcs-<year>` bundle, written by `codesets/hcpcs/` and read by
 * {@link HcpcsTable}. Columnar JSON (one array per field, same order) keeps the payload small and
 * the parse fast. Bump {@link HCPCS_BLOCKS_VERSION} when a block's meaning changes.
 */

/** Version of the HCPCS block layout (inside bundle format version 1). */
export const HCPCS_BLOCKS_VERSION = 1;

/** Block names. */
export const HCPCS_BLOCK = { codes: 'hcpcs-codes', modifiers: 'hcpcs-modifiers' } as const;

/** Codes or modifiers, column by column, sorted by code. Empty strings stand for blank fields. */
export interface HcpcsColumnsBlock {
  version: number;
  code: string[];
  long: string[];
  short: string[];
  /** ISO dates (YYYY-MM-DD) or ''. */
  added: string[];
  actionEffective: string[];
  terminated: string[];
  /** ACTION CD letters. */
  action: string[];
  /** Medicare coverage code (COV). */
  coverage: string[];
  betos: string[];
  /** Pricing indicator 1. */
  pricing: string[];
}
