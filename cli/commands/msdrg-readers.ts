/**
 * The installed MS-DRG and MCE bundles for `chartside group` / `chartside edits`, built first when
 * missing or built by an older importer.
 *
 * Blocks are inflated and checked with Node's native zlib and SHA-256 (the same length and
 * checksum checks as the engine's portable reader, about three times less CPU): the CLI's
 * start-up is mostly the grouper tables' first read.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { BundleFormatError, decodeBundle } from '../../engine/bundle/format';
import type { BundleReader } from '../../engine/bundle/reader';
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
    if (existsSync(path)) return nodeReader(path);
    // A bundle missing from the cache is built (and reported) by the shared loader.
    const { loadBundleReader } = await import('../../codesets/node/cache');
    return loadBundleReader(id);
  };
  return {
    grouper: [await open('msdrg-43.0'), await open('msdrg-43.1')],
    mce: () => open('mce-43.1'),
  };
}

/** A reader over a bundle file whose blocks are inflated and verified on first use. */
function nodeReader(path: string): BundleReader {
  const buffer = readFileSync(path);
  const { header, compressed } = decodeBundle(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), {
    verify: false,
  });
  const cache = new Map<string, Uint8Array>();
  return {
    header,
    has: (name) => compressed.has(name),
    bytes(name) {
      const hit = cache.get(name);
      if (hit) return hit;
      const block = header.blocks.find((b) => b.name === name);
      const gz = compressed.get(name);
      if (!block || !gz) throw new BundleFormatError(`bundle ${header.id} has no block "${name}"`);
      let raw: Uint8Array;
      try {
        raw = gunzipSync(gz);
      } catch (cause) {
        throw new BundleFormatError(`block "${name}" of ${path} is corrupt: ${String(cause)}`);
      }
      if (raw.length !== block.rawLength || createHash('sha256').update(raw).digest('hex') !== block.sha256) {
        throw new BundleFormatError(
          `block "${name}" of ${path} does not match its checksum: rebuild the code tables (npx chartside codesets build)`,
        );
      }
      cache.set(name, raw);
      return raw;
    },
  };
}
