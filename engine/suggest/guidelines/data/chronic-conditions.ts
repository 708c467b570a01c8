/**
 * Chronic systemic conditions that coders report whenever the chart documents them as current,
 * even outside the provider's final diagnostic statement (a past-medical-history list, the
 * history of present illness, the hospital course, a consultant's note). Official Guidelines
 * Section III (other diagnoses: conditions that coexist at the time of admission and affect care
 * by requiring treatment or monitoring), IV.I and IV.J (outpatient: "chronic diseases treated on
 * an ongoing basis may be coded and reported as many times as the patient receives treatment and
 * care", "code all documented conditions that coexist"); AHA Coding Clinic 3rd Q 2007 p. 13:
 * "chronic conditions such as, but not limited to, hypertension, Parkinson's disease, COPD, and
 * diabetes mellitus are chronic systemic diseases that ordinarily should be coded even in the
 * absence of documented intervention or further evaluation".
 *
 * Each row: a Tabular List category (or code prefix, undotted) and its title. Reviewed list: only
 * lifelong or long-standing systemic diseases that need ongoing treatment or monitoring are here;
 * acute events (infarction, embolism), past events, symptoms and local findings are not.
 */
export const CHRONIC_SYSTEMIC: readonly { prefix: string; title: string }[] = [
  { prefix: 'B20', title: 'Human immunodeficiency virus [HIV] disease' },
  { prefix: 'E03', title: 'Other hypothyroidism' },
  { prefix: 'E08', title: 'Diabetes mellitus due to underlying condition' },
  { prefix: 'E09', title: 'Drug or chemical induced diabetes mellitus' },
  { prefix: 'E10', title: 'Type 1 diabetes mellitus' },
  { prefix: 'E11', title: 'Type 2 diabetes mellitus' },
  { prefix: 'E13', title: 'Other specified diabetes mellitus' },
  { prefix: 'E78', title: 'Disorders of lipoprotein metabolism and other lipidemias' },
  { prefix: 'F01', title: 'Vascular dementia' },
  { prefix: 'F02', title: 'Dementia in other diseases classified elsewhere' },
  { prefix: 'F03', title: 'Unspecified dementia' },
  { prefix: 'F20', title: 'Schizophrenia' },
  { prefix: 'F31', title: 'Bipolar disorder' },
  { prefix: 'F32', title: 'Depressive episode' },
  { prefix: 'F33', title: 'Major depressive disorder, recurrent' },
  { prefix: 'G20', title: "Parkinson's disease" },
  { prefix: 'G30', title: "Alzheimer's disease" },
  { prefix: 'G35', title: 'Multiple sclerosis' },
  { prefix: 'G40', title: 'Epilepsy and recurrent seizures' },
  { prefix: 'I10', title: 'Essential (primary) hypertension' },
  { prefix: 'I11', title: 'Hypertensive heart disease' },
  { prefix: 'I12', title: 'Hypertensive chronic kidney disease' },
  { prefix: 'I13', title: 'Hypertensive heart and chronic kidney disease' },
  { prefix: 'I25', title: 'Chronic ischemic heart disease' },
  { prefix: 'I27', title: 'Other pulmonary heart diseases' },
  { prefix: 'I48', title: 'Atrial fibrillation and flutter' },
  { prefix: 'I50', title: 'Heart failure' },
  { prefix: 'J44', title: 'Other chronic obstructive pulmonary disease' },
  { prefix: 'J45', title: 'Asthma' },
  { prefix: 'K21', title: 'Gastro-esophageal reflux disease' },
  { prefix: 'M05', title: 'Rheumatoid arthritis with rheumatoid factor' },
  { prefix: 'M06', title: 'Other rheumatoid arthritis' },
  { prefix: 'M81', title: 'Osteoporosis without current pathological fracture' },
  { prefix: 'M858', title: 'Other specified disorders of bone density and structure' },
  { prefix: 'N18', title: 'Chronic kidney disease (CKD)' },
];
