import type { QueryTemplate } from './query-templates';

/**
 * Reviewed query templates of the topics CDI specialists send beyond the core set: cytopenias,
 * magnesium, blood pressure crisis, stroke and neoplasm specificity, venous thrombosis, dementia,
 * pulmonary hypertension, neurologic deficit, cerebral edema, coagulation, volume status, urinary
 * retention and debridement. Same rules as the core set (query-guidelines.md §2, §4): a neutral
 * title, a question that names no desired answer, options that the cited indicators support
 * (conditional ones carry `when`), and the escape options added by the draft.
 */

const G = 'query-guidelines.md';
const BASE = [`${G} §2 rules 1, 3, 4, 5`, `${G} §4 template skeleton and lint rules`];
const REVIEWED = '2026-12-06';
const ABNORMAL = `${G} §2 rule 10 (III.B abnormal findings)`;
const IMPRECISE = `${G} §1 (imprecise: type, acuity, site, etiology)`;
const NO_DX = `${G} §1 (clinical indicators without a diagnosis)`;

/** Templates of the extended topics (version 1 each). */
export const MORE_TEMPLATES: readonly QueryTemplate[] = [
  {
    id: 'thrombocytopenia',
    version: 1,
    title: 'Clarification of platelet values',
    topic: 'other:thrombocytopenia',
    reviewed: REVIEWED,
    sources: [...BASE, ABNORMAL, NO_DX, 'ICD-10-CM D69.5–D69.6'],
    format: 'multiple-choice',
    purpose: 'new-diagnosis',
    question: 'Based on your clinical judgment, can the platelet values listed above be further clarified?',
    options: [
      { text: 'Thrombocytopenia (please specify the cause, if known)' },
      { text: 'Secondary thrombocytopenia due to another condition (please specify)' },
      { text: 'Drug-induced thrombocytopenia (please specify the drug)', when: 'drug' },
      { text: 'Heparin-induced thrombocytopenia', when: 'heparin' },
      { text: 'Lab value not clinically significant' },
    ],
  },
  {
    id: 'neutropenia',
    version: 1,
    title: 'Clarification of blood count values',
    topic: 'other:neutropenia',
    reviewed: REVIEWED,
    sources: [...BASE, ABNORMAL, NO_DX, `${G} §3 Other frequent topics (pancytopenia)`, 'ICD-10-CM D70.x, D61.81x'],
    format: 'multiple-choice',
    purpose: 'new-diagnosis',
    question:
      'Based on your clinical judgment, can the blood count values and the treatment listed above be further clarified?',
    options: [
      { text: 'Neutropenia due to chemotherapy (drug-induced)', when: 'chemo' },
      { text: 'Neutropenia of another type or cause (please specify)' },
      { text: 'Pancytopenia due to chemotherapy', when: 'pancytopeniaChemo' },
      { text: 'Pancytopenia of another cause (please specify)', when: 'pancytopenia' },
      { text: 'Leukopenia without neutropenia' },
      { text: 'Lab values not clinically significant' },
    ],
  },
  {
    id: 'hypomagnesemia',
    version: 1,
    title: 'Clarification of magnesium values',
    topic: 'other:hypomagnesemia',
    reviewed: REVIEWED,
    sources: [...BASE, ABNORMAL, 'ICD-10-CM E83.42'],
    format: 'multiple-choice',
    purpose: 'new-diagnosis',
    question:
      'Based on your clinical judgment, can the magnesium values and the treatment or plan listed above be further clarified?',
    options: [
      { text: 'Hypomagnesemia' },
      { text: 'Hypomagnesemia due to a medication (adverse effect; please specify the drug)' },
      { text: 'Hypomagnesemia due to gastrointestinal or renal losses (please specify)' },
      { text: 'Lab value not clinically significant' },
    ],
  },
  {
    id: 'hypertensive-urgency',
    version: 1,
    title: 'Clarification of blood pressure values',
    topic: 'other:hypertensive-urgency',
    reviewed: REVIEWED,
    sources: [
      ...BASE,
      NO_DX,
      `${G} §3 Other frequent topics (hypertensive urgency/emergency)`,
      'ICD-10-CM I16, Guidelines I.C.9.a.11',
    ],
    format: 'multiple-choice',
    purpose: 'specificity',
    question:
      'Based on your clinical judgment, can the blood pressure values and the treatment listed above be further clarified?',
    options: [
      { text: 'Hypertensive urgency' },
      { text: 'Hypertensive emergency (please specify the acute end-organ involvement)' },
      { text: 'Elevated blood pressure reading due to another condition (please specify, e.g. pain, acute stroke)' },
      { text: 'Hypertension without hypertensive crisis', when: 'htn' },
    ],
  },
  {
    id: 'stroke-specificity',
    version: 1,
    title: 'Clarification of a cerebrovascular event',
    topic: 'other:stroke-specificity',
    reviewed: REVIEWED,
    sources: [...BASE, IMPRECISE, 'ICD-10-CM I63 (mechanism, artery, side), G81–G83, Guidelines I.C.9.d'],
    format: 'multiple-choice',
    purpose: 'specificity',
    question:
      'A cerebrovascular event is documented in this record as listed above. Based on your clinical judgment and the imaging, can the type of event and the vessel involved (and any resulting neurologic deficit) be further clarified?',
    options: [
      { text: 'Acute cerebral infarction due to embolism (please specify the artery and side)' },
      { text: 'Acute cerebral infarction due to thrombosis (please specify the artery and side)' },
      { text: 'Acute cerebral infarction due to occlusion or stenosis (please specify the artery and side)' },
      { text: 'Transient ischemic attack without infarction' },
      {
        text: 'With a resulting deficit: hemiparesis or hemiplegia of the dominant or non-dominant side, or another deficit (please specify)',
        when: 'deficit',
      },
    ],
  },
  {
    id: 'hemiparesis',
    version: 1,
    title: 'Clarification of neurologic findings',
    topic: 'other:hemiparesis',
    reviewed: REVIEWED,
    sources: [...BASE, NO_DX, 'ICD-10-CM G81–G83, Guidelines I.C.6.a'],
    format: 'multiple-choice',
    purpose: 'new-diagnosis',
    question: 'Based on your clinical judgment, can the neurologic findings listed above be further clarified?',
    options: [
      { text: 'Hemiparesis of the dominant or non-dominant side (please specify the side)' },
      { text: 'Hemiplegia of the dominant or non-dominant side (please specify the side)' },
      { text: 'Monoparesis or monoplegia of one limb (please specify the limb)' },
      { text: 'Weakness without a focal neurologic deficit' },
    ],
  },
  {
    id: 'neoplasm-status',
    version: 1,
    title: 'Clarification of the status of a malignancy',
    topic: 'other:neoplasm-status',
    reviewed: REVIEWED,
    sources: [...BASE, IMPRECISE, 'ICD-10-CM Guidelines I.C.2.d (personal history), C81–C96 remission codes'],
    format: 'multiple-choice',
    purpose: 'specificity',
    question:
      'The malignancy listed above is documented in this record. Based on your clinical judgment, can its current status be further clarified?',
    options: [
      { text: 'Current malignancy, active disease (under treatment or observation)' },
      { text: 'In remission', when: 'heme' },
      { text: 'In relapse', when: 'heme' },
      { text: 'Personal history only: treatment completed, no evidence of existing disease' },
    ],
  },
  {
    id: 'dvt-specificity',
    version: 1,
    title: 'Clarification of venous thrombosis',
    topic: 'other:dvt-specificity',
    reviewed: REVIEWED,
    sources: [...BASE, IMPRECISE, 'ICD-10-CM I82.4–I82.6'],
    format: 'multiple-choice',
    purpose: 'specificity',
    question:
      'Deep vein thrombosis is documented in this record as listed above. Based on your clinical judgment and the imaging, can the vein involved, the side and the acuity be further clarified?',
    options: [
      { text: 'Acute deep vein thrombosis of a proximal vein (please specify: femoral, iliac, popliteal) and side' },
      { text: 'Acute deep vein thrombosis of a distal vein (please specify: tibial, peroneal, calf) and side' },
      { text: 'Chronic deep vein thrombosis (please specify the vein and side)' },
      { text: 'Deep vein thrombosis of an upper extremity or central vein (please specify)' },
    ],
  },
  {
    id: 'dementia-type',
    version: 1,
    title: 'Clarification of dementia type and severity',
    topic: 'other:dementia-type',
    reviewed: REVIEWED,
    sources: [...BASE, IMPRECISE, 'ICD-10-CM F01–F03, G30–G31'],
    format: 'multiple-choice',
    purpose: 'specificity',
    question:
      'Dementia is documented in this record as listed above. Based on your clinical judgment, can its type and severity (mild, moderate, severe) be further clarified?',
    options: [
      { text: 'Alzheimer disease with dementia (please specify the severity)' },
      { text: 'Vascular dementia (please specify the severity)' },
      { text: 'Dementia with Lewy bodies or frontotemporal dementia (please specify)' },
      { text: 'Dementia in another disease (please specify the disease and severity)' },
      { text: 'Dementia, type undetermined (please specify the severity)' },
    ],
  },
  {
    id: 'pulmonary-hypertension-type',
    version: 1,
    title: 'Clarification of pulmonary hypertension',
    topic: 'other:pulmonary-hypertension-type',
    reviewed: REVIEWED,
    sources: [...BASE, IMPRECISE, 'ICD-10-CM I27.0, I27.20–I27.29'],
    format: 'multiple-choice',
    purpose: 'specificity',
    question:
      'Pulmonary hypertension is documented in this record as listed above. Based on your clinical judgment, can its type or cause be further clarified?',
    options: [
      { text: 'Primary (idiopathic or heritable) pulmonary arterial hypertension' },
      { text: 'Pulmonary hypertension due to left heart disease', when: 'heart' },
      { text: 'Pulmonary hypertension due to lung disease or hypoxia', when: 'lung' },
      { text: 'Pulmonary hypertension due to chronic kidney disease or another systemic disorder', when: 'renal' },
      { text: 'Chronic thromboembolic pulmonary hypertension' },
      { text: 'Secondary pulmonary hypertension of another cause (please specify)' },
    ],
  },
  {
    id: 'cerebral-edema',
    version: 1,
    title: 'Clarification of an intracranial finding',
    topic: 'other:cerebral-edema',
    reviewed: REVIEWED,
    sources: [...BASE, NO_DX, 'ICD-10-CM G93.2, G93.5, G93.6'],
    format: 'multiple-choice',
    purpose: 'new-diagnosis',
    question:
      'Based on your clinical judgment, can the condition treated with the medication listed above be further clarified?',
    options: [
      { text: 'Cerebral edema' },
      { text: 'Compression of the brain (mass effect or herniation)' },
      { text: 'Raised intracranial pressure without edema (please specify the cause)' },
      { text: 'Given prophylactically; no cerebral edema or raised pressure present' },
    ],
  },
  {
    id: 'coagulopathy',
    version: 1,
    title: 'Clarification of coagulation treatment',
    topic: 'other:coagulopathy',
    reviewed: REVIEWED,
    sources: [...BASE, NO_DX, 'ICD-10-CM D65–D68, Guidelines I.C.19.e'],
    format: 'multiple-choice',
    purpose: 'new-diagnosis',
    question:
      'Based on your clinical judgment, can the condition for which the blood products or medications listed above were given be further clarified?',
    options: [
      {
        text: 'Coagulopathy due to an anticoagulant taken as prescribed (please specify the drug)',
        when: 'anticoagulant',
      },
      { text: 'Reversal of an anticoagulant before surgery, without coagulopathy (please specify the drug)' },
      { text: 'Acquired coagulation factor deficiency or another coagulopathy (please specify)' },
      { text: 'Given prophylactically for the procedure; no coagulopathy present' },
    ],
  },
  {
    id: 'dehydration',
    version: 1,
    title: 'Clarification of volume status',
    topic: 'other:dehydration',
    reviewed: REVIEWED,
    sources: [...BASE, NO_DX, 'ICD-10-CM E86.0–E86.9'],
    format: 'multiple-choice',
    purpose: 'new-diagnosis',
    question:
      'Based on your clinical judgment, can the findings and the IV fluid treatment listed above be further clarified?',
    options: [
      { text: 'Dehydration' },
      { text: 'Hypovolemia' },
      { text: 'IV fluids given for another reason (please specify); volume status normal' },
    ],
  },
  {
    id: 'urinary-retention',
    version: 1,
    title: 'Clarification of voiding difficulty',
    topic: 'other:urinary-retention',
    reviewed: REVIEWED,
    sources: [...BASE, NO_DX, 'ICD-10-CM R33.8–R33.9, N99.89'],
    format: 'multiple-choice',
    purpose: 'new-diagnosis',
    question:
      'Based on your clinical judgment, can the voiding difficulty and the catheter placement listed above be further clarified?',
    options: [
      { text: 'Urinary retention due to a medication (please specify the drug)' },
      { text: 'Postprocedural urinary retention', when: 'postop' },
      { text: 'Urinary retention of another cause (please specify)' },
      { text: 'Transient inability to void, not clinically significant' },
    ],
  },
  {
    id: 'debridement-depth',
    version: 1,
    title: 'Clarification of a debridement',
    topic: 'other:debridement-depth',
    reviewed: REVIEWED,
    sources: [
      ...BASE,
      `${G} §1 (procedure elements for ICD-10-PCS)`,
      `${G} §3 Other frequent topics (excisional vs non-excisional debridement)`,
    ],
    format: 'multiple-choice',
    purpose: 'specificity',
    question:
      'A debridement is documented in this record as listed above. Based on your operative findings, can the type of debridement and the deepest tissue removed be further clarified?',
    options: [
      { text: 'Excisional debridement (cutting away tissue) to skin and subcutaneous tissue' },
      { text: 'Excisional debridement to fascia, muscle or tendon (please specify)' },
      { text: 'Excisional debridement to bone' },
      { text: 'Non-excisional debridement (e.g. brushing, irrigation, scraping)' },
    ],
  },
  {
    id: 'acuity',
    version: 1,
    title: 'Clarification of acuity',
    topic: 'other:acuity',
    reviewed: REVIEWED,
    sources: [...BASE, IMPRECISE, 'ICD-10-CM acute and chronic code pairs'],
    format: 'multiple-choice',
    purpose: 'specificity',
    question:
      'The {subject} listed above is documented in this record. Based on your clinical judgment, can its acuity be further clarified?',
    options: [{ text: 'Acute' }, { text: 'Chronic' }, { text: 'Acute on chronic' }],
  },
  {
    id: 'laterality',
    version: 1,
    title: 'Clarification of the side',
    topic: 'other:laterality',
    reviewed: REVIEWED,
    sources: [
      ...BASE,
      `${G} §1 (imprecise: laterality; procedure elements for ICD-10-PCS)`,
      `${G} §2 rule 10 (I.B.14: laterality)`,
    ],
    format: 'multiple-choice',
    purpose: 'specificity',
    question:
      'The procedure listed above is documented in this record without a side. Based on your operative findings, can the side of the procedure (and of the condition treated) be clarified?',
    options: [{ text: 'Left' }, { text: 'Right' }, { text: 'Bilateral' }],
  },
  {
    // Open-ended: the record names no condition, so any diagnosis offered as an option would be
    // one the record does not support (§2 rule 5: options only the indicators support).
    id: 'operative-diagnosis',
    version: 1,
    title: 'Clarification of the reason for the procedure',
    topic: 'other:operative-diagnosis',
    reviewed: REVIEWED,
    sources: [
      ...BASE,
      `${G} §1 (incomplete documentation)`,
      'Official Guidelines II and IV.N (reason for the surgery)',
    ],
    format: 'open-ended',
    purpose: 'new-diagnosis',
    question:
      'The operative report of the procedure listed above does not state a preoperative or postoperative diagnosis. Based on your clinical judgment, can you document the condition for which the procedure was performed, with its site and side?',
    options: [],
  },
  {
    // The laterality query of an operative report that states no diagnosis either: one open-ended
    // question for both (options would have to name a condition the record does not).
    id: 'laterality-and-diagnosis',
    version: 1,
    title: 'Clarification of the reason for the procedure and the side',
    topic: 'other:laterality',
    reviewed: REVIEWED,
    sources: [
      ...BASE,
      `${G} §1 (incomplete documentation; imprecise: laterality)`,
      `${G} §2 rule 10 (I.B.14: laterality)`,
      'Official Guidelines II and IV.N (reason for the surgery)',
    ],
    format: 'open-ended',
    purpose: 'new-diagnosis',
    question:
      'The operative report of the procedure listed above states neither a preoperative or postoperative diagnosis nor the side. Based on your clinical judgment, can you document the condition for which the procedure was performed and the side (left, right or bilateral) of the procedure and of the condition?',
    options: [],
  },
];
