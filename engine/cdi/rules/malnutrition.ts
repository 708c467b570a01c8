import type { Opportunity } from '../opportunity';
import type { CdiRule, RuleContext } from './context';
import { byName, extreme, num, opp, valued } from './helpers';

/**
 * Malnutrition (query-guidelines.md §3): ASPEN/AND ≥ 2 characteristics, GLIM phenotypic +
 * etiologic criterion, or one characteristic treated with enteral/parenteral nutrition support;
 * no provider diagnosis (I.B.14: the diagnosis must come from a provider), or a provider diagnosis
 * without severity.
 */
function findMalnutrition(ctx: RuleContext): Opportunity[] {
  const inds = ctx.indicators;
  const intake = inds.find((i) => i.name === 'poor-intake');
  const wl = inds.find((i) => i.name === 'weight-loss' && i.flag === 'high');
  const muscle = inds.find((i) => i.name === 'muscle-wasting');
  const fat = inds.find((i) => i.name === 'fat-loss');
  const lowBmi = extreme(
    valued(inds, 'bmi').filter((i) => num(i) < ((ctx.age ?? 0) >= 70 ? 22 : 20)),
    'min',
  );
  const aspen = [intake, wl, muscle, fat].filter(Boolean).length;
  const phenotypic = [wl, lowBmi, muscle].filter(Boolean).length;
  // GLIM etiologic criterion: reduced intake (inflammation alone is too broad to infer from text).
  const etiologic = intake ? 1 : 0;
  const feeding = byName(inds, 'nutrition-support');
  const met = aspen >= 2 || (phenotypic >= 1 && etiologic >= 1) || (feeding.length > 0 && aspen + phenotypic >= 1);
  const documented = ctx.doc('malnutrition', { providerOnly: true, allowHistorical: false });
  const support = [...feeding, ...byName(inds, 'dietitian-consult')].slice(0, 2);
  const criteria: string[] = [];
  if (aspen >= 2) criteria.push(`ASPEN/AND: ${aspen} characteristics (intake, weight loss, muscle loss, fat loss)`);
  if (phenotypic >= 1 && etiologic >= 1) criteria.push('GLIM: phenotypic and etiologic criteria');
  if (feeding.length > 0 && aspen + phenotypic >= 1) criteria.push('nutrition support given for a nutrition finding');
  const evidence = [wl, lowBmi, muscle, fat, intake, ...support];
  if (met && documented.length === 0)
    return [
      opp({
        id: 'malnutrition',
        topic: 'malnutrition',
        title: 'Malnutrition: nutrition findings without a provider diagnosis',
        reason: 'indicators-without-diagnosis',
        criteria,
        indicators: evidence,
        mentions: [],
        facts: {},
      }),
    ];
  if (documented.length > 0 && !documented.some((m) => m.details.severity) && (met || support.length > 0))
    return [
      opp({
        id: 'malnutrition',
        topic: 'malnutrition',
        title: 'Malnutrition documented without severity',
        reason: 'imprecise-diagnosis',
        criteria: [...criteria, 'malnutrition documented without severity (mild / moderate / severe)'],
        indicators: evidence,
        mentions: documented,
        facts: {},
      }),
    ];
  return [];
}

/** See {@link findMalnutrition}. */
export const malnutritionRule: CdiRule = {
  topic: 'malnutrition',
  source: 'ASPEN/AND 2012 consensus characteristics; GLIM 2019 criteria; ICD-10-CM Guidelines I.B.14',
  find: findMalnutrition,
};
