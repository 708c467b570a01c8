import { describe, expect, it } from 'vitest';
import type { InstalledRelease } from '../../platform/worker/api';
import { describeProvenance, releasesInUse } from './provenance';

function release(
  system: InstalledRelease['system'],
  fy: number,
  provenance: [role: string, year: number][],
): InstalledRelease {
  return {
    id: `${system}-${fy}`,
    system,
    fiscalYear: fy,
    release: `${system} ${fy}`,
    effectiveFrom: `${fy - 1}-10-01`,
    effectiveTo: `${fy}-09-30`,
    provenance: provenance.map(([role, releaseYear]) => ({
      file: `${role}.txt`,
      sha256: 'x',
      bytes: 1,
      role,
      releaseYear,
    })),
    notes: [],
    counts: {},
    sha256: 'x',
    bytes: 1,
    installedAt: '2026-01-01T00:00:00Z',
    source: 'package',
  };
}

describe('describeProvenance', () => {
  it('names the files of the release year and calls out older substitutes as newest available', () => {
    const cm = release('icd10cm', 2026, [
      ['order', 2026],
      ['poa-exempt', 2026],
      ['tabular', 2017],
      ['index', 2017],
      ['drug', 2025],
    ]);
    expect(describeProvenance(cm)).toBe(
      'ICD-10-CM FY2026 (order, poa-exempt FY2026; drug FY2025, newest available; tabular, index FY2017, newest available)',
    );
    expect(describeProvenance(release('hcpcs', 2025, [['alpha-numeric', 2025]]))).toBe(
      'HCPCS 2025 (alpha-numeric 2025)',
    );
  });

  it('says how a derived year was made, after its files', () => {
    const fy2027 = {
      ...release('icd10cm', 2027, [
        ['order', 2026],
        ['addenda', 2027],
      ]),
      derivation: 'derived: FY2026 order file + FY2027 order addenda (no FY2027 order file available)',
    };
    expect(describeProvenance(fy2027)).toBe(
      'ICD-10-CM FY2027 (addenda FY2027; order FY2026, newest available), derived: FY2026 order file + FY2027 order addenda (no FY2027 order file available)',
    );
    const inUse = releasesInUse([release('icd10cm', 2026, []), fy2027], '2026-10-01');
    expect(inUse[0]!.release.id).toBe('icd10cm-2027');
    expect(inUse[0]!.fallback).toMatch(/^ICD-10-CM FY2027 is not an official full release: derived: FY2026 order file/);
  });

  it('does not call the suggestion model corpus an older substitute', () => {
    const model = release('suggest-model', 2026, [
      ['corpus-texts', 2018],
      ['corpus-gold-cm', 2018],
      ['icd10cm-tables', 2026],
    ]);
    expect(describeProvenance(model)).toBe(
      'Suggestion model FY2026 (icd10cm-tables FY2026; corpus-texts, corpus-gold-cm FY2018)',
    );
  });
});

describe('releasesInUse', () => {
  const all = [release('icd10cm', 2025, []), release('icd10cm', 2026, []), release('icd10pcs', 2026, [])];
  it('picks per system the release covering the date, and says when it fell back', () => {
    const inUse = releasesInUse(all, '2025-06-01');
    expect(inUse.map((u) => [u.release.id, u.fallback !== undefined])).toEqual([
      ['icd10cm-2025', false],
      ['icd10pcs-2026', true],
    ]);
    expect(inUse[1]!.fallback).toMatch(/No ICD-10-PCS release covers 2025-06-01/);
  });
  it('leaves the suggestion model out of the dated tables', () => {
    expect(releasesInUse([...all, release('suggest-model', 2026, [])], '2026-01-01').map((u) => u.release.id)).toEqual([
      'icd10cm-2026',
      'icd10pcs-2026',
    ]);
  });
  it('leaves the search index out of the dated tables (it is derived from them)', () => {
    expect(
      releasesInUse([...all, release('search', 2026, [['icd10cm-tables', 2026]])], '2026-01-01').map(
        (u) => u.release.id,
      ),
    ).toEqual(['icd10cm-2026', 'icd10pcs-2026']);
  });
});
