/**
 * The compact, versioned payload of an `msdrg-43.x` bundle (block {@link GROUPER_BLOCK}). Written
 * by `codesets/msdrg/`, read by `engine/grouper/tables.ts`. (The MCE's is in `engine/mce/payload.ts`.)
 *
 * Compactness: every attribute name is interned once (`attributes[i]`), codes are stored as one
 * space-joined string, per-code data as parallel integer columns, and attribute lists as indexes
 * into a table of distinct lists (`attrSets`): the 74,719 diagnoses share about 7,000 distinct
 * attribute lists. Formulas stay as text and are compiled once at load (engine/grouper/formula.ts).
 */

/** Name of the block holding a {@link GrouperPayload}. */
export const GROUPER_BLOCK = 'grouper';
/** Bump when the payload's shape or meaning changes; readers refuse other versions. */
export const GROUPER_PAYLOAD_VERSION = 1;

/** Severity of a secondary diagnosis: 0 non-CC, 1 CC, 2 MCC. */
export type SeverityLevel = 0 | 1 | 2;

/** One DRG formula row, as in `drg_formulas.tsv`, in evaluation (`seq`) order within its MDC. */
export interface FormulaRow {
  mdc: number;
  seq: number;
  drg: number;
  baseDrg: number;
  /** 'S' surgical, 'M' medical, 'N' not applicable. */
  medSurg: 'S' | 'M' | 'N';
  rerouteMdc: number;
  /** Attribute ids: SDX codes carrying any of them do not count toward this row's severity. */
  suppress: number[];
  formula: string;
}

/** Payload of one MS-DRG version. */
export interface GrouperPayload {
  payloadVersion: number;
  /** `43.0` or `43.1`. */
  version: string;
  /** Interned attribute names (dx, dx category, dx HAC, procedure, procedure HAC, cluster). */
  attributes: string[];
  /** Distinct attribute-id lists, sorted; index 0 is the empty list. */
  attrSets: number[][];
  dx: {
    /** Codes without dots, sorted, space-joined. */
    codes: string;
    /** MDC as principal. */
    mdc: number[];
    /** 0, or male MDC * 100 + female MDC for the 74 codes whose MDC depends on sex. */
    sexMdc: number[];
    severity: SeverityLevel[];
    /** Index into `attrSets` (attributes, category attributes and HAC attributes together). */
    attrSet: number[];
    /** Index into `exclSets`: CC-exclusion groups applied when the code is principal. */
    exclSet: number[];
    /** Bit n-1 set = the code can trigger HAC n. */
    hacMask: number[];
  };
  /** Distinct lists of exclusion-group indexes; index 0 is the empty list. */
  exclSets: number[][];
  /** CC-exclusion groups: group index -> sorted dx indexes excluded. */
  exclGroups: number[][];
  pr: {
    codes: string;
    /** '1' = non-O.R. (`nonor`), '0' = O.R., one character per code. */
    nor: string;
    attrSet: number[];
    /** Indexes into `clusters` of the clusters the code is a member of (empty list = none). */
    clusters: number[][];
  };
  clusters: {
    id: string;
    suppressionMdcs: number[];
    /** Each slot: procedure indexes, any of which fills it. */
    slots: number[][];
    /** Index into `attrSets`: attributes the complete cluster contributes. */
    attrSet: number;
  }[];
  formulas: FormulaRow[];
  drgs: { drg: number; mdcs: number[]; medSurg: string; title: string }[];
  baseDrgs: { drg: number; title: string }[];
  mdcs: { mdc: number; title: string }[];
  hacFormulas: { hac: number; title: string; formula: string }[];
  /** From drgstable-2026.csv (IPPS pricer), by DRG number. */
  weights: { drg: number; weight: number; gmlos: number; amlos: number; postAcute: boolean; specialPay: boolean }[];
  /** Titles, MDC and M/P designation from appendix_A.txt. */
  appendixA: { drg: number; mdc: string; type: string; title: string }[];
  /** ICD-10-CM codes exempt from POA reporting (no dots). */
  poaExempt: string[];
  /** UB-04 patient discharge status codes valid for the version's dates (two digits). */
  dischargeStatuses: string[];
}
