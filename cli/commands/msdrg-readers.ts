/**
 * The installed MS-DRG and MCE bundles for `chartside group` / `chartside edits`, built first when
 * missing or built by an older importer: every grouper version the `msdrg` importer installed
 * (v43.0, v43.1, and v44.0 once the FY2027 tables are in `$CODESETS_SRC`), and every MCE release.
 *
 * Blocks are inflated and checked by the light Node reader (codesets/node/read-bundle-file.ts):
 * the CLI's start-up is mostly the grouper tables' first read.
 */
import { existsSync } from 'node:fs';
import type { BundleReader } from '../../engine/bundle/reader';
import { readBundleFile } from '../../codesets/node/read-bundle-file';
import { FsBundleStore } from '../../codesets/node/bundle-store';
import { MSDRG_BUILDER_ID } from '../../codesets/msdrg/builder-id';

/**
 * Opens the grouper bundles now and the MCE bundles on request.
 *
 * @param cacheDir the codesets cache (default `.cache/codesets`; tests pass their own).
 */
export async function loadMsdrgReaders(
  cacheDir?: string,
): Promise<{ grouper: BundleReader[]; mce: () => Promise<BundleReader[]> }> {
  const store = new FsBundleStore(cacheDir);
  let entry = store.readManifest()?.builders.find((b) => b.name === MSDRG_BUILDER_ID.name);
  // The builders (every importer, ~1 MB of code) are loaded only when a build is needed: the
  // common start, tables installed, reads the bundle files and nothing else.
  if (!entry || entry.version !== MSDRG_BUILDER_ID.version) {
    const { buildInstalledCodesets } = await import('../../codesets/node/cache');
    await buildInstalledCodesets({ only: [MSDRG_BUILDER_ID.name], ...(cacheDir ? { cacheDir } : {}) });
    entry = store.readManifest()?.builders.find((b) => b.name === MSDRG_BUILDER_ID.name);
  }
  const ids = [...(entry?.bundles ?? [])].sort();
  const open = async (id: string): Promise<BundleReader> => {
    const path = store.bundlePath(id);
    if (existsSync(path)) return readBundleFile(path);
    // A bundle missing from the cache is built (and reported) by the shared loader.
    const { loadBundleReader } = await import('../../codesets/node/cache');
    return loadBundleReader(id, cacheDir ? { cacheDir } : {});
  };
  // Never an empty grouper: without installed bundles the shared loader builds or says why.
  const grouperIds = ids.filter((id) => id.startsWith('msdrg-'));
  const mceIds = ids.filter((id) => id.startsWith('mce-'));
  return {
    grouper: await Promise.all((grouperIds.length > 0 ? grouperIds : ['msdrg-43.0', 'msdrg-43.1']).map(open)),
    mce: () => Promise.all((mceIds.length > 0 ? mceIds : ['mce-43.1']).map(open)),
  };
}
