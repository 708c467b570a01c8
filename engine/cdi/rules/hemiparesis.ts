import type { Opportunity } from '../opportunity';
import type { CdiRule, RuleContext } from './context';
import { byName, opp } from './helpers';
import { strokeUnspecified } from './stroke-specificity';

/**
 * Neurologic deficit of a brain lesion (ICD-10-CM G81 hemiplegia/hemiparesis, G83 monoplegia:
 * coded only when the provider names the deficit, with dominant or non-dominant side, Guidelines
 * I.C.6.a): one-sided weakness or paralysis described in words with an intracranial lesion in the
 * record, and no hemiparesis, hemiplegia or monoparesis documented. A stroke documented without its
 * vessel is asked in the stroke-specificity query instead (one query per event).
 */
function findHemiparesis(ctx: RuleContext): Opportunity[] {
  const weakness = byName(ctx.indicators, 'one-sided-weakness');
  if (weakness.length === 0) return [];
  if (ctx.doc('hemiparesis', { allowHistorical: true }).length > 0) return [];
  const lesion = byName(ctx.indicators, 'brain-lesion');
  const stroke = ctx.doc('stroke');
  if (lesion.length === 0 && stroke.length === 0) return [];
  if (strokeUnspecified(ctx)) return [];
  return [
    opp({
      id: 'other:hemiparesis',
      topic: 'other:hemiparesis',
      title: 'One-sided weakness described, no neurologic deficit named',
      reason: 'indicators-without-diagnosis',
      criteria: ['one-sided weakness or paralysis described in words', 'intracranial lesion in the record'],
      indicators: [...weakness.slice(0, 2), ...lesion.slice(0, 1)],
      mentions: stroke.slice(0, 1),
      facts: {},
      templateId: 'hemiparesis',
    }),
  ];
}

/** See {@link findHemiparesis}. */
export const hemiparesisRule: CdiRule = {
  topic: 'other:hemiparesis',
  source:
    'ICD-10-CM G81/G83 and Guidelines I.C.6.a (dominant/non-dominant side); query-guidelines.md §1 (indicators without a diagnosis)',
  find: findHemiparesis,
};
