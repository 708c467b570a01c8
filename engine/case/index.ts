export * from './model';
export * from './tabular-edits';
export * from './export';
export { noteRanges, inRange, type CodeRange } from './code-refs';
