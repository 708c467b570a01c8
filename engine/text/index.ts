/**
 * Clinical text pipeline: sections, sentences, lists, and the context and qualifiers of a
 * finding. Pure TypeScript, no DOM. Stable API (additive changes only), used by
 * `engine/suggest` and `engine/cdi`.
 *
 * Every offset is a UTF-16 index into the exact string passed in, `end` exclusive, so spans can
 * be shown, highlighted in the chart and compared across modules without re-tokenising.
 *
 * @example
 * import { analyzeText, findingContext, findingModifiers } from '../text';
 * const text = 'ASSESSMENT AND PLAN:\n1. No evidence of pneumonia.\n2. Acute on chronic systolic heart failure.';
 * const a = analyzeText(text);
 * a.sections[1].kind                          // 'assessment-plan'
 * const hf = text.indexOf('heart failure');
 * findingContext(text, { start: hf, end: hf + 13 }, a).negated          // false
 * findingModifiers(text, { start: hf, end: hf + 13 }, a).acuity?.value  // 'acute-on-chronic'
 */
import { findSections } from './sections';
import { splitSentences } from './sentences';
import type { TextAnalysis } from './types';

export type * from './types';
export { findingContext, sentenceAt, sectionAt } from './context';
export { findingEncounter, findingModifiers } from './modifiers';
export { sectionKindOf, authorOfKind } from './sections';
export { analyzeChart, type ChartAnalysis, type ChartOptions, type CareSetting } from './chart';
export { assertMention, type Assertion, type MentionAssertion, type Subject } from './assertion';
export {
  resolveAbbreviations,
  resolveSense,
  type ResolvedAbbreviation,
  type AbbreviationEntry,
  type AbbreviationSenseDef,
} from './abbreviations';
export { patientFacts, type PatientFacts } from './patient';
export { everydaySenseAt } from './everyday-senses';
export { ABBREVIATION_SENSES, ABBREVIATION_INVENTORY_VERSION } from './data/abbreviation-senses';

/** Longest text analysed (characters); longer input is analysed up to this length only (see {@link TextAnalysis.length}). */
export const MAX_TEXT_LENGTH = 2_000_000;

/**
 * Splits a note into sections (by headings), sentences and lists. Never throws for any string;
 * sections tile `[0, length)`, sentences are ordered, non-overlapping and trimmed.
 *
 * @param text Note text (plain text; a chart snapshot's `text`).
 * @example analyzeText('HPI: Cough.\nPlan: Rest.').sections.map((s) => s.kind) // ['hpi', 'assessment-plan']
 */
export function analyzeText(text: string): TextAnalysis {
  const body = text.length > MAX_TEXT_LENGTH ? text.slice(0, MAX_TEXT_LENGTH) : text;
  const sections = findSections(body);
  const { sentences, lists } = splitSentences(body, sections);
  return { version: 1, length: body.length, sections, sentences, lists };
}
