import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clauseStartAt } from './clause-start';

// The regular-expression reading that clauseStartAt replaces: every break in the window, the last
// one kept, a period between digits skipped.
const CLAUSE_BREAK = /[.;!?\n]|\bbut\b|\bhowever\b|\balthough\b|\bexcept\b|\bthough\b/gi;
function reference(text: string, start: number): number {
  const from = Math.max(0, start - 160);
  const before = text.slice(from, start);
  let clauseStart = from;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(before); m; m = CLAUSE_BREAK.exec(before)) {
    if (m[0] === '.' && /\d/.test(before[m.index - 1] ?? '') && /\d/.test(before[m.index + 1] ?? text[start] ?? ''))
      continue;
    clauseStart = from + m.index + m[0].length;
  }
  return clauseStart;
}

describe('clauseStartAt', () => {
  it.each([
    ['No fever but cough', 'cough', ' cough'],
    ['Creatinine 1.5 today', 'today', 'Creatinine 1.5 today'],
    ['Denies pain. Edema present', 'Edema', ' Edema present'],
    ['rebuttal noted; BUT then edema', 'edema', ' then edema'],
    ['butter and eggs', 'eggs', 'butter and eggs'],
  ])('%s: the clause of "%s" is "%s"', (text, word, clause) => {
    expect(text.slice(clauseStartAt(text, text.indexOf(word)))).toBe(clause);
  });

  it('agrees with the regular-expression reading on any text (property)', () => {
    const piece = fc.constantFrom(
      ' ',
      'a',
      'b',
      'but',
      'But',
      'BUT',
      'however',
      'although',
      'though',
      'except',
      'except_',
      'xbut',
      '.',
      ';',
      '!',
      '?',
      '\n',
      ',',
      '1',
      '2.5',
      '_',
      'é',
      'K',
      '\u212a',
      'ſ',
      'no',
      'fever',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), fc.nat(), (parts, at) => {
        const text = parts.join('');
        const start = text.length === 0 ? 0 : at % (text.length + 1);
        expect(clauseStartAt(text, start)).toBe(reference(text, start));
      }),
      { numRuns: 3000 },
    );
  });
});
