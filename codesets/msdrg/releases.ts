/**
 * Finds the MS-DRG / MCE releases in a source: one per fiscal-year folder `msdrg/FY<yyyy>/`, laid
 * out as the FY2026 one is (msdrg/FY2026/tables/README.md and shared/codesets/MANIFEST.md):
 *
 * - `msdrg/FY<yyyy>/tables/v<NNn>/`      grouper tables of MS-DRG vNN.n (the ten files of
 *   {@link GROUPER_TABLE_FILES}); `n` = 0 for the October release, 1 for CMS's April 1 update
 * - `msdrg/FY<yyyy>/tables/mce-v<NNn>/`  the Medicare Code Editor tables of that year
 * - `msdrg/FY<yyyy>/drgstable-<yyyy>.csv` the IPPS pricer DRG table (weights, GMLOS, AMLOS)
 * - `msdrg/FY<yyyy>/appendix_A.txt`       Definitions Manual Appendix A
 * - `icd10cm/FY<yyyy>/POAexemptCodesFY<yy>.txt` the CDC POA-exempt list of that year
 *
 * A later year (MS-DRG v44 / MCE v44 for FY2027) is recognised by the same names with its own
 * version and year. CMS numbers MS-DRG versions so that version NN applies to fiscal year
 * NN + 1983 (IPPS Final Rule: v43 = FY2026, v44 = FY2027); a folder whose version does not match
 * its year is refused rather than applied to the wrong discharges.
 */
import { ReleaseFileError } from '../builder';
import { GROUPER_TABLE_FILES } from './grouper-tables';
import { MCE_TABLE_FILES } from './mce-tables';

/** One grouper version of a fiscal year, with the discharge dates it applies to. */
export interface MsdrgVersion {
  /** `43.0`, `43.1`, `44.0` … */
  version: string;
  /** Folder below the source root, e.g. `msdrg/FY2027/tables/v440`. */
  dir: string;
  /** First and last discharge date (ISO, inclusive). */
  from: string;
  to: string;
  /** Release label shown in the UI and the CLI. */
  label: string;
}

/** Everything one fiscal year's MS-DRG / MCE bundles are built from. */
export interface MsdrgRelease {
  fiscalYear: number;
  versions: MsdrgVersion[];
  /** The MCE tables of the year (one folder; its version as the component spells it, `431`). */
  mce: { version: string; dir: string; label: string };
  drgstable: string;
  appendixA: string;
  poaExempt: string;
  /** Every input path, in the order the builder reads them (the build cache key). */
  inputs: string[];
}

const FOLDER = /^msdrg\/FY(\d{4})\/tables\/(mce-)?v(\d\d)(\d)\/[^/]+$/;
const YEAR = /^msdrg\/FY(\d{4})\//;

/**
 * The releases found among `paths` (a source's file list), oldest fiscal year first; `[]` when
 * there are no MS-DRG files at all. Every file a found release needs is listed in its `inputs`
 * whether or not it exists, so a missing one is reported by name when it is read.
 *
 * @throws ReleaseFileError for a year folder without grouper or MCE tables, a version folder under
 * the wrong fiscal year, an MS-DRG minor version other than .0 / .1, or two MCE folders in a year.
 * @example findMsdrgReleases(source.list()).map((r) => r.versions.map((v) => v.version)) // [['43.0', '43.1'], ['44.0']]
 */
export function findMsdrgReleases(paths: readonly string[]): MsdrgRelease[] {
  const years = new Map<number, { grouper: Set<string>; mce: Set<string> }>();
  for (const p of paths) {
    const y = YEAR.exec(p);
    if (!y) continue;
    const year = Number(y[1]);
    const entry = years.get(year) ?? { grouper: new Set<string>(), mce: new Set<string>() };
    years.set(year, entry);
    const m = FOLDER.exec(p);
    if (m) (m[2] ? entry.mce : entry.grouper).add(`${m[3]}${m[4]}`);
  }
  return [...years]
    .sort(([a], [b]) => a - b)
    .map(([year, found]) => releaseOf(year, [...found.grouper].sort(), [...found.mce].sort()));
}

function releaseOf(year: number, grouper: string[], mce: string[]): MsdrgRelease {
  const root = `msdrg/FY${year}`;
  const tables = `${root}/tables`;
  const major = String(year - 1983);
  const folders = [...grouper.map((v) => `v${v}`), ...mce.map((v) => `mce-v${v}`)];
  for (const f of folders) {
    const v = f.slice(-3, -1);
    if (v !== major)
      throw new ReleaseFileError(
        `${tables}/${f}`,
        undefined,
        `version ${v} applies to FY${Number(v) + 1983}, not FY${year}`,
      );
  }
  if (grouper.length === 0)
    throw new ReleaseFileError(root, undefined, `no grouper tables (expected ${tables}/v${major}0/)`);
  if (mce.length !== 1)
    throw new ReleaseFileError(
      root,
      undefined,
      mce.length === 0
        ? `no Medicare Code Editor tables (expected ${tables}/mce-v${major}0/)`
        : `one Medicare Code Editor folder expected, found ${mce.map((v) => `mce-v${v}`).join(', ')}`,
    );
  const versions = grouper.map((v, i): MsdrgVersion => {
    const minor = v.slice(2);
    if (minor !== '0' && minor !== '1')
      throw new ReleaseFileError(
        `${tables}/v${v}`,
        undefined,
        'only the October (.0) and April 1 (.1) releases are known',
      );
    const version = `${major}.${minor}`;
    return {
      version,
      dir: `${tables}/v${v}`,
      from: startOf(year, minor),
      to: i + 1 < grouper.length ? dayBefore(startOf(year, grouper[i + 1]!.slice(2))) : `${year}-09-30`,
      label:
        minor === '0'
          ? `MS-DRG v${version} (FY${year}, Oct 1, ${year - 1})`
          : `MS-DRG v${version} (FY${year} April 1, ${year} update)`,
    };
  });
  const mceVersion = mce[0]!;
  const mceDir = `${tables}/mce-v${mceVersion}`;
  const drgstable = `${root}/drgstable-${year}.csv`;
  const appendixA = `${root}/appendix_A.txt`;
  const poaExempt = `icd10cm/FY${year}/POAexemptCodesFY${String(year).slice(2)}.txt`;
  return {
    fiscalYear: year,
    versions,
    mce: {
      version: mceVersion,
      dir: mceDir,
      label: `Medicare Code Editor v${mceVersion.slice(0, 2)}.${mceVersion.slice(2)} (FY${year})`,
    },
    drgstable,
    appendixA,
    poaExempt,
    inputs: [
      ...versions.flatMap((v) => GROUPER_TABLE_FILES.map((f) => `${v.dir}/${f}`)),
      ...MCE_TABLE_FILES.map((f) => `${mceDir}/${f}`),
      drgstable,
      appendixA,
      poaExempt,
    ],
  };
}

/** October 1 of the previous calendar year for a .0 release, April 1 for the .1 update. */
function startOf(year: number, minor: string): string {
  return minor === '0' ? `${year - 1}-10-01` : `${year}-04-01`;
}

function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
