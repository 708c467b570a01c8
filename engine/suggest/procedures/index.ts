/** The ICD-10-PCS procedure coder (see coder.ts). */
export { codeProcedures } from './coder';
export { procedureSuggestions } from './to-suggestions';
export { withIndexMentions } from './index-mentions';
export type * from './types';
