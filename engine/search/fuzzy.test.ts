import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance, singleEdits, TrigramIndex } from './fuzzy';

/** Slow reference: full optimal-string-alignment matrix. */
function reference(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

describe('fuzzy matching', () => {
  it('bounded distance agrees with the slow reference (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-d]{0,8}$/), fc.stringMatching(/^[a-d]{0,8}$/), (a, b) => {
        const ref = reference(a, b);
        expect(editDistance(a, b, 2)).toBe(ref <= 2 ? ref : 3);
      }),
    );
  });

  it('finds near spellings through trigrams', () => {
    const terms = ['asthma', 'diarrhea', 'heart', 'pneumonia', 'pneumothorax'].sort();
    const index = new TrigramIndex(terms);
    expect(index.near('pnemonia').map(([t]) => terms[t])).toContain('pneumonia');
    expect(index.near('diarreha').map(([t]) => terms[t])).toContain('diarrhea');
    expect(index.near('xyz')).toEqual([]);
  });
});

describe('singleEdits', () => {
  it('lists the words one slip away: dropped, added, swapped or replaced letter', () => {
    const edits = singleEdits('caires');
    expect(edits).toEqual(expect.arrayContaining(['caries', 'cares', 'cairess', 'cairrs']));
    expect(edits).not.toContain('caires');
  });

  it('gives nothing for short words or words with digits', () => {
    expect(singleEdits('hear')).toEqual([]);
    expect(singleEdits('type2x')).toEqual([]);
  });
});
