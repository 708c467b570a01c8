/**
 * The Chartside codeset bundle: one file per (system, fiscal year) holding named, independently
 * compressed blocks plus a header that records where every byte came from.
 *
 * Layout (all integers little-endian):
 *
 * ```
 * 0   8 bytes   magic "CSBUNDLE"
 * 8   u32       header length H
 * 12  H bytes   header, UTF-8 JSON (see {@link BundleHeader}), keys in a fixed order
 * 12+H ...      blocks, concatenated in header order
 * ```
 *
 * Each block is gzip (fflate, level 9, mtime 0, no file name) of its payload, so the same
 * payloads always give byte-identical bundles. Readers refuse an unknown {@link BUNDLE_FORMAT_VERSION}
 * (the model is MiniSearch's `serializationVersion`), a bad magic, or a block whose sha256 does not
 * match, before anything is installed.
 *
 * The engine only decodes; `codesets/` encodes at build time and in the options-page import.
 */
import { gunzipSync, gzipSync } from 'fflate';
import { z } from 'zod';
import { sha256Hex } from './sha256';
import { ChartsideError } from '../errors';

/** Format version of the container. Bump it when the layout or a block's meaning changes. */
export const BUNDLE_FORMAT_VERSION = 1;

const MAGIC = 'CSBUNDLE';

/**
 * Code systems a bundle can hold. `search`, `suggest-model` and `suggest-lexicon` are not code
 * systems but travel like one: derived at build time (codesets/search-index/,
 * codesets/suggest-model/, codesets/suggest-lexicon/), with what they came from as provenance.
 */
export const BUNDLE_SYSTEMS = [
  'icd10cm',
  'icd10pcs',
  'hcpcs',
  'msdrg',
  'mce',
  'search',
  'suggest-model',
  'suggest-lexicon',
] as const;
/** A code system (or shipped model) a bundle holds; see {@link BUNDLE_SYSTEMS}. */
export type BundleSystem = (typeof BUNDLE_SYSTEMS)[number];

/** One official release file a bundle was built from. */
export interface ProvenanceFile {
  /** Official file name, as published (e.g. `icd10cm_order_2026.txt`). */
  file: string;
  /** sha256 of the file's bytes, lower-case hex. */
  sha256: string;
  /** Size in bytes. */
  bytes: number;
  /** What the file contributed (e.g. `order`, `tabular`, `index`, `drug`, `poa-exempt`). */
  role: string;
  /** Fiscal (or calendar) year of the release the file belongs to; may differ from the bundle's year. */
  releaseYear: number;
}

/** Describes one block inside a bundle. */
export interface BlockEntry {
  /** Block name, unique in the bundle (e.g. `codes`, `tabular-notes`, `index-terms`). */
  name: string;
  /** Payload type after decompression: JSON text, UTF-8 text, or raw bytes. */
  kind: 'json' | 'text' | 'bytes';
  /** Byte offset of the compressed block from the start of the block area. */
  offset: number;
  /** Compressed length in bytes. */
  length: number;
  /** Decompressed length in bytes. */
  rawLength: number;
  /** sha256 of the decompressed payload. */
  sha256: string;
}

/** The bundle header. Everything the UI shows about a table's origin comes from here. */
export interface BundleHeader {
  formatVersion: number;
  /** Stable id, `<system>-<year>` (e.g. `icd10cm-2026`, `msdrg-43.1`). */
  id: string;
  system: BundleSystem;
  /** Fiscal year the tables are for (HCPCS: calendar year). */
  fiscalYear: number;
  /** First and last date of service (inclusive, ISO `YYYY-MM-DD`) the tables apply to. */
  effectiveFrom: string;
  effectiveTo: string;
  /** Human label of the release, e.g. "ICD-10-CM FY2026 (Oct 1, 2025)". */
  release: string;
  /**
   * Present when the tables are not an official release's full files but derived from them,
   * e.g. "derived: FY2026 order file + FY2027 order addenda (no FY2027 order file available)".
   * The UI shows it wherever the release is used (`pickRelease` in engine/codes turns it into a notice).
   */
  derivation?: string;
  /** Every official file used, with checksums. */
  provenance: ProvenanceFile[];
  /** Honest notes on substitutions, e.g. "Tabular List from FY2017: no newer file available". */
  notes: string[];
  /** Counts shown by `chartside codesets info` (e.g. billable codes, notes, index terms). */
  counts: Record<string, number>;
  blocks: BlockEntry[];
}

