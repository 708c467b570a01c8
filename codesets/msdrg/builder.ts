/**
 * The MS-DRG / MCE importer: turns the FY2026 grouper table dump, the IPPS pricer DRG table,
 * Appendix A and the POA-exempt list into three bundles:
 *
 * - `msdrg-43.0`: MS-DRG v43.0, discharges 2025-10-01 .. 2026-03-31
 * - `msdrg-43.1`: MS-DRG v43.1 (April 1, 2026 update), discharges 2026-04-01 .. 2026-09-30
 * - `mce-43.1`:   Medicare Code Editor v43.1, FY2026 discharges
 *
 * Deterministic: the same files give byte-identical bundles (sorted input, interned ids assigned
 * in sorted order, fixed key order, fixed gzip settings).
 */
import { ReleaseFileError, type BuiltBundle, type CodesetBuilder, type ReleaseSource } from '../builder';
import {
  encodeBundle,
  jsonPayload,
  readBundleHeader as readHeader,
  type ProvenanceFile,
} from '../../engine/bundle/format';
import { GROUPER_BLOCK, type GrouperPayload } from '../../engine/grouper/payload';
import { MCE_BLOCK } from '../../engine/mce/payload';
import { MSDRG_BUILDER_ID } from './builder-id';
import { GROUPER_TABLE_FILES, parseGrouperTables } from './grouper-tables';
import { MCE_TABLE_FILES, parseMceTables } from './mce-tables';
import { parseAppendixA, parseDrgsTable, parsePoaExempt } from './pricer-files';

const ROOT = 'msdrg/FY2026';
const TABLES = `${ROOT}/tables`;
const DRGSTABLE = `${ROOT}/drgstable-2026.csv`;
const APPENDIX_A = `${ROOT}/appendix_A.txt`;
const POA_EXEMPT = 'icd10cm/FY2026/POAexemptCodesFY26.txt';
const MCE_DIR = `${TABLES}/mce-v431`;

/** The grouper versions built, with the discharge dates each applies to. */
export const MSDRG_VERSIONS = [
  {
    version: '43.0',
    dir: `${TABLES}/v430`,
    from: '2025-10-01',
    to: '2026-03-31',
    label: 'MS-DRG v43.0 (FY2026, Oct 1, 2025)',
  },
  {
    version: '43.1',
    dir: `${TABLES}/v431`,
    from: '2026-04-01',
    to: '2026-09-30',
    label: 'MS-DRG v43.1 (FY2026 April 1, 2026 update)',
  },
] as const;

function provenance(source: ReleaseSource, path: string, role: string): ProvenanceFile {
  const f = source.read(path);
  return { file: f.path, sha256: f.sha256, bytes: f.bytes.length, role, releaseYear: 2026 };
}

/** Builds the grouper payload of one version (exported for tests and benchmarks). */
export function buildGrouperPayload(source: ReleaseSource, v: (typeof MSDRG_VERSIONS)[number]): GrouperPayload {
  const tables = parseGrouperTables(source, v.dir, v.version);
  const mce = parseMceTables(source, MCE_DIR, '431', []);
  const day = Number(v.from.replaceAll('-', ''));
  const dischargeStatuses = [
    ...new Set(mce.dischargeStatus.filter((s) => s.from <= day && day <= s.to).map((s) => s.code)),
  ].sort();
  const weights = parseDrgsTable(source.read(DRGSTABLE));
  const appendixA = parseAppendixA(source.read(APPENDIX_A));
  // Every DRG the formulas can assign needs its weight: a missing one must not become weight 0.
  const weighted = new Set(weights.map((w) => w.drg));
  const missing = tables.drgs.filter((d) => !weighted.has(d.drg)).map((d) => String(d.drg).padStart(3, '0'));
  if (missing.length > 0) throw new ReleaseFileError(DRGSTABLE, undefined, `no weight for DRG ${missing.join(', ')}`);
  return { ...tables, weights, appendixA, poaExempt: parsePoaExempt(source.read(POA_EXEMPT)), dischargeStatuses };
}

