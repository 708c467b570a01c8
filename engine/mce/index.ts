/**
 * Public API of the Medicare Code Editor (what the worker and the CLI use):
 *
 * ```ts
 * const mce = Mce.fromBundle(readerMce431);
 * const result = mce.edit({ ...claim, dischargeDate: '2026-02-10' });
 * result.editType; // NONE, PREPAYMENT, POSTPAYMENT, BOTH or INVALID_DISCHARGE_DATE
 * ```
 */
export { Mce, ChartsideMceClaimError, dateNumber, isEditableDate } from './mce';
export { mceReleaseFor, type MceReleaseDates } from './release-for-date';
export { formatEditsTsv, parseEditsTsvLine, EDITS_INPUT_COLUMNS, EDITS_OUTPUT_COLUMNS } from './fixture-format';
export { MCE_BLOCK, MCE_PAYLOAD_VERSION, type McePayload } from './payload';
export type * from './types';
