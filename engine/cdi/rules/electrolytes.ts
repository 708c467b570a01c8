import type { DxConcept } from '../diagnoses';
import type { Opportunity } from '../opportunity';
import type { IndicatorName } from '../types';
import type { CdiRule, RuleContext } from './context';
import { byName, extreme, fmt, num, opp, valued } from './helpers';

interface ElectrolyteSpec {
  topic: 'hyponatremia' | 'hypokalemia' | 'other:hypomagnesemia';
  /** Template id, when it is not the topic. */
  templateId?: string;
  analyte: IndicatorName;
  /** Lower reference limit; values below are low. */
  low: number;
  /** A value below this is significant on its own. */
  severe: number;
  treatments: IndicatorName[];
  concept: DxConcept;
  label: string;
  criterion: string;
}

/**
 * An abnormal value is reportable only when the provider documents its significance (ICD-10-CM
 * Guidelines III.B); query when it is treated, monitored (serial low values, or an explicit
 * repeat/serial check of the analyte) or severe, and no diagnosis is documented.
 */
function electrolyte(spec: ElectrolyteSpec, ctx: RuleContext): Opportunity[] {
  const inds = ctx.indicators;
  const lows = valued(inds, spec.analyte).filter((i) => num(i) < spec.low);
  if (lows.length === 0 || ctx.doc(spec.concept).length > 0) return [];
  const tx = byName(inds, ...spec.treatments).slice(0, 2);
  const monitoring = byName(inds, 'electrolyte-monitoring').slice(0, 1);
  const min = extreme(lows, 'min')!;
  if (tx.length === 0 && monitoring.length === 0 && lows.length < 2 && num(min) >= spec.severe) return [];
  const criteria = [spec.criterion];
  if (tx.length) criteria.push(`treated: ${tx.map((t) => t.text).join(', ')}`);
  if (lows.length >= 2) criteria.push(`monitored: ${lows.length} low values`);
  if (monitoring.length) criteria.push(`monitored: ${monitoring[0]!.text}`);
  if (num(min) < spec.severe) criteria.push(`lowest ${fmt(min)}`);
  return [
    opp({
      id: spec.topic,
      topic: spec.topic,
      title: `${spec.label}: ${spec.analyte} ${fmt(min)}${tx.length ? ' treated' : ''}, no diagnosis`,
      reason: 'indicators-without-diagnosis',
      criteria,
      indicators: [
        min,
        ...lows.filter((l) => l !== min).slice(0, 3),
        ...tx,
        ...monitoring,
        ...(spec.topic === 'hyponatremia' ? byName(inds, 'mental-status').slice(0, 1) : []),
      ],
      mentions: [],
      facts: {},
      ...(spec.templateId ? { templateId: spec.templateId } : {}),
    }),
  ];
}

/** Hyponatremia: Na < 135 mmol/L treated or monitored, or < 125 (query-guidelines.md §3). */
export const hyponatremiaRule: CdiRule = {
  topic: 'hyponatremia',
  source: 'ICD-10-CM Guidelines III.B; query-guidelines.md §3 Hyponatremia',
  find: (ctx) =>
    electrolyte(
      {
        topic: 'hyponatremia',
        analyte: 'sodium',
        low: 135,
        severe: 125,
        treatments: ['fluid-restriction', 'hypertonic-saline'],
        concept: 'hyponatremia',
        label: 'Hyponatremia',
        criterion: 'serum sodium < 135 mmol/L',
      },
      ctx,
    ),
};

/** Hypokalemia: K < 3.5 mmol/L replaced or monitored, or < 3.0. */
export const hypokalemiaRule: CdiRule = {
  topic: 'hypokalemia',
  source: 'ICD-10-CM Guidelines III.B',
  find: (ctx) =>
    electrolyte(
      {
        topic: 'hypokalemia',
        analyte: 'potassium',
        low: 3.5,
        severe: 3.0,
        treatments: ['potassium-replacement'],
        concept: 'hypokalemia',
        label: 'Hypokalemia',
        criterion: 'serum potassium < 3.5 mmol/L',
      },
      ctx,
    ),
};

/**
 * Hypomagnesemia: Mg < 1.7 mg/dL replaced (or electrolytes to be corrected) or monitored, or
 * < 1.2 (ICD-10-CM E83.42 needs the provider's diagnosis, Guidelines III.B).
 */
export const hypomagnesemiaRule: CdiRule = {
  topic: 'other:hypomagnesemia',
  source: 'ICD-10-CM Guidelines III.B; ICD-10-CM E83.42',
  find: (ctx) =>
    electrolyte(
      {
        topic: 'other:hypomagnesemia',
        templateId: 'hypomagnesemia',
        analyte: 'magnesium',
        low: 1.7,
        severe: 1.2,
        treatments: ['magnesium-replacement'],
        concept: 'hypomagnesemia',
        label: 'Hypomagnesemia',
        criterion: 'serum magnesium < 1.7 mg/dL',
      },
      ctx,
    ),
};
