import type { IndicatorFlag, IndicatorName } from './types';

/**
 * Adult reference range of one analyte or vital sign, in its canonical unit.
 * Ranges are common adult laboratory defaults (query-guidelines.md §3 and standard references:
 * KDIGO, Sepsis-2/3, NPIAP, EF bands); a site should review them against its own laboratory.
 */
export interface ReferenceRange {
  /** Canonical unit every written unit is converted to. */
  unit: string;
  /** Lowest normal value (inclusive), or null when there is no lower bound. */
  low: number | null;
  /** Highest normal value (inclusive), or null when there is no upper bound. */
  high: number | null;
}

/** Canonical units and adult reference ranges, per analyte or vital. */
export const REFERENCE_RANGES: Partial<Record<IndicatorName, ReferenceRange>> = {
  sodium: { unit: 'mmol/L', low: 135, high: 145 },
  potassium: { unit: 'mmol/L', low: 3.5, high: 5.1 },
  creatinine: { unit: 'mg/dL', low: 0.6, high: 1.3 },
  'creatinine-baseline': { unit: 'mg/dL', low: 0.6, high: 1.3 },
  bun: { unit: 'mg/dL', low: 7, high: 20 },
  lactate: { unit: 'mmol/L', low: 0.5, high: 2 },
  wbc: { unit: '10^3/µL', low: 4, high: 11 },
  bands: { unit: '%', low: null, high: 10 },
  hemoglobin: { unit: 'g/dL', low: 12, high: 17.5 },
  hematocrit: { unit: '%', low: 36, high: 52 },
  // KDIGO 2012 CKD guideline: GFR categories G1 ≥ 90 … G5 < 15 mL/min/1.73 m2; < 60 is decreased.
  egfr: { unit: 'mL/min/1.73m2', low: 60, high: null },
  inr: { unit: '', low: 0.8, high: 1.2 },
  // Usual therapeutic ranges (Lexicomp / laboratory defaults); above the high bound is supratherapeutic.
  'digoxin-level': { unit: 'ng/mL', low: 0.5, high: 2 },
  'lithium-level': { unit: 'mmol/L', low: 0.6, high: 1.2 },
  'phenytoin-level': { unit: 'mcg/mL', low: 10, high: 20 },
  platelets: { unit: '10^3/µL', low: 150, high: 400 },
  // Common adult laboratory defaults: serum magnesium 1.7–2.4 mg/dL; absolute neutrophil count
  // 1.5–8.0 ×10^3/µL (neutropenia < 1.5, severe < 0.5).
  magnesium: { unit: 'mg/dL', low: 1.7, high: 2.4 },
  anc: { unit: '10^3/µL', low: 1.5, high: 8 },
  albumin: { unit: 'g/dL', low: 3.5, high: 5 },
  bnp: { unit: 'pg/mL', low: null, high: 100 },
  'nt-probnp': { unit: 'pg/mL', low: null, high: 300 },
  // Assay-specific in practice; 20 ng/L is a middle of the usual hs-troponin 99th percentiles
  // (14–26 ng/L), and 0.04 ng/mL for conventional troponin I converts to 40 ng/L.
  troponin: { unit: 'ng/L', low: null, high: 20 },
  glucose: { unit: 'mg/dL', low: 70, high: 180 },
  ph: { unit: '', low: 7.35, high: 7.45 },
  pao2: { unit: 'mmHg', low: 80, high: 100 },
  paco2: { unit: 'mmHg', low: 35, high: 45 },
  fio2: { unit: '%', low: 21, high: 21 },
  'pf-ratio': { unit: 'mmHg', low: 300, high: null },
  'ejection-fraction': { unit: '%', low: 50, high: 75 },
  ammonia: { unit: 'µmol/L', low: 11, high: 50 },
  temperature: { unit: '°C', low: 36, high: 38 },
  'heart-rate': { unit: '/min', low: 60, high: 90 },
  'respiratory-rate': { unit: '/min', low: 12, high: 20 },
  'systolic-bp': { unit: 'mmHg', low: 90, high: 140 },
  'diastolic-bp': { unit: 'mmHg', low: 60, high: 90 },
  map: { unit: 'mmHg', low: 65, high: 105 },
  spo2: { unit: '%', low: 92, high: 100 },
  bmi: { unit: 'kg/m2', low: 18.5, high: 24.9 },
  weight: { unit: 'kg', low: null, high: null },
  'weight-loss': { unit: '%', low: null, high: 5 },
  'braden-score': { unit: '', low: 19, high: 23 },
  gcs: { unit: '', low: 15, high: 15 },
};

