import { describe, expect, it } from 'vitest';
import { averagePrecision, meanAveragePrecision, microPrf } from './eval-metrics';

describe('CodiEsp metrics', () => {
  it('average precision follows the TREC definition (divided by the gold count)', () => {
    expect(averagePrecision(['a', 'x', 'b'], new Set(['a', 'b']))).toBeCloseTo((1 + 2 / 3) / 2);
    expect(averagePrecision(['x', 'a'], new Set(['a', 'b', 'c']))).toBeCloseTo(0.5 / 3);
    expect(averagePrecision(['a', 'a', 'b'], new Set(['a', 'b']))).toBe(1);
    expect(averagePrecision([], new Set(['a']))).toBe(0);
  });
  it('MAP counts documents without predictions as 0', () => {
    const gold = new Map([
      ['d1', new Set(['a'])],
      ['d2', new Set(['b'])],
    ]);
    expect(meanAveragePrecision(new Map([['d1', ['a']]]), gold)).toBe(0.5);
  });
  it('micro P/R/F1', () => {
    const r = microPrf(new Map([['d1', new Set(['a', 'x'])]]), new Map([['d1', new Set(['a', 'b'])]]));
    expect([r.tp, r.fp, r.fn]).toEqual([1, 1, 1]);
    expect(r.f1).toBeCloseTo(0.5);
  });
});
