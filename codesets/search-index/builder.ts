/**
 * Builds the `search-<FY>` bundles: the code-search index of each fiscal year (engine/search),
 * built at build time from the installed ICD-10-CM, ICD-10-PCS and HCPCS bundles so that the
 * extension ships it and the first search after install answers without building anything.
 *
 * The builder reads one {@link ReleaseSource} laid out as {@link SEARCH_INDEX_LAYOUT}:
 * - `installed/<id>.csb`  the code-table bundles the build just installed, whatever years exist
 *   (one index per ICD-10-CM year; PCS of the same year, HCPCS of the calendar year the fiscal
 *   year starts in; else the newest older one, else the newest, said in the bundle's notes);
 * - `engine/<file>.ts`    (optional) the search engine's sources, so a changed builder or
 *   vocabulary rebuilds the index.
 * All of them are inputs, hence part of the cache key. The index inside carries its own format
 * version ({@link SEARCH_INDEX_FORMAT_VERSION}); a reader of another version refuses it.
 */
import { decodeBundle, encodeBundle } from '../../engine/bundle/format';
import { HcpcsTable } from '../../engine/hcpcs/hcpcs-table';
import { CmTable } from '../../engine/icd10cm/table';
import { PcsTable } from '../../engine/icd10pcs/pcs-table';
import { buildSearchIndex } from '../../engine/search/build';
import { cmInclusionTerms, corpusFromTables } from '../../engine/search/corpus';
import { TERMS_VERSION } from '../../engine/search/data/terms';
import { SEARCH_INDEX_FORMAT_VERSION } from '../../engine/search/layout';
import { serializeSearchIndex } from '../../engine/search/serialize';
import type { BuiltBundle, CodesetBuilder, ReleaseSource } from '../builder';
import { installedTables, pickTable, tableProvenance, type InstalledTable } from '../installed-tables';

/** Where the builder finds its inputs. */
export const SEARCH_INDEX_LAYOUT = { installed: 'installed/', engine: 'engine/' } as const;

/** Name of the block holding the serialized index (engine/search/serialize.ts). */
export const SEARCH_INDEX_BLOCK = 'index';

/** Bump when this builder's output changes for the same inputs (the index format has its own version). */
export const SEARCH_INDEX_BUILDER_VERSION = 2;

/** Systems whose installed bundles feed the index. */
const TABLE_SYSTEMS = ['icd10cm', 'icd10pcs', 'hcpcs'] as const;
type TableSystem = (typeof TABLE_SYSTEMS)[number];

function installed(source: ReleaseSource): Map<TableSystem, InstalledTable[]> {
  return new Map(TABLE_SYSTEMS.map((s) => [s, installedTables(source, SEARCH_INDEX_LAYOUT.installed, s)]));
}

/** The `search-index` step of the codesets build (see the file comment). */
export const searchIndexBuilder: CodesetBuilder = {
  name: 'search-index',
  // The index format and the reviewed vocabulary change what is built from the same tables.
  version: SEARCH_INDEX_BUILDER_VERSION * 1_000_000 + SEARCH_INDEX_FORMAT_VERSION * 1_000 + TERMS_VERSION,
  inputs(source) {
    return source
      .list()
      .filter((p) => p.startsWith(SEARCH_INDEX_LAYOUT.installed) || p.startsWith(SEARCH_INDEX_LAYOUT.engine))
      .sort();
  },
  build(source): BuiltBundle[] {
    const tables = installed(source);
    const out: BuiltBundle[] = [];
    for (const cmBundle of tables.get('icd10cm')!) {
      const fy = cmBundle.header.fiscalYear;
      const cm = CmTable.fromReader(cmBundle.reader);
      const pcsBundle = pickTable(tables.get('icd10pcs')!, fy);
      // HCPCS is released by calendar year: FY N starts in October of year N-1.
      const hcpcsBundle = pickTable(tables.get('hcpcs')!, fy - 1);
      const used = [cmBundle, pcsBundle, hcpcsBundle].filter((b): b is InstalledTable => b !== undefined);
      const notes: string[] = [];
      if (pcsBundle && pcsBundle.header.fiscalYear !== fy)
        notes.push(`No ICD-10-PCS ${fy} tables were installed: ${pcsBundle.header.release} is searched.`);
      if (hcpcsBundle && hcpcsBundle.header.fiscalYear !== fy - 1)
        notes.push(`No HCPCS Level II ${fy - 1} release was installed: ${hcpcsBundle.header.release} is searched.`);
      if (!pcsBundle) notes.push('No ICD-10-PCS tables were installed: the index has no PCS codes.');
      if (!hcpcsBundle) notes.push('No HCPCS Level II release was installed: the index has no HCPCS codes.');
      const data = buildSearchIndex(
        corpusFromTables({
          fiscalYear: fy,
          cm,
          cmInclusion: cmInclusionTerms(cmBundle.reader),
          ...(pcsBundle ? { pcs: PcsTable.fromBundle(pcsBundle.reader) } : {}),
          ...(hcpcsBundle ? { hcpcs: HcpcsTable.fromBundle(hcpcsBundle.reader) } : {}),
          sources: used.map((b) => ({ id: b.header.id, sha256: b.file.sha256, release: b.header.release })),
        }),
      );
      const bytes = encodeBundle(
        {
          id: `search-${fy}`,
          system: 'search',
          fiscalYear: fy,
          effectiveFrom: cmBundle.header.effectiveFrom,
          effectiveTo: cmBundle.header.effectiveTo,
          release: `Code search index FY${fy} (index format ${SEARCH_INDEX_FORMAT_VERSION}, vocabulary ${TERMS_VERSION})`,
          provenance: used.map(tableProvenance),
          notes: [
            'Derived at build time from the code-table bundles listed in the provenance; used only while they are the installed ones (same sha256), else the index is rebuilt from the installed tables.',
            ...notes,
          ],
          counts: {
            ...data.header.counts,
            indexFormatVersion: SEARCH_INDEX_FORMAT_VERSION,
            termsVersion: TERMS_VERSION,
          },
        },
        [{ name: SEARCH_INDEX_BLOCK, kind: 'bytes', payload: serializeSearchIndex(data) }],
      );
      out.push({ header: decodeBundle(bytes, { verify: false }).header, bytes });
    }
    return out;
  },
};
