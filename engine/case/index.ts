export * from './model';
export * from './tabular-edits';
export * from './export';
export * from './recompute';
export * from './case-id';
export { noteRanges, inRange, type CodeRange } from './code-refs';
export { acceptAbstract, type AcceptedAbstract, type AcceptedDiagnosis } from './accept-abstract';
export {
  principalImpact,
  type PrincipalImpact,
  type PrincipalImpactResult,
  type RankedPrincipal,
} from './principal-impact';
export { mceForDisplay } from './mce-display';
