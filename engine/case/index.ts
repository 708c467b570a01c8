export * from './model';
export * from './tabular-edits';
export * from './export';
export * from './recompute';
export * from './case-id';
export { noteRanges, inRange, type CodeRange } from './code-refs';
