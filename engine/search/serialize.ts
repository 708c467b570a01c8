/**
 * Serialized form of a search index: one byte array that IndexedDB (or a file) stores as is and
 * that loads without parsing postings: every typed array becomes a view on the same buffer.
 *
 * ```
 * 0   8 bytes  magic "CSSEARCH"
 * 8   u32      header length H (little-endian)
 * 12  H bytes  header JSON: { index: SearchIndexHeader, sections: [{ name, type, offset, length }] }
 * ... pad to a multiple of 8, then each section at its offset (relative to the section area),
 *     8-byte aligned; string lists are UTF-8 joined by "\n". The texts are stored as chunks of
 *     raw deflate (`textChunks`, offsets `textChunkStart`; engine/search/text-store.ts) and read
 *     on first use, so loading an index does not inflate them.
 * ```
 *
 * Loading refuses another {@link SEARCH_INDEX_FORMAT_VERSION} (MiniSearch's
 * `serializationVersion` is the model): the caller rebuilds the index from the tables.
 */
import { SEARCH_INDEX_FORMAT_VERSION, type SearchIndexData, type SearchIndexHeader } from './layout';
import { ChartsideError } from '../errors';
import { compressTexts, TEXTS_PER_CHUNK } from './text-store';

/** Raised for bytes that are not a search index this build can read. */
export class ChartsideSearchIndexFormatError extends ChartsideError {
  override name = 'ChartsideSearchIndexFormatError';
}

const MAGIC = 'CSSEARCH';
type SectionType = 'u32' | 'u16' | 'u8' | 'f32' | 'strings';
interface Section {
  name: string;
  type: SectionType;
  offset: number;
  length: number;
}

const TYPED: Record<
  Exclude<SectionType, 'strings'>,
  { bytes: number; make: (b: ArrayBuffer, o: number, n: number) => ArrayBufferView }
> = {
  u32: { bytes: 4, make: (b, o, n) => new Uint32Array(b, o, n) },
  u16: { bytes: 2, make: (b, o, n) => new Uint16Array(b, o, n) },
  u8: { bytes: 1, make: (b, o, n) => new Uint8Array(b, o, n) },
  f32: { bytes: 4, make: (b, o, n) => new Float32Array(b, o, n) },
};

/** Sections: the index's arrays, except the texts, stored as compressed chunks (text-store.ts). */
type SectionName = Exclude<keyof SearchIndexData, 'textBytes' | 'textChunks'> | 'textChunks' | 'textChunkStart';

const ARRAYS: [SectionName, SectionType][] = [
  ['terms', 'strings'],
  ['termStart', 'u32'],
  ['postings', 'u32'],
  ['textStart', 'u32'],
  ['textChunks', 'u8'],
  ['textChunkStart', 'u32'],
  ['textNorm', 'f32'],
  ['textFlags', 'u8'],
  ['textMainNorm', 'f32'],
  ['textDocStart', 'u32'],
  ['docCode', 'u32'],
  ['docKind', 'u8'],
  ['docAux', 'u16'],
  ['codes', 'strings'],
  ['codeSystem', 'u8'],
  ['codeFlags', 'u8'],
  ['codeTitle', 'u32'],
];

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });
const align = (n: number): number => (n + 7) & ~7;

/**
 * Serializes an index. Same data in, same bytes out.
 * @example const bytes = serializeSearchIndex(buildSearchIndex(corpus));
 */
