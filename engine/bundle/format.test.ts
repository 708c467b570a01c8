import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BUNDLE_FORMAT_VERSION,
  BundleFormatError,
  blockJson,
  decodeBundle,
  encodeBundle,
  inflateBlock,
  jsonPayload,
} from './format';
import { sha256Hex } from './sha256';

const meta = {
  id: 'icd10cm-2026',
  system: 'icd10cm' as const,
  fiscalYear: 2026,
  effectiveFrom: '2025-10-01',
  effectiveTo: '2026-09-30',
  release: 'test',
  provenance: [{ file: 'x.txt', sha256: 'ab', bytes: 2, role: 'order', releaseYear: 2026 }],
  notes: [],
  counts: { b: 2, a: 1 },
};

describe('sha256Hex', () => {
  it('agrees with node:crypto on arbitrary input', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
      }),
    );
  });
});

describe('bundle container', () => {
  const blocks = [
    { name: 'codes', kind: 'json' as const, payload: jsonPayload({ A00: 'Cholera' }) },
    { name: 'notes', kind: 'text' as const, payload: new TextEncoder().encode('hello') },
  ];

  it('round-trips blocks and is byte-identical for the same input', () => {
    const one = encodeBundle(meta, blocks);
    const two = encodeBundle({ ...meta, counts: { a: 1, b: 2 } }, blocks);
    expect(Buffer.from(one).equals(Buffer.from(two))).toBe(true);
    const { header, compressed } = decodeBundle(one);
    expect(header.formatVersion).toBe(BUNDLE_FORMAT_VERSION);
    const entry = header.blocks.find((b) => b.name === 'codes')!;
    expect(blockJson(inflateBlock(entry, compressed.get('codes')!))).toEqual({ A00: 'Cholera' });
  });

  it('refuses truncated, corrupt and future-version bundles', () => {
    const bytes = encodeBundle(meta, blocks);
    expect(() => decodeBundle(bytes.subarray(0, bytes.length - 3))).toThrow(BundleFormatError);
    const corrupt = bytes.slice();
    const at = corrupt.length - 10;
    corrupt[at] = corrupt[at]! ^ 0xff;
    expect(() => decodeBundle(corrupt)).toThrow(BundleFormatError);
    const text = new TextDecoder().decode(bytes);
    const future = new TextEncoder().encode(
      text.replace(`"formatVersion":${BUNDLE_FORMAT_VERSION}`, '"formatVersion":9'),
    );
    expect(() => decodeBundle(future)).toThrow(/format version 9/);
    expect(() => decodeBundle(new TextEncoder().encode('not a bundle at all'))).toThrow(/bad magic/);
  });

  it('parses the header instead of trusting it: a wrong shape is refused with the field named', () => {
    const bytes = encodeBundle(meta, blocks);
    const text = new TextDecoder().decode(bytes);
    // Same length, so the header-length prefix stays right: only the header's content is wrong.
    const badSystem = new TextEncoder().encode(text.replace('"system":"icd10cm"', '"system":"icd10xx"'));
    expect(() => decodeBundle(badSystem)).toThrow(/header is malformed: system/);
    const badBlocks = new TextEncoder().encode(text.replace('"blocks":[', '"blocks":{'));
    expect(() => decodeBundle(badBlocks)).toThrow(BundleFormatError);
  });
});
