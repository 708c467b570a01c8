import type { Opportunity } from '../opportunity';
import type { CdiRule, RuleContext } from './context';
import { byName, fmt, num, opp, valued } from './helpers';

/**
 * Hypertensive urgency or emergency (ICD-10-CM I16.0/I16.1, Guidelines I.C.9.a.11; the usual
 * threshold is a systolic pressure ≥ 180 or diastolic ≥ 120 mmHg): a severely elevated blood
 * pressure treated with a parenteral antihypertensive, with no hypertensive crisis documented (the
 * provider may also document it as a reaction to pain or permissive hypertension in acute stroke).
 */
function findHypertensiveUrgency(ctx: RuleContext): Opportunity[] {
  const inds = ctx.indicators;
  const sbp = valued(inds, 'systolic-bp').filter((i) => num(i) >= 180);
  const dbp = valued(inds, 'diastolic-bp').filter((i) => num(i) >= 120);
  if (sbp.length === 0 && dbp.length === 0) return [];
  const iv = byName(inds, 'iv-antihypertensive');
  if (iv.length === 0) return [];
  if (ctx.doc('hypertensive-crisis', { allowHistorical: true }).length > 0) return [];
  const top = [...sbp, ...dbp].sort((a, b) => num(b) - num(a))[0]!;
  const htn = ctx.doc('hypertension', { allowHistorical: true });
  return [
    opp({
      id: 'other:hypertensive-urgency',
      topic: 'other:hypertensive-urgency',
      title: `Blood pressure ${fmt(top)} treated with a parenteral antihypertensive`,
      reason: htn.length ? 'imprecise-diagnosis' : 'indicators-without-diagnosis',
      criteria: ['systolic ≥ 180 mmHg or diastolic ≥ 120 mmHg', `treated: ${iv[0]!.text}`],
      indicators: [...sbp.slice(0, 2), ...dbp.slice(0, 1), ...iv.slice(0, 2)],
      mentions: htn.slice(0, 1),
      facts: { htn: htn.length > 0 },
      templateId: 'hypertensive-urgency',
    }),
  ];
}

/** See {@link findHypertensiveUrgency}. */
export const hypertensiveUrgencyRule: CdiRule = {
  topic: 'other:hypertensive-urgency',
  source:
    'ICD-10-CM I16 hypertensive crisis, Guidelines I.C.9.a.11; query-guidelines.md §3 Other frequent topics (hypertensive urgency/emergency)',
  find: findHypertensiveUrgency,
};
