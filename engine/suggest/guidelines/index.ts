/**
 * The guideline stage (after the Index/Tabular candidates): {@link applyGuidelines} sorts every
 * candidate into "report", "also documented" or "suppressed", each with its rule trail.
 */
import { RULES } from './rules';
import { toCandidates } from './candidates';
import type { GuidelineCandidate, GuidelineContext } from './types';
import type { SuggestResult } from '../types';

export type * from './types';
export { RULES } from './rules';
export { toCandidates } from './candidates';

/**
 * Runs the rules over a suggestion result (computed with `excluded: 'demote'` so that negated
 * and ruled-out mentions are seen and suppressed with their reason).
 *
 * @example applyGuidelines(result, ctx).filter((c) => c.tier === 'report').map((c) => c.code)
 */
export function applyGuidelines(result: SuggestResult, ctx: GuidelineContext): GuidelineCandidate[] {
  const cands = toCandidates(result, ctx);
  for (const rule of RULES) rule.apply(cands, ctx);
  return cands;
}
