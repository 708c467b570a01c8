/**
 * Reads an installed bundle file in Node. Blocks are inflated and verified on first use with
 * Node's native zlib and SHA-256: the same length and checksum checks as the engine's portable
 * reader (engine/bundle/reader.ts), several times less CPU on the tens of MB of the search index
 * and the lexicon, and what keeps the CLI's start-up short. A light module on purpose: the CLI's
 * `group` and `edits` import it without the builders.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { BundleFormatError, decodeBundle } from '../../engine/bundle/format';
import { lazyReader, type BundleReader } from '../../engine/bundle/reader';

/** A {@link BundleReader} over the bundle file at `path` (blocks inflated and verified on first use). */
export function readBundleFile(path: string): BundleReader {
  const buffer = readFileSync(path);
  const { header, compressed } = decodeBundle(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), {
    verify: false,
  });
  return lazyReader(header, compressed, (entry, gz) => {
    let raw: Uint8Array;
    try {
      // One output buffer of the block's stated size (plus one byte, so zlib never runs out of
      // room): Node's default 16 KiB chunks cost a copy of the whole block to concatenate (tens of
      // MB for the search index and the lexicon). A wrong size still fails the length check below.
      const out = gunzipSync(gz, { chunkSize: Math.min(Math.max(entry.rawLength + 1, 64), 1 << 30) });
      raw = new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
    } catch (cause) {
      throw new BundleFormatError(`block "${entry.name}" of ${path} is corrupt: ${String(cause)}`);
    }
    if (raw.length !== entry.rawLength || createHash('sha256').update(raw).digest('hex') !== entry.sha256)
      throw new BundleFormatError(
        `block "${entry.name}" of ${path} does not match its checksum: rebuild the code tables (npx chartside codesets build)`,
      );
    return raw;
  });
}
