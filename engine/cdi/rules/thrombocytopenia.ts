import type { Opportunity } from '../opportunity';
import type { CdiRule, RuleContext } from './context';
import { lowCounts } from './cytopenias';
import { byName, fmt, num, opp, valued } from './helpers';

/** A platelet count below this (×10^3/µL) is at least moderate thrombocytopenia. */
const SIGNIFICANT = 100;

/**
 * Thrombocytopenia (ICD-10-CM Guidelines III.B: an abnormal value is reported only when the
 * provider documents its significance; D69.6 and the drug-induced D69.59 need the diagnosis): a
 * platelet count below 100 ×10^3/µL with no thrombocytopenia or cytopenia documented. When the white
 * count is low as well, the neutropenia query covers every cell line and this one stays silent.
 */
function findThrombocytopenia(ctx: RuleContext): Opportunity[] {
  const inds = ctx.indicators;
  const lows = valued(inds, 'platelets').filter((i) => num(i) < SIGNIFICANT);
  if (lows.length === 0) return [];
  if (ctx.doc('thrombocytopenia', { allowHistorical: true }).length > 0) return [];
  if (ctx.doc('cytopenia', { allowHistorical: true }).length > 0) return [];
  const counts = lowCounts(ctx);
  if (counts.wbc ?? counts.anc) return [];
  const min = lows.reduce((a, b) => (num(b) < num(a) ? b : a));
  const heparin = byName(inds, 'anticoagulant').filter((i) => /heparin|lovenox|enoxaparin/i.test(i.text));
  const chemo = byName(inds, 'chemotherapy');
  const transfusion = byName(inds, 'transfusion');
  const criteria = [`platelet count < ${SIGNIFICANT} ×10^3/µL (lowest ${fmt(min)})`];
  if (heparin.length || chemo.length) criteria.push('a drug that can lower the platelet count is in the record');
  return [
    opp({
      id: 'other:thrombocytopenia',
      topic: 'other:thrombocytopenia',
      title: `Platelet count ${fmt(min)}, no diagnosis`,
      reason: 'indicators-without-diagnosis',
      criteria,
      indicators: [
        min,
        ...lows.filter((l) => l !== min).slice(0, 2),
        ...transfusion.slice(0, 1),
        ...heparin.slice(0, 1),
        ...chemo.slice(0, 1),
      ],
      mentions: [],
      facts: { heparin: heparin.length > 0, drug: heparin.length > 0 || chemo.length > 0 },
      templateId: 'thrombocytopenia',
    }),
  ];
}

/** See {@link findThrombocytopenia}. */
export const thrombocytopeniaRule: CdiRule = {
  topic: 'other:thrombocytopenia',
  source:
    'ICD-10-CM Guidelines III.B (abnormal findings); ICD-10-CM D69.5–D69.6; query-guidelines.md §1 (indicators without a diagnosis)',
  find: findThrombocytopenia,
};
