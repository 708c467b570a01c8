// The suggest-lexicon step builds one `suggest-lexicon-<FY>` bundle per installed ICD-10-CM year,
// byte for byte the same from the same bundles, holding exactly what buildLexicon returns for those
// tables, with the tables (and their sha256) it used and the guideline tables built from them.
// Synthetic ICD-10-CM bundles (invented titles).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeBundle, readBundleHeader } from '../../engine/bundle/format';
import { readerFromCompressed } from '../../engine/bundle/reader';
import { CmTable } from '../../engine/icd10cm/table';
import { buildLexicon } from '../../engine/suggest/lexicon';
import { lexiconData } from '../../engine/suggest/compact-lexicon';
import { guidelineTablesData } from '../../engine/suggest/guideline-tables';
import { guidelineTablesFromBundle, lexiconFromBundle, lexiconMeta } from '../../engine/suggest/lexicon-bundle';
import { assembleCmYear } from '../icd10cm/assemble';
import type { ReleaseFile, ReleaseSource } from '../builder';
import { SUGGEST_LEXICON_LAYOUT, suggestLexiconBuilder } from './builder';

const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

function source(bundles: Uint8Array[]): ReleaseSource {
  const files = new Map<string, ReleaseFile>();
  for (const bytes of bundles) {
    const path = `${SUGGEST_LEXICON_LAYOUT.installed}${readBundleHeader(bytes).id}.csb`;
    files.set(path, { path, name: path.split('/').pop()!, bytes, sha256: sha(bytes) });
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

describe('suggestLexiconBuilder', () => {
  it('builds one lexicon per installed ICD-10-CM year, deterministically, equal to buildLexicon', () => {
    const a = suggestLexiconBuilder.build(source([cm2025, cm2026])) as { bytes: Uint8Array }[];
    const b = suggestLexiconBuilder.build(source([cm2026, cm2025])) as { bytes: Uint8Array }[];
    expect(a.map((x) => readBundleHeader(x.bytes).id)).toEqual(['suggest-lexicon-2025', 'suggest-lexicon-2026']);
    expect(Buffer.from(a[1]!.bytes).equals(Buffer.from(b[1]!.bytes))).toBe(true);
    const { header, compressed } = decodeBundle(a[1]!.bytes);
    expect(header.system).toBe('suggest-lexicon');
    expect(header.provenance.map((p) => [p.file, p.sha256])).toEqual([['icd10cm-2026.csb', sha(cm2026)]]);
    expect(header.notes.join(' ')).toMatch(/No ICD-10-PCS tables were installed/);
    const reader = readerFromCompressed(header, compressed);
    expect(lexiconMeta(reader).sources).toEqual([{ role: 'cm', id: 'icd10cm-2026', sha256: sha(cm2026) }]);
    const cm = decodeBundle(cm2026);
    const expected = buildLexicon(CmTable.fromReader(readerFromCompressed(cm.header, cm.compressed)));
    expect([...expected.entries].map((e) => e.code)).toContain('J90');
    expect(lexiconData(lexiconFromBundle(reader))).toStrictEqual(lexiconData(expected));
    expect(guidelineTablesFromBundle(reader)).toStrictEqual(
      guidelineTablesData(CmTable.fromReader(readerFromCompressed(cm.header, cm.compressed))),
    );
  });
});
