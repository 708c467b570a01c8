import type { Indicator } from '../types';
import { byName, chartOrder, extreme, num, valued } from './helpers';

/** One met criterion of a published definition and the indicator that meets it. */
export interface MetCriterion {
  criterion: string;
  evidence: Indicator;
}

/**
 * SIRS criteria (Sepsis-2, ACCP/SCCM 1992 and the 2001 SCCM/ESICM/ACCP/ATS/SIS conference;
 * query-guidelines.md §3 "Sepsis"): each met criterion and its evidence.
 */
export function sirs(inds: readonly Indicator[]): MetCriterion[] {
  const met: MetCriterion[] = [];
  const temps = valued(inds, 'temperature');
  const temp =
    extreme(
      temps.filter((i) => num(i) > 38),
      'max',
    ) ??
    extreme(
      temps.filter((i) => num(i) < 36),
      'min',
    ) ??
    inds.find((i) => i.name === 'temperature' && i.value === null && (i.flag === 'high' || i.flag === 'low'));
  if (temp) met.push({ criterion: 'temperature > 38 °C or < 36 °C', evidence: temp });
  const hr =
    extreme(
      valued(inds, 'heart-rate').filter((i) => num(i) > 90),
      'max',
    ) ?? inds.find((i) => i.name === 'heart-rate' && i.value === null && i.flag === 'high');
  if (hr) met.push({ criterion: 'heart rate > 90/min', evidence: hr });
  const rr =
    extreme(
      valued(inds, 'respiratory-rate').filter((i) => num(i) > 20),
      'max',
    ) ??
    extreme(
      valued(inds, 'paco2').filter((i) => num(i) < 32),
      'min',
    ) ??
    inds.find((i) => i.name === 'respiratory-rate' && i.value === null && i.flag === 'high');
  if (rr) met.push({ criterion: 'respiratory rate > 20/min or PaCO2 < 32 mmHg', evidence: rr });
  const wbc =
    extreme(
      valued(inds, 'wbc').filter((i) => num(i) > 12),
      'max',
    ) ??
    extreme(
      valued(inds, 'wbc').filter((i) => num(i) < 4),
      'min',
    ) ??
    extreme(
      valued(inds, 'bands').filter((i) => num(i) > 10),
      'max',
    );
  if (wbc) met.push({ criterion: 'WBC > 12,000/µL or < 4,000/µL or bands > 10 %', evidence: wbc });
  return met;
}

/**
 * Acute organ dysfunction (Sepsis-3 SOFA elements as written in charts, Singer et al., JAMA 2016,
 * and the severe-sepsis organ-dysfunction list of the SEP-1 definition): lactate, hypotension,
 * vasopressors, platelets, creatinine, mentation, P/F ratio. Strongest first.
 */
export function organDysfunction(inds: readonly Indicator[]): MetCriterion[] {
  const out: MetCriterion[] = [];
  const press = inds.find((i) => i.name === 'vasopressors');
  if (press) out.push({ criterion: 'vasopressors', evidence: press });
  const sbp =
    extreme(
      valued(inds, 'systolic-bp').filter((i) => num(i) < 90),
      'min',
    ) ??
    extreme(
      valued(inds, 'map').filter((i) => num(i) < 65),
      'min',
    ) ??
    inds.find((i) => i.name === 'systolic-bp' && i.flag === 'low' && i.value === null);
  if (sbp) out.push({ criterion: 'hypotension (SBP < 90 or MAP < 65 mmHg)', evidence: sbp });
  const lac = extreme(
    valued(inds, 'lactate').filter((i) => num(i) > 2),
    'max',
  );
  if (lac) out.push({ criterion: 'lactate > 2 mmol/L', evidence: lac });
  const pf = extreme(
    valued(inds, 'pf-ratio').filter((i) => num(i) < 300),
    'min',
  );
  if (pf) out.push({ criterion: 'PaO2/FiO2 < 300', evidence: pf });
  const cr = extreme(
    valued(inds, 'creatinine').filter((i) => num(i) > 2),
    'max',
  );
  if (cr) out.push({ criterion: 'creatinine > 2.0 mg/dL', evidence: cr });
  const plt = extreme(
    valued(inds, 'platelets').filter((i) => num(i) < 100),
    'min',
  );
  if (plt) out.push({ criterion: 'platelets < 100,000/µL', evidence: plt });
  const ms =
    extreme(
      valued(inds, 'gcs').filter((i) => num(i) < 15),
      'min',
    ) ?? inds.find((i) => i.name === 'mental-status');
  if (ms) out.push({ criterion: 'altered mentation', evidence: ms });
  return out;
}

/** qSOFA (Sepsis-3 bedside screen): RR ≥ 22, altered mentation, SBP ≤ 100; the met elements. */
export function qsofa(inds: readonly Indicator[]): Indicator[] {
  return [
    extreme(
      valued(inds, 'respiratory-rate').filter((i) => num(i) >= 22),
      'max',
    ),
    extreme(
      valued(inds, 'gcs').filter((i) => num(i) < 15),
      'min',
    ) ?? inds.find((i) => i.name === 'mental-status'),
    extreme(
      valued(inds, 'systolic-bp').filter((i) => num(i) <= 100),
      'min',
    ),
  ].filter((i): i is Indicator => i !== undefined);
}

/** Suspected or confirmed infection: documented infection, organism, IV antibiotics. */
export function infectionEvidence(inds: readonly Indicator[]): Indicator[] {
  return byName(inds, 'infection', 'culture-organism', 'iv-antibiotics');
}

