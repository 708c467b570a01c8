import type { Opportunity } from '../opportunity';
import type { CdiRule, RuleContext } from './context';
import { allLinesLow, lowCounts } from './cytopenias';
import { byName, fmt, num, opp } from './helpers';

/**
 * Neutropenia or pancytopenia (ICD-10-CM Guidelines III.B; D70.x needs the type, D61.81x
 * pancytopenia its cause; query-guidelines.md §3 "pancytopenia"): a low neutrophil count
 * (ANC < 1.5 ×10^3/µL), a white count below 3, or a white count below 4 treated with a myeloid growth
 * factor or after chemotherapy, with no cytopenia documented. Pancytopenia is offered only when
 * every cell line is low.
 */
function findNeutropenia(ctx: RuleContext): Opportunity[] {
  const inds = ctx.indicators;
  const counts = lowCounts(ctx);
  const growth = byName(inds, 'growth-factor');
  const chemo = byName(inds, 'chemotherapy');
  const wbc = counts.wbc;
  const met = !!counts.anc || (wbc && num(wbc) < 3) || (wbc && (growth.length > 0 || chemo.length > 0));
  if (!met) return [];
  if (ctx.doc('cytopenia', { allowHistorical: true }).length > 0) return [];
  const pancytopenia = allLinesLow(counts);
  const criteria: string[] = [];
  if (counts.anc) criteria.push(`absolute neutrophil count < 1.5 ×10^3/µL (${fmt(counts.anc)})`);
  if (wbc) criteria.push(`WBC < 4 ×10^3/µL (${fmt(wbc)})`);
  if (pancytopenia) criteria.push('hemoglobin and platelet count low as well');
  if (growth.length) criteria.push(`treated: ${growth[0]!.text}`);
  if (chemo.length) criteria.push('chemotherapy in the record');
  return [
    opp({
      id: 'other:neutropenia',
      topic: 'other:neutropenia',
      title: 'Low white cell or neutrophil count, no diagnosis',
      reason: 'indicators-without-diagnosis',
      criteria,
      indicators: [
        counts.anc,
        wbc,
        ...(pancytopenia ? [counts.red, counts.platelets] : []),
        ...growth.slice(0, 1),
        ...chemo.slice(0, 1),
      ],
      mentions: [],
      facts: { chemo: chemo.length > 0, pancytopenia, pancytopeniaChemo: pancytopenia && chemo.length > 0 },
      templateId: 'neutropenia',
    }),
  ];
}

/** See {@link findNeutropenia}. */
export const neutropeniaRule: CdiRule = {
  topic: 'other:neutropenia',
  source:
    'ICD-10-CM Guidelines III.B (abnormal findings); ICD-10-CM D70.x, D61.81x; query-guidelines.md §3 (pancytopenia)',
  find: findNeutropenia,
};
