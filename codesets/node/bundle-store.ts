/**
 * The on-disk bundle store (`.cache/codesets/`): where each bundle lives, the manifest, atomic
 * writes. Its own module, apart from the build entry point in cache.ts, so a reader of installed
 * bundles (the CLI's `group` / `edits`) loads this without loading every builder.
 *
 * Layout: `bundles/<id>.csb` (one bundle each) and `manifest.json` (see {@link CodesetsManifest}).
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { MANIFEST_VERSION, type BundleStore, type CodesetsManifest } from '../build';
import { ChartsideError } from '../../engine/errors';
import { CACHE_DIR } from './source';

/** Writes `bytes` to `path` atomically: a temp file beside it, fsync, rename. */
export function writeFileAtomic(path: string, bytes: Uint8Array | string): void {
  const tmp = `${path}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  const fd = openSync(tmp, 'w');
  try {
    const data = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
    let at = 0;
    while (at < data.length) at += writeSync(fd, data, at, data.length - at);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** A {@link BundleStore} over a folder (default {@link CACHE_DIR}). */
export class FsBundleStore implements BundleStore {
  constructor(readonly dir: string = CACHE_DIR) {}

  get bundlesDir(): string {
    return join(this.dir, 'bundles');
  }

  bundlePath(id: string): string {
    if (!/^[a-z0-9][a-z0-9.-]*$/.test(id)) throw new ChartsideError(`unsafe bundle id "${id}"`);
    return join(this.bundlesDir, `${id}.csb`);
  }

  readManifest(): CodesetsManifest | undefined {
    const path = join(this.dir, 'manifest.json');
    if (!existsSync(path)) return undefined;
    try {
      const m = JSON.parse(readFileSync(path, 'utf8')) as CodesetsManifest;
      return m.manifestVersion === MANIFEST_VERSION ? m : undefined;
    } catch {
      return undefined; // an unreadable manifest means "rebuild", never "use half of it"
    }
  }

  writeBundle(id: string, bytes: Uint8Array): void {
    mkdirSync(this.bundlesDir, { recursive: true });
    writeFileAtomic(this.bundlePath(id), bytes);
  }

  removeBundle(id: string): void {
    rmSync(this.bundlePath(id), { force: true });
  }

  writeManifest(manifest: CodesetsManifest): void {
    mkdirSync(this.dir, { recursive: true });
    writeFileAtomic(join(this.dir, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  }
}
