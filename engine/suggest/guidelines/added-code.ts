/**
 * A code a guideline rule reads from what the chart says rather than from an Index match (a
 * family history or allergy status code): reported with the mention it rests on as its quote, and
 * the rule and reason on its trail.
 */
import type { Evidence } from '../types';
import { candidateOf } from './added-candidate';
import type { CandidateMention, GuidelineCandidate, GuidelineRule } from './types';

/** What a rule adds. */
export interface AddedCode {
  /** ICD-10-CM code (dotted, billable). */
  code: string;
  /** Its Tabular title. */
  title: string;
  /** The official lines that lead to it (shown as the suggestion's path). */
  path: string;
  /** The mention it rests on (its quote); its assertion is what the code codes. */
  mention: CandidateMention;
  /** Confidence of the added code, 0..1. */
  score: number;
  reason: string;
}

/**
 * Reports `add.code`: a candidate already listed as "also documented" is moved to the report; a
 * suppressed one stays suppressed (a rule said why); otherwise a new candidate is appended.
 * Returns `false` when the code was already reported or suppressed.
 *
 * @example addCode(cands, familyHistoryRule, { code: 'Z80.3', title: '...', path: '...', mention, score: 0.5, reason: '...' })
 */
export function addCode(cands: GuidelineCandidate[], rule: Pick<GuidelineRule, 'section'>, add: AddedCode): boolean {
  const step = { rule: rule.section, action: 'add' as const, reason: add.reason };
  const existing = cands.find((x) => x.system === 'cm' && x.code === add.code);
  if (existing) {
    if (existing.tier !== 'also') return false;
    existing.tier = 'report';
    existing.rules.push(step);
    return true;
  }
  const evidence: Evidence = { ...add.mention.evidence, score: add.score };
  const mention: CandidateMention = { ...add.mention, evidence };
  cands.push(candidateOf(add, [mention], mention.assertion.assertion, step));
  return true;
}
