/**
 * The MS-DRG / MCE importer: turns each fiscal year's grouper table dump, IPPS pricer DRG table,
 * Appendix A and POA-exempt list (found by codesets/msdrg/releases.ts) into bundles:
 *
 * - `msdrg-43.0`: MS-DRG v43.0, discharges 2025-10-01 .. 2026-03-31
 * - `msdrg-43.1`: MS-DRG v43.1 (April 1, 2026 update), discharges 2026-04-01 .. 2026-09-30
 * - `mce-43.1`:   Medicare Code Editor v43.1, FY2026 discharges
 * - and, when the FY2027 files are given in the same layout (`msdrg/FY2027/tables/v440/`,
 *   `mce-v440/`, `drgstable-2027.csv` …), `msdrg-44.0` and `mce-44.0` for discharges from
 *   2026-10-01, which then replace the v43.1 "orientation only" result for those dates.
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
import { SEVERITY_BLOCK, severityBlock } from '../../engine/grouper/severity-block';
import { MCE_BLOCK } from '../../engine/mce/payload';
import { MSDRG_BUILDER_ID } from './builder-id';
import { GROUPER_TABLE_FILES, parseGrouperTables } from './grouper-tables';
import { MCE_TABLE_FILES, parseMceTables } from './mce-tables';
import { parseAppendixA, parseDrgsTable, parsePoaExempt } from './pricer-files';
import { findMsdrgReleases, type MsdrgRelease, type MsdrgVersion } from './releases';

/**
 * Where the FY2026 tables came from (msdrg/FY2026/tables/README.md, mce-v431/README.md): said in
 * the bundles' notes. Tables of another year name their folder instead.
 */
const EXTRACTED_FROM: Record<number, { grouper: string; mce: string }> = {
  2026: {
    grouper: 'Grouper tables extracted from the CMS MS-DRG Java grouper 43.1.0.0 (see msdrg/FY2026/tables/README.md).',
    mce: 'MCE tables extracted from the CMS MCE Java component 2.0-43.1.0.0 (see mce-v431/README.md).',
  },
};

function provenance(source: ReleaseSource, path: string, role: string, releaseYear: number): ProvenanceFile {
  const f = source.read(path);
  return { file: f.path, sha256: f.sha256, bytes: f.bytes.length, role, releaseYear };
}

/** Builds the grouper payload of one version (exported for tests and benchmarks). */
export function buildGrouperPayload(source: ReleaseSource, release: MsdrgRelease, v: MsdrgVersion): GrouperPayload {
  const tables = parseGrouperTables(source, v.dir, v.version);
  const mce = parseMceTables(source, release.mce.dir, release.mce.version, []);
  const day = Number(v.from.replaceAll('-', ''));
  const dischargeStatuses = [
    ...new Set(mce.dischargeStatus.filter((s) => s.from <= day && day <= s.to).map((s) => s.code)),
  ].sort();
  const weights = parseDrgsTable(source.read(release.drgstable));
  const appendixA = parseAppendixA(source.read(release.appendixA));
  // Every DRG the formulas can assign needs its weight: a missing one must not become weight 0.
  const weighted = new Set(weights.map((w) => w.drg));
  const missing = tables.drgs.filter((d) => !weighted.has(d.drg)).map((d) => String(d.drg).padStart(3, '0'));
  if (missing.length > 0)
    throw new ReleaseFileError(release.drgstable, undefined, `no weight for DRG ${missing.join(', ')}`);
  return {
    ...tables,
    weights,
    appendixA,
    poaExempt: parsePoaExempt(source.read(release.poaExempt)),
    dischargeStatuses,
  };
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
  // Nothing to read when the source has no MS-DRG files (the options page then leaves this
  // importer out). A file a found release lacks is left out here so that build() names it
  // (adding it later changes the cache key).
  inputs(source) {
    const present = new Set(source.list());
    return findMsdrgReleases(source.list())
      .flatMap((r) => r.inputs)
      .filter((p) => present.has(p));
  },
  build(source) {
    const releases = findMsdrgReleases(source.list());
    if (releases.length === 0)
      throw new ReleaseFileError(
        'msdrg',
        undefined,
        'no MS-DRG tables found (expected msdrg/FY<year>/tables/v<version>/)',
      );
    // A found release is read whole: a missing file is named, and nothing of this importer is installed.
    const present = new Set(source.list());
    for (const r of releases) {
      const missing = r.inputs.find((p) => !present.has(p));
      if (missing !== undefined)
        throw new ReleaseFileError(missing, undefined, `missing: the FY${r.fiscalYear} MS-DRG / MCE tables need it`);
    }
    const out = releases.flatMap((r) => buildRelease(source, r));
    // Headers as written (with block entries), so callers see exactly what the bytes hold.
    return out.map((b) => ({ header: readHeader(b.bytes), bytes: b.bytes }));
  },
};

/** The grouper bundles of one fiscal year, then its MCE bundle. */
function buildRelease(source: ReleaseSource, release: MsdrgRelease): BuiltBundle[] {
  const year = release.fiscalYear;
  // The fiscal year's first day: the MCE edits the whole year, the pricer table starts with it.
  const from = `${year - 1}-10-01`;
  const out: BuiltBundle[] = [];
  for (const v of release.versions) {
    const payload = buildGrouperPayload(source, release, v);
    const meta = {
      id: `msdrg-${v.version}`,
      system: 'msdrg' as const,
      fiscalYear: year,
      effectiveFrom: v.from,
      effectiveTo: v.to,
      release: v.label,
      provenance: [
        ...GROUPER_TABLE_FILES.map((f) => provenance(source, `${v.dir}/${f}`, `grouper-table`, year)),
        provenance(source, `${release.mce.dir}/mce_discharge_status.tsv`, 'discharge-status', year),
        provenance(source, release.drgstable, 'weights', year),
        provenance(source, release.appendixA, 'appendix-a', year),
        provenance(source, release.poaExempt, 'poa-exempt', year),
      ],
      notes: [
        EXTRACTED_FROM[year]?.grouper ??
          `Grouper tables read from ${v.dir}/ (layout of msdrg/FY2026/tables/README.md).`,
        `Weights, GMLOS and AMLOS from the IPPS pricer ${release.drgstable.split('/').pop()!} (effective ${from}).`,
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
    const bytes = encodeBundle(meta, [
      { name: GROUPER_BLOCK, kind: 'json', payload: jsonPayload(payload) },
      // The CC/MCC levels alone, for the suggestion flags (engine/grouper/severity-block.ts).
      { name: SEVERITY_BLOCK, kind: 'json', payload: jsonPayload(severityBlock(payload)) },
    ]);
    out.push({ header: { ...meta, formatVersion: 1, blocks: [] }, bytes });
  }
  const m = release.mce;
  const mce = parseMceTables(source, m.dir, m.version, parsePoaExempt(source.read(release.poaExempt)));
  const meta = {
    id: `mce-${m.version.slice(0, 2)}.${m.version.slice(2)}`,
    system: 'mce' as const,
    fiscalYear: year,
    effectiveFrom: from,
    effectiveTo: `${year}-09-30`,
    release: m.label,
    provenance: [
      ...MCE_TABLE_FILES.map((f) => provenance(source, `${m.dir}/${f}`, 'mce-table', year)),
      provenance(source, release.poaExempt, 'poa-exempt', year),
    ],
    notes: [EXTRACTED_FROM[year]?.mce ?? `MCE tables read from ${m.dir}/ (layout of mce-v431/README.md).`],
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
  return out;
}
