import type { Opportunity } from '../opportunity';
import type { CdiRule, RuleContext } from './context';
import { anemiaTyped } from './anemia-words';
import { bloodCountDrop } from './criteria';
import { byName, extreme, num, opp, valued } from './helpers';

/**
 * Anemia type (query-guidelines.md §3 Anemia — type): a low hemoglobin (< 12 g/dL) or hematocrit
 * (< 36 %) that is treated (ESA, iron, B12, transfusion) or worked up (iron studies, ferritin,
 * reticulocytes), or an anemia documented without type or cause while a likely cause is in the
 * record (chemotherapy, CKD, malignancy, bleeding), and no typed anemia documented. The acute blood
 * loss topic takes precedence when its criteria are met.
 */
function findAnemiaType(ctx: RuleContext): Opportunity[] {
  const inds = ctx.indicators;
  const hgb = extreme(
    valued(inds, 'hemoglobin').filter((i) => num(i) < 12),
    'min',
  );
  const hct = extreme(
    valued(inds, 'hematocrit').filter((i) => num(i) < 36),
    'min',
  );
  if (!hgb && !hct) return [];
  if (ctx.doc('abla').length > 0) return [];
  const anemia = ctx.doc('anemia', { allowHistorical: true });
  if (anemia.some((m) => anemiaTyped(ctx.text, m))) return [];
  const drop = bloodCountDrop(inds);
  const bleeding = byName(inds, 'blood-loss', 'transfusion', 'surgery');
  // Acute blood loss topic applies instead (its own rule).
  if (drop.drop >= 2 && bleeding.length > 0) return [];
  const treatment = byName(inds, 'anemia-treatment', 'transfusion').slice(0, 2);
  const workup = byName(inds, 'anemia-workup').slice(0, 2);
  const causes = [...byName(inds, 'chemotherapy').slice(0, 1), ...byName(inds, 'blood-loss').slice(0, 1)];
  const ckd = ctx.doc('ckd', { allowHistorical: true });
  const documentedUntyped = anemia.filter((m) => !m.context.historical);
  const met =
    treatment.length > 0 ||
    workup.length > 0 ||
    (documentedUntyped.length > 0 && (causes.length > 0 || ckd.length > 0));
  if (!met) return [];
  return [
    opp({
      id: 'other:anemia-type',
      topic: 'other:anemia-type',
      title: documentedUntyped.length
        ? 'Anemia documented without type or cause'
        : 'Low hemoglobin treated or evaluated, no anemia diagnosis',
      reason: documentedUntyped.length ? 'imprecise-diagnosis' : 'indicators-without-diagnosis',
      criteria: [
        hgb ? 'hemoglobin < 12 g/dL' : 'hematocrit < 36 %',
        ...(treatment.length ? ['treated (ESA, iron, vitamin B12 or transfusion)'] : []),
        ...(workup.length ? ['anemia work-up ordered (iron studies, ferritin, reticulocytes)'] : []),
        ...(causes.length || ckd.length
          ? ['possible cause in the record (chemotherapy, bleeding, kidney disease)']
          : []),
      ],
      indicators: [hgb, hct, ...treatment, ...workup, ...causes],
      mentions: [...documentedUntyped.slice(0, 1), ...ckd.slice(0, 1)],
      facts: {
        chemo: byName(inds, 'chemotherapy').length > 0,
        ckd: ckd.length > 0,
        bleeding: byName(inds, 'blood-loss').length > 0,
      },
      templateId: 'anemia-type',
    }),
  ];
}

/** See {@link findAnemiaType}. */
export const anemiaTypeRule: CdiRule = {
  topic: 'other:anemia-type',
  source: 'query-guidelines.md §3 Anemia — type; ICD-10-CM D50–D64 (type and cause decide the code)',
  find: findAnemiaType,
};
