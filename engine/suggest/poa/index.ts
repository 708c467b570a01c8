/**
 * Present-on-admission pre-fill with reasons (ICD-10-CM Official Guidelines, Appendix I, POA
 * reporting guidelines). Pure: diagnoses with their chart mentions, the analysed chart and the
 * ICD-10-CM table in, one indicator per code with its reason out.
 */
export { assignPoa } from './assign-poa';
export { timingOf, isAdmissionNote, type Timing } from './admission-time';
export type * from './types';
export { poaAssigner } from './poa-assigner';
