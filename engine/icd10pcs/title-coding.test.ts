import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BundleFormatError } from '../bundle/format';
import { decodeTitleRange, decodeTitles, encodeTitleGroups, encodeTitles, titleLineStarts } from './title-coding';

describe('PCS title coding', () => {
  it('shares beginnings and endings with the previous title', () => {
    const titles = [
      'Bypass Cerebral Ventricle to Nasopharynx with Autologous Tissue Substitute, Open Approach',
      'Bypass Cerebral Ventricle to Mastoid Sinus with Autologous Tissue Substitute, Open Approach',
      'Bypass Cerebral Ventricle to Atrium with Autologous Tissue Substitute, Open Approach',
    ];
    const coded = encodeTitles(titles);
    expect(coded.split('\n')[1]).toBe('2949Mastoid Sinus');
    expect(decodeTitles(coded, 3)).toEqual(titles);
  });

  it('round-trips any list of titles (property)', () => {
    const title = fc.string({ unit: fc.constantFrom(...'abc ,XY0-'), maxLength: 150 });
    fc.assert(
      fc.property(fc.array(title, { maxLength: 40 }), (titles) => {
        expect(decodeTitles(encodeTitles(titles), titles.length)).toEqual(titles);
      }),
      { numRuns: 500, seed: 5 },
    );
  });

  it('refuses a block that does not hold the expected titles', () => {
    const coded = encodeTitles(['Alpha', 'Alpine']);
    expect(() => decodeTitles(coded, 3)).toThrow(BundleFormatError);
    expect(() => decodeTitles(coded, 1)).toThrow(/more than 1 titles/);
    expect(() => decodeTitles('0099x\n', 1)).toThrow(/beyond the previous title/);
    expect(() => encodeTitles(['a\nb'])).toThrow(RangeError);
  });

  it('decodes one group without the others', () => {
    const groups = [
      ['Alpha one', 'Alpha two'],
      ['Beta one', 'Beta two', 'Beta three'],
    ];
    const coded = encodeTitleGroups(groups);
    const starts = titleLineStarts(coded, 5);
    expect(decodeTitleRange(coded, starts, 2, 3)).toEqual(groups[1]);
    expect(decodeTitleRange(coded, starts, 0, 2)).toEqual(groups[0]);
    expect(decodeTitles(coded, 5)).toEqual(groups.flat());
    expect(() => decodeTitleRange(coded, starts, 1, 1)).toThrow(/refers beyond the previous title/);
    expect(() => titleLineStarts(coded, 6)).toThrow(BundleFormatError);
  });
});
