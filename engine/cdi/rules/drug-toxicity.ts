import type { Opportunity } from '../opportunity';
import type { Indicator } from '../types';
import type { CdiRule, RuleContext } from './context';
import { byName, extreme, num, opp, valued } from './helpers';

/**
 * Drug toxicity / adverse effect (ICD-10-CM Guidelines I.C.19.e: adverse effect of a drug
 * correctly prescribed vs poisoning; the provider names the manifestation and the relationship):
 * a drug level above its therapeutic range (digoxin > 2 ng/mL, lithium > 1.2 mmol/L, phenytoin
 * > 20 mcg/mL) or an INR > 4 on a vitamin-K antagonist, and no toxicity, adverse effect or
 * drug-induced condition documented.
 */
function findDrugToxicity(ctx: RuleContext): Opportunity[] {
  const inds = ctx.indicators;
  const levels = (['digoxin-level', 'lithium-level', 'phenytoin-level'] as const)
    .map((n) =>
      extreme(
        valued(inds, n).filter((i) => i.flag === 'high'),
        'max',
      ),
    )
    .filter((i): i is Indicator => i !== undefined);
  const vka = byName(inds, 'anticoagulant').filter((i) => /warfarin|coumadin/i.test(i.text));
  const inr = vka.length
    ? extreme(
        valued(inds, 'inr').filter((i) => num(i) > 4),
        'max',
      )
    : undefined;
  const trigger = [...levels, ...(inr ? [inr] : [])];
  if (trigger.length === 0) return [];
  if (ctx.doc('drug-toxicity', { allowHistorical: false }).length > 0) return [];
  return [
    opp({
      id: 'other:drug-toxicity',
      topic: 'other:drug-toxicity',
      title: 'Drug level above the therapeutic range, significance not documented',
      reason: 'indicators-without-diagnosis',
      criteria: [
        ...levels.map((l) => `${l.name.replace('-level', '')} level above the therapeutic range`),
        ...(inr ? ['INR > 4 on a vitamin K antagonist'] : []),
      ],
      indicators: [...trigger, ...vka.slice(0, 1), ...byName(inds, 'mental-status').slice(0, 1)],
      mentions: [],
      facts: { coagulopathy: inr !== undefined },
      templateId: 'drug-toxicity',
    }),
  ];
}

/** See {@link findDrugToxicity}. */
export const drugToxicityRule: CdiRule = {
  topic: 'other:drug-toxicity',
  source: 'ICD-10-CM Guidelines I.C.19.e (adverse effect vs poisoning); query-guidelines.md §1',
  find: findDrugToxicity,
};
