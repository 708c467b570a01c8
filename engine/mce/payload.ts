/**
 * The compact, versioned payload of an `mce-43.1` bundle (block {@link MCE_BLOCK}). Written by
 * `codesets/msdrg/mce-tables.ts`, read by `engine/mce/mce.ts`. Same compaction as the grouper's
 * payload: interned attribute names, codes as one space-joined string, attribute lists as indexes
 * into a table of distinct lists.
 */

/** Name of the block holding an {@link McePayload}. */
export const MCE_BLOCK = 'mce';
/** Bump when the MCE payload's shape or meaning changes; readers refuse other versions. */
export const MCE_PAYLOAD_VERSION = 2;

/** Payload of the MCE tables. */
export interface McePayload {
  payloadVersion: number;
  /** Component version, e.g. `431`. */
  version: string;
  attributes: string[];
  attrSets: number[][];
  /** Distinct validity periods `[from, to]` (yyyymmdd, inclusive); rows point into it. */
  periods: [number, number][];
  /** Rows sorted by code then from date; a code may have several rows (history). */
  dx: { codes: string; period: number[]; attrSet: number[] };
  pr: { codes: string; period: number[]; attrSet: number[] };
  ageRanges: { group: string; start: number; end: number; from: number; to: number }[];
  dischargeStatus: { code: string; from: number; to: number }[];
  edits: { number: number; edit: string; codeType: string; editType: string; applicability: string }[];
  /** ICD-10-CM codes exempt from POA reporting (no dots), for the POA validation. */
  poaExempt: string[];
}
