import type { Opportunity } from '../opportunity';
import type { CdiRule, RuleContext } from './context';
import { byName, opp } from './helpers';

/**
 * Urinary retention (ICD-10-CM R33.8/R33.9, and N99.89 or T-codes when the provider links it to a
 * procedure or a drug; query-guidelines.md §1 "clinical indicators without a diagnosis"): inability
 * to void (or a high residual) treated with a urinary catheter, with no retention or bladder outlet
 * obstruction documented.
 */
function findUrinaryRetention(ctx: RuleContext): Opportunity[] {
  const inds = ctx.indicators;
  const voiding = byName(inds, 'voiding-difficulty');
  if (voiding.length === 0) return [];
  const catheter = byName(inds, 'urinary-catheter');
  const cathVoid = voiding.filter((v) => /cath/i.test(v.text));
  if (catheter.length === 0 && cathVoid.length === 0) return [];
  if (ctx.doc('urinary-retention', { allowHistorical: true }).length > 0) return [];
  const surgery = byName(inds, 'surgery');
  return [
    opp({
      id: 'other:urinary-retention',
      topic: 'other:urinary-retention',
      title: 'Inability to void treated with a catheter, no diagnosis',
      reason: 'indicators-without-diagnosis',
      criteria: ['inability to void or a high post-void residual', 'treated with a urinary catheter'],
      indicators: [...voiding.slice(0, 2), ...catheter.slice(0, 1), ...surgery.slice(0, 1)],
      mentions: [],
      facts: { postop: surgery.length > 0 },
      templateId: 'urinary-retention',
    }),
  ];
}

/** See {@link findUrinaryRetention}. */
export const urinaryRetentionRule: CdiRule = {
  topic: 'other:urinary-retention',
  source: 'ICD-10-CM R33.8–R33.9, N99.89; query-guidelines.md §1 (clinical indicators without a diagnosis)',
  find: findUrinaryRetention,
};
