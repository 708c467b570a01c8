/**
 * Shared data types of the CDI engine. Everything here is plain data: it crosses the
 * worker boundary (structured clone) and is printed by the CLI as JSON.
 */

/** Where an indicator or a mention sits in the chart: a span of the snapshot text, or a table row. */
export interface ChartLocation {
  /** UTF-16 offset of the first character in the chart text; -1 when the value came from a table row only. */
  start: number;
  /** UTF-16 offset one past the last character; -1 when the value came from a table row only. */
  end: number;
  /** Set when the value came from a structured lab/vital row of the snapshot. */
  row?: { table: 'labs' | 'vitals'; index: number };
  /** Heading of the chart section the span lies in, when one is known (e.g. "Assessment and Plan"). */
  section?: string;
}

/** What an indicator measures or describes; the stable name printed in queries and JSON. */
export type IndicatorName =
  // labs
  | 'sodium'
  | 'potassium'
  | 'creatinine'
  | 'creatinine-baseline'
  | 'bun'
  | 'lactate'
  | 'wbc'
  | 'bands'
  | 'hemoglobin'
  | 'platelets'
  | 'albumin'
  | 'bnp'
  | 'nt-probnp'
  | 'troponin'
  | 'glucose'
  | 'ph'
  | 'pao2'
  | 'paco2'
  | 'fio2'
  | 'pf-ratio'
  | 'ejection-fraction'
  | 'ammonia'
  | 'hematocrit'
  | 'egfr'
  | 'inr'
  | 'digoxin-level'
  | 'lithium-level'
  | 'phenytoin-level'
  | 'magnesium'
  | 'anc'
  // vitals
  | 'temperature'
  | 'heart-rate'
  | 'respiratory-rate'
  | 'systolic-bp'
  | 'diastolic-bp'
  | 'map'
  | 'spo2'
  | 'bmi'
  | 'weight'
  | 'weight-loss'
  // treatments
  | 'iv-antibiotics'
  | 'vasopressors'
  | 'fluid-bolus'
  | 'supplemental-oxygen'
  | 'high-flow-oxygen'
  | 'non-invasive-ventilation'
  | 'intubation'
  | 'iv-diuretics'
  | 'transfusion'
  | 'dietitian-consult'
  | 'nutrition-support'
  | 'wound-care'
  | 'fluid-restriction'
  | 'hypertonic-saline'
  | 'potassium-replacement'
  | 'diuretic'
  | 'anemia-treatment'
  | 'anemia-workup'
  | 'chemotherapy'
  | 'anticoagulant'
  | 'surgery'
  | 'urinary-catheter'
  | 'electrolyte-monitoring'
  | 'insulin'
  | 'growth-factor'
  | 'iv-antihypertensive'
  | 'osmotic-therapy'
  | 'coagulation-reversal'
  | 'magnesium-replacement'
  | 'iv-fluids'
  // findings
  | 'pressure-injury'
  | 'braden-score'
  | 'mental-status'
  | 'gcs'
  | 'poor-intake'
  | 'muscle-wasting'
  | 'fat-loss'
  | 'work-of-breathing'
  | 'room-air'
  | 'blood-loss'
  | 'infection'
  | 'culture-organism'
  | 'aspiration'
  | 'congestion'
  | 'gi-losses'
  | 'voiding-difficulty'
  | 'one-sided-weakness'
  | 'brain-lesion';

/** Broad family of an indicator, for grouping in the side panel. */
export type IndicatorKind = 'lab' | 'vital' | 'treatment' | 'nursing' | 'mental-status' | 'finding';

/** Comparison of a value with its reference range. */
export type IndicatorFlag = 'low' | 'normal' | 'high' | 'abnormal';

/**
 * One clinical indicator found in the chart.
 *
 * @example
 * { id: 'sodium@120', name: 'sodium', kind: 'lab', value: 126, unit: 'mmol/L', text: 'Na 126',
 *   start: 120, end: 126, date: '11/20', flag: 'low' }
 */
