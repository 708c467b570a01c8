import type { CdiTopic } from '../types';
import { ChartsideError } from '../../errors';
import { MORE_TEMPLATES } from './more-templates';

/** Query formats of query-guidelines.md §2 rule 5. */
export type QueryFormat = 'multiple-choice' | 'open-ended' | 'yes-no';

/**
 * What a query asks for; decides which formats are allowed (§2 rule 5: yes/no never for a new
 * diagnosis; acceptable for POA, confirming a documented diagnosis, or a cause-and-effect link).
 */
export type QueryPurpose = 'new-diagnosis' | 'specificity' | 'poa' | 'confirm-documented' | 'cause-effect';

/** Purposes for which a yes/no query is acceptable (§2 rule 5, "Yes/No"). */
export const YES_NO_PURPOSES: readonly QueryPurpose[] = ['poa', 'confirm-documented', 'cause-effect'];

/** One answer option; offered only when the opportunity's fact `when` holds (all options must be
 * clinically reasonable for the indicators shown, §2 rule 5). */
export interface TemplateOption {
  text: string;
  when?: string;
}

/**
 * A reviewed query template: data, with the guideline sections it follows. `{subject}`,
 * `{mention}` and `{organism}` in the question or options are filled from the opportunity.
 */
export interface QueryTemplate {
  id: string;
  /** Bumped whenever the wording changes; printed with the draft. */
  version: number;
  topic: CdiTopic;
  /** Date of the last clinical/compliance review of the wording (ISO). */
  reviewed: string;
  /** Where the wording and options come from (sections of /work/shared/cdi/query-guidelines.md). */
  sources: string[];
  format: QueryFormat;
  purpose: QueryPurpose;
  /** Neutral title printed on the query (never names the diagnosis being asked about). */
  title: string;
  question: string;
  options: TemplateOption[];
}

/** Escape options every multiple-choice and yes/no draft carries (§2 rule 5, §4 skeleton). */
export const OTHER_OPTION = 'Other (please specify): ________';
/** See {@link OTHER_OPTION}. */
export const UNDETERMINED_OPTION = 'Clinically undetermined';

/** Closing line of every draft (§2 rule 7: the answer belongs in the health record). */
export const CLOSING =
  'Please document your response in the health record (progress note, discharge summary or addendum). Terms of uncertainty such as "probable" or "suspected" are acceptable for inpatient documentation.';

const G = 'query-guidelines.md';
const BASE = [`${G} §2 rules 1, 3, 4, 5`, `${G} §4 template skeleton and lint rules`];
const REVIEWED = '2026-11-23';
const REVIEWED_V2 = '2026-12-05';

