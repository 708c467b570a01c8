import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCmCode, isCmCodeShape, normalizeCode } from './normalize';

describe('code normalisation', () => {
  it('accepts the ways people type a code', () => {
    for (const typed of ['E11.22', 'e11.22', 'E1122', ' e11 .22 ', 'E11.22\t'])
      expect(normalizeCode(typed)).toBe('E1122');
    expect(normalizeCode('I50.4-')).toBe('I504');
    expect(formatCmCode('s72001a')).toBe('S72.001A');
    expect(formatCmCode('I50')).toBe('I50');
    expect(isCmCodeShape('QA00101')).toBe(true);
    expect(isCmCodeShape('E11.22')).toBe(false); // shape is checked on normalised codes
    expect(isCmCodeShape('0016070')).toBe(false); // ICD-10-PCS
  });

  it('is idempotent for any input', () => {
    fc.assert(fc.property(fc.string(), (s) => normalizeCode(normalizeCode(s)) === normalizeCode(s)));
    fc.assert(fc.property(fc.string(), (s) => formatCmCode(formatCmCode(s)) === formatCmCode(s)));
  });

  it('round-trips dotted and undotted forms of well-formed codes', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z][0-9A-Z]{2,6}$/), (code) => {
        expect(normalizeCode(formatCmCode(code))).toBe(code);
        expect(normalizeCode(formatCmCode(code).toLowerCase())).toBe(code);
        expect(isCmCodeShape(normalizeCode(formatCmCode(code)))).toBe(true);
      }),
    );
  });
});
