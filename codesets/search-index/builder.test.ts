// The search-index step builds one `search-<FY>` bundle per installed ICD-10-CM year, byte for
// byte the same from the same bundles, with the tables it used in its provenance and the index's
// format version inside. Synthetic ICD-10-CM bundles (invented titles).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeBundle, inflateBlock, readBundleHeader } from '../../engine/bundle/format';
import { deserializeSearchIndex, SEARCH_INDEX_FORMAT_VERSION, SearchIndex } from '../../engine/search';
import { assembleCmYear } from '../icd10cm/assemble';
import type { ReleaseFile, ReleaseSource } from '../builder';
import { SEARCH_INDEX_BLOCK, SEARCH_INDEX_LAYOUT, searchIndexBuilder } from './builder';

function source(bundles: Uint8Array[]): ReleaseSource {
  const files = new Map<string, ReleaseFile>();
  for (const bytes of bundles) {
    const path = `${SEARCH_INDEX_LAYOUT.installed}${readBundleHeader(bytes).id}.csb`;
    files.set(path, {
      path,
      name: path.split('/').pop()!,
      bytes,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
  }
  return { description: 'memory', list: () => [...files.keys()].sort(), read: (p) => files.get(p)! };
}

/** A synthetic ICD-10-CM bundle from an invented order list, by the real assembler. */
function cmFixtureBundle(year: number, rows: [code: string, billable: boolean, title: string][]): Uint8Array {
  return assembleCmYear({
    year,
    order: {
      data: rows.map(([code, billable, title], i) => ({ order: i + 1, code, billable, short: title, long: title })),
      provenance: [
        { file: `icd10cm_order_${year}.txt`, sha256: 'a'.repeat(64), bytes: 10, role: 'order', releaseYear: year },
      ],
    },
  }).bytes;
}

const cm2025 = cmFixtureBundle(2025, [['J189', true, 'Pneumonia, unspecified organism']]);
const cm2026 = cmFixtureBundle(2026, [
  ['J189', true, 'Pneumonia, unspecified organism'],
  ['J90', true, 'Pleural effusion, not elsewhere classified'],
]);

describe('searchIndexBuilder', () => {
  it('builds one index per installed ICD-10-CM year, deterministically', () => {
    const a = searchIndexBuilder.build(source([cm2025, cm2026])) as { bytes: Uint8Array }[];
    const b = searchIndexBuilder.build(source([cm2026, cm2025])) as { bytes: Uint8Array }[];
    expect(a.map((x) => readBundleHeader(x.bytes).id)).toEqual(['search-2025', 'search-2026']);
    expect(Buffer.from(a[1]!.bytes).equals(Buffer.from(b[1]!.bytes))).toBe(true);
    const { header, compressed } = decodeBundle(a[1]!.bytes);
    expect(header.system).toBe('search');
    expect(header.provenance.map((p) => p.file)).toEqual(['icd10cm-2026.csb']);
    expect(header.provenance[0]!.sha256).toBe(createHash('sha256').update(cm2026).digest('hex'));
    expect(header.notes.join(' ')).toMatch(/No ICD-10-PCS tables were installed/);
    const data = deserializeSearchIndex(inflateBlock(header.blocks[0]!, compressed.get(SEARCH_INDEX_BLOCK)!));
    expect(data.header.formatVersion).toBe(SEARCH_INDEX_FORMAT_VERSION);
    expect(new SearchIndex(data).search('pleural effusion', { prefix: false })[0]?.code).toBe('J90');
  });

  it('has every installed table bundle and engine source as an input (a change rebuilds)', () => {
    const s = source([cm2026]);
    expect(searchIndexBuilder.inputs(s)).toEqual(['installed/icd10cm-2026.csb']);
  });
});
