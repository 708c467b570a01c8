import { describe, expect, it } from 'vitest';
import { drgOrientation, msdrgFiscalYear } from './drg-orientation';

const result = (codes: { pdx?: boolean; sdx?: [string, boolean][]; px?: [string, boolean][] } = {}) => ({
  version: '43.1',
  principal: { code: 'I5023', valid: codes.pdx ?? true },
  secondary: (codes.sdx ?? []).map(([code, valid]) => ({ code, valid })),
  procedures: (codes.px ?? []).map(([code, valid]) => ({ code, valid })),
});

describe('MS-DRG orientation notice', () => {
  it('maps versions to fiscal years as CMS numbers them', () => {
    expect(msdrgFiscalYear('43.1')).toBe(2026);
    expect(msdrgFiscalYear('44.0')).toBe(2027);
    expect(() => msdrgFiscalYear('v')).toThrow(RangeError);
  });

  it("is silent for a discharge in the version's own year or without a date", () => {
    expect(drgOrientation(result(), '2026-09-30')).toBeUndefined();
    expect(drgOrientation(result(), undefined)).toBeUndefined();
    expect(drgOrientation({ ...result(), version: '44.0' }, '2026-10-01')).toBeUndefined();
  });

  it('says in plain words that a v43.1 result for an FY2027 discharge is for orientation only, naming the codes it could not use', () => {
    const o = drgOrientation(
      result({
        sdx: [
          ['C7831', false],
          ['E119', true],
        ],
        px: [['0W99003', false]],
      }),
      '2026-10-01',
    )!;
    expect(o).toMatchObject({ dischargeYear: 2027, grouperYear: 2026, unusable: ['C7831', '0W99003'] });
    expect(o.message).toBe(
      'MS-DRG v44 (FY2027) is not available: this MS-DRG v43.1 (FY2026) result is for orientation only and is not the payable FY2027 DRG for a discharge on 2026-10-01. Codes MS-DRG v43.1 could not use (not in its tables): C7831, 0W99003.',
    );
    expect(drgOrientation(result(), '2026-12-05')!.message).toMatch(/knew every code on the claim/);
    expect(drgOrientation(result({ pdx: false }), '2026-12-05')!.unusable).toEqual(['I5023']);
  });
});