/**
 * The header as read from a file: a bundle is imported from wherever the user picked it, so its
 * header crosses a trust boundary and is parsed, not cast. Loose objects: a field a newer writer
 * adds within the same format version is kept, not silently dropped.
 */
const BUNDLE_HEADER_SCHEMA = z.looseObject({
  formatVersion: z.number(),
  id: z.string().min(1),
  system: z.enum(BUNDLE_SYSTEMS),
  fiscalYear: z.number().int(),
  effectiveFrom: z.string(),
  effectiveTo: z.string(),
  release: z.string(),
  provenance: z.array(
    z.looseObject({
      file: z.string(),
      sha256: z.string(),
      bytes: z.number().int().nonnegative(),
      role: z.string(),
      releaseYear: z.number().int(),
    }),
  ),
  notes: z.array(z.string()),
  counts: z.record(z.string(), z.number()),
  blocks: z.array(
    z.looseObject({
      name: z.string().min(1),
      kind: z.enum(['json', 'text', 'bytes']),
      offset: z.number().int().nonnegative(),
      length: z.number().int().nonnegative(),
      rawLength: z.number().int().nonnegative(),
      sha256: z.string(),
    }),
  ),
});

/** A block to be written: its payload before compression. */
export interface BlockInput {
  name: string;
  kind: BlockEntry['kind'];
  payload: Uint8Array;
}

