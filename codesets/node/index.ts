/** Node-side codeset helpers: locate release files, build the cache, open installed bundles. */
export { findCodesetsSource, CACHE_DIR, PROJECT_ROOT, EXPECTED_FILES, MissingReleaseFilesError } from './source';
export { FsReleaseSource } from './fs-source';
export {
  buildInstalledCodesets,
  loadBundleReader,
  loadInstalledTables,
  installedBundles,
  readBundleFile,
  writeFileAtomic,
  FsBundleStore,
  ChartsideBundleNotFoundError,
  type InstalledTables,
  type NodeBuildOptions,
} from './cache';