export interface Indicator extends ChartLocation {
  /** Stable within one chart: `<name>@<start>` or `<name>@<table>#<row>`. */
  id: string;
  name: IndicatorName;
  kind: IndicatorKind;
  /** Numeric value in the canonical unit of `name` (see reference-ranges.ts); null for descriptive findings. */
  value: number | null;
  /** Canonical unit of `value` (e.g. "mg/dL", "°C", "%"); null for descriptive findings. */
  unit: string | null;
  /** Value and unit exactly as written, when converted (e.g. "265 µmol/L"); otherwise absent. */
  asWritten?: string;
  /** Exact chart text of the indicator (for a table row: "name value unit"). */
  text: string;
  /** Date and/or time written with the value or on its line/row heading, as written. */
  date?: string;
  /** Against the reference range of the analyte; absent for findings and treatments. */
  flag?: IndicatorFlag;
  /** Extra detail for findings: pressure-injury stage and site, organism, "on room air"… */
  detail?: string;
}

/** Stable ids of the query topics (a finding's id, kept across releases). */
export type CdiTopic =
  | 'sepsis'
  | 'aki'
  | 'malnutrition'
  | 'heart-failure'
  | 'encephalopathy'
  | 'respiratory-failure'
  | 'acute-blood-loss-anemia'
  | 'pressure-injury'
  | 'obesity-bmi'
  | 'hyponatremia'
  | 'hypokalemia'
  | 'type-2-mi'
  | 'pneumonia-organism'
  | 'clinical-validation'
  | 'other:ckd-stage'
  | 'other:anemia-type'
  | 'other:drug-toxicity'
  | 'other:cause-link'
  | 'other:laterality-conflict'
  | 'other:diabetes-control'
  | 'other:substance-use-status'
  | 'other:thrombocytopenia'
  | 'other:neutropenia'
  | 'other:hypomagnesemia'
  | 'other:hypertensive-urgency'
  | 'other:stroke-specificity'
  | 'other:neoplasm-status'
  | 'other:dvt-specificity'
  | 'other:dementia-type'
  | 'other:pulmonary-hypertension-type'
  | 'other:hemiparesis'
  | 'other:cerebral-edema'
  | 'other:coagulopathy'
  | 'other:dehydration'
  | 'other:urinary-retention'
  | 'other:debridement-depth'
  | 'other:acuity'
  | 'other:laterality'
  | 'other:operative-diagnosis';

/** Every topic, in the order the side panel lists them. */
export const CDI_TOPICS: readonly CdiTopic[] = [
  'sepsis',
  'aki',
  'malnutrition',
  'heart-failure',
  'encephalopathy',
  'respiratory-failure',
  'acute-blood-loss-anemia',
  'pressure-injury',
  'obesity-bmi',
  'hyponatremia',
  'hypokalemia',
  'type-2-mi',
  'pneumonia-organism',
  'clinical-validation',
  'other:ckd-stage',
  'other:anemia-type',
  'other:drug-toxicity',
  'other:cause-link',
  'other:laterality-conflict',
  'other:diabetes-control',
  'other:substance-use-status',
  'other:thrombocytopenia',
  'other:neutropenia',
  'other:hypomagnesemia',
  'other:hypertensive-urgency',
  'other:stroke-specificity',
  'other:neoplasm-status',
  'other:dvt-specificity',
  'other:dementia-type',
  'other:pulmonary-hypertension-type',
  'other:hemiparesis',
  'other:cerebral-edema',
  'other:coagulopathy',
  'other:dehydration',
  'other:urinary-retention',
  'other:debridement-depth',
  'other:acuity',
  'other:laterality',
  'other:operative-diagnosis',
];

/** Why a query is warranted (query-guidelines.md §1 "legitimate triggers"). */
export type OpportunityReason =
  /** Indicators are present and monitored/treated but no diagnosis is named. */
  | 'indicators-without-diagnosis'
  /** The diagnosis is named but lacks type, acuity, stage, site or organism. */
  | 'imprecise-diagnosis'
  /** A documented diagnosis has no supporting indicators. */
  | 'diagnosis-without-support'
  /** Present-on-admission status is not stated. */
  | 'poa-unclear'
  /** A procedure is documented and the condition it treated is not (an operative report without a diagnosis). */
  | 'diagnosis-not-documented';