/** One written unit and how to reach the canonical unit from it. */
interface UnitRule {
  /** Lower-case written forms (spaces removed) that mean this unit. */
  forms: string[];
  toCanonical: (value: number) => number;
}

const same = (v: number): number => v;

/** Written units accepted per analyte; the first rule is the canonical unit itself. */
const UNITS: Partial<Record<IndicatorName, UnitRule[]>> = {
  sodium: [{ forms: ['mmol/l', 'meq/l', 'mm'], toCanonical: same }],
  potassium: [{ forms: ['mmol/l', 'meq/l', 'mm'], toCanonical: same }],
  creatinine: [
    { forms: ['mg/dl'], toCanonical: same },
    { forms: ['µmol/l', 'umol/l', 'μmol/l', 'micromol/l'], toCanonical: (v) => v / 88.4 },
  ],
  bun: [
    { forms: ['mg/dl'], toCanonical: same },
    // Urea in mmol/L to BUN in mg/dL (× 2.8).
    { forms: ['mmol/l'], toCanonical: (v) => v * 2.8 },
  ],
  lactate: [
    { forms: ['mmol/l', 'meq/l'], toCanonical: same },
    { forms: ['mg/dl'], toCanonical: (v) => v / 9.01 },
  ],
  wbc: [
    {
      forms: [
        'k/ul',
        'k/µl',
        'x10^3/ul',
        'x10^3/µl',
        '10^3/µl',
        '10^3/ul',
        'x10^9/l',
        '10^9/l',
        'k',
        'thou/ul',
        'k/mm3',
        'x10(9)/l',
      ],
      toCanonical: same,
    },
    { forms: ['/ul', '/µl', 'cells/ul', 'cells/µl', '/mm3'], toCanonical: (v) => v / 1000 },
  ],
  bands: [{ forms: ['%'], toCanonical: same }],
  hemoglobin: [
    { forms: ['g/dl', 'gm/dl'], toCanonical: same },
    { forms: ['g/l'], toCanonical: (v) => v / 10 },
    { forms: ['mmol/l'], toCanonical: (v) => v * 1.611 },
  ],
  hematocrit: [{ forms: ['%'], toCanonical: same }],
  egfr: [{ forms: ['ml/min/1.73m2', 'ml/min/1.73m^2', 'ml/min', 'ml/min/1.73'], toCanonical: same }],
  'digoxin-level': [{ forms: ['ng/ml', 'mcg/l', 'µg/l', 'ug/l'], toCanonical: same }],
  'lithium-level': [{ forms: ['mmol/l', 'meq/l'], toCanonical: same }],
  'phenytoin-level': [{ forms: ['mcg/ml', 'µg/ml', 'ug/ml', 'mg/l'], toCanonical: same }],
  platelets: [
    {
      forms: ['k/ul', 'k/µl', 'x10^3/ul', 'x10^3/µl', '10^3/µl', '10^3/ul', 'x10^9/l', '10^9/l', 'k', 'thou/ul'],
      toCanonical: same,
    },
  ],
  albumin: [
    { forms: ['g/dl', 'gm/dl'], toCanonical: same },
    { forms: ['g/l'], toCanonical: (v) => v / 10 },
  ],
  bnp: [{ forms: ['pg/ml', 'ng/l'], toCanonical: same }],
  'nt-probnp': [{ forms: ['pg/ml', 'ng/l'], toCanonical: same }],
  troponin: [
    { forms: ['ng/l', 'pg/ml'], toCanonical: same },
    { forms: ['ng/ml', 'µg/l', 'ug/l'], toCanonical: (v) => v * 1000 },
  ],
  glucose: [
    { forms: ['mg/dl'], toCanonical: same },
    { forms: ['mmol/l'], toCanonical: (v) => v * 18.016 },
  ],
  pao2: [
    { forms: ['mmhg', 'mm hg', 'torr'], toCanonical: same },
    { forms: ['kpa'], toCanonical: (v) => v * 7.50062 },
  ],
  paco2: [
    { forms: ['mmhg', 'mm hg', 'torr'], toCanonical: same },
    { forms: ['kpa'], toCanonical: (v) => v * 7.50062 },
  ],
  fio2: [{ forms: ['%'], toCanonical: same }],
  'pf-ratio': [{ forms: ['mmhg'], toCanonical: same }],
  'ejection-fraction': [{ forms: ['%'], toCanonical: same }],
  ammonia: [
    { forms: ['µmol/l', 'umol/l', 'μmol/l'], toCanonical: same },
    { forms: ['µg/dl', 'ug/dl', 'mcg/dl'], toCanonical: (v) => v * 0.587 },
  ],
  temperature: [
    { forms: ['°c', 'c', 'degc', 'celsius', 'degreesc', 'º c', 'ºc'], toCanonical: same },
    { forms: ['°f', 'f', 'degf', 'fahrenheit', 'degreesf', 'ºf'], toCanonical: (v) => ((v - 32) * 5) / 9 },
  ],
  'heart-rate': [{ forms: ['bpm', '/min', 'beats/min'], toCanonical: same }],
  'respiratory-rate': [{ forms: ['/min', 'breaths/min', 'bpm', 'rpm'], toCanonical: same }],
  'systolic-bp': [{ forms: ['mmhg'], toCanonical: same }],
  'diastolic-bp': [{ forms: ['mmhg'], toCanonical: same }],
  map: [{ forms: ['mmhg'], toCanonical: same }],
  spo2: [{ forms: ['%'], toCanonical: same }],
  bmi: [{ forms: ['kg/m2', 'kg/m^2', 'kg/m²'], toCanonical: same }],
  weight: [
    { forms: ['kg', 'kgs'], toCanonical: same },
    { forms: ['lb', 'lbs', 'pounds', '#'], toCanonical: (v) => v * 0.45359237 },
  ],
  'weight-loss': [{ forms: ['%'], toCanonical: same }],
  magnesium: [
    { forms: ['mg/dl'], toCanonical: same },
    { forms: ['mmol/l'], toCanonical: (v) => v * 2.431 },
    { forms: ['meq/l'], toCanonical: (v) => v * 1.2155 },
  ],
  anc: [
    {
      forms: ['k/ul', 'k/µl', 'x10^3/ul', 'x10^3/µl', '10^3/µl', '10^3/ul', 'x10^9/l', '10^9/l', 'k'],
      toCanonical: same,
    },
    { forms: ['/ul', '/µl', 'cells/ul', 'cells/µl', '/mm3'], toCanonical: (v) => v / 1000 },
  ],
};

