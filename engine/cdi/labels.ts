import type { Indicator, IndicatorName } from './types';
import { REFERENCE_RANGES } from './reference-ranges';

/** Display names of indicators, as printed in query drafts. */
export const INDICATOR_LABELS: Record<IndicatorName, string> = {
  sodium: 'Sodium',
  potassium: 'Potassium',
  creatinine: 'Creatinine',
  'creatinine-baseline': 'Baseline creatinine',
  bun: 'BUN',
  lactate: 'Lactate',
  wbc: 'WBC',
  bands: 'Bands',
  hemoglobin: 'Hemoglobin',
  hematocrit: 'Hematocrit',
  egfr: 'eGFR',
  inr: 'INR',
  'digoxin-level': 'Digoxin level',
  'lithium-level': 'Lithium level',
  'phenytoin-level': 'Phenytoin level',
  magnesium: 'Magnesium',
  anc: 'Absolute neutrophil count',
  diuretic: 'Diuretic',
  'anemia-treatment': 'Anemia treatment',
  'anemia-workup': 'Anemia work-up',
  chemotherapy: 'Chemotherapy',
  anticoagulant: 'Anticoagulant',
  surgery: 'Operation / postoperative course',
  'urinary-catheter': 'Urinary catheter',
  'electrolyte-monitoring': 'Electrolyte monitoring',
  insulin: 'Insulin',
  'growth-factor': 'Myeloid growth factor',
  'iv-antihypertensive': 'IV antihypertensive',
  'osmotic-therapy': 'Osmotic therapy',
  'coagulation-reversal': 'Blood product / coagulation factor',
  'magnesium-replacement': 'Magnesium replacement',
  'iv-fluids': 'IV fluids',
  platelets: 'Platelets',
  albumin: 'Albumin',
  bnp: 'BNP',
  'nt-probnp': 'NT-proBNP',
  troponin: 'Troponin',
  glucose: 'Glucose',
  ph: 'pH',
  pao2: 'PaO2',
  paco2: 'PaCO2',
  fio2: 'FiO2',
  'pf-ratio': 'PaO2/FiO2 ratio',
  'ejection-fraction': 'Ejection fraction',
  ammonia: 'Ammonia',
  temperature: 'Temperature',
  'heart-rate': 'Heart rate',
  'respiratory-rate': 'Respiratory rate',
  'systolic-bp': 'Systolic blood pressure',
  'diastolic-bp': 'Diastolic blood pressure',
  map: 'Mean arterial pressure',
  spo2: 'SpO2',
  bmi: 'BMI',
  weight: 'Weight',
  'weight-loss': 'Weight loss',
  'iv-antibiotics': 'IV antibiotics',
  vasopressors: 'Vasopressors',
  'fluid-bolus': 'Fluid bolus',
  'supplemental-oxygen': 'Supplemental oxygen',
  'high-flow-oxygen': 'High-flow oxygen',
  'non-invasive-ventilation': 'Non-invasive ventilation',
  intubation: 'Intubation / mechanical ventilation',
  'iv-diuretics': 'IV diuretics',
  transfusion: 'Transfusion',
  'dietitian-consult': 'Dietitian involvement',
  'nutrition-support': 'Nutrition support',
  'wound-care': 'Wound care',
  'fluid-restriction': 'Fluid restriction',
  'hypertonic-saline': 'Sodium-raising treatment',
  'potassium-replacement': 'Potassium replacement',
  'pressure-injury': 'Skin / pressure injury finding',
  'braden-score': 'Braden score',
  'mental-status': 'Mental status',
  gcs: 'Glasgow Coma Scale',
  'poor-intake': 'Oral intake',
  'muscle-wasting': 'Muscle mass',
  'fat-loss': 'Subcutaneous fat',
  'work-of-breathing': 'Work of breathing',
  'room-air': 'Room air',
  'blood-loss': 'Blood loss',
  infection: 'Infection',
  'culture-organism': 'Organism identified',
  aspiration: 'Aspiration / swallowing',
  congestion: 'Congestion',
  'gi-losses': 'Gastrointestinal losses',
  'voiding-difficulty': 'Voiding',
  'one-sided-weakness': 'Focal neurologic finding',
  'brain-lesion': 'Intracranial finding',
};

/** "126 mmol/L (low; reference 135–145)" or the finding text, without the location. */
export function describeValue(ind: Indicator): string {
  if (ind.value === null) return ind.detail ? `${ind.text} (${ind.detail})` : ind.text;
  const unit = ind.unit
    ? ind.unit.startsWith('/') || ind.unit === '%' || ind.unit.startsWith('°')
      ? ind.unit
      : ` ${ind.unit}`
    : '';
  const range = REFERENCE_RANGES[ind.name];
  const notes: string[] = [];
  if (ind.flag && ind.flag !== 'normal') notes.push(ind.flag);
  if (ind.flag === 'normal') notes.push('within reference range');
  if (range && (range.low !== null || range.high !== null) && ind.flag) {
    notes.push(
      range.low !== null && range.high !== null
        ? `reference ${range.low}–${range.high}`
        : range.low !== null
          ? `reference ≥ ${range.low}`
          : `reference ≤ ${range.high}`,
    );
  }
  if (ind.asWritten) notes.push(`written ${ind.asWritten}`);
  if (ind.detail) notes.push(ind.detail);
  return `${ind.value}${unit}${notes.length ? ` (${notes.join('; ')})` : ''}`;
}

/**
 * Where the indicator is, as a physician finds it: its date/time and the section heading (or the
 * results table and row). Character offsets are for the panel's highlighting, never printed.
 */
export function describeWhere(ind: Indicator): string {
  const parts: string[] = [];
  if (ind.date) parts.push(ind.date);
  if (ind.row)
    parts.push(`${ind.row.table === 'labs' ? 'lab results' : 'vital signs'} table, row ${ind.row.index + 1}`);
  else if (ind.section) parts.push(`${ind.section} section`);
  else parts.push('date and section not stated');
  return parts.join(', ');
}
