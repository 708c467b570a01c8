/**
 * Shared state of the engine worker: the database, installed releases, bundle readers and the
 * engine tables built from them. Everything is loaded lazily and cached per release id; an
 * install calls {@link EngineContext.invalidate} so the next question sees the new tables.
 */
import { lazyReader, type BundleReader } from '../../engine/bundle/reader';
import { inflateBlock, type BundleHeader, type BundleSystem } from '../../engine/bundle/format';
import { pickRelease, type PickedRelease } from '../../engine/codes';
import { listReleases, readBlocks, type ChartsideDb, type ReleaseRow } from '../db';
import { todayIso } from '../today';
import { inflateIndexBlock } from './search-bundle';

/** Display names of the code systems (for messages). */
export const SYSTEM_LABEL: Record<BundleSystem, string> = {
  icd10cm: 'ICD-10-CM',
  icd10pcs: 'ICD-10-PCS',
  hcpcs: 'HCPCS Level II',
  msdrg: 'MS-DRG',
  mce: 'Medicare Code Editor',
  search: 'search index',
  'suggest-model': 'suggestion model',
  'suggest-lexicon': 'suggestion lexicon',
};

/** A table built from one release, and the release it came from. */
export interface PickedTable<T> {
  table: T;
  row: ReleaseRow;
  fallback?: string;
}

export interface EngineContext {
  readonly db: ChartsideDb;
  /** Installed releases (parsed rows), cached until {@link invalidate}. */
  releases(): Promise<ReleaseRow[]>;
  /** Reader over one installed bundle's blocks (cached). */
  reader(id: string): Promise<BundleReader>;
  /**
   * The table of `system` for a date of service (default today), built once per release with
   * `build`. `kind` names the table type so two areas may build different tables from one bundle.
   * @throws ChartsideNoReleaseError when no release of the system is installed.
   */
  tableFor<T>(
    system: BundleSystem,
    kind: string,
    build: (reader: BundleReader) => T,
    dateOfService?: string,
  ): Promise<PickedTable<T>>;
  /** Forgets cached releases, readers and tables (after an install). */
  invalidate(): void;
}

export function createContext(db: ChartsideDb): EngineContext {
  let releases: Promise<ReleaseRow[]> | undefined;
  const readers = new Map<string, Promise<BundleReader>>();
  const tables = new Map<string, unknown>();

  const ctx: EngineContext = {
    db,
    releases: () => (releases ??= listReleases(db)),
    reader(id) {
      let hit = readers.get(id);
      if (!hit) {
        hit = (async () => {
          const row = (await ctx.releases()).find((r) => r.id === id);
          if (!row) throw new Error(`Chartside: release ${id} is not installed`);
          return nativeReader(row.header, await readBlocks(db, id));
        })();
        readers.set(id, hit);
        hit.catch(() => readers.delete(id));
      }
      return hit;
    },
    async tableFor(system, kind, build, dateOfService) {
      const rows = (await ctx.releases()).filter((r) => r.system === system);
      const picked: PickedRelease<ReleaseRow & { effectiveFrom: string; effectiveTo: string }> = pickRelease(
        dateOfService ?? todayIso(),
        rows.map((r) => ({
          ...r,
          effectiveFrom: r.header.effectiveFrom,
          effectiveTo: r.header.effectiveTo,
          ...(r.header.derivation ? { derivation: r.header.derivation } : {}),
        })),
        SYSTEM_LABEL[system],
      );
      const row = picked.release;
      const key = `${kind}:${row.id}:${row.sha256}`;
      let table = tables.get(key) as ReturnType<typeof build> | undefined;
      if (table === undefined) {
        const reader = await ctx.reader(row.id);
        // Two calls that met an empty cache (the warm-up and the first suggestion) wait for the same
        // reader: the first to resume builds, the other takes its table (one build, one object, so
        // the per-table caches the engine keeps are filled once).
        table = tables.get(key) as ReturnType<typeof build> | undefined;
        if (table === undefined) {
          table = build(reader);
          tables.set(key, table);
        }
      }
      return { table, row, ...(picked.fallback ? { fallback: picked.fallback } : {}) };
    },
    invalidate() {
      releases = undefined;
      readers.clear();
      tables.clear();
    },
  };
  return ctx;
}

/**
 * A reader over an installed bundle whose blocks are all inflated up front by the platform's
 * native gzip decoder (`DecompressionStream`, off the JavaScript heap and several times faster
 * than the portable decoder), so that the tables' lazily read blocks (titles, Index, notes) cost
 * nothing when the first chart asks for them. The installer verified the bundle (the file's
 * sha256, or every block) before storing it, so only each block's length is checked here, as the
 * search index and lexicon loaders do. A block the native decoder refuses is left to the portable
 * reader, which inflates it on first use and reports what is wrong with it (checksum included).
 */
async function nativeReader(header: BundleHeader, compressed: Map<string, Uint8Array>): Promise<BundleReader> {
  const inflated = new Map<string, Uint8Array>();
  await Promise.all(
    header.blocks.map(async (b) => {
      const gz = compressed.get(b.name);
      if (!gz) return; // the reader reports the missing block when it is asked for
      try {
        const raw = await inflateIndexBlock(gz);
        if (raw.length === b.rawLength) inflated.set(b.name, raw);
      } catch {
        // Reported by the portable reader below, on first use, with the block's name.
      }
    }),
  );
  return lazyReader(header, compressed, (entry, gz) => inflated.get(entry.name) ?? inflateBlock(entry, gz));
}
