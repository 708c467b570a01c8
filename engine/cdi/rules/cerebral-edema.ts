import type { Opportunity } from '../opportunity';
import type { CdiRule, RuleContext } from './context';
import { byName, opp } from './helpers';

/**
 * Cerebral edema or raised intracranial pressure (ICD-10-CM G93.6 cerebral edema, G93.5 compression
 * of brain, G93.2 intracranial hypertension; query-guidelines.md §1 "clinical indicators without a
 * diagnosis"): osmotic therapy (mannitol, 23.4 % saline) given with no cerebral edema, mass effect,
 * herniation or raised intracranial pressure documented.
 */
function findCerebralEdema(ctx: RuleContext): Opportunity[] {
  const osmotic = byName(ctx.indicators, 'osmotic-therapy');
  if (osmotic.length === 0) return [];
  if (ctx.doc('cerebral-edema', { allowHistorical: true }).length > 0) return [];
  const lesion = byName(ctx.indicators, 'brain-lesion');
  const mental = byName(ctx.indicators, 'mental-status', 'gcs');
  return [
    opp({
      id: 'other:cerebral-edema',
      topic: 'other:cerebral-edema',
      title: 'Osmotic therapy given, indication not documented',
      reason: 'indicators-without-diagnosis',
      criteria: [
        `treated: ${osmotic[0]!.text}`,
        'no cerebral edema, mass effect or raised intracranial pressure documented',
      ],
      indicators: [...osmotic.slice(0, 1), ...lesion.slice(0, 1), ...mental.slice(0, 1)],
      mentions: [],
      facts: {},
      templateId: 'cerebral-edema',
    }),
  ];
}

/** See {@link findCerebralEdema}. */
export const cerebralEdemaRule: CdiRule = {
  topic: 'other:cerebral-edema',
  source: 'ICD-10-CM G93.2, G93.5, G93.6; query-guidelines.md §1 (clinical indicators without a diagnosis)',
  find: findCerebralEdema,
};
