import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertMention } from './assertion';
import { analyzeChart } from './chart';

const assertionOf = (text: string, finding: string, setting: 'inpatient' | 'outpatient' = 'inpatient', nth = 0) => {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(finding, at + 1);
  return assertMention(text, { start: at, end: at + finding.length }, analyzeChart(text, { setting }));
};

describe('assertMention', () => {
  it.each([
    ['Denies nosebleed.', 'nosebleed', 'negated'],
    ['Troponins negative x3, myocardial infarction ruled out.', 'myocardial infarction', 'ruled-out'],
    ['Mother with breast cancer.', 'breast cancer', 'family'],
    ['Heparin for DVT prophylaxis.', 'DVT', 'hypothetical'],
    ['History of left hip fracture.', 'hip fracture', 'historical'],
    ['Myocardial infarction in 2006, now chest pain on 03/02/2026.', 'Myocardial infarction', 'historical'],
    ['Question pneumonia versus atelectasis.', 'atelectasis', 'uncertain'],
    ['Findings suggested pneumonia.', 'pneumonia', 'uncertain'],
    ['Acute cholecystitis.', 'cholecystitis', 'affirmed'],
  ] as const)('%s -> %s is %s', (text, finding, want) => {
    expect(assertionOf(text, finding).assertion).toBe(want);
  });
  it.each([
    [
      'The source patient was screened. However, he proved reactive to hepatitis C. He carries hepatitis C chronically.',
      'hepatitis C',
      1,
      'other-subject',
    ],
    ['The source patient was screened. She had chronic hepatitis B.', 'hepatitis B', 0, 'other-subject'],
    ['Her husband drove her in. She has had a fever for two days.', 'fever', 0, 'affirmed'],
    ['His wife called. She says he had a fever overnight.', 'fever', 0, 'affirmed'],
    ['The source patient was screened. The patient reports nausea. He has hepatitis C.', 'hepatitis C', 0, 'affirmed'],
  ] as const)('a pronoun continues the other person opening the sentence before: %s', (text, finding, nth, want) => {
    expect(assertionOf(text, finding, 'outpatient', nth).assertion).toBe(want);
  });
  it('reads "my concern is that" as uncertain', () => {
    expect(assertionOf('My concern is that ischemia persists.', 'ischemia', 'outpatient').assertion).toBe('uncertain');
  });
  it('codes an uncertain diagnosis as established for inpatients only (II.H / IV.H)', () => {
    const text = 'Probable pneumonia.';
    expect(assertionOf(text, 'pneumonia', 'inpatient')).toMatchObject({ codedAsEstablished: true, rule: 'II.H' });
    expect(assertionOf(text, 'pneumonia', 'outpatient')).toMatchObject({ codedAsEstablished: false, rule: 'IV.H' });
  });
  it('never codes a negated mention as established (property)', () => {
    const cue = fc.constantFrom('No', 'Denies', 'Negative for', 'No evidence of', 'Without');
    const finding = fc.constantFrom('pneumonia', 'chest pain', 'fever', 'edema', 'hematuria');
    const filler = fc.constantFrom('', 'acute ', 'any ', 'recent ');
    const setting = fc.constantFrom('inpatient' as const, 'outpatient' as const);
    fc.assert(
      fc.property(cue, filler, finding, setting, (c, f, x, s) => {
        const text = `${c} ${f}${x}.`;
        const a = assertionOf(text, x, s);
        expect(a.codedAsEstablished).toBe(false);
        expect(a.assertion).toBe('negated');
      }),
    );
  });
});

describe('analyzeChart', () => {
  it('reads sex, age, abbreviations and the encounter year once', () => {
    const chart = analyzeChart('A 70-year-old man. SpO2 94% on RA.', { dateOfService: '2026-12-05' });
    expect(chart).toMatchObject({ setting: 'inpatient', encounterYear: 2026, patient: { sex: 'male', ageYears: 70 } });
    expect(chart.abbreviations.map((a) => a.sense)).toEqual(['room air']);
  });
  it('gives every section an author', () => {
    const chart = analyzeChart(
      'HPI: cough.\nPAST MEDICAL HISTORY: asthma.\nFAMILY HISTORY: diabetes.\nNursing note: turned q2h.',
    );
    expect(chart.sections.map((s) => [s.kind, s.author])).toEqual([
      ['hpi', 'provider'],
      ['past-history', 'history'],
      ['family-history', 'family'],
      ['nursing', 'nursing'],
    ]);
  });
  it('never throws and keeps abbreviation spans inside the text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const chart = analyzeChart(text);
        for (const a of chart.abbreviations) expect(text.slice(a.start, a.end)).toBe(a.text);
      }),
    );
  });
});

describe('other experiencer', () => {
  it("reads another person's condition as not the patient's", () => {
    const a = assertionOf('The source patient tested positive for hepatitis C.', 'hepatitis C');
    expect(a).toMatchObject({ assertion: 'other-subject', subject: 'other-person', codedAsEstablished: false });
    expect(assertionOf('He tested positive for hepatitis C.', 'hepatitis C').assertion).toBe('affirmed');
  });
});