/** Parses a written date ("11/20", "11/20/2026 06:00", "2026-11-20") to a day number; undefined if none. */
function dayOf(date: string | undefined): number | undefined {
  if (!date) return undefined;
  const iso = /(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (iso) return Date.UTC(+iso[1]!, +iso[2]! - 1, +iso[3]!) / 86_400_000;
  const us = /(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?/.exec(date);
  if (!us) return undefined;
  const y = us[3] ? (us[3].length === 2 ? 2000 + +us[3] : +us[3]) : 2000;
  return Date.UTC(y, +us[1]! - 1, +us[2]!) / 86_400_000;
}

/** Result of {@link kdigo}. */
export interface KdigoResult {
  met: boolean;
  baseline?: Indicator;
  peak?: Indicator;
  /** Peak minus baseline, mg/dL. */
  rise: number;
  ratio: number;
  /** Which KDIGO arm is met, with its time window, in words. */
  criterion?: string;
  /** KDIGO stage by the creatinine ratio (1: 1.5–1.9×, or ≥ 0.3 rise; 2: 2.0–2.9×; 3: ≥ 3× or ≥ 4.0 mg/dL). */
  stage?: 1 | 2 | 3;
}

/**
 * Creatinine against baseline (KDIGO 2012 Clinical Practice Guideline for Acute Kidney Injury,
 * section 2.1.1): a rise ≥ 0.3 mg/dL within 48 hours, or ≥ 1.5× baseline known or presumed to have
 * occurred within the prior 7 days. When both values carry dates the window is checked (rise ≥ 0.3
 * only within 2 days, ratio ≥ 1.5 only within 7); without dates the values of one chart are taken
 * to be this encounter's (a single chart is one encounter unless its dates say otherwise).
 */
export function kdigo(inds: readonly Indicator[]): KdigoResult {
  const current = valued(inds, 'creatinine');
  const baselines = valued(inds, 'creatinine-baseline');
  if (current.length === 0) return { met: false, rise: 0, ratio: 1 };
  let baseline = extreme(baselines, 'min');
  let peak = extreme(current, 'max')!;
  if (!baseline) {
    // No written baseline: the lowest value before the peak (chart order) is the reference.
    const ordered = [...current].sort((a, b) => chartOrder(a) - chartOrder(b));
    let low: Indicator | undefined;
    let best = { rise: 0, low: undefined as Indicator | undefined, high: undefined as Indicator | undefined };
    for (const c of ordered) {
      if (low && num(c) - num(low) > best.rise) best = { rise: num(c) - num(low), low, high: c };
      if (!low || num(c) < num(low)) low = c;
    }
    if (!best.low || !best.high) return { met: false, rise: 0, ratio: 1 };
    baseline = best.low;
    peak = best.high;
  }
  const rise = Math.round((num(peak) - num(baseline)) * 100) / 100;
  const ratio = num(baseline) > 0 ? num(peak) / num(baseline) : 1;
  const d0 = baseline.name === 'creatinine' ? dayOf(baseline.date) : undefined;
  const d1 = dayOf(peak.date);
  const days = d0 !== undefined && d1 !== undefined ? Math.abs(d1 - d0) : undefined;
  const riseMet = rise >= 0.3 - 1e-9 && (days === undefined || days <= 2);
  const ratioMet = ratio >= 1.5 && (days === undefined || days <= 7);
  const met = riseMet || ratioMet;
  const result: KdigoResult = { met, baseline, peak, rise, ratio };
  if (met) {
    const r = Math.round(ratio * 100) / 100;
    result.criterion = ratioMet
      ? `KDIGO: creatinine ${r}× baseline (≥ 1.5× within 7 days)`
      : `KDIGO: creatinine rise ${rise} mg/dL (≥ 0.3 mg/dL within 48 hours)`;
    result.stage = ratio >= 3 || num(peak) >= 4 ? 3 : ratio >= 2 ? 2 : 1;
  }
  return result;
}

/** Result of {@link bloodCountDrop}. */
export interface CountDrop {
  /** Drop in g/dL of hemoglobin (hematocrit drops are divided by 3, the usual Hct ≈ 3 × Hgb). */
  drop: number;
  from?: Indicator;
  to?: Indicator;
}

function largestDrop(values: Indicator[], scale: number): CountDrop {
  const ordered = [...values].sort((a, b) => chartOrder(a) - chartOrder(b));
  let high: Indicator | undefined;
  let best: CountDrop = { drop: 0 };
  for (const h of ordered) {
    if (high && (num(high) - num(h)) / scale > best.drop)
      best = { drop: Math.round(((num(high) - num(h)) / scale) * 100) / 100, from: high, to: h };
    if (!high || num(h) > num(high)) high = h;
  }
  return best;
}

/** Largest hemoglobin drop in chart order (earlier high → later low), g/dL. */
export function hemoglobinDrop(inds: readonly Indicator[]): CountDrop {
  return largestDrop(valued(inds, 'hemoglobin'), 1);
}

/**
 * Largest drop of hemoglobin, or of hematocrit when the chart reports hematocrit only or its drop is
 * larger (a hematocrit fall of 6 points corresponds to about 2 g/dL of hemoglobin).
 */
export function bloodCountDrop(inds: readonly Indicator[]): CountDrop {
  const hgb = hemoglobinDrop(inds);
  const hct = largestDrop(valued(inds, 'hematocrit'), 3);
  return hct.drop > hgb.drop ? hct : hgb;
}
