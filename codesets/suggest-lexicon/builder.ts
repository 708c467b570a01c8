/**
 * Builds the `suggest-lexicon-<FY>` bundles: the suggestion lexicon of each fiscal year
 * (engine/suggest/lexicon.ts `buildLexicon`, the one source of its content), built at build time
 * from the installed ICD-10-CM and ICD-10-PCS bundles so that the extension and the CLI load it
 * instead of building it in every process (engine/suggest/lexicon-bundle.ts).
 *
 * The builder reads one {@link ReleaseSource} laid out as {@link SUGGEST_LEXICON_LAYOUT}:
 * - `installed/<id>.csb`  the code-table bundles the build installed (one lexicon per ICD-10-CM
 *   year, with the ICD-10-PCS tables of the same year, else the newest older, else the newest,
 *   as the search index pairs them);
 * - `engine/<path>.ts`    the engine sources the lexicon and the guideline tables are built by
 *   (codesets/node lists them by following imports from `buildLexicon` and
 *   `guidelineTablesData`), so a changed builder rebuilds the bundle.
 * All of them are inputs, hence part of the cache key.
 */
import { decodeBundle, encodeBundle } from '../../engine/bundle/format';
import { PACKED_CODEC_VERSION } from '../../engine/bundle/packed';
import { CmTable } from '../../engine/icd10cm/table';
import { PcsTable } from '../../engine/icd10pcs/pcs-table';
import { guidelineTablesData } from '../../engine/suggest/guideline-tables';
import { buildLexicon } from '../../engine/suggest/lexicon';
import { lexiconBlocks, SUGGEST_LEXICON_FORMAT_VERSION, type LexiconSource } from '../../engine/suggest/lexicon-bundle';
import type { BuiltBundle, CodesetBuilder } from '../builder';
import { installedTables, pickTable, tableProvenance } from '../installed-tables';

/** Where the builder finds its inputs. */
export const SUGGEST_LEXICON_LAYOUT = { installed: 'installed/', engine: 'engine/' } as const;

/** Bump when this builder's output changes for the same inputs. */
export const SUGGEST_LEXICON_BUILDER_VERSION = 1;

/** The `suggest-lexicon` step of the codesets build (see the file comment). */
export const suggestLexiconBuilder: CodesetBuilder = {
  name: 'suggest-lexicon',
  version: SUGGEST_LEXICON_BUILDER_VERSION * 1_000_000 + SUGGEST_LEXICON_FORMAT_VERSION * 1_000 + PACKED_CODEC_VERSION,
  inputs(source) {
    return source
      .list()
      .filter((p) => p.startsWith(SUGGEST_LEXICON_LAYOUT.installed) || p.startsWith(SUGGEST_LEXICON_LAYOUT.engine))
      .sort();
  },
  build(source): BuiltBundle[] {
    const pcsList = installedTables(source, SUGGEST_LEXICON_LAYOUT.installed, 'icd10pcs');
    const out: BuiltBundle[] = [];
    for (const cmBundle of installedTables(source, SUGGEST_LEXICON_LAYOUT.installed, 'icd10cm')) {
      const fy = cmBundle.header.fiscalYear;
      const pcsBundle = pickTable(pcsList, fy);
      const cm = CmTable.fromReader(cmBundle.reader);
      const lexicon = buildLexicon(cm, pcsBundle ? PcsTable.fromBundle(pcsBundle.reader) : undefined);
      const sources: LexiconSource[] = [
        { role: 'cm', id: cmBundle.header.id, sha256: cmBundle.file.sha256 },
        ...(pcsBundle ? [{ role: 'pcs' as const, id: pcsBundle.header.id, sha256: pcsBundle.file.sha256 }] : []),
      ];
      const notes: string[] = [];
      if (pcsBundle && pcsBundle.header.fiscalYear !== fy)
        notes.push(`No ICD-10-PCS ${fy} tables were installed: the ${pcsBundle.header.release} Index is used.`);
      if (!pcsBundle) notes.push('No ICD-10-PCS tables were installed: the lexicon has no procedure entries.');
      const bytes = encodeBundle(
        {
          id: `suggest-lexicon-${fy}`,
          system: 'suggest-lexicon',
          fiscalYear: fy,
          effectiveFrom: cmBundle.header.effectiveFrom,
          effectiveTo: cmBundle.header.effectiveTo,
          release: `Suggestion lexicon FY${fy} (format ${SUGGEST_LEXICON_FORMAT_VERSION})`,
          provenance: [cmBundle, ...(pcsBundle ? [pcsBundle] : [])].map(tableProvenance),
          notes: [
            'Derived at build time from the code-table bundles listed in the provenance (Alphabetic Index, External Cause Index, Neoplasm Table, Tabular titles, ICD-10-PCS Index); used only while they are the installed ones (same sha256), else the lexicon is built from the installed tables.',
            ...notes,
          ],
          counts: { entries: lexicon.entries.length, anchors: lexicon.byAnchor.size, keys: lexicon.keyFreq.size },
        },
        lexiconBlocks(lexicon, sources, guidelineTablesData(cm)),
      );
      out.push({ header: decodeBundle(bytes, { verify: false }).header, bytes });
    }
    return out;
  },
};
