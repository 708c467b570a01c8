/**
 * Code search across fiscal years: one {@link SearchIndex} per year, the one matching the date
 * of service (or the asked year) answers, and the answer says which release it came from.
 */
import { fiscalYearOf, pickRelease } from '../codes/release';
import type { SearchIndex } from './search-index';
import type { SearchHit, SearchOptions } from './types';
import { ChartsideError } from '../errors';

/** Options of {@link CodeSearch.search}: {@link SearchOptions} plus the year to search. */
export interface CodeSearchOptions extends SearchOptions {
  /** Fiscal year of the tables to search. */
  year?: number;
  /** Date of service (ISO `YYYY-MM-DD`); its fiscal year's tables are searched. */
  dateOfService?: string;
}

/** Hits plus the year they came from and any substitution notice. */
export interface CodeSearchResult {
  hits: SearchHit[];
  fiscalYear: number;
  /** Table releases the index was built from. */
  sources: { id: string; release: string }[];
  /** Set when no index covers the asked year/date and another was used. */
  fallback?: string;
}

/** Raised when no search index is loaded at all. */
export class ChartsideNoSearchIndexError extends ChartsideError {
  override name = 'ChartsideNoSearchIndexError';
}

/**
 * Holds the loaded indexes.
 *
 * @example
 * const search = new CodeSearch([index2025, index2026]);
 * search.search('chf', { dateOfService: '2025-11-15' }).hits[0].code; // 'I50.9'
 */
export class CodeSearch {
  private readonly byYear = new Map<number, SearchIndex>();

  constructor(indexes: Iterable<SearchIndex> = []) {
    for (const i of indexes) this.add(i);
  }

  /** Adds or replaces the index of a fiscal year. */
  add(index: SearchIndex): void {
    this.byYear.set(index.fiscalYear, index);
  }

  /** Fiscal years loaded, ascending. */
  get years(): number[] {
    return [...this.byYear.keys()].sort((a, b) => a - b);
  }

  /** The index for a year / date, with a notice when it is a substitute. */
  pick(options: { year?: number; dateOfService?: string } = {}): { index: SearchIndex; fallback?: string } {
    if (this.byYear.size === 0)
      throw new ChartsideNoSearchIndexError('no search index is loaded: install the code tables first');
    const years = this.years;
    const wanted = options.year ?? (options.dateOfService ? fiscalYearOf(options.dateOfService) : undefined);
    if (wanted === undefined) return { index: this.byYear.get(years[years.length - 1]!)! };
    const exact = this.byYear.get(wanted);
    if (exact) return { index: exact };
    const date = options.dateOfService ?? `${wanted - 1}-10-01`;
    const picked = pickRelease(
      date,
      years.map((y) => ({ fiscalYear: y, effectiveFrom: `${y - 1}-10-01`, effectiveTo: `${y}-09-30` })),
      'search index',
    );
    const index = this.byYear.get(picked.release.fiscalYear)!;
    return picked.fallback ? { index, fallback: picked.fallback } : { index };
  }

  /**
   * Searches the tables of the asked year (default: the newest loaded).
   * @example search.search('i5023').hits[0].code // 'I50.23'
   */
  search(query: string, options: CodeSearchOptions = {}): CodeSearchResult {
    const { index, fallback } = this.pick(options);
    const result: CodeSearchResult = {
      hits: index.search(query, options),
      fiscalYear: index.fiscalYear,
      sources: index.data.header.sources.map((s) => ({ id: s.id, release: s.release })),
    };
    if (fallback) result.fallback = fallback;
    return result;
  }
}
