/**
 * Procedure words matched by the Index anywhere in the chart (an echocardiogram in the results, an
 * ECG, a biopsy named in the history) stay visible as documented, never proposed: only the
 * procedure coder (coder.ts) reads what was done in this encounter. A code the coder built for
 * the same procedure is not listed twice.
 */
import { DISPLAY_THRESHOLD, type Suggestion } from '../types';

/** Score of an Index-word procedure: below the display threshold, so "also documented". */
const DOCUMENTED_SCORE = DISPLAY_THRESHOLD * 0.8;

/**
 * The coder's suggestions, then the Index-word ones it did not build, capped as documented.
 *
 * @example withIndexMentions(coded, indexWords).filter((s) => s.score >= DISPLAY_THRESHOLD) // the coder's only
 */
export function withIndexMentions(coded: readonly Suggestion[], indexWords: readonly Suggestion[]): Suggestion[] {
  const built = coded.map((s) => s.code);
  const overlaps = (code: string): boolean => built.some((b) => b.startsWith(code) || code.startsWith(b));
  return [
    ...coded,
    ...indexWords
      .filter((s) => !overlaps(s.code))
      .map((s) => ({
        ...s,
        score: Math.min(s.score, DOCUMENTED_SCORE),
        evidence: s.evidence.map((e) => ({ ...e, score: Math.min(e.score, DOCUMENTED_SCORE) })),
        notes: [...s.notes, 'Index word outside a procedure statement of this encounter: documented, not proposed'],
      })),
  ];
}
