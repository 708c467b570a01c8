import type { Opportunity } from '../opportunity';
import type { CdiRule, RuleContext } from './context';
import { byName, extreme, fmt, num, opp, valued } from './helpers';

/**
 * Acute kidney injury (KDIGO 2012 §2.1.1; query-guidelines.md §3): creatinine rise ≥ 0.3 mg/dL
 * within 48 h or ≥ 1.5× baseline within 7 days, and AKI / ATN not documented.
 */
function findAki(ctx: RuleContext): Opportunity[] {
  const { indicators: inds, kdigo: k } = ctx;
  if (!k.met || !k.baseline || !k.peak || ctx.doc('aki').length > 0) return [];
  const ckd = ctx.doc('ckd', { allowHistorical: true }).length > 0;
  const baseline = k.baseline;
  return [
    opp({
      id: 'aki',
      topic: 'aki',
      title: `Acute kidney injury: creatinine ${fmt(baseline)} → ${fmt(k.peak)}, no kidney diagnosis`,
      reason: 'indicators-without-diagnosis',
      criteria: [k.criterion!, `KDIGO creatinine stage ${k.stage}`],
      indicators: [
        k.peak,
        baseline,
        ...valued(inds, 'creatinine').filter((c) => num(c) > num(baseline) && c !== k.peak),
        extreme(
          valued(inds, 'bun').filter((i) => num(i) > 20),
          'max',
        ),
        ...byName(inds, 'fluid-bolus').slice(0, 1),
      ],
      mentions: [],
      facts: { ckd, notCkd: !ckd },
    }),
  ];
}

/** See {@link findAki}. */
export const akiRule: CdiRule = {
  topic: 'aki',
  source: 'KDIGO 2012 AKI guideline §2.1.1; query-guidelines.md §3 Acute kidney injury',
  find: findAki,
};
