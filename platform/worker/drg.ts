/**
 * DRG area of the engine worker: MS-DRG grouping (every installed `msdrg-43.x` release; the
 * discharge date picks the version), Medicare Code Editor edits and the what-if list.
 */
import type { BundleReader } from '../../engine/bundle/reader';
import { ChartsideNoReleaseError } from '../../engine/codes';
import { Grouper, whatIf } from '../../engine/grouper';
import { Mce } from '../../engine/mce';
import type { EngineApi } from './api';
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

export function drgMethods(ctx: EngineContext): Pick<EngineApi, 'groupClaim' | 'editClaim' | 'drgWhatIf'> {
  const grouper = () => load(ctx, 'msdrg', (readers) => Grouper.fromBundles(readers));
  const mce = () =>
    load(ctx, 'mce', (readers) => {
      // Newest MCE release (one per fiscal year).
      const newest = [...readers].sort((a, b) => (a.header.effectiveFrom < b.header.effectiveFrom ? 1 : -1))[0]!;
      return Mce.fromBundle(newest);
    });
  return {
    async groupClaim(claim, options) {
      return (await grouper()).group(claim, options ?? {});
    },
    async editClaim(claim) {
      return (await mce()).edit(claim);
    },
    async drgWhatIf(claim, candidates, options) {
      const list = candidates ?? [];
      return whatIf(await grouper(), claim, { ...(options ?? {}), candidates: () => list });
    },
  };
}
