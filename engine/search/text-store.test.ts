import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compressTexts, TEXTS_PER_CHUNK, TextStore } from './text-store';

function layout(texts: string[]): { textStart: Uint32Array; textBytes: Uint8Array } {
  const enc = new TextEncoder();
  const parts = texts.map((t) => enc.encode(t));
  const textStart = new Uint32Array(texts.length + 1);
  parts.forEach((p, i) => (textStart[i + 1] = textStart[i]! + p.length));
  const textBytes = new Uint8Array(textStart[texts.length]!);
  parts.forEach((p, i) => textBytes.set(p, textStart[i]));
  return { textStart, textBytes };
}

describe('TextStore', () => {
  it('reads every text from compressed chunks as from the plain bytes (chunk edges, empty and multi-byte texts)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 3 * TEXTS_PER_CHUNK + 5 }), (texts) => {
        const data = layout(texts);
        const chunks = compressTexts(data.textStart, data.textBytes);
        expect(chunks.start.length).toBe(Math.ceil(texts.length / TEXTS_PER_CHUNK) + 1);
        const store = new TextStore({ textStart: data.textStart, textBytes: new Uint8Array(0), textChunks: chunks });
        const plain = new TextStore({ textStart: data.textStart, textBytes: data.textBytes });
        // Backwards, so a later chunk is inflated before an earlier one.
        for (let t = texts.length - 1; t >= 0; t--) {
          expect(store.text(t)).toBe(texts[t]);
          expect(plain.text(t)).toBe(texts[t]);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('compresses deterministically', () => {
    const data = layout(Array.from({ length: 600 }, (_, i) => `Failure, failed, heart, ${i}`));
    const a = compressTexts(data.textStart, data.textBytes);
    const b = compressTexts(data.textStart, data.textBytes);
    expect(a).toStrictEqual(b);
    expect(a.bytes.length).toBeLessThan(data.textBytes.length / 2);
  });
});
