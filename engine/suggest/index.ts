/**
 * Code suggestions from chart text: {@link Suggester} (build once over the tables, then
 * `suggest(text, { setting })`), the lexicon it uses, and the result types.
 */
export { Suggester, ChartsideSuggestError } from './suggester';
export { buildLexicon, type SuggestLexicon, type LexEntry } from './lexicon';
export type * from './types';
export {
  trainAssociations,
  textFeatures,
  LEARNED_MODEL_VERSION,
  type LearnedModel,
  type TrainingDocument,
} from './learned';
export { DISPLAY_THRESHOLD, MAX_EVIDENCE_PER_SUGGESTION } from './types';
export { severityLookup, severityOfBundle, type SeverityOf } from './severity';
