/**
 * The plain-words notice for an MS-DRG result whose grouper version is older than the discharge's
 * fiscal year (FY2027 discharges grouped with v43.1 while no v44 tables are installed; once v44 is
 * imported the discharge date picks it and there is no notice). CMS
 * numbers MS-DRG versions so that version N applies to fiscal year N + 1983 (v43 = FY2026,
 * v44 = FY2027: IPPS Final Rule, "MS-DRG Version 44 ... effective October 1, 2026"); a result of an
 * older version is not the payable DRG, and codes new in the later year are not in its tables.
 */
import { fiscalYearOf } from './release';

/** What the notice needs from a grouper result (structurally `GroupResult`). */
export interface DrgResultCodes {
  /** Grouper version, e.g. `43.1`. */
  version: string;
  principal: { code: string; valid: boolean };
  secondary: readonly { code: string; valid: boolean }[];
  procedures: readonly { code: string; valid: boolean }[];
}

/** Result of {@link drgOrientation}. */
export interface DrgOrientation {
  /** Fiscal year of the discharge, e.g. 2027. */
  dischargeYear: number;
  /** Fiscal year of the grouper version used, e.g. 2026. */
  grouperYear: number;
  /** Codes on the claim the grouper version did not know (not in its tables), as given. */
  unusable: string[];
  /** The sentence shown in the DRG panel, the export and the CLI. */
  message: string;
}

/**
 * Fiscal year an MS-DRG version applies to (v43.1 -> 2026, v44.0 -> 2027).
 *
 * @example msdrgFiscalYear('43.1') // 2026
 */
export function msdrgFiscalYear(version: string): number {
  const major = Number(/^(\d+)/.exec(version)?.[1]);
  if (!Number.isInteger(major)) throw new RangeError(`not an MS-DRG version: ${version}`);
  return major + 1983;
}

/**
 * The notice for a result grouped with a version older than the discharge's fiscal year, or
 * `undefined` when the version is the discharge year's own (or no discharge date is known).
 *
 * @param dischargeDate ISO `YYYY-MM-DD`.
 * @example drgOrientation(result, '2026-11-15')?.message
 * // "MS-DRG v44 (FY2027) is not available: this MS-DRG v43.1 result is for orientation only, not the payable FY2027 DRG ..."
 */
export function drgOrientation(result: DrgResultCodes, dischargeDate: string | undefined): DrgOrientation | undefined {
  if (!dischargeDate) return undefined;
  const dischargeYear = fiscalYearOf(dischargeDate);
  const grouperYear = msdrgFiscalYear(result.version);
  if (dischargeYear <= grouperYear) return undefined;
  const unusable = [
    ...(result.principal.valid ? [] : [result.principal.code]),
    ...result.secondary.filter((s) => !s.valid).map((s) => s.code),
    ...result.procedures.filter((p) => !p.valid).map((p) => p.code),
  ].filter((c) => c !== '');
  const wanted = `MS-DRG v${dischargeYear - 1983} (FY${dischargeYear})`;
  const message =
    `${wanted} is not available: this MS-DRG v${result.version} (FY${grouperYear}) result is for orientation only ` +
    `and is not the payable FY${dischargeYear} DRG for a discharge on ${dischargeDate}. ` +
    (unusable.length > 0
      ? `Codes MS-DRG v${result.version} could not use (not in its tables): ${unusable.join(', ')}.`
      : `MS-DRG v${result.version} knew every code on the claim, but FY${dischargeYear} logic and weights may differ.`);
  return { dischargeYear, grouperYear, unusable, message };
}
