import { describe, expect, it } from 'vitest';
import { analyzeText } from './index';
import { sentenceCues } from './sentence-cues';

const NEG = /\b(no|not|denies)\b/g;

describe('sentenceCues', () => {
  it('answers each prefix as a scan of that prefix would, and is made once per sentence', () => {
    const text = 'HPI: No fever, not nothing, denies cough.\nPlan: no edema.';
    const a = analyzeText(text);
    const s = a.sentences.findIndex((x) => text.slice(x.start, x.end).startsWith('No fever'));
    const cues = sentenceCues(text, a, s);
    expect(sentenceCues(text, a, s)).toBe(cues);
    const start = a.sentences[s]!.start;
    for (let len = 0; start + len <= a.sentences[s]!.end; len++) {
      const prefix = cues.lowerPrefix(len);
      expect(prefix).toBe(text.slice(start, start + len).toLowerCase());
      const want = [...prefix.matchAll(NEG)].map((m) => ({ index: m.index, text: m[0] }));
      expect(cues.matchesBefore(NEG, len, prefix)).toEqual(want);
    }
  });

  it('lower-cases each prefix on its own where lower-casing is not one unit for one (U+0130, final sigma)', () => {
    const text = 'İ no ΣAS no fever.';
    const a = analyzeText(text);
    const cues = sentenceCues(text, a, 0);
    for (let len = 0; len <= text.length; len++) {
      const prefix = cues.lowerPrefix(len);
      expect(prefix).toBe(text.slice(0, len).toLowerCase());
      expect(cues.matchesBefore(NEG, len, prefix)).toEqual(
        [...prefix.matchAll(NEG)].map((m) => ({ index: m.index, text: m[0] })),
      );
    }
  });

  it('starts again when the same analysis is read with another text', () => {
    const a = analyzeText('No fever.');
    const first = sentenceCues('No fever.', a, 0);
    expect(sentenceCues('Xo fever.', a, 0)).not.toBe(first);
    expect(sentenceCues('Xo fever.', a, 0).lowerPrefix(2)).toBe('xo');
  });
});
