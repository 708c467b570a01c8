// The CodiEsp gold form of a suggested ICD-10-CM code: FY2018 ancestor, and the
// collection's own notation learned from its training gold (no encounter 7th character).
import { describe, expect, it } from 'vitest';
import { cmNotation, toCodiespCm } from './codiesp';

// A few FY2018 billable codes, undotted (the real list comes from the FY2018 GEMs file).
const FY2018 = new Set(['N183', 'T1490XA', 'W19XXXA', 'T814XXA', 'R402421', 'E119', 'S72001A']);

describe('cmNotation', () => {
  it('learns that a collection drops the encounter character of chapters 19-20 but keeps other 7th characters', () => {
    const n = cmNotation(['t14.90', 'w19.xxx', 'r40.2421', 'e11.9']);
    expect(n.encounterCharacter).toBe(false);
    expect(cmNotation(['T14.90XA', 'e11.9']).encounterCharacter).toBe(true);
  });
});

describe('toCodiespCm', () => {
  const notation = cmNotation(['t14.90', 'w19.xxx', 't81.4xx', 'r40.2421']);
  it.each([
    ['N18.32', undefined, 'n18.3'], // created after FY2018: nearest FY2018 ancestor
    ['T14.90XA', undefined, 't14.90xa'], // without a notation the code is kept whole
    ['T14.90XA', notation, 't14.90'], // encounter and placeholder dropped: the collection writes t14.90
    ['W19.XXXA', notation, 'w19.xxx'], // placeholders kept: the collection writes w19.xxx
    ['T81.4XXA', notation, 't81.4xx'],
    ['S72.001A', notation, 's72.001'],
    ['R40.2421', notation, 'r40.2421'], // a 7th character outside chapters 19-20 stays
    ['E11.9', notation, 'e11.9'],
  ])('%s -> %s', (code, n, expected) => {
    expect(toCodiespCm(code, FY2018, n)).toBe(expected);
  });
});
