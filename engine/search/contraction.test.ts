import { describe, expect, it } from 'vitest';
import { contractionsOf, isContraction } from './contraction';

describe('isContraction', () => {
  it('reads NCHS- and CMS-style contractions as the words they shorten', () => {
    expect(isContraction('unsp', 'unspecifi')).toBe(true);
    expect(isContraction('rtnop', 'retinopathy')).toBe(true);
    expect(isContraction('scrn', 'screen')).toBe(true);
    // The index stems "encounter" to "encount": the last letter may fall in the cut ending.
    expect(isContraction('encntr', 'encount')).toBe(true);
  });

  it('refuses another first letter, letters out of order, and words no longer than the contraction', () => {
    expect(isContraction('fx', 'fracture')).toBe(false);
    expect(isContraction('nrcs', 'screen')).toBe(false);
    expect(isContraction('femr', 'fmer')).toBe(false);
    expect(isContraction('femur', 'femur')).toBe(false);
    expect(isContraction('encntrx', 'encount')).toBe(false);
  });
});

describe('contractionsOf', () => {
  const terms = ['screen', 'scrotum', 'secur', 'sequela', 'subsequ', 'substanc', 'suspect'].sort();
  const df = (t: number): number =>
    ({ screen: 50, scrotum: 40, secur: 5, sequela: 900, subsequ: 800, substanc: 30, suspect: 20 })[terms[t]!]!;
  const of = (abbr: string, limit?: number): string[] => contractionsOf(terms, abbr, df, limit).map((t) => terms[t]!);

  it('puts words that start with the contraction first, then the commonest', () => {
    expect(of('subs')).toEqual(['subsequ', 'substanc']);
    expect(of('sqla')).toEqual(['sequela']);
    expect(of('scr')).toEqual(['screen', 'scrotum', 'secur']);
  });

  it('keeps at most `limit` readings and reads no digits or single letters', () => {
    expect(of('s', 8)).toEqual([]);
    expect(of('su', 1)).toEqual(['subsequ']);
    expect(of('s2')).toEqual([]);
  });
});
