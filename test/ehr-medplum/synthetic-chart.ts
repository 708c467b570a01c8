/**
 * The synthetic patient of the Medplum test EHR: a fictional woman admitted with sepsis from a
 * right lower lobe pneumonia, acute kidney injury on stage 3a chronic kidney disease and type 2
 * diabetes. Every name, number and date is invented for Chartside's tests; no real person.
 *
 * The resources are plain FHIR R4 (as Medplum stores them), created through Medplum's MockClient
 * beside its own sample data, so the page is filled the way a Medplum app is: by the client.
 */
import type { MedplumClient } from '@medplum/core';
import type { Composition, DiagnosticReport, Encounter, Observation, Patient } from '@medplum/fhirtypes';

/** What the page renders, once created. */
export interface SyntheticChart {
  patient: Patient;
  encounter: Encounter;
  /** Result reports in the order the page shows them: admission labs, day-4 labs, vital signs. */
  reports: DiagnosticReport[];
  note: Composition;
}

const LOINC = 'http://loinc.org';

/** The discharge summary's sections, as a physician would dictate them (fictional). */
export const DISCHARGE_SUMMARY: readonly { title: string; text: string }[] = [
  {
    title: 'Reason for admission',
    text: 'Sepsis due to right lower lobe pneumonia with acute kidney injury.',
  },
  {
    title: 'History of present illness',
    text:
      'Ms. Quillfeather is a 74-year-old woman with type 2 diabetes mellitus and chronic kidney disease stage 3a ' +
      'who presented to the emergency department with three days of productive cough, fever to 39.2 C and ' +
      'confusion. On arrival she was tachycardic at 118, blood pressure 88/52, respiratory rate 26, SpO2 89% on ' +
      'room air. Lactate was 3.4 mmol/L and creatinine 2.6 mg/dL from a baseline of 1.3 mg/dL.',
  },
  {
    title: 'Hospital course',
    text:
      'She received 30 mL/kg of crystalloid and ceftriaxone with azithromycin. Blood cultures grew Streptococcus ' +
      'pneumoniae. Chest x-ray showed right lower lobe consolidation. Her blood pressure responded to fluids and ' +
      'she did not require vasopressors. Creatinine improved to 1.5 mg/dL by day 4. Insulin glargine was ' +
      'continued for her diabetes. No pulmonary embolism was found on CT angiography.',
  },
  {
    title: 'Discharge diagnoses',
    text:
      '1. Sepsis due to Streptococcus pneumoniae. 2. Pneumococcal pneumonia of the right lower lobe. ' +
      '3. Acute kidney injury, resolving. 4. Type 2 diabetes mellitus with diabetic chronic kidney disease, ' +
      'stage 3a. 5. Long-term use of insulin.',
  },
  {
    title: 'Plan',
    text: 'Complete amoxicillin for 5 more days. Repeat basic metabolic panel in one week with her primary physician.',
  },
];

function observation(
  patient: Patient,
  code: string,
  display: string,
  value: number,
  unit: string,
  effective: string,
  low?: number,
  high?: number,
): Observation {
  return {
    resourceType: 'Observation',
    status: 'final',
    code: { coding: [{ system: LOINC, code, display }], text: display },
    subject: { reference: `Patient/${patient.id}`, display: 'Marguerite Quillfeather' },
    effectiveDateTime: effective,
    valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: unit },
    ...(low !== undefined || high !== undefined
      ? {
          referenceRange: [
            {
              ...(low !== undefined ? { low: { value: low, unit } } : {}),
              ...(high !== undefined ? { high: { value: high, unit } } : {}),
            },
          ],
        }
      : {}),
  };
}

/** Creates the synthetic chart through the client and returns what the page shows. */
export async function createSyntheticChart(medplum: MedplumClient): Promise<SyntheticChart> {
  const patient = await medplum.createResource<Patient>({
    resourceType: 'Patient',
    name: [{ given: ['Marguerite'], family: 'Quillfeather' }],
    gender: 'female',
    birthDate: '1952-03-14',
    identifier: [{ system: 'urn:chartside:synthetic-mrn', value: 'SYN-4471902' }],
  });
  const encounter = await medplum.createResource<Encounter>({
    resourceType: 'Encounter',
    status: 'finished',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'IMP', display: 'inpatient encounter' },
    subject: { reference: `Patient/${patient.id}` },
    period: { start: '2026-11-02T21:40:00Z', end: '2026-11-07T15:10:00Z' },
  });
  const report = async (title: string, issued: string, values: Observation[]): Promise<DiagnosticReport> => {
    const results: Observation[] = [];
    for (const o of values) results.push(await medplum.createResource<Observation>(o));
    return medplum.createResource<DiagnosticReport>({
      resourceType: 'DiagnosticReport',
      status: 'final',
      code: { text: title },
      subject: { reference: `Patient/${patient.id}`, display: 'Marguerite Quillfeather' },
      effectiveDateTime: issued,
      issued,
      result: results.map((o) => ({ reference: `Observation/${o.id}` })),
    });
  };
  const admission = '2026-11-02T22:05:00Z';
  const dayFour = '2026-11-06T06:00:00Z';
  const triage = '2026-11-02T21:45:00Z';
  const reports = [
    await report('Chemistry and hematology', admission, [
      observation(patient, '2160-0', 'Creatinine', 2.6, 'mg/dL', admission, 0.5, 1.1),
      observation(patient, '2524-7', 'Lactate', 3.4, 'mmol/L', admission, 0.5, 2.0),
      observation(patient, '6690-2', 'WBC', 17.9, '10*3/uL', admission, 4.0, 11.0),
      observation(patient, '2951-2', 'Sodium', 134, 'mmol/L', admission, 135, 145),
    ]),
    await report('Basic metabolic panel', dayFour, [
      observation(patient, '2160-0', 'Creatinine', 1.5, 'mg/dL', dayFour, 0.5, 1.1),
    ]),
    await report('Vital signs', triage, [
      observation(patient, '8867-4', 'Heart rate', 118, '/min', triage),
      observation(patient, '9279-1', 'Respiratory rate', 26, '/min', triage),
      observation(patient, '59408-5', 'SpO2', 89, '%', triage),
      observation(patient, '8310-5', 'Temperature', 39.2, 'Cel', triage),
    ]),
  ];
  const note = await medplum.createResource<Composition>({
    resourceType: 'Composition',
    status: 'final',
    type: { coding: [{ system: LOINC, code: '18842-5', display: 'Discharge summary' }], text: 'Discharge summary' },
    subject: { reference: `Patient/${patient.id}` },
    encounter: { reference: `Encounter/${encounter.id}` },
    date: '2026-11-07T14:30:00Z',
    author: [{ display: 'Dr. Tobias Fenwright (hospitalist)' }],
    title: 'Discharge summary',
    section: DISCHARGE_SUMMARY.map((s) => ({
      title: s.title,
      text: { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml">${s.text}</div>` },
    })),
  });
  return { patient, encounter, reports, note };
}
