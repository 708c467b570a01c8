/**
 * The installed MS-DRG and MCE bundles for `chartside group` / `chartside edits`, built first when
 * missing or built by an older importer.
 */
import type { BundleReader } from '../../engine/bundle/reader';
import { buildInstalledCodesets, FsBundleStore, loadBundleReader } from '../../codesets/node/cache';
import { msdrgBuilder } from '../../codesets/msdrg/builder';

/** Opens the grouper bundles (v43.0, v43.1) now and the MCE bundle on request. */
export async function loadMsdrgReaders(): Promise<{ grouper: BundleReader[]; mce: () => Promise<BundleReader> }> {
  const store = new FsBundleStore();
  const entry = store.readManifest()?.builders.find((b) => b.name === msdrgBuilder.name);
  if (!entry || entry.version !== msdrgBuilder.version) await buildInstalledCodesets({ only: [msdrgBuilder.name] });
  return {
    grouper: [await loadBundleReader('msdrg-43.0'), await loadBundleReader('msdrg-43.1')],
    mce: () => loadBundleReader('mce-43.1'),
  };
}
