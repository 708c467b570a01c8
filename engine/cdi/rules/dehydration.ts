import type { Opportunity } from '../opportunity';
import type { CdiRule, RuleContext } from './context';
import { byName, num, opp, valued } from './helpers';

/**
 * Dehydration or hypovolemia (ICD-10-CM E86.0 dehydration, E86.1 hypovolemia, E86.9 volume
 * depletion; query-guidelines.md §1 "clinical indicators without a diagnosis"): fluid losses or
 * failed intake (vomiting, diarrhea, poor intake, dry membranes, orthostasis) with a physiological
 * sign of volume depletion (heart rate > 100, systolic < 90, BUN:creatinine ≥ 20) treated with IV
 * fluids, and no dehydration, hypovolemia or volume depletion documented.
 */
function findDehydration(ctx: RuleContext): Opportunity[] {
  const inds = ctx.indicators;
  const losses = byName(inds, 'gi-losses');
  if (losses.length === 0) return [];
  const fluids = byName(inds, 'iv-fluids', 'fluid-bolus');
  if (fluids.length === 0) return [];
  if (ctx.doc('dehydration', { allowHistorical: true }).length > 0) return [];
  const hr = valued(inds, 'heart-rate').filter((i) => num(i) > 100);
  const sbp = valued(inds, 'systolic-bp').filter((i) => num(i) < 90);
  const bun = valued(inds, 'bun');
  const cr = valued(inds, 'creatinine');
  const ratio = bun.length && cr.length && num(cr[0]!) > 0 && num(bun[0]!) / num(cr[0]!) >= 20;
  if (hr.length === 0 && sbp.length === 0 && !ratio) return [];
  return [
    opp({
      id: 'other:dehydration',
      topic: 'other:dehydration',
      title: 'Fluid losses with signs of volume depletion treated with IV fluids, no diagnosis',
      reason: 'indicators-without-diagnosis',
      criteria: [
        'fluid losses or failed oral intake',
        ...(hr.length ? ['heart rate > 100/min'] : []),
        ...(sbp.length ? ['systolic blood pressure < 90 mmHg'] : []),
        ...(ratio ? ['BUN:creatinine ratio ≥ 20'] : []),
        `treated: ${fluids[0]!.text}`,
      ],
      indicators: [
        ...hr.slice(0, 1),
        ...sbp.slice(0, 1),
        ...(ratio ? [bun[0], cr[0]] : []),
        ...losses.slice(0, 2),
        ...fluids.slice(0, 1),
      ],
      mentions: [],
      facts: {},
      templateId: 'dehydration',
    }),
  ];
}

/** See {@link findDehydration}. */
export const dehydrationRule: CdiRule = {
  topic: 'other:dehydration',
  source: 'ICD-10-CM E86.0–E86.9; query-guidelines.md §1 (clinical indicators without a diagnosis)',
  find: findDehydration,
};
