/** Small helpers the sequencing rules share: move a candidate above or below another, with its reason. */
import type { GuidelineSection, RankedCandidate } from './types';

/** Places `c` just above `other` (when it is not already), recording the rule that did it. */
export function placeAbove(
  c: RankedCandidate,
  other: RankedCandidate,
  rule: GuidelineSection,
  reason: string,
  quote?: string,
): void {
  if (c.score > other.score) return;
  c.score = other.score + 0.5;
  decide(c, rule, reason, quote);
}

/** Places `c` just below `other` (when it is not already), recording the rule that did it. */
export function placeBelow(
  c: RankedCandidate,
  other: RankedCandidate,
  rule: GuidelineSection,
  reason: string,
  quote?: string,
): void {
  if (c.score < other.score) return;
  c.score = other.score - 0.5;
  decide(c, rule, reason, quote);
}

/** Records the deciding rule of a choice; a Tabular quote replaces the chart quote and its span. */
export function decide(c: RankedCandidate, rule: GuidelineSection, reason: string, quote?: string): void {
  c.rule = rule;
  c.reason = reason;
  if (quote !== undefined) {
    c.quote = quote;
    delete c.span;
  }
}

/** Highest-scoring candidate first; equal scores keep the suggester's confidence order. */
export function byScore(a: RankedCandidate, b: RankedCandidate): number {
  return b.score - a.score || b.candidate.score - a.candidate.score || a.code.localeCompare(b.code);
}

/** Is the code in ICD-10-CM Chapter 18 (symptoms, signs and abnormal findings, R00-R99)? */
export const isSymptom = (code: string): boolean => code.startsWith('R');
