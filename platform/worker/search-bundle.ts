/**
 * The shipped search index: the `search-<FY>` bundle that `npm run codesets` builds beside the
 * code tables (codesets/search-index/builder.ts) and the installer puts in IndexedDB. Loading it
 * is an inflate and a few typed-array views, so the first search after install does not build
 * the index from the tables (tens of seconds in a browser).
 *
 * The bundle is used only while the table bundles it was built from are installed unchanged
 * (same ids and sha256); an index of another format version is refused with the reader's
 * message, which the search response carries, and the caller builds the index from the tables.
 */
import { inflateTrusted } from '../../engine/bundle/format';
import { pickRelease } from '../../engine/codes';
import { deserializeSearchIndex, SearchIndex } from '../../engine/search';
import { readBlocks, type ReleaseRow } from '../db';
import { todayIso } from '../today';
import type { EngineContext } from './context';

/** Name of the block holding the serialized index (as codesets/search-index/builder.ts writes it). */
const INDEX_BLOCK = 'index';

/** Outcome of {@link loadBundledIndex}. */
export type BundledIndex =
  | { status: 'loaded'; index: SearchIndex; row: ReleaseRow; fallback?: string }
  | { status: 'absent' | 'stale' }
  | { status: 'refused'; message: string };

/**
 * Inflates gzip bytes with the platform's native stream decoder when there is one (the browser's
 * DecompressionStream: several times faster than inflating in JavaScript), else with fflate. The
 * block is not re-hashed: the installer verified the bundle (whole-file sha256 of a packaged
 * bundle, every block of an imported one) before storing it.
 */
export async function inflateIndexBlock(gz: Uint8Array): Promise<Uint8Array> {
  if (typeof DecompressionStream === 'undefined') return inflateTrusted(gz);
  const stream = new Blob([gz as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * Loads the installed search index for a date of service (default today), when there is one that
 * matches the installed tables.
 */
export async function loadBundledIndex(
  ctx: EngineContext,
  dateOfService?: string,
  cache: Map<string, Promise<SearchIndex | string>> = new Map(),
): Promise<BundledIndex> {
  const releases = await ctx.releases();
  const rows = releases.filter((r) => r.system === 'search');
  if (rows.length === 0) return { status: 'absent' };
  const picked = pickRelease(
    dateOfService ?? todayIso(),
    rows.map((r) => ({ ...r, effectiveFrom: r.header.effectiveFrom, effectiveTo: r.header.effectiveTo })),
    'search index',
  );
  const row = picked.release;
  const key = `${row.id}:${row.sha256}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = (async (): Promise<SearchIndex | string> => {
      const gz = (await readBlocks(ctx.db, row.id)).get(INDEX_BLOCK);
      if (!gz)
        return `The installed ${row.id} has no "${INDEX_BLOCK}" block; the index is built from the tables instead.`;
      try {
        return new SearchIndex(deserializeSearchIndex(await inflateIndexBlock(gz)));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return `The installed ${row.id} was refused (${message}); the index is built from the tables instead.`;
      }
    })();
    cache.set(key, hit);
  }
  const index = await hit;
  if (typeof index === 'string') return { status: 'refused', message: index };
  // Built from other tables than the installed ones (a user imported a newer release): not used.
  const installed = new Map(releases.map((r) => [r.id, r.sha256]));
  if (!index.data.header.sources.every((s) => installed.get(s.id) === s.sha256)) return { status: 'stale' };
  return { status: 'loaded', index, row, ...(picked.fallback ? { fallback: picked.fallback } : {}) };
}
