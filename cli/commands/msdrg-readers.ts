/**
 * The installed MS-DRG and MCE bundles for `chartside group` / `chartside edits`, built first when
 * missing or built by an older importer.
 *
 * Blocks are inflated and checked by the light Node reader (codesets/node/read-bundle-file.ts):
 * the CLI's start-up is mostly the grouper tables' first read.
 */
import { existsSync } from 'node:fs';
import type { BundleReader } from '../../engine/bundle/reader';
import { readBundleFile } from '../../codesets/node/read-bundle-file';
import { FsBundleStore } from '../../codesets/node/bundle-store';
import { MSDRG_BUILDER_ID } from '../../codesets/msdrg/builder-id';

/** Opens the grouper bundles (v43.0, v43.1) now and the MCE bundle on request. */
export async function loadMsdrgReaders(): Promise<{ grouper: BundleReader[]; mce: () => Promise<BundleReader> }> {
  const store = new FsBundleStore();
  const entry = store.readManifest()?.builders.find((b) => b.name === MSDRG_BUILDER_ID.name);
  // The builders (every importer, ~1 MB of code) are loaded only when a build is needed: the
  // common start, tables installed, reads the bundle files and nothing else.
  if (!entry || entry.version !== MSDRG_BUILDER_ID.version) {
    const { buildInstalledCodesets } = await import('../../codesets/node/cache');
    await buildInstalledCodesets({ only: [MSDRG_BUILDER_ID.name] });
  }
  const open = async (id: string): Promise<BundleReader> => {
    const path = store.bundlePath(id);
    if (existsSync(path)) return readBundleFile(path);
    // A bundle missing from the cache is built (and reported) by the shared loader.
    const { loadBundleReader } = await import('../../codesets/node/cache');
    return loadBundleReader(id);
  };
  return {
    grouper: [await open('msdrg-43.0'), await open('msdrg-43.1')],
    mce: () => open('mce-43.1'),
  };
}
