/**
 * Principal / first-listed diagnosis selection and the diagnosis sequence of an abstract (ICD-10-CM
 * Official Guidelines Sections II and IV, I.A.13, I.B.7, I.C.1.d.4, I.C.9.a, I.C.15.a.1, I.C.21.c.3,
 * c.4, c.7, c.8 and c.15, II.G, IV.A.1, IV.N). Pure: candidates, the analysed chart and the ICD-10-CM
 * table in, ranked choices with their reasons out.
 */
export {
  selectPrincipal,
  selectPrincipalExplained,
  RULES,
  type NotPrincipal,
  type PrincipalSelection,
  type SelectionOptions,
} from './select-principal';
export { sequenceDiagnoses } from './sequence-diagnoses';
export { precedenceNote, printed as printedNote, type OrderNote } from './tabular-order';
export type * from './types';
export { principalSelector } from './principal-selector';
export { zCodeRole, isPrincipalOnly, type ZCodeRole } from './z-code-role';
