/** Public types of the procedure coder (ICD-10-PCS, built axis by axis). */
import type { Assertion } from '../../text';

/** One procedure statement: a clause of the chart that names one operation. */
export interface ProcedureStatement {
  /** The operation words and their neighbourhood (the clause up to the next operation). */
  start: number;
  end: number;
  text: string;
  /** The whole line or sentence the clause belongs to (laterality and approach may sit there). */
  itemStart: number;
  itemEnd: number;
  /** The words that name the operation, e.g. "cholecystectomy" (offsets into the chart). */
  termStart: number;
  termEnd: number;
  /** Section kind where the statement was read (procedure title, hospital course...). */
  section: string;
  /** Assertion of the statement (only `affirmed` procedures are coded). */
  assertion: Assertion;
}

/** Why one character of a code has its value. */
export interface AxisReason {
  /** Character position 3-7 (3 = root operation, 4 = body part, 5 = approach, 6 = device, 7 = qualifier). */
  position: number;
  /** Axis name as printed in the table ("Body Part", "Approach"...). */
  axis: string;
  value: string;
  /** Label of the value in the PCS Tables. */
  label: string;
  /** Which words chose it and by which guideline, e.g. `"laparoscopic" (B5.2: percutaneous endoscopic)`. */
  reason: string;
}

/** One procedure the coder proposes. */
export interface ProcedureProposal {
  /** Full 7-character code, or the valid prefix when the chart lacks the detail (`partial`). */
  code: string;
  partial: boolean;
  /** The axes still to choose when partial, e.g. `device, qualifier`. */
  openAxes?: string;
  statement: ProcedureStatement;
  axes: AxisReason[];
}

/** A procedure statement the coder read and did not code, with the rule. */
export interface ProcedureSuppression {
  statement: ProcedureStatement;
  /** Guideline section or convention, e.g. `B3.1b`, `UHDDS`. */
  rule: string;
  reason: string;
  /** The code (or prefix) it would have had, when one was built. */
  code?: string;
}

/** Result of {@link codeProcedures}. */
export interface ProcedureCoding {
  proposals: ProcedureProposal[];
  suppressed: ProcedureSuppression[];
}
