/**
 * Choosing the table release that applies to a date of service (official data, parsed, never typed in:
 * "the version matching the date of service is used ... where a year's file is missing, use the
 * newest available and say so").
 */
import { ChartsideError } from '../errors';

/** The minimum a release must say about itself to be picked by date. */
export interface DatedRelease {
  /** Fiscal (or calendar) year. */
  fiscalYear: number;
  /** First and last date of service covered, inclusive ISO `YYYY-MM-DD`. */
  effectiveFrom: string;
  effectiveTo: string;
  /**
   * Present when the release was derived rather than published whole (bundle header
   * `derivation`, e.g. "derived: FY2026 order file + FY2027 order addenda ...").
   */
  derivation?: string;
}

/** Result of {@link pickRelease}. */
export interface PickedRelease<T extends DatedRelease> {
  release: T;
  /**
   * Present when the release used is not an official full release covering the date; a sentence
   * the UI shows as is. Either no release covers the date and another one was used instead ("No
   * ICD-10-CM release covers 2027-01-05; using FY2026 (newest available)"), or the covering
   * release is derived ("ICD-10-CM FY2027 is derived: FY2026 order file + FY2027 order addenda
   * ..."). Every surface that shows a fallback thereby shows a derivation too.
   */
  fallback?: string;
  /** `true` when the release used is derived (its `derivation` is part of `fallback`). */
  derived?: boolean;
}

/** Raised when there is no release at all to choose from. */
export class ChartsideNoReleaseError extends ChartsideError {
  override name = 'ChartsideNoReleaseError';
}

/**
 * US federal fiscal year of a date of service: FY N runs from October 1 of N-1 to September 30 of N.
 *
 * @example fiscalYearOf('2025-10-01') // 2026
 */
export function fiscalYearOf(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${date}`);
  const year = Number(m[1]);
  return Number(m[2]) >= 10 ? year + 1 : year;
}

/**
 * Picks the release whose effective range contains `date` (ISO `YYYY-MM-DD`). When none does,
 * returns the newest release (largest `effectiveTo`) with an explicit `fallback` notice; never a
 * silent substitution.
 *
 * @param label Name of the code system for the notice (default "code set").
 * @throws ChartsideNoReleaseError when `available` is empty.
 * @example pickRelease('2025-11-15', [fy2025, fy2026]).release.fiscalYear // 2026
 */
export function pickRelease<T extends DatedRelease>(
  date: string,
  available: readonly T[],
  label = 'code set',
): PickedRelease<T> {
  fiscalYearOf(date); // validates the date
  if (available.length === 0) throw new ChartsideNoReleaseError(`no ${label} release is installed`);
  const matching = available.filter((r) => r.effectiveFrom <= date && date <= r.effectiveTo);
  const byNewest = (a: T, b: T): number =>
    a.effectiveTo === b.effectiveTo ? b.fiscalYear - a.fiscalYear : a.effectiveTo < b.effectiveTo ? 1 : -1;
  const derived = (r: T): string =>
    r.derivation ? `${label} FY${r.fiscalYear} is not an official full release: ${r.derivation}.` : '';
  if (matching.length > 0) {
    const release = [...matching].sort(byNewest)[0]!;
    return release.derivation ? { release, fallback: derived(release), derived: true } : { release };
  }
  const newest = [...available].sort(byNewest)[0]!;
  const where =
    date < newest.effectiveFrom ? 'older than every installed release' : 'after the newest installed release';
  return {
    release: newest,
    fallback:
      `No ${label} release covers ${date} (${where}); using FY${newest.fiscalYear} (${newest.effectiveFrom}..${newest.effectiveTo}), the newest available.` +
      (newest.derivation ? ` ${derived(newest)}` : ''),
    ...(newest.derivation ? { derived: true } : {}),
  };
}