/** Differences between Appendix A and the grouper's DRG list (recorded as bundle notes). */
export function appendixNotes(payload: GrouperPayload): string[] {
  const titles = new Map(payload.appendixA.map((a) => [a.drg, a.title]));
  const notes: string[] = [];
  for (const d of payload.drgs) {
    const t = titles.get(d.drg);
    if (t === undefined) notes.push(`DRG ${String(d.drg).padStart(3, '0')} is not in appendix_A.txt`);
    else if (t !== d.title)
      notes.push(
        `DRG ${String(d.drg).padStart(3, '0')}: appendix_A.txt title "${t}" differs from the grouper's "${d.title}"`,
      );
  }
  return notes;
}

/** The `msdrg` codeset builder (registered in codesets/builders.ts). */
export const msdrgBuilder: CodesetBuilder = {
  // Bump the version in builder-id.ts when the bundles change.
  ...MSDRG_BUILDER_ID,
  inputs: () => [
    ...MSDRG_VERSIONS.flatMap((v) => GROUPER_TABLE_FILES.map((f) => `${v.dir}/${f}`)),
    ...MCE_TABLE_FILES.map((f) => `${MCE_DIR}/${f}`),
    DRGSTABLE,
    APPENDIX_A,
    POA_EXEMPT,
  ],
  build(source) {
    const out: BuiltBundle[] = [];
    for (const v of MSDRG_VERSIONS) {
      const payload = buildGrouperPayload(source, v);
      const meta = {
        id: `msdrg-${v.version}`,
        system: 'msdrg' as const,
        fiscalYear: 2026,
        effectiveFrom: v.from,
        effectiveTo: v.to,
        release: v.label,
        provenance: [
          ...GROUPER_TABLE_FILES.map((f) => provenance(source, `${v.dir}/${f}`, `grouper-table`)),
          provenance(source, `${MCE_DIR}/mce_discharge_status.tsv`, 'discharge-status'),
          provenance(source, DRGSTABLE, 'weights'),
          provenance(source, APPENDIX_A, 'appendix-a'),
          provenance(source, POA_EXEMPT, 'poa-exempt'),
        ],
        notes: [
          'Grouper tables extracted from the CMS MS-DRG Java grouper 43.1.0.0 (see msdrg/FY2026/tables/README.md).',
          'Weights, GMLOS and AMLOS from the IPPS pricer drgstable-2026.csv (effective 2025-10-01).',
          ...appendixNotes(payload),
        ],
        counts: {
          diagnoses: payload.dx.mdc.length,
          procedures: payload.pr.nor.length,
          clusters: payload.clusters.length,
          formulas: payload.formulas.length,
          drgs: payload.drgs.length,
          attributes: payload.attributes.length,
          exclusionGroups: payload.exclGroups.length,
          poaExemptCodes: payload.poaExempt.length,
        },
      };
      const bytes = encodeBundle(meta, [{ name: GROUPER_BLOCK, kind: 'json', payload: jsonPayload(payload) }]);
      out.push({ header: { ...meta, formatVersion: 1, blocks: [] }, bytes });
    }
    const mce = parseMceTables(source, MCE_DIR, '431', parsePoaExempt(source.read(POA_EXEMPT)));
    const meta = {
      id: 'mce-43.1',
      system: 'mce' as const,
      fiscalYear: 2026,
      effectiveFrom: '2025-10-01',
      effectiveTo: '2026-09-30',
      release: 'Medicare Code Editor v43.1 (FY2026)',
      provenance: [
        ...MCE_TABLE_FILES.map((f) => provenance(source, `${MCE_DIR}/${f}`, 'mce-table')),
        provenance(source, POA_EXEMPT, 'poa-exempt'),
      ],
      notes: ['MCE tables extracted from the CMS MCE Java component 2.0-43.1.0.0 (see mce-v431/README.md).'],
      counts: {
        diagnosisRows: mce.dx.period.length,
        procedureRows: mce.pr.period.length,
        edits: mce.edits.length,
        attributes: mce.attributes.length,
      },
    };
    out.push({
      header: { ...meta, formatVersion: 1, blocks: [] },
      bytes: encodeBundle(meta, [{ name: MCE_BLOCK, kind: 'json', payload: jsonPayload(mce) }]),
    });
    // Headers as written (with block entries), so callers see exactly what the bytes hold.
    return out.map((b) => ({ header: readHeader(b.bytes), bytes: b.bytes }));
  },
};
