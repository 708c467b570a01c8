/**
 * The texts of a search index (titles, Index paths, drug and neoplasm rows) by text id. A query
 * reads only the few texts of the hits it shows, so the serialized index keeps them in small
 * independently compressed chunks of {@link TEXTS_PER_CHUNK} texts, inflated on first use and
 * kept: loading an index then inflates the ranking arrays only (about half of its bytes), not 26
 * MB of text. An index built in memory holds its texts uncompressed.
 */
import { deflateSync, inflateSync } from 'fflate';
import type { SearchIndexData } from './layout';

/** Texts per compressed chunk (~17 kB of UTF-8 on the official tables: a fraction of a ms to inflate). */
export const TEXTS_PER_CHUNK = 256;

/** Compressed chunks: `bytes[start[k]..start[k+1]]` is raw deflate of texts `k * TEXTS_PER_CHUNK ...`. */
export interface TextChunks {
  bytes: Uint8Array;
  start: Uint32Array;
}

/**
 * Compresses an index's texts into chunks (deterministic: fflate level 9).
 *
 * @example const chunks = compressTexts(data.textStart, data.textBytes);
 */
export function compressTexts(textStart: Uint32Array, textBytes: Uint8Array): TextChunks {
  const texts = textStart.length - 1;
  const parts: Uint8Array[] = [];
  const start = new Uint32Array(Math.ceil(texts / TEXTS_PER_CHUNK) + 1);
  for (let k = 0, at = 0; k * TEXTS_PER_CHUNK < texts; k++) {
    const from = textStart[k * TEXTS_PER_CHUNK]!;
    const to = textStart[Math.min(texts, (k + 1) * TEXTS_PER_CHUNK)]!;
    const part = deflateSync(textBytes.subarray(from, to), { level: 9 });
    parts.push(part);
    at += part.length;
    start[k + 1] = at;
  }
  const bytes = new Uint8Array(start[start.length - 1]!);
  parts.forEach((p, k) => bytes.set(p, start[k]));
  return { bytes, start };
}

const decoder = new TextDecoder();

/** Reads texts by id from an index's data (uncompressed bytes, or chunks inflated on first use). */
export class TextStore {
  private readonly chunks = new Map<number, Uint8Array>();

  constructor(private readonly data: Pick<SearchIndexData, 'textStart' | 'textBytes' | 'textChunks'>) {}

  /** Text `t`. */
  text(t: number): string {
    const { textStart, textBytes, textChunks } = this.data;
    if (!textChunks) return decoder.decode(textBytes.subarray(textStart[t], textStart[t + 1]));
    const k = Math.floor(t / TEXTS_PER_CHUNK);
    let raw = this.chunks.get(k);
    if (!raw) {
      raw = inflateSync(textChunks.bytes.subarray(textChunks.start[k], textChunks.start[k + 1]));
      this.chunks.set(k, raw);
    }
    const base = textStart[k * TEXTS_PER_CHUNK]!;
    return decoder.decode(raw.subarray(textStart[t]! - base, textStart[t + 1]! - base));
  }
}
