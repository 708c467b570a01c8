/**
 * The MS-DRG grouper and the Medicare Code Editor of the engine worker, built once from every
 * installed release of their system and shared by the DRG area (`drg.ts`) and the case area
 * (`case.ts`), so both answer from the same engines and neither builds its own copy.
 */
import type { BundleReader } from '../../engine/bundle/reader';
import { ChartsideNoReleaseError } from '../../engine/codes';
import { Grouper } from '../../engine/grouper';
import { Mce } from '../../engine/mce';
import type { EngineContext } from './context';

/** Built engines, keyed by the releases they were built from (a new install gives a new key). */
const cache = new Map<string, Grouper | Mce>();

async function load<T extends Grouper | Mce>(
  ctx: EngineContext,
  system: 'msdrg' | 'mce',
  build: (readers: BundleReader[]) => T,
): Promise<T> {
  const rows = (await ctx.releases()).filter((r) => r.system === system);
  if (rows.length === 0) {
    throw new ChartsideNoReleaseError(
      `no ${system === 'msdrg' ? 'MS-DRG' : 'Medicare Code Editor'} release is installed. Open the options page to install the code tables.`,
    );
  }
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
 * The grouper over every installed `msdrg-43.x` release (the discharge date picks the version).
 * @throws ChartsideNoReleaseError when no MS-DRG release is installed.
 */
export function grouperOf(ctx: EngineContext): Promise<Grouper> {
  return load(ctx, 'msdrg', (readers) => Grouper.fromBundles(readers));
}

/**
 * The Medicare Code Editor of the newest installed MCE release (one per fiscal year).
 * @throws ChartsideNoReleaseError when no MCE release is installed.
 */
export function mceOf(ctx: EngineContext): Promise<Mce> {
  return load(ctx, 'mce', (readers) => {
    const newest = [...readers].sort((a, b) => (a.header.effectiveFrom < b.header.effectiveFrom ? 1 : -1))[0]!;
    return Mce.fromBundle(newest);
  });
}