/** Normalises a written unit for lookup: lower case, no spaces, "mcmol" and "μ" unified. */
export function normalizeUnit(unit: string): string {
  return unit
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/μ/g, 'µ')
    .replace(/^mcmol/, 'µmol');
}

/**
 * Converts a written value to the canonical unit of `name`.
 * Returns null when the unit is written but not one this analyte accepts (the value is then not
 * trusted). When no unit is written, the value is assumed canonical except where the magnitude
 * tells the unit: temperature above 45 is °F, WBC above 500 is cells/µL, FiO2 at most 1 is a fraction,
 * troponin below 10 is ng/mL, an ANC of 50 or more and a platelet count of 3,000 or more are per µL.
 *
 * @example toCanonical('creatinine', 265, 'µmol/L') // ≈ 3.0 (mg/dL)
 */
export function toCanonical(name: IndicatorName, value: number, unit: string | undefined): number | null {
  const rules = UNITS[name];
  if (unit !== undefined && unit.trim() !== '') {
    if (!rules) return value;
    const key = normalizeUnit(unit);
    const rule = rules.find((r) => r.forms.includes(key));
    return rule ? rule.toCanonical(value) : null;
  }
  switch (name) {
    case 'temperature':
      return value > 45 ? ((value - 32) * 5) / 9 : value;
    case 'wbc':
      return value > 500 ? value / 1000 : value;
    case 'platelets':
      // "Platelets 80,000" is per µL.
      return value >= 3000 ? value / 1000 : value;
    case 'anc':
      // "ANC 500" is cells/µL; "ANC 0.5" is already ×10^3/µL.
      return value >= 50 ? value / 1000 : value;
    case 'fio2':
      return value <= 1 ? value * 100 : value;
    case 'troponin':
      return value < 10 ? value * 1000 : value;
    case 'weight':
      return value;
    default:
      return value;
  }
}

/** Flags a canonical value against the reference range of `name`; undefined when there is none. */
export function flagValue(name: IndicatorName, value: number): IndicatorFlag | undefined {
  const range = REFERENCE_RANGES[name];
  if (!range || (range.low === null && range.high === null)) return undefined;
  if (range.low !== null && value < range.low) return 'low';
  if (range.high !== null && value > range.high) return 'high';
  return 'normal';
}

/** Canonical unit of `name` ('' for unitless scores), or null for descriptive indicators. */
export function canonicalUnit(name: IndicatorName): string | null {
  return REFERENCE_RANGES[name]?.unit ?? null;
}

/** Rounds a converted value for display (at most 2 decimals, no trailing zeros). */
export function roundValue(value: number): number {
  return Math.round(value * 100) / 100;
}
