/**
 * Which installed Medicare Code Editor release edits a claim. CMS releases one MCE per fiscal year
 * (MCE 43.1 for FY2026, MCE 44 for FY2027); a claim is edited by the release of its discharge
 * date's year, so installing MCE 44 leaves FY2026 claims with the MCE 43.1 that the CMS oracle
 * fixtures verify, and an FY2027 claim no longer gets MCE 43.1's INVALID_DISCHARGE_DATE.
 */

/** What the choice needs of a release (a bundle header, an installed release row). */
export interface MceReleaseDates {
  /** First discharge date of the release's fiscal year (ISO `YYYY-MM-DD`). */
  effectiveFrom: string;
}

/**
 * The newest release that had started by `dischargeDate` (`YYYY-MM-DD` or the fixtures'
 * `yyyyMMdd`); the oldest when the date is earlier than
 * all of them (an older table answers as CMS's does, INVALID_CODE or INVALID_DISCHARGE_DATE); the
 * newest when no date is given.
 *
 * @throws RangeError when `releases` is empty (callers say "no MCE release is installed" first).
 * @example mceReleaseFor([mce431, mce440], '2026-11-15') // mce440
 */
export function mceReleaseFor<T extends MceReleaseDates>(releases: readonly T[], dischargeDate: string | undefined): T {
  if (releases.length === 0) throw new RangeError('no MCE release to choose from');
  const sorted = [...releases].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
  if (dischargeDate === undefined || dischargeDate === '') return sorted.at(-1)!;
  // Compared as yyyymmdd digits: the CMS fixtures write discharge dates without dashes.
  const day = dischargeDate.trim().replaceAll('-', '');
  let pick = sorted[0]!;
  for (const r of sorted) if (r.effectiveFrom.replaceAll('-', '') <= day) pick = r;
  return pick;
}
