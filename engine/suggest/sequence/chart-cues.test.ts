// The "X ... and was admitted" cue of chart-cues.ts (Section II: the condition chiefly responsible
// for occasioning the admission), on synthetic sentences.
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../text';
import { beforeAdmissionVerb, placement } from './chart-cues';

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

describe('placement: the lead statement of an item', () => {
  /** Placement of the first occurrence of `words` in `text`. */
  function placed(text: string, words: string, setting: 'inpatient' | 'outpatient' = 'inpatient') {
    const view = { text, ...analyzeText(text) };
    const start = text.indexOf(words);
    const context = { negated: false, uncertain: false, historical: false, family: false, hypothetical: false };
    return placement(view, { start, end: start + words.length, text: words, section: 'other', context }, setting);
  }

  it('a comorbidity named late in a narrative indication is not its first diagnosis (II)', () => {
    const text =
      'PREOPERATIVE DIAGNOSIS:\nCholelithiasis.\nINDICATIONS:\nShe is a 58-year-old woman with a long list of conditions such as hypertension, and now gallbladder attacks.\n';
    expect(placed(text, 'hypertension').where).toBe('preoperative diagnosis');
    expect(placed(text, 'Cholelithiasis').where).toBe('first preoperative diagnosis (indication)');
  });

  it('the patient introduction before the assessment statement does not push it out of the lead', () => {
    const text = 'ASSESSMENT:\nThis is a 52-year-old man with nonspecific left-sided chest pain.\nPLAN:\nFollow-up.\n';
    expect(placed(text, 'chest pain', 'outpatient').where).toBe('first item of the assessment');
    const described = 'ASSESSMENT:\nPatient is a 47 y/o retired female patient with acute cholecystitis.\n';
    expect(placed(described, 'acute cholecystitis', 'outpatient').where).toBe('first item of the assessment');
  });
});
