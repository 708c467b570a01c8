import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { CACHE_DIR, loadInstalledTables } from '../../codesets/node';
import { addDiagnosis, newCase, updateHeader } from '../../engine/case';
import { msdrgBundleBytes } from '../../test/golden/msdrg-bundles';
import { openChartsideDb } from '../db';
import { createEngine } from './engine';

describe('engine worker: case area (called directly, without Comlink)', () => {
  it('recomputes DRG, MCE, tabular edits and what-if in one call, naming the ICD-10-CM release', async () => {
    await loadInstalledTables();
    const { api } = createEngine(openChartsideDb({ indexedDB: new IDBFactory(), IDBKeyRange }));
    let c = updateHeader(newCase('case-w'), {
      admissionDate: '2025-11-10',
      dischargeDate: '2025-11-15',
      age: 71,
      sex: 'F',
    });
    c = addDiagnosis(addDiagnosis(c, 'I50.23', 'typed', 'Y'), 'J18.9', 'typed', 'Y');
    await expect(api.recomputeCase(c)).rejects.toThrow(/no ICD-10-CM release|No ICD-10-CM|not installed/i);
    for (const [, bytes] of await msdrgBundleBytes()) await api.installBundle(bytes);
    await api.installBundle(new Uint8Array(readFileSync(join(CACHE_DIR, 'bundles', 'icd10cm-2026.csb'))));
    const r = await api.recomputeCase(c);
    expect(r.cmRelease).toMatchObject({ id: 'icd10cm-2026', fiscalYear: 2026 });
    expect(r.cmRelease.fallback).toBeUndefined();
    expect(r.drg.status).toBe('grouped');
    expect(r.mce.status).toBe('edited');
    expect(r.principalWhatIf.map((p) => p.code)).toEqual(['J189']);
    expect(r.titles.I5023).toMatch(/Acute on chronic systolic/);
    // A date outside every installed release falls back to the newest, and says so.
    const later = await api.recomputeCase(
      updateHeader(c, { admissionDate: '2027-12-01', dischargeDate: '2027-12-03' }),
    );
    expect(later.cmRelease.fallback).toMatch(/2027|newest/i);
    expect(structuredClone(r)).toEqual(r);
    await expect(api.recomputeCase({ ...c, age: -4 })).rejects.toThrow();
  }, 120_000);
});
