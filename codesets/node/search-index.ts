/**
 * The search-index step of `chartside codesets build` (Node only): after the code tables are
 * installed, mounts the installed ICD-10-CM, ICD-10-PCS and HCPCS bundles (whatever years the
 * manifest lists) and the search engine's sources in the layout `codesets/search-index/builder.ts`
 * reads, and runs that builder through the same orchestrator as the code tables (cache key,
 * atomic install, previous bundle kept on failure).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildCodesets, type BuilderReport } from '../build';
import { SEARCH_INDEX_LAYOUT, searchIndexBuilder } from '../search-index/builder';
import { FsBundleStore, withBuildLock } from './cache';
import { FsReleaseSource } from './fs-source';
import { CACHE_DIR, PROJECT_ROOT } from './source';
import { MountedSource } from './suggest-model';

/** Options of {@link buildSearchIndexStep}. */
export interface SearchIndexStepOptions {
  cacheDir?: string;
  force?: boolean;
  log?: (line: string) => void;
  /** Sources of the search engine whose bytes are part of the cache key; default `engine/search`, `null` for none. */
  engineDir?: string | null;
}

/**
 * Builds (or keeps, when its inputs did not change) the `search-<FY>` bundles in the cache.
 * Never throws for a failed build: see the report.
 */
export async function buildSearchIndexStep(opts: SearchIndexStepOptions = {}): Promise<BuilderReport> {
  const store = new FsBundleStore(opts.cacheDir ?? CACHE_DIR);
  return withBuildLock(store.dir, async () => {
    // Only the code-table bundles the manifest lists (never a stale or half-written file).
    const listed = new Set(
      (store.readManifest()?.bundles ?? [])
        .filter((h) => h.system === 'icd10cm' || h.system === 'icd10pcs' || h.system === 'hcpcs')
        .map((h) => `${h.id}.csb`),
    );
    const engineDir = opts.engineDir === undefined ? join(PROJECT_ROOT, 'engine', 'search') : opts.engineDir;
    const source = new MountedSource([
      {
        prefix: SEARCH_INDEX_LAYOUT.installed,
        source: new FsReleaseSource(store.bundlesDir),
        keep: (p) => listed.has(p),
      },
      ...(engineDir !== null && existsSync(engineDir)
        ? [
            {
              prefix: SEARCH_INDEX_LAYOUT.engine,
              source: new FsReleaseSource(engineDir),
              keep: (p: string) => /^([^/]+\/)?[^/]+\.ts$/.test(p) && !p.endsWith('.test.ts'),
            },
          ]
        : []),
    ]);
    const [report] = await buildCodesets({
      builders: [searchIndexBuilder],
      source,
      store,
      ...(opts.force ? { force: true } : {}),
      ...(opts.log ? { log: opts.log } : {}),
      cpuNow: () => {
        const u = process.cpuUsage();
        return (u.user + u.system) / 1000;
      },
    });
    return report!;
  });
}