/** Error raised for any bundle that cannot be trusted; nothing from it may be installed. */
export class BundleFormatError extends ChartsideError {
  override name = 'ChartsideBundleFormatError';
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Encodes a JSON value as a block payload (deterministic for deterministic input). */
export function jsonPayload(value: unknown): Uint8Array {
  return encoder.encode(JSON.stringify(value));
}

/** Encodes text as a block payload. */
export function textPayload(text: string): Uint8Array {
  return encoder.encode(text);
}

/**
 * Writes a bundle. Same header fields and blocks in, byte-identical bytes out.
 *
 * @example
 * const bytes = encodeBundle({ id: 'icd10cm-2026', ... }, [{ name: 'codes', kind: 'json', payload }]);
 */
export function encodeBundle(meta: Omit<BundleHeader, 'formatVersion' | 'blocks'>, blocks: BlockInput[]): Uint8Array {
  const names = new Set<string>();
  const compressed: Uint8Array[] = [];
  const entries: BlockEntry[] = [];
  let offset = 0;
  for (const block of blocks) {
    if (names.has(block.name)) throw new BundleFormatError(`duplicate block name "${block.name}"`);
    names.add(block.name);
    const gz = gzipSync(block.payload, { level: 9, mtime: 0 });
    compressed.push(gz);
    entries.push({
      name: block.name,
      kind: block.kind,
      offset,
      length: gz.length,
      rawLength: block.payload.length,
      sha256: sha256Hex(block.payload),
    });
    offset += gz.length;
  }
  // Fixed key order, so JSON.stringify is deterministic whatever order the caller used.
  const header: BundleHeader = {
    formatVersion: BUNDLE_FORMAT_VERSION,
    id: meta.id,
    system: meta.system,
    fiscalYear: meta.fiscalYear,
    effectiveFrom: meta.effectiveFrom,
    effectiveTo: meta.effectiveTo,
    release: meta.release,
    // Only when present, so the bytes of an official release's bundle do not change.
    ...(meta.derivation === undefined ? {} : { derivation: meta.derivation }),
    provenance: meta.provenance.map((p) => ({
      file: p.file,
      sha256: p.sha256,
      bytes: p.bytes,
      role: p.role,
      releaseYear: p.releaseYear,
    })),
    notes: [...meta.notes],
    counts: Object.fromEntries(Object.entries(meta.counts).sort(([a], [b]) => (a < b ? -1 : 1))),
    blocks: entries,
  };
  const headerBytes = encoder.encode(JSON.stringify(header));
  const out = new Uint8Array(12 + headerBytes.length + offset);
  out.set(encoder.encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(8, headerBytes.length, true);
  out.set(headerBytes, 12);
  let at = 12 + headerBytes.length;
  for (const gz of compressed) {
    out.set(gz, at);
    at += gz.length;
  }
  return out;
}

/** Reads and checks a bundle's header without touching its blocks. */
export function readBundleHeader(bytes: Uint8Array): BundleHeader {
  if (bytes.length < 12) throw new BundleFormatError('file too short to be a Chartside bundle');
  const magic = String.fromCharCode(...bytes.subarray(0, 8));
  if (magic !== MAGIC) throw new BundleFormatError('not a Chartside bundle (bad magic)');
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(8, true);
  if (12 + headerLength > bytes.length) throw new BundleFormatError('bundle header is truncated');
  let json: unknown;
  try {
    json = JSON.parse(decoder.decode(bytes.subarray(12, 12 + headerLength)));
  } catch (cause) {
    throw new BundleFormatError(`bundle header is not valid JSON: ${String(cause)}`);
  }
  // The version first: a header of another format version may have any shape, and the message
  // that helps is "rebuild", not a list of schema differences.
  const version =
    typeof json === 'object' && json !== null ? (json as Record<string, unknown>).formatVersion : undefined;
  if (version !== BUNDLE_FORMAT_VERSION) {
    const id = typeof json === 'object' && json !== null ? (json as Record<string, unknown>).id : undefined;
    throw new BundleFormatError(
      `bundle ${typeof id === 'string' ? id : '?'} has format version ${String(version)}; this build reads version ${BUNDLE_FORMAT_VERSION}. Rebuild the code tables (npx chartside codesets build).`,
    );
  }
  const parsed = BUNDLE_HEADER_SCHEMA.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BundleFormatError(
      `bundle header is malformed: ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'unknown shape'}`,
    );
  }
  const header: BundleHeader = parsed.data;
  const areaLength = bytes.length - 12 - headerLength;
  for (const b of header.blocks) {
    if (b.offset < 0 || b.offset + b.length > areaLength) {
      throw new BundleFormatError(`bundle ${header.id}: block "${b.name}" lies outside the file (truncated?)`);
    }
  }
  return header;
}

/** A parsed bundle: header plus lazy access to each block's compressed bytes. */
export interface DecodedBundle {
  header: BundleHeader;
  /** Compressed bytes of each block, by name (what IndexedDB stores). */
  compressed: Map<string, Uint8Array>;
}

/** Splits a bundle into its header and compressed blocks, verifying every block's checksum. */
export function decodeBundle(bytes: Uint8Array, { verify = true } = {}): DecodedBundle {
  const header = readBundleHeader(bytes);
  const start = 12 + new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(8, true);
  const compressed = new Map<string, Uint8Array>();
  for (const b of header.blocks) {
    const gz = bytes.subarray(start + b.offset, start + b.offset + b.length);
    if (verify) inflateBlock(b, gz);
    compressed.set(b.name, gz);
  }
  return { header, compressed };
}

/** Decompresses one block and checks its length and checksum. */
export function inflateBlock(entry: BlockEntry, gz: Uint8Array): Uint8Array {
  let raw: Uint8Array;
  try {
    raw = gunzipSync(gz);
  } catch (cause) {
    throw new BundleFormatError(`block "${entry.name}" is corrupt: ${String(cause)}`);
  }
  if (raw.length !== entry.rawLength || sha256Hex(raw) !== entry.sha256) {
    throw new BundleFormatError(`block "${entry.name}" does not match its checksum`);
  }
  return raw;
}

/** Decompresses a block without the checksum (for hot paths after install-time verification). */
export function inflateTrusted(gz: Uint8Array): Uint8Array {
  return gunzipSync(gz);
}

/** Decodes a JSON block payload. */
export function blockJson<T>(raw: Uint8Array): T {
  return JSON.parse(decoder.decode(raw)) as T;
}

/** Decodes a text block payload. */
export function blockText(raw: Uint8Array): string {
  return decoder.decode(raw);
}
