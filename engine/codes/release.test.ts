import { describe, expect, it } from 'vitest';
import { ChartsideNoReleaseError, fiscalYearOf, pickRelease } from './release';

const fy = (year: number) => ({ fiscalYear: year, effectiveFrom: `${year - 1}-10-01`, effectiveTo: `${year}-09-30` });

describe('release selection by date of service', () => {
  const available = [fy(2025), fy(2026)];
  it('picks the fiscal year covering the date, boundaries included', () => {
    expect(pickRelease('2025-11-15', available)).toEqual({ release: fy(2026) });
    expect(pickRelease('2025-09-30', available).release.fiscalYear).toBe(2025);
    expect(pickRelease('2025-10-01', available).release.fiscalYear).toBe(2026);
    expect(pickRelease('2024-10-01', available).release.fiscalYear).toBe(2025);
  });
  it('falls back to the newest release with an explicit notice', () => {
    const later = pickRelease('2027-01-05', available, 'ICD-10-CM');
    expect(later.release.fiscalYear).toBe(2026);
    expect(later.fallback).toMatch(
      /^No ICD-10-CM release covers 2027-01-05 \(after the newest installed release\); using FY2026/,
    );
    const earlier = pickRelease('2019-03-01', available);
    expect(earlier.release.fiscalYear).toBe(2026);
    expect(earlier.fallback).toMatch(/older than every installed release/);
  });
  it('says so when the release covering the date is derived: 2026-09-30 is FY2026, 2026-10-01 the derived FY2027', () => {
    const fy2027 = { ...fy(2027), derivation: 'derived: FY2026 order file + FY2027 order addenda' };
    const withDerived = [...available, fy2027];
    expect(pickRelease('2026-09-30', withDerived, 'ICD-10-CM')).toEqual({ release: fy(2026) });
    const picked = pickRelease('2026-10-01', withDerived, 'ICD-10-CM');
    expect(picked).toMatchObject({ release: fy2027, derived: true });
    expect(picked.fallback).toBe(
      'ICD-10-CM FY2027 is not an official full release: derived: FY2026 order file + FY2027 order addenda.',
    );
    const after = pickRelease('2027-10-01', withDerived, 'ICD-10-CM');
    expect(after.fallback).toMatch(
      /^No ICD-10-CM release covers 2027-10-01 .* using FY2027 .* not an official full release/,
    );
  });
  it('refuses bad dates and an empty list', () => {
    expect(() => pickRelease('11/15/2025', available)).toThrow(RangeError);
    expect(() => pickRelease('2025-11-15', [])).toThrow(ChartsideNoReleaseError);
  });
  it('knows the federal fiscal year', () => {
    expect(fiscalYearOf('2025-10-01')).toBe(2026);
    expect(fiscalYearOf('2025-09-30')).toBe(2025);
  });
});
