/** Shared code helpers: normalisation, display, and release selection by date of service. */
export { normalizeCode, formatCmCode, isCmCodeShape } from './normalize';
export { pickRelease, fiscalYearOf, ChartsideNoReleaseError, type DatedRelease, type PickedRelease } from './release';
export { drgOrientation, msdrgFiscalYear, type DrgOrientation, type DrgResultCodes } from './drg-orientation';
