/**
 * The MS-DRG grouper and the Medicare Code Editor of the engine worker, built once from every
 * installed release of their system and shared by the DRG area (`drg.ts`) and the case area
 * (`case.ts`), so both answer from the same engines and neither builds its own copy.
 */
import type { BundleReader } from '../../engine/bundle/reader';
import { ChartsideNoReleaseError } from '../../engine/codes';
import { Grouper } from '../../engine/grouper';
import { Mce, mceReleaseFor } from '../../engine/mce';
import type { EngineContext } from './context';

/** Built engines, keyed by the releases they were built from (a new install gives a new key). */
const cache = new Map<string, Grouper | Mce>();

function noRelease(system: 'msdrg' | 'mce'): ChartsideNoReleaseError {
  return new ChartsideNoReleaseError(
    `no ${system === 'msdrg' ? 'MS-DRG' : 'Medicare Code Editor'} release is installed. Open the options page to install the code tables.`,
  );
}

async function load<T extends Grouper | Mce>(
  ctx: EngineContext,
  system: 'msdrg' | 'mce',
  build: (readers: BundleReader[]) => T,
): Promise<T> {
  const rows = (await ctx.releases()).filter((r) => r.system === system);
  if (rows.length === 0) throw noRelease(system);
  const key = `${system}:${rows
    .map((r) => `${r.id}@${r.sha256}`)
    .sort()
    .join(',')}`;
  let hit = cache.get(key) as T | undefined;
  if (!hit) {
    hit = build(await Promise.all(rows.map((r) => ctx.reader(r.id))));
    for (const k of cache.keys()) if (k.startsWith(`${system}:`)) cache.delete(k);
    cache.set(key, hit);
  }
  return hit;
}

/**
 * The grouper over every installed MS-DRG release (`msdrg-43.0`, `msdrg-43.1`, an imported
 * `msdrg-44.0`): the discharge date picks the version.
 * @throws ChartsideNoReleaseError when no MS-DRG release is installed.
 */
export function grouperOf(ctx: EngineContext): Promise<Grouper> {
  return load(ctx, 'msdrg', (readers) => Grouper.fromBundles(readers));
}

/**
 * The Medicare Code Editor of the installed release for `dischargeDate`'s fiscal year (MCE 43.1
 * for FY2026, MCE 44 for FY2027 once imported; see `mceReleaseFor`), the newest without a date.
 * @throws ChartsideNoReleaseError when no MCE release is installed.
 */
export async function mceOf(ctx: EngineContext, dischargeDate?: string): Promise<Mce> {
  const rows = (await ctx.releases()).filter((r) => r.system === 'mce');
  if (rows.length === 0) throw noRelease('mce');
  const row = mceReleaseFor(
    rows.map((r) => ({ row: r, effectiveFrom: r.header.effectiveFrom })),
    dischargeDate,
  ).row;
  const key = `mce-release:${row.id}@${row.sha256}`;
  let hit = cache.get(key) as Mce | undefined;
  if (!hit) {
    hit = Mce.fromBundle(await ctx.reader(row.id));
    // A release replaced by an import (same id, new bytes) is dropped; other years' editors stay.
    for (const k of cache.keys()) if (k.startsWith(`mce-release:${row.id}@`)) cache.delete(k);
    cache.set(key, hit);
  }
  return hit;
}
