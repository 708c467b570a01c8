/**
 * ICD-10-CM tables for the engine: open a bundle with {@link CmTable.fromReader}, then `get`,
 * `children`, `all`, `indexEntries`, `drugRows`, `neoplasmRows`.
 */
export { CmTable, ChartsideCmTableError, type CmGetOptions } from './table';
export type * from './types';
export { CM_BLOCKS, CM_LAYOUT_VERSION, CM_NOTE_KINDS } from './layout';
