/**
 * Claim and result types of the Medicare Code Editor.
 */
import type { SecondaryDx } from '../grouper/types';

/**
 * A claim to edit.
 *
 * @example
 * { pdx: 'O00209', sdx: [{ code: 'T79A29A', poa: 'Y' }], procedures: ['0BYL0Z0'], age: 42,
 *   sex: 'F', dischargeStatus: '01', dischargeDate: '2025-11-15' }
 */
export interface MceClaim {
  pdx: string;
  pdxPoa?: string;
  sdx: SecondaryDx[];
  procedures: string[];
  /** Age in years (valid 0-124). */
  age: number;
  /** 'M'/'1' male, 'F'/'2' female, 'U'/'0' unknown; anything else is INVALID_SEX. */
  sex: string;
  dischargeStatus: string;
  /** Discharge date, ISO `YYYY-MM-DD` or `yyyyMMdd`; selects the table rows. Required. */
  dischargeDate: string;
  /** Admission date; needed only for the length-of-stay edit. */
  admissionDate?: string;
  /** Hospital exempt from POA reporting (POA checks then skipped). */
  poaExemptHospital?: boolean;
}

/** Where an edit applies. */
export type EditTarget = { kind: 'pdx' | 'sdx' | 'procedure'; index: number; code: string } | { kind: 'claim' };

/** One edit fired (a finding: stable id = the CMS edit name). */
export interface MceEdit {
  /** CMS edit name, e.g. `AGE_CONFLICT`. */
  edit: string;
  /** Edit number in the component's list (1-based). */
  number: number;
  /** PREPAYMENT / POSTPAYMENT / NONE. */
  editType: string;
  target: EditTarget;
  message: string;
}

/** A present-on-admission finding. */
export interface PoaFinding {
  code: string;
  index: number;
  poa: string;
  /** `invalid-value`: not Y N U W 1 blank; `missing`: blank or 1 on a code that requires POA;
   * `reported-on-exempt-code`: Y/N/U/W on a POA-exempt code. */
  kind: 'invalid-value' | 'missing' | 'reported-on-exempt-code';
  message: string;
}

/** The editor's answer. */
export interface MceResult {
  /** Component version, e.g. '431'. */
  version: string;
  /** NONE, PREPAYMENT, POSTPAYMENT or BOTH. */
  editType: string;
  edits: MceEdit[];
  /** Edit name -> number of codes (or 1 for claim edits), in edit-number order. */
  counts: [string, number][];
  poa: PoaFinding[];
}
