import type { Opportunity } from '../opportunity';
import type { CdiRule, RuleContext } from './context';
import { byName, num, opp, valued } from './helpers';

/**
 * Coagulopathy or anticoagulant reversal (ICD-10-CM D68.x: D68.32 hemorrhagic disorder due to an
 * extrinsic circulating anticoagulant, D68.4 acquired coagulation factor deficiency, D65 DIC;
 * query-guidelines.md §1 "clinical indicators without a diagnosis"): plasma, a coagulation factor or
 * a reversal agent given with no coagulopathy, anticoagulant use or bleeding disorder documented as
 * its indication. A thrombocytopenia documented is not the question (platelets are not in this list).
 */
function findCoagulopathy(ctx: RuleContext): Opportunity[] {
  const given = byName(ctx.indicators, 'coagulation-reversal');
  if (given.length === 0) return [];
  if (ctx.doc('coagulopathy', { allowHistorical: true }).length > 0) return [];
  if (ctx.doc('drug-toxicity', { allowHistorical: true }).length > 0) return [];
  const anticoagulant = byName(ctx.indicators, 'anticoagulant');
  const inr = valued(ctx.indicators, 'inr').filter((i) => num(i) > 1.2);
  const bleeding = byName(ctx.indicators, 'blood-loss', 'brain-lesion');
  return [
    opp({
      id: 'other:coagulopathy',
      topic: 'other:coagulopathy',
      title: 'Plasma or coagulation factor given, indication not documented',
      reason: 'indicators-without-diagnosis',
      criteria: [
        `treated: ${given.map((g) => g.text).join(', ')}`,
        'no coagulopathy or anticoagulant reversal documented',
      ],
      indicators: [...given.slice(0, 2), ...inr.slice(0, 1), ...anticoagulant.slice(0, 1), ...bleeding.slice(0, 1)],
      mentions: [],
      facts: { anticoagulant: anticoagulant.length > 0 || inr.length > 0 },
      templateId: 'coagulopathy',
    }),
  ];
}

/** See {@link findCoagulopathy}. */
export const coagulopathyRule: CdiRule = {
  topic: 'other:coagulopathy',
  source:
    'ICD-10-CM D65–D68 (D68.32, D68.4), Guidelines I.C.19.e (adverse effect); query-guidelines.md §1 (indicators without a diagnosis)',
  find: findCoagulopathy,
};
