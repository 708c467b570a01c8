import { describe, expect, it } from 'vitest';
import { everydaySenseAt } from './everyday-senses';

const at = (text: string, word: string) => {
  const start = text.indexOf(word);
  return everydaySenseAt(text, { start, end: start + word.length });
};

describe('everydaySenseAt', () => {
  it.each([
    'I will treat as I see fit.',
    'Dose changes as the team deems fit.',
    'He is fit for work.',
    'She is fit to travel.',
    'Physically fit and active.',
    'The brace did not fit.',
  ])('reads "fit" in "%s" as everyday English', (text) => {
    expect(at(text, 'fit')).toBeDefined();
  });
  it.each(['She had a fit at home.', 'Witnessed fit lasting two minutes.', 'Fit, cause unknown.'])(
    'leaves "fit" in "%s" to the Index (a seizure)',
    (text) => {
      expect(at(text, 'fit')).toBeUndefined();
    },
  );
  it.each([
    ['He feels stressed at work.', 'stressed'],
    ['An exercise stress test is booked.', 'stress'],
  ])('reads "%s" as everyday English', (text, word) => {
    expect(at(text, word)).toBeDefined();
  });
  it('leaves a stress reaction to the Index', () => {
    expect(at('Acute stress reaction after the accident.', 'stress')).toBeUndefined();
  });
  it('names the dictionary sense that decided', () => {
    expect(at('As I see fit.', 'fit')).toMatch(/see fit/);
  });
});
