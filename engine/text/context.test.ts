import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findingContext, mayHoldNegationOrUncertainty, sentenceAt } from './context';
import { analyzeText } from './index';

describe('mayHoldNegationOrUncertainty', () => {
  it('says "may" for a cue inside the words and "no" for plain words', () => {
    const text = 'The throat swab was reported as negative for strep.';
    expect(mayHoldNegationOrUncertainty(text, 0, text.indexOf('HIV'), 0)).toBe(true);
    expect(mayHoldNegationOrUncertainty('Acute on chronic heart failure.', 0, 23, 0)).toBe(false);
  });

  it('is never "no" where the full context finds a negation or uncertainty cue after `from` (property)', () => {
    const word = fc.constantFrom(
      'no',
      'not',
      'nothing',
      'denies',
      'negative',
      'for',
      'possible',
      'likely',
      'rule',
      'out',
      'ruled',
      'cannot',
      'be',
      'excluded',
      'may',
      'have',
      'versus',
      'heart',
      'failure',
      'pneumonia',
      'chest',
      'pain',
      'but',
      'with',
      'İ',
      'x',
    );
    const sep = fc.constantFrom(' ', ' ', ', ', '; ', '. ', '');
    fc.assert(
      fc.property(fc.array(fc.tuple(word, sep), { minLength: 1, maxLength: 25 }), fc.nat(), fc.nat(), (parts, a, b) => {
        const text = parts.map(([w, s]) => w + s).join('');
        const analysis = analyzeText(text);
        const from = a % text.length;
        const to = from + (b % (text.length - from + 1));
        const ctx = findingContext(text, { start: to, end: Math.max(to, text.length) }, analysis);
        const cue = ctx.cues.some(
          (c) => (c.kind === 'negated' || c.kind === 'uncertain') && c.start >= from && c.start < to,
        );
        const sentence = analysis.sentences[sentenceAt(analysis, to)];
        if (cue && sentence) expect(mayHoldNegationOrUncertainty(text, from, to, sentence.start)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
