/** Moving a candidate between tiers, always with the rule and the reason on its trail. */
import type { GuidelineCandidate, GuidelineRule } from './types';

/** Moves a reported candidate to "also documented" (documented, not reported). */
export function demote(c: GuidelineCandidate, rule: Pick<GuidelineRule, 'section'>, reason: string): void {
  if (c.tier !== 'report') return;
  c.tier = 'also';
  c.rules.push({ rule: rule.section, action: 'demote', reason });
}

/** Suppresses a candidate (never to be reported): the rule and reason stay visible on demand. */
export function suppress(c: GuidelineCandidate, rule: Pick<GuidelineRule, 'section'>, reason: string): void {
  if (c.tier === 'suppressed') return;
  c.tier = 'suppressed';
  c.rules.push({ rule: rule.section, action: 'drop', reason });
}

/** Records that a rule looked at a reported candidate and kept it (e.g. "with" presumption). */
export function keep(c: GuidelineCandidate, rule: Pick<GuidelineRule, 'section'>, reason: string): void {
  c.rules.push({ rule: rule.section, action: 'keep', reason });
}

/** Reported candidates of a system. */
export function reported(cands: readonly GuidelineCandidate[], system: 'cm' | 'pcs' = 'cm'): GuidelineCandidate[] {
  return cands.filter((c) => c.tier === 'report' && c.system === system);
}

/** ICD-10-CM code without its dot. */
export const undotted = (code: string): string => code.replace('.', '');
