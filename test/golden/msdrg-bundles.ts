/**
 * Test and bench helper: builds the MS-DRG / MCE bundles straight from the official files with
 * the real builder (through a small file-system {@link ReleaseSource}), caches them under
 * `.cache/codesets/test-msdrg/` keyed by the inputs' checksums, and opens them as readers.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ReleaseFile, ReleaseSource } from '../../codesets/builder';
import { msdrgBuilder } from '../../codesets/msdrg/builder';
import { decodeBundle } from '../../engine/bundle/format';
import { readerFromCompressed, type BundleReader } from '../../engine/bundle/reader';
import { CACHE_DIR, findCodesetsSource } from '../../codesets/node/source';
import { MemorySource } from '../../codesets/testing/memory-source';
import { MINI_MSDRG_V44 } from '../fixtures/mini-msdrg-v44-release';

/** A {@link ReleaseSource} over a folder. */
export function fsSource(root: string): ReleaseSource {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? walk(p) : [relative(root, p).split('\\').join('/')];
    });
  return {
    description: root,
    list: () => walk(root).sort(),
    read(path): ReleaseFile {
      const bytes = new Uint8Array(readFileSync(join(root, path)));
      return { path, name: path.split('/').at(-1)!, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
    },
  };
}

/** Opens a bundle file as a reader. */
export function readerFromBytes(bytes: Uint8Array): BundleReader {
  const decoded = decodeBundle(bytes, { verify: false });
  return readerFromCompressed(decoded.header, decoded.compressed);
}

/** The source root holding the official files. */
export const SOURCE_ROOT = findCodesetsSource();

/** Builds (or reuses) the msdrg-43.0, msdrg-43.1 and mce-43.1 bundles; returns their bytes by id. */
export async function msdrgBundleBytes(): Promise<Map<string, Uint8Array>> {
  const source = fsSource(SOURCE_ROOT);
  const inputs = msdrgBuilder.inputs(source);
  const hash = createHash('sha256').update(`v${msdrgBuilder.version}`);
  for (const p of inputs) hash.update(p).update(source.read(p).sha256);
  const dir = join(CACHE_DIR, 'test-msdrg', hash.digest('hex').slice(0, 16));
  const ids = ['msdrg-43.0', 'msdrg-43.1', 'mce-43.1'];
  const out = new Map<string, Uint8Array>();
  if (ids.every((id) => existsSync(join(dir, `${id}.csb`)))) {
    for (const id of ids) out.set(id, new Uint8Array(readFileSync(join(dir, `${id}.csb`))));
    return out;
  }
  const built = await msdrgBuilder.build(source);
  mkdirSync(dir, { recursive: true });
  for (const b of built) {
    writeFileSync(join(dir, `${b.header.id}.csb`), b.bytes);
    out.set(b.header.id, b.bytes);
  }
  return out;
}

/** Readers over the three bundles. */
export async function msdrgReaders(): Promise<{ grouper: BundleReader[]; mce: BundleReader }> {
  const bytes = await msdrgBundleBytes();
  return {
    grouper: [readerFromBytes(bytes.get('msdrg-43.0')!), readerFromBytes(bytes.get('msdrg-43.1')!)],
    mce: readerFromBytes(bytes.get('mce-43.1')!),
  };
}

/**
 * Readers over `msdrg-44.0` and `mce-44.0` built by the real importer from the synthetic miniature
 * v44 release (test/fixtures/mini-msdrg-v44-release.ts): invented tables, never CMS's v44.
 */
export async function miniV44Readers(): Promise<{ grouper: BundleReader; mce: BundleReader }> {
  const built = await msdrgBuilder.build(new MemorySource(new Map(MINI_MSDRG_V44)));
  const byId = new Map(built.map((b) => [b.header.id, readerFromBytes(b.bytes)]));
  return { grouper: byId.get('msdrg-44.0')!, mce: byId.get('mce-44.0')! };
}