/** The core reviewed template set. */
const CORE_TEMPLATES: readonly QueryTemplate[] = [
  {
    id: 'sepsis',
    version: 1,
    title: 'Clarification of infection-related clinical findings',
    topic: 'sepsis',
    reviewed: REVIEWED,
    sources: [...BASE, `${G} §3 Sepsis (Sepsis-2 SIRS, Sepsis-3 SOFA/qSOFA)`],
    format: 'multiple-choice',
    purpose: 'new-diagnosis',
    question:
      'Based on your clinical judgment and the clinical indicators above, can you clarify the condition being evaluated and treated?',
    options: [
      { text: 'Sepsis (please specify the source and organism, if known)' },
      { text: 'Sepsis with acute organ dysfunction (please specify the organ dysfunction)', when: 'organDysfunction' },
      { text: 'Septic shock', when: 'shock' },
      { text: 'Localized infection without sepsis (please specify, e.g. urinary tract infection, pneumonia)' },
      { text: 'Bacteremia without sepsis' },
      { text: 'SIRS of non-infectious origin (please specify the cause)' },
    ],
  },
  {
    id: 'aki',
    version: 1,
    title: 'Clarification of creatinine values',
    topic: 'aki',
    reviewed: REVIEWED,
    sources: [...BASE, `${G} §3 Acute kidney injury (KDIGO)`],
    format: 'multiple-choice',
    purpose: 'new-diagnosis',
    question: 'Based on your clinical judgment, can the creatinine values listed above be further clarified?',
    options: [
      { text: 'Acute kidney injury (please specify the stage, if known)' },
      { text: 'Acute kidney injury on chronic kidney disease (please specify the CKD stage)', when: 'ckd' },
      { text: 'Acute tubular necrosis' },
      { text: 'Prerenal azotemia without acute kidney injury' },
      { text: 'Chronic kidney disease only (please specify the stage)', when: 'ckd' },
      { text: 'Lab variation, not clinically significant' },
    ],
  },
  {
    id: 'malnutrition',
    version: 1,
    title: 'Clarification of nutritional status',
    topic: 'malnutrition',
    reviewed: REVIEWED,
    sources: [
      ...BASE,
      `${G} §2 rule 10 (I.B.14: the diagnosis must come from a provider)`,
      `${G} §3 Malnutrition (ASPEN/AND, GLIM)`,
    ],
    format: 'multiple-choice',
    purpose: 'specificity',
    question:
      "Based on your clinical judgment and the nutrition findings above, can the patient's nutritional status be further clarified?",
    options: [
      { text: 'Severe protein-calorie malnutrition' },
      { text: 'Moderate protein-calorie malnutrition' },
      { text: 'Mild protein-calorie malnutrition' },
      { text: 'Malnutrition, severity unable to be specified' },
      { text: 'At risk for malnutrition, not malnourished' },
    ],
  },
  {
    id: 'heart-failure',
    version: 1,
    title: 'Clarification of cardiac condition: type and acuity',
    topic: 'heart-failure',
    reviewed: REVIEWED,
    sources: [
      ...BASE,
      `${G} §1 (imprecise: missing type or acuity)`,
      `${G} §3 Heart failure — type and acuity (EF bands)`,
    ],
    format: 'multiple-choice',
    purpose: 'specificity',
    question:
      'Based on your clinical judgment and the clinical indicators above, can the type and acuity of the cardiac condition being treated be further specified?',
    options: [
      { text: 'Acute on chronic systolic (HFrEF) heart failure', when: 'efReduced' },
      { text: 'Acute systolic (HFrEF) heart failure', when: 'efReduced' },
      { text: 'Chronic systolic (HFrEF) heart failure', when: 'efReduced' },
      { text: 'Acute on chronic diastolic (HFpEF) heart failure', when: 'efPreserved' },
      { text: 'Acute diastolic (HFpEF) heart failure', when: 'efPreserved' },
      { text: 'Chronic diastolic (HFpEF) heart failure', when: 'efPreserved' },
      {
        text: 'Heart failure with mildly reduced ejection fraction (HFmrEF); acuity: acute / chronic / acute on chronic',
        when: 'efMildlyReduced',
      },
      {
        text: 'Combined systolic and diastolic heart failure; acuity: acute / chronic / acute on chronic',
        when: 'efNotPreserved',
      },
      { text: 'Systolic (HFrEF) heart failure; acuity: acute / chronic / acute on chronic', when: 'efUnknown' },
      { text: 'Diastolic (HFpEF) heart failure; acuity: acute / chronic / acute on chronic', when: 'efUnknown' },
      { text: 'Right-sided heart failure; acuity: acute / chronic / acute on chronic', when: 'efUnknownOrPreserved' },
      { text: 'Volume overload not due to heart failure (please specify the cause)', when: 'newDiagnosis' },
    ],
  },
  {
    id: 'encephalopathy',
    version: 1,
    title: 'Clarification of mental status findings',
    topic: 'encephalopathy',
    reviewed: REVIEWED,
    sources: [...BASE, `${G} §3 Encephalopathy`],
    format: 'multiple-choice',
    purpose: 'new-diagnosis',
    question: 'Based on your clinical judgment, can the altered mental status described above be further clarified?',
    options: [
      { text: 'Metabolic encephalopathy (please specify the cause)', when: 'metabolic' },
      { text: 'Septic encephalopathy', when: 'septic' },
      { text: 'Hepatic encephalopathy', when: 'hepatic' },
      { text: 'Delirium due to a known physiological condition (please specify)' },
      { text: 'Altered mental status without encephalopathy' },
    ],
  },
  {
    id: 'respiratory-failure',
    version: 1,
    title: 'Clarification of respiratory status',
    topic: 'respiratory-failure',
    reviewed: REVIEWED,
    sources: [...BASE, `${G} §3 Acute respiratory failure`],
    format: 'multiple-choice',
    purpose: 'new-diagnosis',
    question: 'Based on your clinical judgment, can the respiratory status described above be further clarified?',
    options: [
      { text: 'Acute hypoxic respiratory failure', when: 'hypoxic' },
      { text: 'Acute hypercapnic respiratory failure', when: 'hypercapnic' },
      { text: 'Acute hypoxic and hypercapnic respiratory failure', when: 'both' },
      { text: 'Acute on chronic respiratory failure (please specify hypoxic and/or hypercapnic)', when: 'chronic' },
      { text: 'Chronic respiratory failure only', when: 'chronic' },
      { text: 'Hypoxemia without respiratory failure', when: 'hypoxic' },
      { text: 'Respiratory distress or insufficiency without respiratory failure' },
    ],
  },
  {
    id: 'acute-blood-loss-anemia',
    version: 1,
    title: 'Clarification of hemoglobin values and blood loss',
    topic: 'acute-blood-loss-anemia',
    reviewed: REVIEWED,
    sources: [...BASE, `${G} §3 Anemia — type`],
    format: 'multiple-choice',
    purpose: 'new-diagnosis',
    question:
      'Based on your clinical judgment, can the hemoglobin values and the blood loss described above be further clarified?',
    options: [
      { text: 'Acute blood loss anemia' },
      { text: 'Chronic blood loss anemia' },
      { text: 'Acute on chronic blood loss anemia' },
      { text: 'Dilutional anemia' },
      { text: 'Expected operative blood loss without anemia', when: 'surgical' },
    ],
  },
  {
    id: 'pressure-injury',
    version: 1,
    title: 'Clarification of skin findings',
    topic: 'pressure-injury',
    reviewed: REVIEWED,
    sources: [
      ...BASE,
      `${G} §2 rule 10 (I.B.14: stage from nursing, diagnosis from a provider)`,
      `${G} §3 Pressure injury — site, stage, POA`,
    ],
    format: 'multiple-choice',
    purpose: 'new-diagnosis',
    question:
      'Nursing or wound-care documentation describes the skin finding listed above. Based on your clinical judgment, can the diagnosis, site and stage be clarified, and was it present at the time of admission?',
    options: [
      { text: 'Pressure injury (please specify site and stage; present on admission: yes / no)' },
      { text: 'Non-pressure chronic ulcer (diabetic, venous or arterial; please specify site and depth)' },
      { text: 'Moisture-associated skin damage' },
      { text: 'Skin tear or other wound (please specify)' },
    ],
  },
  {
    id: 'pressure-injury-poa',
    version: 1,
    title: 'Present-on-admission status of a documented pressure injury',
    topic: 'pressure-injury',
    reviewed: REVIEWED,
    sources: [
      ...BASE,
      `${G} §1 (POA status unclear)`,
      `${G} §2 rule 5 (yes/no acceptable for POA)`,
      `${G} §3 Pressure injury — site, stage, POA`,
    ],
    format: 'yes-no',
    purpose: 'poa',
    question:
      'The pressure injury documented in this record is listed above. Was it present at the time of the inpatient admission?',
    options: [{ text: 'Yes, present on admission' }, { text: 'No, developed after admission' }],
  },
  {
    id: 'obesity-bmi',
    version: 1,
    title: 'Clarification of recorded body mass index',
    topic: 'obesity-bmi',
    reviewed: REVIEWED,
    sources: [
      ...BASE,
      `${G} §2 rule 10 (I.B.14: BMI from any clinician, weight diagnosis from a provider)`,
      `${G} §3 Obesity / BMI`,
    ],
    format: 'multiple-choice',
    purpose: 'new-diagnosis',
    question:
      'The body mass index listed above is recorded in this encounter. Based on your clinical judgment, can a corresponding weight-related condition be clarified?',
    options: [
      { text: 'Obesity, class 3 (severe obesity)', when: 'bmi40' },
      { text: 'Morbid (severe) obesity with alveolar hypoventilation', when: 'bmi40' },
      { text: 'Obesity, class 2', when: 'bmi35' },
      { text: 'Obesity, class 1', when: 'bmi30' },
      { text: 'Obesity due to excess calories (please specify the class)' },
      { text: 'Drug-induced obesity (please specify the drug)' },
      { text: 'BMI recorded, not clinically significant for this encounter' },
    ],
  },
  {
    id: 'hyponatremia',
    version: 1,
    title: 'Clarification of sodium values',
    topic: 'hyponatremia',
    reviewed: REVIEWED,
    sources: [...BASE, `${G} §2 rule 10 (III.B abnormal findings)`, `${G} §3 Hyponatremia`],
    format: 'multiple-choice',
    purpose: 'new-diagnosis',
    question:
      'Based on your clinical judgment, can the sodium values and the treatment listed above be further clarified?',
    options: [
      { text: 'Hyponatremia' },
      { text: 'Syndrome of inappropriate antidiuretic hormone secretion (SIADH)' },
      { text: 'Hypervolemic or dilutional hyponatremia' },
      { text: 'Hyponatremia due to a medication (adverse effect; please specify the drug)' },
      { text: 'Lab value not clinically significant' },
    ],
  },
  {
    id: 'hypokalemia',
    version: 1,
    title: 'Clarification of potassium values',
    topic: 'hypokalemia',
    reviewed: REVIEWED,
    sources: [...BASE, `${G} §2 rule 10 (III.B abnormal findings)`],
    format: 'multiple-choice',
    purpose: 'new-diagnosis',
    question:
      'Based on your clinical judgment, can the potassium values and the treatment listed above be further clarified?',
    options: [
      { text: 'Hypokalemia' },
      { text: 'Hypokalemia due to a medication (adverse effect; please specify the drug)' },
      { text: 'Hypokalemia due to gastrointestinal losses' },
      { text: 'Lab value not clinically significant' },
    ],
  },
  {
    id: 'type-2-mi',
    version: 1,
    title: 'Clarification of troponin elevation',
    topic: 'type-2-mi',
    reviewed: REVIEWED,
    sources: [...BASE, `${G} §3 Other frequent topics (type 2 MI vs demand ischemia)`],
    format: 'multiple-choice',
    purpose: 'specificity',
    question: 'Based on your clinical judgment, can the troponin elevation listed above be further clarified?',
    options: [
      { text: 'Type 2 myocardial infarction due to supply/demand mismatch (please specify the cause)' },
      { text: 'Type 1 myocardial infarction (NSTEMI or STEMI)' },
      { text: 'Demand ischemia without infarction' },
      { text: 'Non-ischemic myocardial injury (acute or chronic)' },
      { text: 'Troponin elevation not clinically significant' },
    ],
  },
  {
    id: 'pneumonia-organism',
    version: 1,
    title: 'Clarification of pneumonia type or organism',
    topic: 'pneumonia-organism',
    reviewed: REVIEWED,
    sources: [
      ...BASE,
      `${G} §1 (imprecise: missing organism)`,
      `${G} §3 Other frequent topics (pneumonia organism / aspiration)`,
    ],
    format: 'multiple-choice',
    purpose: 'specificity',
    question:
      'Pneumonia is documented in this record. Based on your clinical judgment and the results listed above, can the type or causative organism be further specified?',
    options: [
      { text: 'Pneumonia due to {organism}', when: 'organism' },
      { text: 'Aspiration pneumonia', when: 'aspiration' },
      { text: 'Bacterial pneumonia, organism not identified' },
      { text: '{organism} considered a colonizer or contaminant, not the cause of the pneumonia', when: 'organism' },
      { text: 'Pneumonia, organism unknown', when: 'aspiration' },
    ],
  },
  {
    id: 'clinical-validation',
    version: 1,
    title: 'Clinical validation of a documented diagnosis',
    topic: 'clinical-validation',
    reviewed: REVIEWED,
    sources: [
      ...BASE,
      `${G} §1 (documented diagnosis without clinical support)`,
      `${G} §2 rule 5 (confirming a documented diagnosis)`,
    ],
    format: 'multiple-choice',
    purpose: 'confirm-documented',
    question:
      'The diagnosis of {subject} is documented in this record. The clinical indicators reviewed for it are listed above. Based on your clinical judgment, can the diagnosis be further clarified?',
    options: [
      { text: '{Subject} is clinically valid (please describe the supporting clinical findings)' },
      { text: '{Subject} was ruled out' },
    ],
  },
  {
    id: 'sepsis-organ-dysfunction',
    version: 1,
    title: 'Clarification of sepsis and acute organ dysfunction',
    topic: 'sepsis',
    reviewed: REVIEWED_V2,
    sources: [
      ...BASE,
      `${G} §1 (cause-and-effect between documented conditions unclear)`,
      `${G} §3 Sepsis (sepsis with acute organ dysfunction)`,
      'ICD-10-CM Official Guidelines I.C.1.d.1.a, I.C.1.d.4',
    ],
    format: 'multiple-choice',
    purpose: 'specificity',
    question:
      'Sepsis and the findings listed above are documented in this record. Based on your clinical judgment, can the relationship between the sepsis and these findings be clarified?',
    options: [
      {
        text: 'Sepsis with acute organ dysfunction due to sepsis (severe sepsis; please specify the organ dysfunction)',
      },
      { text: 'Septic shock', when: 'shock' },
      { text: 'Sepsis without acute organ dysfunction; the findings are due to another cause (please specify)' },
    ],
  },
  {
    id: 'respiratory-failure-chronic',
    version: 1,
    title: 'Clarification of chronic respiratory status',
    topic: 'respiratory-failure',
    reviewed: REVIEWED_V2,
    sources: [...BASE, `${G} §3 Acute respiratory failure (baseline home O2 for chronic)`],
    format: 'multiple-choice',
    purpose: 'new-diagnosis',
    question:
      'Chronic lung disease and long-term oxygen use are documented in this record. Based on your clinical judgment, can the chronic respiratory status be further clarified?',
    options: [
      { text: 'Chronic hypoxic respiratory failure' },
      { text: 'Chronic hypercapnic respiratory failure' },
      { text: 'Chronic hypoxic and hypercapnic respiratory failure' },
      { text: 'Dependence on supplemental oxygen without chronic respiratory failure' },
    ],
  },
  {
    id: 'pressure-injury-stage',
    version: 1,
    title: 'Clarification of pressure injury stage',
    topic: 'pressure-injury',
    reviewed: REVIEWED_V2,
    sources: [...BASE, `${G} §1 (imprecise: stage)`, `${G} §3 Pressure injury — site, stage, POA`],
    format: 'multiple-choice',
    purpose: 'specificity',
    question:
      'The pressure injury documented in this record is described with more than one stage. Based on your clinical judgment and the wound assessment, can the current stage be clarified?',
    options: [
      { text: 'Stage 1' },
      { text: 'Stage 2' },
      { text: 'Stage 3' },
      { text: 'Stage 4' },
      { text: 'Unstageable' },
      { text: 'Deep tissue pressure injury' },
    ],
  },
  {
    id: 'ckd-stage',
    version: 1,
    title: 'Clarification of chronic kidney disease stage',
    topic: 'other:ckd-stage',
    reviewed: REVIEWED_V2,
    sources: [
      ...BASE,
      `${G} §1 (imprecise: stage)`,
      `${G} §3 Other frequent topics (CKD stage)`,
      'KDIGO 2012 CKD guideline',
    ],
    format: 'multiple-choice',
    purpose: 'specificity',
    question:
      'Chronic kidney disease is documented in this record without a stage. Based on your clinical judgment and the values listed above, can the stage be clarified?',
    options: [
      { text: 'CKD stage 1' },
      { text: 'CKD stage 2' },
      { text: 'CKD stage 3a' },
      { text: 'CKD stage 3b' },
      { text: 'CKD stage 4' },
      { text: 'CKD stage 5' },
      { text: 'End-stage renal disease' },
    ],
  },
  {
    id: 'anemia-type',
    version: 1,
    title: 'Clarification of hemoglobin values',
    topic: 'other:anemia-type',
    reviewed: REVIEWED_V2,
    sources: [...BASE, `${G} §2 rule 10 (III.B abnormal findings)`, `${G} §3 Anemia — type`],
    format: 'multiple-choice',
    purpose: 'specificity',
    question:
      'Based on your clinical judgment, can the hemoglobin values and the treatment or evaluation listed above be further clarified?',
    options: [
      { text: 'Iron-deficiency anemia' },
      { text: 'Anemia in (due to) chronic disease (please specify the disease)' },
      { text: 'Anemia in chronic kidney disease', when: 'ckd' },
      { text: 'Anemia in neoplastic disease', when: 'chemo' },
      { text: 'Anemia due to antineoplastic chemotherapy', when: 'chemo' },
      { text: 'Chronic blood loss anemia', when: 'bleeding' },
      { text: 'Lab value not clinically significant' },
    ],
  },
  {
    id: 'drug-toxicity',
    version: 1,
    title: 'Clarification of a drug level',
    topic: 'other:drug-toxicity',
    reviewed: REVIEWED_V2,
    sources: [...BASE, `${G} §1 (clinical indicators without a diagnosis)`, 'ICD-10-CM Official Guidelines I.C.19.e'],
    format: 'multiple-choice',
    purpose: 'new-diagnosis',
    question:
      'Based on your clinical judgment, can the drug level listed above and any associated condition be further clarified?',
    options: [
      { text: 'Adverse effect of the drug taken as prescribed (please specify the manifestation)' },
      { text: 'Poisoning or overdose of the drug (please specify intent and manifestation)' },
      { text: 'Coagulopathy due to the anticoagulant taken as prescribed', when: 'coagulopathy' },
      { text: 'Drug level above range without clinical significance' },
    ],
  },
  {
    id: 'cause-link',
    version: 1,
    title: 'Clarification of a relationship between documented conditions',
    topic: 'other:cause-link',
    reviewed: REVIEWED_V2,
    sources: [
      ...BASE,
      `${G} §1 (cause-and-effect unclear)`,
      `${G} §2 rule 5 (linking documented conditions)`,
      'ICD-10-CM Official Guidelines I.A.15, I.B.16',
    ],
    format: 'multiple-choice',
    purpose: 'cause-effect',
    question:
      'The conditions and treatment listed above are documented in this record. Based on your clinical judgment, can the cause of the {subject} be clarified?',
    options: [
      { text: 'Related to the treatment or condition listed above (please specify)' },
      { text: 'Due to another cause (please specify)' },
      { text: 'Unrelated to the conditions listed above; cause unknown' },
    ],
  },
  {
    id: 'laterality-conflict',
    version: 1,
    title: 'Clarification of the operative side',
    topic: 'other:laterality-conflict',
    reviewed: REVIEWED_V2,
    sources: [...BASE, `${G} §1 (conflicting documentation)`, `${G} §2 rule 9`],
    format: 'multiple-choice',
    purpose: 'specificity',
    question:
      'The record names different sides for the {subject} in the statements listed above. Based on your clinical judgment, can the side of the condition and of the procedure be clarified?',
    options: [{ text: 'Left' }, { text: 'Right' }, { text: 'Bilateral' }],
  },
  {
    id: 'diabetes-control',
    version: 1,
    title: 'Clarification of diabetes control',
    topic: 'other:diabetes-control',
    reviewed: REVIEWED_V2,
    sources: [...BASE, `${G} §1 (imprecise documentation)`, 'ICD-10-CM Index: Diabetes, uncontrolled'],
    format: 'multiple-choice',
    purpose: 'specificity',
    question:
      'Diabetes and the glucose values or treatment listed above are documented in this record. Based on your clinical judgment, can the diabetes control be further clarified?',
    options: [
      { text: 'Diabetes mellitus with hyperglycemia (please specify the type)' },
      { text: 'Diabetes mellitus with hypoglycemia (please specify the type)' },
      {
        text: 'Diabetes mellitus without hyperglycemia; glucose elevation due to another cause (please specify)',
        when: 'high',
      },
      { text: 'Diabetes mellitus, controlled' },
    ],
  },
  {
    id: 'substance-use-status',
    version: 1,
    title: 'Clarification of substance use',
    topic: 'other:substance-use-status',
    reviewed: REVIEWED_V2,
    sources: [...BASE, `${G} §1 (imprecise documentation)`, 'ICD-10-CM Official Guidelines I.C.5.b'],
    format: 'multiple-choice',
    purpose: 'specificity',
    question:
      'Drug use is documented in this record as listed above. Based on your clinical judgment, can the substance use be further clarified (substance and current status)?',
    options: [
      { text: 'Substance use, current, without a use disorder (please specify the substance)' },
      { text: 'Substance abuse (mild use disorder; please specify the substance)' },
      { text: 'Substance dependence (moderate or severe use disorder; please specify the substance)' },
      { text: 'Substance use disorder in remission (please specify early or sustained)' },
      { text: 'Past use only, no current use disorder' },
    ],
  },
];

/** Every reviewed template: the core set and the extended topics (templates/more-templates.ts). */
export const QUERY_TEMPLATES: readonly QueryTemplate[] = [...CORE_TEMPLATES, ...MORE_TEMPLATES];

/** The template with id `id`; throws for an unknown id (a programming error). */
export function templateById(id: string): QueryTemplate {
  const t = QUERY_TEMPLATES.find((x) => x.id === id);
  if (!t) throw new ChartsideUnknownTemplateError(id);
  return t;
}

/** Raised when an opportunity names a template that does not exist. */
export class ChartsideUnknownTemplateError extends ChartsideError {
  override name = 'ChartsideUnknownTemplateError';
  constructor(id: string) {
    super(`unknown CDI query template "${id}"`);
  }
}
