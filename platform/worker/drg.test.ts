import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openChartsideDb } from '../db';
import { msdrgBundleBytes } from '../../test/golden/msdrg-bundles';
import { createEngine } from './engine';

describe('engine worker: DRG area (called directly, without Comlink)', () => {
  it('says no release is installed, then groups, edits and lists what-ifs with the installed bundles', async () => {
    const { api } = createEngine(openChartsideDb({ indexedDB: new IDBFactory(), IDBKeyRange }));
    const claim = {
      pdx: 'J18.9',
      sdx: [{ code: 'I50.9', poa: 'Y' }],
      procedures: [],
      age: 70,
      sex: 'F',
      dischargeStatus: '01',
      dischargeDate: '2026-05-02',
    };
    await expect(api.groupClaim(claim)).rejects.toThrow(/no MS-DRG release is installed/);
    for (const [id, bytes] of await msdrgBundleBytes()) {
      expect(await api.installBundle(bytes)).toMatchObject({ installed: [id] });
    }
    const r = await api.groupClaim(claim);
    expect([r.version, r.finalDrg, r.returnCode]).toEqual(['43.1', 195, 'OK']);
    expect((await api.groupClaim({ ...claim, dischargeDate: '2025-12-01' })).version).toBe('43.0');
    const e = await api.editClaim({ ...claim, pdx: 'Z4502' });
    expect(e.counts).toEqual([['QUESTIONABLE_ADMISSION', 1]]);
    const w = await api.drgWhatIf(claim, [{ code: 'I50.23', replaces: 'I50.9', source: 'chart' }]);
    expect(w[0]).toMatchObject({ kind: 'replace-dx', drg: 193 });
    // Results are structured-cloneable plain data (what Comlink needs).
    expect(structuredClone(r)).toEqual(r);
    expect(structuredClone(w)).toEqual(w);
  });
});
