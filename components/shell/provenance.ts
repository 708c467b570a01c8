/**
 * Plain-language provenance of a release, for the status line and the options page, e.g.
 * "ICD-10-CM FY2026 (order, poa-exempt FY2026; tabular, index FY2017, newest available)".
 * Every year that differs from the release's own is called out (official data: the user must see which release a code comes from).
 */
import { pickRelease } from '../../engine/codes';
import type { BundleSystem } from '../../engine/bundle/format';
import type { InstalledRelease } from '../../platform/worker/api';

export const SYSTEM_LABEL: Record<BundleSystem, string> = {
  icd10cm: 'ICD-10-CM',
  icd10pcs: 'ICD-10-PCS',
  hcpcs: 'HCPCS',
  msdrg: 'MS-DRG',
  mce: 'MCE',
  search: 'Search index',
  'suggest-model': 'Suggestion model',
  'suggest-lexicon': 'Suggestion lexicon',
};

/** HCPCS is versioned by calendar year, everything else by federal fiscal year. */
export function yearLabel(system: BundleSystem, year: number): string {
  return system === 'hcpcs' ? String(year) : `FY${year}`;
}

/** One line: system, year, and which file roles came from which release year. */
export function describeProvenance(
  r: Pick<InstalledRelease, 'system' | 'fiscalYear' | 'provenance' | 'derivation'>,
): string {
  const byYear = new Map<number, string[]>();
  for (const p of r.provenance) {
    const roles = byYear.get(p.releaseYear) ?? [];
    if (!roles.includes(p.role)) roles.push(p.role);
    byYear.set(p.releaseYear, roles);
  }
  const parts = [...byYear]
    .sort(([a], [b]) => b - a)
    .map(([year, roles]) => {
      // The suggestion model's corpus is not a substitute for a newer release: its year is just its year.
      const older = year < r.fiscalYear && r.system !== 'suggest-model';
      return `${roles.join(', ')} ${yearLabel(r.system, year)}${older ? ', newest available' : ''}`;
    });
  const head = `${SYSTEM_LABEL[r.system]} ${yearLabel(r.system, r.fiscalYear)}`;
  // A derived year is no official release file set: say how it was made.
  const how = r.derivation ? `, ${r.derivation}` : '';
  return parts.length ? `${head} (${parts.join('; ')})${how}` : `${head}${how}`;
}

/** The release of each system that applies to `date` (ISO), with the fallback sentence if any. */
export function releasesInUse(
  releases: readonly InstalledRelease[],
  date: string,
): { release: InstalledRelease; fallback?: string }[] {
  // The suggestion model is not a dated code table (the side panel names it with the suggestions),
  // nor are the search index and the suggestion lexicon (derived at build time from the code
  // tables listed here).
  const systems = [...new Set(releases.map((r) => r.system))].filter(
    (s) => s !== 'suggest-model' && s !== 'search' && s !== 'suggest-lexicon',
  );
  return systems.map((system) => {
    const picked = pickRelease(
      date,
      releases.filter((r) => r.system === system),
      SYSTEM_LABEL[system],
    );
    return { release: picked.release, ...(picked.fallback ? { fallback: picked.fallback } : {}) };
  });
}
