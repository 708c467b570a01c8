/**
 * Finds the official release files on disk (Node only: the CLI and the build).
 *
 * Order: `$CODESETS_SRC`, then `../shared/codesets` beside the project. When neither exists the
 * build stops with {@link MissingReleaseFilesError}, which lists the exact official files to
 * download and where to put them.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ChartsideError } from '../../engine/errors';

/**
 * Project root: the nearest folder above this module holding package.json. Searched rather than
 * counted, because the module runs from the sources (`codesets/node/`) and from the CLI's bundle
 * (`.cache/cli/<build>/`, see cli/launch.mjs) alike.
 */
export const PROJECT_ROOT = projectRoot(dirname(fileURLToPath(import.meta.url)));

function projectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new ChartsideError(`no package.json above ${from}: cannot find the project root`);
  }
}

/** Where derived bundles are cached (git-ignored). */
export const CACHE_DIR = join(PROJECT_ROOT, '.cache', 'codesets');

/** The official files the build can use, relative to the source root, by role. */
export const EXPECTED_FILES: readonly { path: string; what: string; from: string }[] = [
  {
    path: 'icd10cm/FY2027/icd10cm_order_addenda_2027.txt',
    what: 'ICD-10-CM FY2027 order addenda (FY2027 is derived from them and the FY2026 order file; an icd10cm_order_2027.txt beside them is used instead)',
    from: 'CMS 2027 Code Descriptions in Tabular Order zip',
  },
  {
    path: 'icd10pcs/FY2027/icd10pcs_codes_addenda_2027.txt',
    what: 'ICD-10-PCS FY2027 codes addenda (FY2027 is derived from them, the FY2026 files and the MS-DRG v43.1 procedure table; an FY2027 order file and Tables XML are used instead)',
    from: 'CMS 2027 ICD-10-PCS code files zip',
  },
  {
    path: 'icd10cm/FY2026/icd10cm_order_2026.txt',
    what: 'ICD-10-CM FY2026 order file',
    from: 'CMS "2026 Code Descriptions in Tabular Order" (2026-code-descriptions-tabular-order.zip)',
  },
  {
    path: 'icd10cm/FY2026/POAexemptCodesFY26.txt',
    what: 'ICD-10-CM FY2026 POA-exempt codes',
    from: 'CMS "POA Exempt Codes" FY2026',
  },
  {
    path: 'icd10cm/FY2026/icd10cm_order_addenda_2026.txt',
    what: 'ICD-10-CM FY2026 order addenda',
    from: 'same zip as the order file',
  },
  {
    path: 'icd10cm/FY2025/icd10cm_order_2025.txt',
    what: 'ICD-10-CM FY2025 order file',
    from: 'CMS 2025-code-descriptions-tabular-order.zip',
  },
  {
    path: 'icd10cm/FY2025/icd-10-cm-drug-2025.xml',
    what: 'Table of Drugs and Chemicals (newest available)',
    from: 'CDC icd10cm-table-index-2025.zip (or newer)',
  },
  {
    path: 'icd10cm/FY2025/icd-10-cm-neoplasm-2025.xml',
    what: 'Neoplasm Table',
    from: 'CDC icd10cm-table-index-2025.zip (or newer)',
  },
  {
    path: 'icd10cm/FY2025/icd-10-cm-eindex-2025.xml',
    what: 'External Cause Index',
    from: 'CDC icd10cm-table-index-2025.zip (or newer)',
  },
  {
    path: 'icd10cm/FY2017/ICD10CM_FY2017_Full_XML.zip',
    what: 'ICD-10-CM Tabular List and Alphabetic Index XML (newest available here)',
    from: 'CDC ICD10CM_FY20xx_Full_XML.zip / icd10cm-tabular-20xx.xml and icd10cm-index-20xx.xml (newer years preferred)',
  },
  {
    path: 'icd10pcs/FY2026/icd10pcs_order_2026.txt',
    what: 'ICD-10-PCS FY2026 order file',
    from: 'CMS 2026-icd-10-pcs-order-file-long-and-abbreviated-titles.zip',
  },
  {
    path: 'icd10pcs/FY2026/icd10pcs_tables_2026.xml',
    what: 'ICD-10-PCS FY2026 Tables XML',
    from: 'CMS 2026-icd-10-pcs-code-tables-and-index.zip',
  },
  {
    path: 'icd10pcs/FY2026/icd10pcs_definitions_2026.xml',
    what: 'ICD-10-PCS FY2026 Definitions XML',
    from: 'CMS 2026-icd-10-pcs-code-tables-and-index.zip',
  },
  {
    path: 'icd10pcs/FY2025/icd10pcs_index_2025.xml',
    what: 'ICD-10-PCS Index XML (newest available)',
    from: 'CMS 2025-icd-10-pcs-code-tables-and-index.zip (or newer)',
  },
  {
    path: 'hcpcs/2025/HCPC2025_OCT_ANWEB.xlsx',
    what: 'HCPCS Level II alpha-numeric file',
    from: 'CMS "HCPCS Quarterly Update" (HCPCyyyy_<month>_ANWEB.xlsx)',
  },
  {
    path: 'msdrg/FY2026/tables/v430/drg_formulas.tsv',
    what: 'MS-DRG v43.0 grouper tables',
    from: 'tables extracted from the CMS MS-DRG v43 grouper (see shared/codesets/msdrg/FY2026/tables/README.md)',
  },
  {
    path: 'msdrg/FY2026/drgstable-2026.csv',
    what: 'MS-DRG FY2026 weights, GMLOS, AMLOS',
    from: 'CMS IPPS Pricer drgstable-2026.csv / IPPS Final Rule Table 5',
  },
];

/** Raised when no folder with the official release files can be found. */
export class MissingReleaseFilesError extends ChartsideError {
  override name = 'ChartsideMissingReleaseFilesError';
}

/**
 * Returns the folder holding the official release files.
 *
 * @throws MissingReleaseFilesError listing what to download when none is found.
 */
export function findCodesetsSource(env: NodeJS.ProcessEnv = process.env): string {
  const candidates: string[] = [];
  if (env.CODESETS_SRC) candidates.push(resolve(env.CODESETS_SRC));
  candidates.push(resolve(PROJECT_ROOT, '..', 'shared', 'codesets'));
  for (const dir of candidates) {
    if (existsSync(dir) && statSync(dir).isDirectory()) return dir;
  }
  const list = EXPECTED_FILES.map((f) => `  - ${f.path}\n      ${f.what}; download: ${f.from}`).join('\n');
  throw new MissingReleaseFilesError(
    `No official code-set release files found (looked in ${candidates.join(', ')}).\n` +
      `Set CODESETS_SRC to a folder laid out like this, with the official CMS/CDC files:\n${list}\n` +
      'CMS: https://www.cms.gov/medicare/coding-billing/icd-10-codes ; CDC: https://ftp.cdc.gov/pub/Health_Statistics/NCHS/Publications/ICD10CM/',
  );
}
