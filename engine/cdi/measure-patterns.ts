import type { IndicatorKind, IndicatorName } from './types';

/**
 * How each measured indicator (a lab or vital with a number) is written in prose and in tables:
 * its labels, the words that disqualify a label (e.g. "urine sodium" is not serum sodium), the
 * plausible range in the canonical unit (a value outside is a misread, not a result), and whether
 * a run of values ("Cr 1.0 -> 1.6 -> 2.3") is read as a trend.
 */
export interface MeasureSpec {
  name: IndicatorName;
  kind: IndicatorKind;
  /** Case-insensitive label alternation (regex source, no groups). */
  labels: string;
  /** Case-sensitive label alternation, for short labels like "Na", "K", "Cr", "T", "pH". */
  labelsCase?: string;
  /** Regex tested on the up-to-24 characters before the label; a hit means "not this analyte". */
  notBefore?: RegExp;
  /** Regex tested on the text right after the label; a hit means "not this analyte". */
  notAfter?: RegExp;
  /** Plausible canonical values [min, max]. */
  plausible: [number, number];
  /** Read "a -> b -> c" runs as several dated values. */
  trend?: boolean;
}

/** Measured labs and vitals (indicator extraction). */
export const MEASURES: readonly MeasureSpec[] = [
  {
    name: 'sodium',
    kind: 'lab',
    labels: 'serum sodium|sodium|s-?na',
    labelsCase: 'Na\\+?|NA',
    notBefore: /(?:urine|urinary|u)\s*$/i,
    notAfter:
      /^\s*(?:chloride|bicarb|bicarbonate|tabs?|tablets?|restrict|phosphate|polystyrene|docusate|citrate|correction|goal)/i,
    plausible: [90, 200],
    trend: true,
  },
  {
    name: 'potassium',
    kind: 'lab',
    labels: 'serum potassium|potassium',
    labelsCase: 'K\\+?',
    notBefore: /(?:urine|urinary|u)\s*$/i,
    notAfter:
      /^\s*(?:chloride|replacement|repletion|replaced|repleted|supplement|citrate|phosphate|rider|protocol|goal)/i,
    plausible: [1, 10],
    trend: true,
  },
  {
    name: 'creatinine',
    kind: 'lab',
    labels: 'serum creatinine|creatinine|creat',
    labelsCase: 'S?Cr',
    notBefore: /(?:urine|urinary|u|baseline)[\s-]*$/i,
    notAfter: /^\s*(?:clearance|kinase|cl\b|phosphokinase)/i,
    plausible: [0.1, 25],
    trend: true,
  },
  {
    name: 'bun',
    kind: 'lab',
    labels: 'blood urea nitrogen|BUN|serum urea|urea',
    notBefore: /(?:urine|urinary|u)\s*$/i,
    notAfter: /^\s*(?:\/\s*(?:creat|cr)|ratio|breath)/i,
    plausible: [1, 300],
    trend: true,
  },
  {
    name: 'lactate',
    kind: 'lab',
    labels: 'lactic acid|lactate(?!d)|serum lactate|lactic',
    notAfter: /^\s*(?:dehydrogenase|ringer)/i,
    plausible: [0.1, 30],
    trend: true,
  },
  {
    name: 'wbc',
    kind: 'lab',
    labels:
      'white blood cell count|white blood cells?|white cell count|white count|wbc count|wbc|leukocyte count|leukocytes|leukocytosis(?: to| of)?',
    notBefore: /(?:urine|urinary|\bUA|urinalysis|CSF|fluid|pleural|stool|u)[\s:,-]*$/i,
    notAfter: /^\s*(?:esterase|casts?|clumps|\/hpf|per hpf)/i,
    plausible: [0.1, 300],
    trend: true,
  },
  { name: 'bands', kind: 'lab', labels: 'band neutrophils|band forms|bands|bandemia(?: of)?', plausible: [0, 100] },
  {
    name: 'hemoglobin',
    kind: 'lab',
    labels: 'hemoglobin|haemoglobin|hgb|hb',
    notAfter: /^\s*(?:A1c|A1C|a1c|electrophoresis|S\b)/,
    plausible: [2, 25],
    trend: true,
  },
  {
    name: 'hematocrit',
    kind: 'lab',
    labels: 'hematocrit|haematocrit|hct',
    plausible: [8, 70],
    trend: true,
  },
  {
    name: 'egfr',
    kind: 'lab',
    labels: 'estimated GFR|estimated glomerular filtration rate|eGFR|GFR',
    plausible: [1, 200],
    trend: true,
  },
  { name: 'inr', kind: 'lab', labels: 'INR|international normali[sz]ed ratio', plausible: [0.5, 20], trend: true },
  { name: 'digoxin-level', kind: 'lab', labels: 'digoxin(?: level)?|dig level', plausible: [0.1, 15] },
  { name: 'lithium-level', kind: 'lab', labels: 'lithium(?: level)?|Li level', plausible: [0.1, 10] },
  {
    name: 'phenytoin-level',
    kind: 'lab',
    labels: '(?:free )?(?:phenytoin|dilantin)(?: level)?',
    plausible: [0.5, 80],
  },
  {
    name: 'magnesium',
    kind: 'lab',
    labels: 'serum magnesium|magnesium|mag level|Mg level',
    labelsCase: 'Mg\\+?',
    notBefore: /(?:urine|urinary|u)\s*$/i,
    notAfter:
      /^\s*(?:sulfate|oxide|citrate|hydroxide|replacement|repletion|replaced|repleted|supplement|protocol|goal|rider)/i,
    plausible: [0.3, 10],
    trend: true,
  },
  {
    name: 'anc',
    kind: 'lab',
    labels: 'absolute neutrophil count|absolute neutrophils|ANC',
    plausible: [0, 100000],
    trend: true,
  },
  { name: 'platelets', kind: 'lab', labels: 'platelet count|platelets?|plts?', plausible: [1, 3000], trend: true },
  {
    name: 'albumin',
    kind: 'lab',
    labels: 'serum albumin|albumin',
    notBefore: /(?:pre-?|micro|urine\s*)$/i,
    plausible: [0.5, 7],
  },
  {
    name: 'nt-probnp',
    kind: 'lab',
    labels: 'NT-?\\s?pro-?\\s?BNP|N-terminal pro-?\\s?BNP|N-terminal pro-?B-type natriuretic peptide|pro-?BNP',
    plausible: [5, 200000],
    trend: true,
  },
  {
    name: 'bnp',
    kind: 'lab',
    labels: 'B-type natriuretic peptide|brain natriuretic peptide|B-?natriuretic peptide|BNP',
    notBefore: /(?:pro-?\s?|NT-?\s?)$/i,
    plausible: [1, 50000],
    trend: true,
  },
  {
    name: 'troponin',
    kind: 'lab',
    labels:
      'high[- ]sensitivity troponin(?: [IT])?|hs-?c?TnI|hs-?c?TnT|hs-?troponin(?: [IT])?|troponin(?: [IT])?|trop(?: [IT])?|c?TnI|c?TnT',
    plausible: [0, 1000000],
    trend: true,
  },
  {
    name: 'glucose',
    kind: 'lab',
    labels: 'serum glucose|blood glucose|glucose|blood sugar|fingerstick(?: glucose)?|FSBG|POC glucose|accu-?chek|BG',
    notBefore: /(?:urine|urinary|CSF|fluid|u)\s*$/i,
    notAfter: /^\s*(?:tabs?|gel|tolerance|goal)/i,
    plausible: [10, 2000],
    trend: true,
  },
  {
    name: 'ph',
    kind: 'lab',
    labels: 'arterial pH|serum pH|blood pH',
    labelsCase: 'pH',
    notBefore: /(?:urine|urinary|u)\s*$/i,
    plausible: [6.5, 8],
  },
  {
    name: 'pao2',
    kind: 'lab',
    labels: 'PaO2|PO2|Pa O2|arterial oxygen tension',
    notAfter: /^\s*\//,
    plausible: [20, 700],
  },
  { name: 'paco2', kind: 'lab', labels: 'PaCO2|PCO2|Pa CO2', plausible: [10, 150] },
  { name: 'fio2', kind: 'lab', labels: 'FiO2|FIO2|fraction of inspired oxygen', plausible: [21, 100] },
  { name: 'pf-ratio', kind: 'lab', labels: 'P/F ratio|P:F ratio|PaO2/FiO2(?: ratio)?|P/F', plausible: [20, 700] },
  {
    name: 'ejection-fraction',
    kind: 'lab',
    labels: 'left ventricular ejection fraction|ejection fraction|LVEF|EF',
    plausible: [5, 90],
  },
  { name: 'ammonia', kind: 'lab', labels: 'ammonia|NH3', plausible: [5, 1000], trend: true },
  {
    name: 'temperature',
    kind: 'vital',
    labels: 'temperature|temp|tmax|t max|febrile to|fever of|fever to|fever',
    labelsCase: 'T',
    notAfter: /^\s*(?:scale)/i,
    plausible: [30, 45],
  },
  {
    name: 'heart-rate',
    kind: 'vital',
    labels:
      'heart rate|pulse rate|pulse|HR|tachycardic to|tachycardia to|tachycardic in the|tachycardia in the|tachycardic at',
    notAfter: /^\s*(?:ox|oximetry)/i,
    plausible: [20, 250],
  },
  {
    name: 'respiratory-rate',
    kind: 'vital',
    labels: 'respiratory rate|resp rate|respirations|resp|RR|tachypneic to|tachypnea to|tachypneic in the|breathing at',
    plausible: [4, 80],
  },
  {
    name: 'systolic-bp',
    kind: 'vital',
    labels: 'systolic blood pressure|systolic BP|systolic|SBP|systolics in the|systolics',
    plausible: [40, 300],
  },
  { name: 'map', kind: 'vital', labels: 'mean arterial pressure|MAPs?', plausible: [20, 200] },
  {
    name: 'spo2',
    kind: 'vital',
    labels:
      'SpO2|SaO2|O2 saturation|O2 sats?|oxygen saturation|oxygen sat|pulse oximetry|pulse ox|sats?|saturating|desaturat(?:ed|ing|ion) to|desatting to|satting',
    plausible: [40, 100],
  },
  { name: 'bmi', kind: 'vital', labels: 'body mass index|BMI', plausible: [8, 100] },
  {
    name: 'weight',
    kind: 'vital',
    labels: 'body weight|admission weight|current weight|dry weight|weight|weighs|wt',
    notAfter: /^\s*(?:loss|gain|bearing|trend|change|down|up|history|-based)/i,
    plausible: [20, 400],
  },
  {
    name: 'braden-score',
    kind: 'nursing',
    labels: 'braden scale score|braden score|braden scale|braden',
    plausible: [6, 23],
  },
  {
    name: 'gcs',
    kind: 'mental-status',
    labels: 'glasgow coma scale(?: score)?|glasgow coma score|GCS',
    plausible: [3, 15],
  },
];
