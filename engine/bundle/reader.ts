import { blockJson, blockText, BundleFormatError, inflateBlock, type BlockEntry, type BundleHeader } from './format';

/**
 * Read access to one installed bundle, whatever holds it: a file in Node (CLI, tests) or block
 * records in IndexedDB (the worker). Engine table classes are built from a `BundleReader` and
 * never know where the bytes came from.
 */
export interface BundleReader {
  readonly header: BundleHeader;
  /** Decompressed payload of a block. Throws {@link BundleFormatError} when the block is absent. */
  bytes(name: string): Uint8Array;
  /** `true` when the bundle has the block. */
  has(name: string): boolean;
}

/** Parses a JSON block. */
export function readJson<T>(reader: BundleReader, name: string): T {
  return blockJson<T>(reader.bytes(name));
}

/** Reads a text block. */
export function readText(reader: BundleReader, name: string): string {
  return blockText(reader.bytes(name));
}

/**
 * Builds a reader over compressed blocks (as stored in IndexedDB or split from a file).
 * Blocks are inflated on first use and cached; checksums are verified on first use unless the
 * caller already verified them at install time.
 */
export function readerFromCompressed(header: BundleHeader, compressed: ReadonlyMap<string, Uint8Array>): BundleReader {
  return lazyReader(header, compressed, inflateBlock);
}

/**
 * A reader whose blocks are inflated by `inflate` (decompress, then check length and checksum) on
 * first use and cached: the portable reader above, and Node's native-zlib reader
 * (codesets/node/read-bundle-file.ts).
 */
export function lazyReader(
  header: BundleHeader,
  compressed: ReadonlyMap<string, Uint8Array>,
  inflate: (entry: BlockEntry, gz: Uint8Array) => Uint8Array,
): BundleReader {
  const cache = new Map<string, Uint8Array>();
  return {
    header,
    has: (name) => compressed.has(name),
    bytes(name) {
      const hit = cache.get(name);
      if (hit) return hit;
      const entry = header.blocks.find((b) => b.name === name);
      const gz = compressed.get(name);
      if (!entry || !gz) throw new BundleFormatError(`bundle ${header.id} has no block "${name}"`);
      const raw = inflate(entry, gz);
      cache.set(name, raw);
      return raw;
    },
  };
}