export function serializeSearchIndex(data: SearchIndexData): Uint8Array {
  const payloads: Uint8Array[] = [];
  const sections: Section[] = [];
  let offset = 0;
  const chunks = data.textChunks ?? compressTexts(data.textStart, data.textBytes);
  const arrays: Record<SectionName, unknown> = { ...data, textChunks: chunks.bytes, textChunkStart: chunks.start };
  for (const [name, type] of ARRAYS) {
    const value = arrays[name];
    const bytes =
      type === 'strings'
        ? encoder.encode((value as string[]).join('\n'))
        : new Uint8Array(
            (value as ArrayBufferView).buffer,
            (value as ArrayBufferView).byteOffset,
            (value as ArrayBufferView).byteLength,
          );
    const length = type === 'strings' ? (value as string[]).length : (value as ArrayLike<number>).length;
    sections.push({ name, type, offset, length: type === 'strings' ? bytes.length : length });
    if (type === 'strings') sections[sections.length - 1]!.length = bytes.length;
    payloads.push(bytes);
    offset = align(offset + bytes.length);
  }
  const header = encoder.encode(JSON.stringify({ index: data.header, sections }));
  const start = align(12 + header.length);
  const out = new Uint8Array(start + offset);
  out.set(encoder.encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(8, header.length, true);
  out.set(header, 12);
  sections.forEach((s, i) => out.set(payloads[i]!, start + s.offset));
  return out;
}

/** Reads only the header (to decide whether a stored index matches the installed tables). */
export function readSearchIndexHeader(bytes: Uint8Array): SearchIndexHeader {
  return parseHeader(bytes).index;
}

function parseHeader(bytes: Uint8Array): { index: SearchIndexHeader; sections: Section[]; start: number } {
  if (bytes.length < 12 || String.fromCharCode(...bytes.subarray(0, 8)) !== MAGIC) {
    throw new ChartsideSearchIndexFormatError('not a Chartside search index (bad magic)');
  }
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(8, true);
  if (12 + length > bytes.length) throw new ChartsideSearchIndexFormatError('search index header is truncated');
  let parsed: { index: SearchIndexHeader; sections: Section[] };
  try {
    parsed = JSON.parse(decoder.decode(bytes.subarray(12, 12 + length))) as typeof parsed;
  } catch (cause) {
    throw new ChartsideSearchIndexFormatError(`search index header is not valid JSON: ${String(cause)}`);
  }
  if (parsed.index?.formatVersion !== SEARCH_INDEX_FORMAT_VERSION) {
    throw new ChartsideSearchIndexFormatError(
      `search index has format version ${String(parsed.index?.formatVersion)}; this build reads version ${SEARCH_INDEX_FORMAT_VERSION}. It will be rebuilt from the code tables.`,
    );
  }
  return { ...parsed, start: align(12 + length) };
}

/**
 * Loads a serialized index. Typed arrays are views on `bytes` when it is 8-byte aligned (a fresh
 * buffer from IndexedDB or a file read is); otherwise the bytes are copied once.
 *
 * @throws ChartsideSearchIndexFormatError for bad magic, another format version, or truncation.
 */
export function deserializeSearchIndex(bytes: Uint8Array): SearchIndexData {
  const { index, sections, start } = parseHeader(bytes);
  const aligned = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
  const buffer = aligned.buffer as ArrayBuffer;
  const base = aligned.byteOffset + start;
  const out: Record<string, unknown> = { header: index };
  for (const s of sections) {
    const spec = ARRAYS.find(([n]) => n === s.name);
    if (!spec || spec[1] !== s.type) throw new ChartsideSearchIndexFormatError(`unexpected section ${s.name}`);
    if (s.type === 'strings') {
      if (start + s.offset + s.length > aligned.length)
        throw new ChartsideSearchIndexFormatError(`section ${s.name} is truncated`);
      const text = decoder.decode(aligned.subarray(start + s.offset, start + s.offset + s.length));
      out[s.name] = text.length === 0 ? [] : text.split('\n');
    } else {
      const t = TYPED[s.type];
      if (start + s.offset + s.length * t.bytes > aligned.length)
        throw new ChartsideSearchIndexFormatError(`section ${s.name} is truncated`);
      out[s.name] = t.make(buffer, base + s.offset, s.length);
    }
  }
  for (const [name] of ARRAYS)
    if (!(name in out)) throw new ChartsideSearchIndexFormatError(`section ${name} is missing`);
  const textChunks = { bytes: out.textChunks as Uint8Array, start: out.textChunkStart as Uint32Array };
  delete out.textChunkStart;
  const texts = (out.textStart as Uint32Array).length - 1;
  if (textChunks.start.length !== Math.ceil(texts / TEXTS_PER_CHUNK) + 1)
    throw new ChartsideSearchIndexFormatError('section textChunkStart does not match the texts');
  return { ...out, textBytes: new Uint8Array(0), textChunks } as unknown as SearchIndexData;
}
