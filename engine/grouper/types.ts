/**
 * Claim and result types of the MS-DRG grouper. Plain data in, plain data out.
 */

/** Present-on-admission indicator as reported: Y, N, U, W, 1, or '' (blank / not reported). */
export type Poa = string;

/** One secondary diagnosis. */
export interface SecondaryDx {
  /** ICD-10-CM code, with or without the dot. */
  code: string;
  /** POA indicator; omitted = blank (not reported). */
  poa?: Poa;
}

/**
 * A claim to group.
 *
 * @example
 * { pdx: 'I214', sdx: [{ code: 'E1122', poa: 'Y' }], procedures: ['027034Z'], age: 67, sex: 'F',
 *   dischargeStatus: '01', dischargeDate: '2026-02-10' }
 */
export interface GrouperClaim {
  /** Principal diagnosis ('' = missing). */
  pdx: string;
  /** POA of the principal diagnosis (not used by grouping; checked by the POA validation). */
  pdxPoa?: Poa;
  /** Up to 24 secondary diagnoses, in claim order. */
  sdx: SecondaryDx[];
  /** Up to 25 ICD-10-PCS procedure codes, in claim order. */
  procedures: string[];
  /** Age in years at admission (0-124 valid). */
  age: number;
  /** 'M' (or '1'), 'F' (or '2'); anything else is unknown sex. */
  sex: string;
  /** UB-04 patient discharge status ('01', '1', '20' …). */
  dischargeStatus: string;
  /** ISO dates `YYYY-MM-DD`; the discharge date picks the grouper version. */
  admissionDate?: string;
  dischargeDate?: string;
  /** Force a grouper version ('43.0' / '43.1'); otherwise chosen from the discharge date. */
  version?: string;
}

/** Grouping options. */
export interface GroupOptions {
  /** Hospital exempt from POA reporting (then the HAC step is skipped). Default false. */
  poaExemptHospital?: boolean;
  /** Compute the explanation trail (which rows fired, which codes drove them). Default true. */
  explain?: boolean;
}

/** Grouper return codes (names as the CMS grouper's). */
export type ReturnCode =
  | 'OK'
  | 'INVALID_PDX'
  | 'DX_CANNOT_BE_PDX'
  | 'INVALID_SEX'
  | 'INVALID_DISCHARGE_STATUS'
  | 'UNGROUPABLE'
  | 'HAC_MISSING_ONE_POA';

/** How a secondary diagnosis counted toward severity (the CMS grouper's severity flag). */
export type SdxUsage =
  'MCC' | 'CC' | 'NEITHER' | 'MCC_EXCLUDED' | 'CC_EXCLUDED' | 'MCC_EXCLUDED_BY_DRG_LOGIC' | 'CC_EXCLUDED_BY_DRG_LOGIC';

/** Why a CC/MCC did not count. */
export type ExclusionReason =
  | { kind: 'pdx-exclusion'; principal: string; groups: number[] }
  | { kind: 'duplicate-of-principal' }
  | { kind: 'death-exclusion' }
  | { kind: 'hac'; hacs: number[]; poa: string }
  | { kind: 'drg-logic'; drg: number; operands: string[] };

/** One secondary diagnosis in the result. */
export interface SdxResult {
  code: string;
  poa: string;
  /** false = not a code of this grouper version (ignored). */
  valid: boolean;
  /** Level as a secondary diagnosis (null when invalid). */
  level: 'MCC' | 'CC' | 'NON_CC' | null;
  usage: SdxUsage;
  reason?: ExclusionReason;
}

/** One procedure in the result. */
export interface ProcedureResult {
  code: string;
  valid: boolean;
  /** O.R. or non-O.R. procedure. */
  role: 'OR' | 'NOR';
  /** Procedure clusters completed by this code on the claim. */
  clusters: string[];
}

/** A hospital-acquired condition found on the claim. */
export interface HacFinding {
  hac: number;
  title: string;
  code: string;
  poa: string;
  /**
   * `disqualified`: CC/MCC removed for the final DRG (POA N/U). `poa-missing` (blank or 1) and
   * `poa-invalid` (not Y N U W 1): the claim is ungroupable (DRG 999, HAC_MISSING_ONE_POA).
   * `poa-missing-beside-hac`: a HAC-list code whose HAC is not met, without a usable POA, on a claim
   * where another code was disqualified: also DRG 999, HAC_MISSING_ONE_POA.
   */
  status:
    | 'disqualified'
    | 'present-on-admission'
    | 'exempt-code'
    | 'exempt-hospital'
    | 'poa-missing'
    | 'poa-invalid'
    | 'poa-missing-beside-hac';
}

/** One formula row that fired, with the codes that made it true. */
export interface TrailStep {
  mdc: number;
  seq: number;
  drg: number;
  rerouteMdc: number;
  formula: string;
  /** Severity level the row saw (its own suppression applied). */
  severity: 'MCC' | 'CC' | 'NON_CC';
  drivers: { operand: string; codes: string[] }[];
}

/** The grouper's answer. */
export interface GroupResult {
  /** Grouper version used, e.g. '43.1'. */
  version: string;
  /** Set when the version could not be chosen from the discharge date (newest used). */
  versionNote?: string;
  finalDrg: number;
  initialDrg: number;
  /** Reported MDC (0 for error DRGs). */
  finalMdc: number;
  initialMdc: number;
  medSurg: 'MEDICAL' | 'SURGICAL' | 'NONE';
  severity: 'MCC' | 'CC' | 'NON_CC' | 'NONE';
  initialSeverity: 'MCC' | 'CC' | 'NON_CC' | 'NONE';
  returnCode: ReturnCode;
  baseDrg: number;
  title: string;
  mdcTitle: string;
  /** Relative weight, GMLOS and AMLOS (days) from the IPPS pricer table. */
  weight: number;
  gmlos: number;
  amlos: number;
  postAcute: boolean;
  specialPay: boolean;
  principal: { code: string; valid: boolean; mdc: number | null };
  secondary: SdxResult[];
  procedures: ProcedureResult[];
  hacs: HacFinding[];
  /** Final grouping's fired rows, in order (pre-MDC, MDC, reroutes). */
  trail: TrailStep[];
}
