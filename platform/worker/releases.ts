/** Releases area of the engine worker: status, package install, single-bundle import. */
import { parseRelease, StoredRowError, type ReleaseRow } from '../db';
import { isInstalled, PACKAGE_INDEX_FILE, parsePackageIndex } from '../install/package-index';
import type { EngineApi, InstalledRelease } from './api';
import type { EngineContext } from './context';

/** Plain-data view of a release row for the UI. */
export function toInstalledRelease(row: ReleaseRow): InstalledRelease {
  const h = row.header;
  return {
    id: row.id,
    system: row.system,
    fiscalYear: row.fiscalYear,
    release: h.release,
    effectiveFrom: h.effectiveFrom,
    effectiveTo: h.effectiveTo,
    ...(h.derivation ? { derivation: h.derivation } : {}),
    provenance: h.provenance,
    notes: h.notes,
    counts: h.counts,
    sha256: row.sha256,
    bytes: row.bytes,
    installedAt: row.installedAt,
    source: row.source,
  };
}

/** Reads a file of the extension package (the worker runs on the extension origin). */
async function fetchPackageFile(url: URL): Promise<Response> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`HTTP ${res.status} for ${url.pathname}`);
  return res;
}

export function releasesMethods(ctx: EngineContext): Pick<EngineApi, 'status' | 'installPackage' | 'installBundle'> {
  return {
    async status() {
      const releases: InstalledRelease[] = [];
      const problems: string[] = [];
      for (const raw of await ctx.db.releases.toArray()) {
        try {
          releases.push(toInstalledRelease(parseRelease(raw)));
        } catch (error) {
          if (!(error instanceof StoredRowError)) throw error;
          problems.push(`${error.message}. Reinstall the code tables from the options page.`);
        }
      }
      releases.sort((a, b) => (a.system === b.system ? b.fiscalYear - a.fiscalYear : a.system < b.system ? -1 : 1));
      return { ready: releases.length > 0 && problems.length === 0, releases, problems };
    },

    async installPackage(packageBaseUrl, onProgress) {
      const base = new URL(packageBaseUrl);
      const index = parsePackageIndex(await (await fetchPackageFile(new URL(PACKAGE_INDEX_FILE, base))).text());
      // Every open after the first lands here: answer without loading the installer (fflate,
      // checksums), which keeps the worker's start-up chunk small.
      const rows = new Map((await ctx.db.releases.toArray()).map((r) => [r.id, parseRelease(r)]));
      if (index.bundles.every((b) => isInstalled(b, rows))) {
        const skipped = index.bundles.map((b) => b.id);
        onProgress?.({
          phase: 'done',
          bundlesDone: skipped.length,
          bundlesTotal: skipped.length,
          bytesDone: 0,
          bytesTotal: 0,
        });
        return { installed: [], skipped, problems: [] };
      }
      const { installFromPackage } = await import('../install/installer');
      try {
        return await installFromPackage(
          ctx.db,
          index,
          async (file) => new Uint8Array(await (await fetchPackageFile(new URL(file, base))).arrayBuffer()),
          onProgress ? (p) => void onProgress(p) : undefined,
        );
      } finally {
        ctx.invalidate();
      }
    },

    async installBundle(bytes) {
      const { installBundleBytes, isInstallProblem } = await import('../install/installer');
      const result = await installBundleBytes(ctx.db, bytes, { source: 'import', label: 'imported bundle' });
      ctx.invalidate();
      return isInstallProblem(result)
        ? { installed: [], skipped: [], problems: [result] }
        : { installed: [result.id], skipped: [], problems: [] };
    },
  };
}
