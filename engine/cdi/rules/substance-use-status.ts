import type { Opportunity } from '../opportunity';
import type { CdiRule, RuleContext } from './context';
import { opp } from './helpers';

// A use disorder stated with its level (abuse, dependence, use disorder with severity, addiction)
// or its remission answers the question (ICD-10-CM I.C.5.b.1 hierarchy; F11–F19 .1x/.2x/.9x).
const SPECIFIED =
  /\b(?:abuse|dependence|dependent|use disorder|addiction|addicted|in (?:early |sustained )?remission)\b/i;

/**
 * Substance use status (ICD-10-CM Guidelines I.C.5.b: when use, abuse and dependence of the same
 * substance are documented only the highest is coded, and "use" is coded only when the provider
 * relates it to a condition; the provider documents which): illicit or injected drug use written
 * as "use" (current or past) without abuse, dependence, use disorder or remission.
 */
function findSubstanceUseStatus(ctx: RuleContext): Opportunity[] {
  const use = ctx.doc('drug-use', { allowHistorical: true });
  if (use.length === 0) return [];
  const sentence = (start: number, end: number): string => {
    const from = Math.max(ctx.text.lastIndexOf('.', start - 1) + 1, ctx.text.lastIndexOf('\n', start - 1) + 1);
    const stop = ctx.text.slice(end).search(/\.(?:\s|$)|\n/);
    return ctx.text.slice(from, stop < 0 ? ctx.text.length : end + stop);
  };
  if (use.some((m) => SPECIFIED.test(m.text) || SPECIFIED.test(sentence(m.start, m.end)))) return [];
  return [
    opp({
      id: 'other:substance-use-status',
      topic: 'other:substance-use-status',
      title: 'Drug use documented without use, abuse, dependence or remission status',
      reason: 'imprecise-diagnosis',
      criteria: ['drug use documented', 'no abuse, dependence, use disorder or remission stated'],
      indicators: [],
      mentions: use.slice(0, 2),
      facts: {},
      templateId: 'substance-use-status',
    }),
  ];
}

/** See {@link findSubstanceUseStatus}. */
export const substanceUseStatusRule: CdiRule = {
  topic: 'other:substance-use-status',
  source: 'ICD-10-CM Official Guidelines I.C.5.b (use, abuse, dependence; remission)',
  find: findSubstanceUseStatus,
};
