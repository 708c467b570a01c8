/**
 * Which CMS software and which options graded each oracle fixture file
 * (`msdrg/FY2026/oracle-fixtures/README-poa-hac.md`, "Grouper and editor options").
 */

/** The fixture folder under the codesets source root. */
export const ORACLE_FIXTURES_DIR = 'msdrg/FY2026/oracle-fixtures';

/** How a fixture file is to be run: the MS-DRG grouper (with or without a POA-exempt hospital) or the MCE. */
export type FixtureKind = { tool: 'grouper'; poaExempt: boolean } | { tool: 'mce' };

/**
 * The tool and options of a fixture file, from its name: `mce_*` files are MCE output,
 * `msdrg_poa_exempt_*` was graded with the hospital POA-exempt, every other `msdrg_*` file not.
 *
 * @example fixtureKind('msdrg_poa_exempt_expected.tsv') // { tool: 'grouper', poaExempt: true }
 */
export function fixtureKind(file: string): FixtureKind {
  if (file.startsWith('mce_')) return { tool: 'mce' };
  if (file.startsWith('msdrg_')) return { tool: 'grouper', poaExempt: file.startsWith('msdrg_poa_exempt') };
  throw new Error(`${file} is not an MS-DRG or MCE fixture file`);
}
