import { describe, expect, it } from 'vitest';
import { patientFacts } from './patient';

describe('patientFacts', () => {
  it.each([
    ['A 58-year-old woman with chest pain.', 'female', 58],
    ['This is a 71 yo male admitted for pneumonia.', 'male', 71],
    ['Patient is a 6-month-old girl with fever.', 'female', 0.5],
    ['Sex: M. Age: 44.', 'male', 44],
  ] as const)('%s', (text, sex, age) => {
    const f = patientFacts(text);
    expect(f.sex).toBe(sex);
    expect(f.ageYears).toBeCloseTo(age);
    expect(text.slice(f.sexEvidence!.start, f.sexEvidence!.end).length).toBeGreaterThan(0);
  });
  it('reads pronouns only when one side clearly dominates', () => {
    expect(patientFacts('She was seen. Her cough improved. She went home with her daughter.').sex).toBe('female');
    expect(patientFacts('He said she called.').sex).toBeUndefined();
  });
  it('says nothing when the chart says nothing', () => {
    expect(patientFacts('Cough and fever.')).toEqual({});
  });
});
