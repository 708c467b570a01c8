/**
 * The on-disk bundle cache (`.cache/codesets/`): the build entry point used by the CLI, and the
 * loaders other Node code (tests, CLI, benches) use to read installed tables. The store itself
 * (layout, manifest, atomic writes) is in bundle-store.ts, re-exported here.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BundleHeader } from '../../engine/bundle/format';
import type { BundleReader } from '../../engine/bundle/reader';
import { CmTable } from '../../engine/icd10cm/table';
import { pickRelease, type PickedRelease } from '../../engine/codes/release';
import { buildCodesets, type BuilderReport } from '../build';
import { BUILDERS } from '../builders';
import { icd10cmBuilder } from '../icd10cm/builder';
import type { CodesetBuilder } from '../builder';
import { FsReleaseSource } from './fs-source';
import { CACHE_DIR, findCodesetsSource } from './source';
import { ChartsideError } from '../../engine/errors';
import { FsBundleStore, writeFileAtomic } from './bundle-store';
import { readBundleFile } from './read-bundle-file';

export { FsBundleStore, writeFileAtomic } from './bundle-store';

/** Raised when an installed bundle is asked for and cannot be provided. */
export class ChartsideBundleNotFoundError extends ChartsideError {
  override name = 'ChartsideBundleNotFoundError';
}

/** Options of {@link buildInstalledCodesets}. */
export interface NodeBuildOptions {
  /** Source folder; default {@link findCodesetsSource}(). */
  sourceDir?: string;
  cacheDir?: string;
  builders?: readonly CodesetBuilder[];
  force?: boolean;
  only?: readonly string[];
  log?: (line: string) => void;
}

/**
 * Builds every registered builder into the cache (skipping unchanged ones). Concurrent builds on
 * the same cache are serialised by a lock file, since several engineers and test workers share it.
 */
export async function buildInstalledCodesets(opts: NodeBuildOptions = {}): Promise<BuilderReport[]> {
  const sourceDir = opts.sourceDir ?? findCodesetsSource();
  const store = new FsBundleStore(opts.cacheDir ?? CACHE_DIR);
  return withBuildLock(store.dir, () =>
    buildCodesets({
      builders: opts.builders ?? BUILDERS,
      source: new FsReleaseSource(sourceDir),
      store,
      ...(opts.force ? { force: true } : {}),
      ...(opts.only ? { only: opts.only } : {}),
      ...(opts.log ? { log: opts.log } : {}),
      cpuNow: () => {
        const u = process.cpuUsage();
        return (u.user + u.system) / 1000;
      },
    }),
  );
}

/** Runs `work` holding the cache's build lock (also used by the suggestion-model step, codesets/node/suggest-model.ts). */
export async function withBuildLock<T>(dir: string, work: () => Promise<T>): Promise<T> {
  mkdirSync(dir, { recursive: true });
  const lock = join(dir, '.build.lock');
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      closeSync(openSync(lock, 'wx'));
      writeFileAtomic(`${lock}.pid`, String(process.pid));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      if (lockIsStale(lock)) {
        rmSync(lock, { force: true });
        continue;
      }
      if (Date.now() > deadline)
        throw new ChartsideError(
          `codeset cache is locked by another build (${lock}); remove it if no build is running`,
        );
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { force: true });
  }
}

function lockIsStale(lock: string): boolean {
  try {
    const pid = Number(readFileSync(`${lock}.pid`, 'utf8'));
    if (!pid) return false;
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Headers of every installed bundle (empty when nothing is installed). */
export function installedBundles(cacheDir: string = CACHE_DIR): BundleHeader[] {
  return new FsBundleStore(cacheDir).readManifest()?.bundles ?? [];
}

export { readBundleFile };

/**
 * Opens an installed bundle by id (e.g. `icd10cm-2026`, `icd10pcs-2026`). When the cache lacks it,
 * runs the build first (unchanged builders are skipped).
 *
 * @throws ChartsideBundleNotFoundError when the bundle still does not exist (its builder failed or no builder makes it).
 */
export async function loadBundleReader(id: string, opts: NodeBuildOptions = {}): Promise<BundleReader> {
  const store = new FsBundleStore(opts.cacheDir ?? CACHE_DIR);
  const present = (): boolean =>
    (store.readManifest()?.bundles ?? []).some((h) => h.id === id) && existsSync(store.bundlePath(id));
  if (!present()) {
    const reports = await buildInstalledCodesets(opts);
    if (!present()) {
      const failures = reports.filter((r) => r.status === 'failed').map((r) => `${r.name}: ${r.error?.message ?? ''}`);
      throw new ChartsideBundleNotFoundError(
        `bundle ${id} is not installed${failures.length ? `; build failures: ${failures.join('; ')}` : ''}`,
      );
    }
  }
  return readBundleFile(store.bundlePath(id));
}

/** Installed ICD-10-CM tables by fiscal year, and date-of-service selection over them. */
export interface InstalledTables {
  /** ICD-10-CM tables by fiscal year. */
  icd10cm: Map<number, CmTable>;
  /** Every installed bundle header (all systems). */
  headers: BundleHeader[];
  /** ICD-10-CM table for a date of service (ISO), with a `fallback` notice when none covers it. */
  cmFor(date: string): PickedRelease<CmTable['release']> & { table: CmTable };
  /** Reader of any installed bundle by id (other systems' tables are built from these). */
  reader(id: string): BundleReader;
}

/**
 * Loads every installed ICD-10-CM table (building the cache when nothing is installed).
 *
 * @example const { icd10cm } = await loadInstalledTables(); icd10cm.get(2026)!.get('E11.22')
 */
export async function loadInstalledTables(
  opts: NodeBuildOptions & {
    /** Which of the installed fiscal years to load (default all): a command needing one year skips the others. */
    fiscalYears?: (installed: number[]) => number[];
  } = {},
): Promise<InstalledTables> {
  const store = new FsBundleStore(opts.cacheDir ?? CACHE_DIR);
  // Build when nothing is installed or the installed bundles come from another builder version
  // (a changed input file is picked up by an explicit `codesets build`, which hashes the inputs).
  const entry = store.readManifest()?.builders.find((b) => b.name === icd10cmBuilder.name);
  if (!entry || entry.version !== icd10cmBuilder.version) {
    await buildInstalledCodesets({ ...opts, only: [icd10cmBuilder.name], builders: opts.builders ?? BUILDERS });
  }
  const headers = store.readManifest()?.bundles ?? [];
  const icd10cm = new Map<number, CmTable>();
  const cmHeaders = headers.filter((x) => x.system === 'icd10cm');
  const wanted = new Set(opts.fiscalYears?.(cmHeaders.map((h) => h.fiscalYear)) ?? cmHeaders.map((h) => h.fiscalYear));
  for (const h of cmHeaders.filter((x) => wanted.has(x.fiscalYear))) {
    icd10cm.set(h.fiscalYear, CmTable.fromReader(readBundleFile(store.bundlePath(h.id))));
  }
  if (cmHeaders.length === 0)
    throw new ChartsideBundleNotFoundError('no ICD-10-CM bundle is installed (run: npx chartside codesets build)');
  return {
    icd10cm,
    headers,
    cmFor(date) {
      const tables = [...icd10cm.values()];
      const picked = pickRelease(
        date,
        tables.map((t) => t.release),
        'ICD-10-CM',
      );
      return { ...picked, table: tables.find((t) => t.release === picked.release)! };
    },
    reader: (id) => readBundleFile(store.bundlePath(id)),
  };
}
