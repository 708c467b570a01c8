import { describe, expect, it } from 'vitest';
import { ReleaseFileError } from '../builder';
import { findMsdrgReleases } from './releases';

const files = (dir: string, names: string[]): string[] => names.map((n) => `${dir}/${n}`);
const FY2026 = [
  ...files('msdrg/FY2026/tables/v430', ['drgs.tsv']),
  ...files('msdrg/FY2026/tables/v431', ['drgs.tsv']),
  ...files('msdrg/FY2026/tables/mce-v431', ['mce_edits.tsv']),
  'msdrg/FY2026/tables/README.md',
  'msdrg/FY2026/drgstable-2026.csv',
];
const FY2027 = [
  ...files('msdrg/FY2027/tables/v440', ['drgs.tsv']),
  ...files('msdrg/FY2027/tables/mce-v440', ['mce_edits.tsv']),
];

const refusal = (paths: string[]): ReleaseFileError => {
  try {
    findMsdrgReleases(paths);
  } catch (e) {
    if (e instanceof ReleaseFileError) return e;
    throw e;
  }
  throw new Error('not refused');
};

describe('MS-DRG releases in a source', () => {
  it('finds FY2026 (v43.0 to March 31, v43.1 from the April 1 update, MCE 43.1) as built before', () => {
    const [r] = findMsdrgReleases(FY2026);
    expect(r!.versions).toEqual([
      {
        version: '43.0',
        dir: 'msdrg/FY2026/tables/v430',
        from: '2025-10-01',
        to: '2026-03-31',
        label: 'MS-DRG v43.0 (FY2026, Oct 1, 2025)',
      },
      {
        version: '43.1',
        dir: 'msdrg/FY2026/tables/v431',
        from: '2026-04-01',
        to: '2026-09-30',
        label: 'MS-DRG v43.1 (FY2026 April 1, 2026 update)',
      },
    ]);
    expect(r!.mce).toEqual({
      version: '431',
      dir: 'msdrg/FY2026/tables/mce-v431',
      label: 'Medicare Code Editor v43.1 (FY2026)',
    });
    expect(r!.poaExempt).toBe('icd10cm/FY2026/POAexemptCodesFY26.txt');
    expect(r!.inputs).toHaveLength(29);
  });

  it('recognises v44 / MCE v44 for FY2027 by the same layout, for discharges from 2026-10-01', () => {
    const rs = findMsdrgReleases([...FY2026, ...FY2027]);
    expect(rs.map((r) => r.fiscalYear)).toEqual([2026, 2027]);
    const r = rs[1]!;
    expect(r.versions).toEqual([
      {
        version: '44.0',
        dir: 'msdrg/FY2027/tables/v440',
        from: '2026-10-01',
        to: '2027-09-30',
        label: 'MS-DRG v44.0 (FY2027, Oct 1, 2026)',
      },
    ]);
    expect(r.mce.version).toBe('440');
    expect(r.inputs).toEqual(
      expect.arrayContaining([
        'msdrg/FY2027/tables/v440/dx_attributes.tsv',
        'msdrg/FY2027/tables/mce-v440/mce_icd10_dx.tsv',
        'msdrg/FY2027/drgstable-2027.csv',
        'msdrg/FY2027/appendix_A.txt',
        'icd10cm/FY2027/POAexemptCodesFY27.txt',
      ]),
    );
    // FY2027 alone (a pick of only the new files) is a release of its own.
    expect(findMsdrgReleases(FY2027).map((x) => x.fiscalYear)).toEqual([2027]);
    expect(findMsdrgReleases(['icd10cm/FY2027/icd10cm_order_addenda_2027.txt'])).toEqual([]);
  });

  it('refuses a version under the wrong fiscal year, a year without grouper or MCE tables, an unknown minor version', () => {
    expect(refusal(['msdrg/FY2027/tables/v430/drgs.tsv', ...FY2027]).message).toMatch(
      /^msdrg\/FY2027\/tables\/v430: version 43 applies to FY2026, not FY2027/,
    );
    expect(refusal(['msdrg/FY2027/drgstable-2027.csv']).message).toMatch(
      /^msdrg\/FY2027: no grouper tables \(expected msdrg\/FY2027\/tables\/v440\/\)/,
    );
    expect(refusal(['msdrg/FY2027/tables/v440/drgs.tsv']).message).toMatch(/no Medicare Code Editor tables/);
    expect(refusal([...FY2027, 'msdrg/FY2027/tables/v442/drgs.tsv']).message).toMatch(/v442: only the October/);
  });
});
