import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxReach, prefixMatches, scanAll } from './regex-reach';

describe('maxReach', () => {
  it.each([
    [/\b(no|not)\b/g, 3],
    [/\b(no (?:evidence|signs?) (?:of|for))\b/g, 15],
    [/ex(?=-)/g, 3],
    [/(?<![a-z])ab/g, 2],
    [/a{2,4}b?/g, 5],
    [/[a-z]\d\/x/g, 4],
    [/a+b/g, Infinity],
    [/a*/g, Infinity],
    [/a{2,}/g, Infinity],
    [/(a)\1/g, Infinity],
    [/\u00e9\x41/g, 2],
  ])('%s reads at most %d', (re, n) => {
    expect(maxReach(re)).toBe(n);
  });
});

// Cue patterns shaped like the context triggers: alternations whose longer phrases share words
// with shorter ones, so a cut in the middle of a phrase changes what matches.
const PATTERNS = [
  /\b(no|not|nor|no (?:evidence|signs?) (?:of|for)|not (?:seen|present)|negative for)\b/g,
  /\b(if|in case|return (?:to (?:the )?(?:ed|er) )?(?:if|for)|risk (?:of|for))\b/g,
  /\b(history of|h\/o|prior|ex(?=-))\b/g,
  /(\bbut\b|\bwhich\b|;|:|\. )/g,
  /\b(no (?:increase|change)|not (?:only|ruled out)|if any)\b/g,
  /\bno\s+\w+/g,
];

describe('prefixMatches', () => {
  it('finds exactly what scanning the prefix finds (property)', () => {
    const word = fc.constantFrom(
      'no',
      'not',
      'nothing',
      'evidence',
      'of',
      'for',
      'signs',
      'seen',
      'if',
      'in',
      'case',
      'return',
      'to',
      'the',
      'ed',
      'risk',
      'history',
      'h/o',
      'prior',
      'ex-',
      'ex',
      'but',
      'which',
      'increase',
      'change',
      'only',
      'ruled',
      'out',
      'any',
      'pneumonia',
      'x',
    );
    const sep = fc.constantFrom(' ', ' ', ', ', '; ', ': ', '. ', '-', '');
    fc.assert(
      fc.property(fc.array(fc.tuple(word, sep), { maxLength: 40 }), fc.nat(), (parts, cut) => {
        const whole = parts.map(([w, s]) => w + s).join('');
        const length = whole.length === 0 ? 0 : cut % (whole.length + 1);
        const prefix = whole.slice(0, length);
        for (const re of PATTERNS) {
          const full = scanAll(re, whole);
          expect(prefixMatches(re, whole, full, prefix, length)).toEqual(scanAll(re, prefix));
        }
      }),
      { numRuns: 2000 },
    );
  });
});
