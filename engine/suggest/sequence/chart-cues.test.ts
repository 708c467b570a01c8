// The "X ... and was admitted" cue of chart-cues.ts (Section II: the condition chiefly responsible
// for occasioning the admission), on synthetic sentences.
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../text';
import { beforeAdmissionVerb } from './chart-cues';

/** Whether the cue reads `condition` in `sentence` as what led to this admission. */
function cue(sentence: string, condition: string): boolean {
  const view = { text: sentence, ...analyzeText(sentence) };
  const end = sentence.indexOf(condition) + condition.length;
  return beforeAdmissionVerb(view, { start: 0, end: sentence.length }, end);
}

describe('beforeAdmissionVerb', () => {
  it.each([
    [
      'She was found to have cellulitis of the left leg and was started on cefazolin and admitted to the hospital.',
      'cellulitis of the left leg',
    ],
    ['Pneumonia was seen on the chest film, so he was admitted.', 'Pneumonia'],
  ])('reads the condition before "admitted" as the reason: %s', (sentence, condition) => {
    expect(cue(sentence, condition)).toBe(true);
  });

  it.each([
    ['He has chronic atrial fibrillation and was admitted for pneumonia.', 'chronic atrial fibrillation'],
    ['She was found to have cellulitis of the left leg but was not admitted.', 'cellulitis of the left leg'],
    ['In 2024 she had a cerebral infarction and was admitted to the hospital for ten days.', 'cerebral infarction'],
    ['Last year he had pneumonia and was hospitalized.', 'pneumonia'],
  ])('does not when another reason, a negation or an earlier stay follows: %s', (sentence, condition) => {
    expect(cue(sentence, condition)).toBe(false);
  });
});
