/**
 * Code search: build ({@link buildSearchIndex}) or load ({@link deserializeSearchIndex}) a compact
 * index per fiscal year, query it ({@link SearchIndex.search}, {@link CodeSearch}), and assemble
 * code detail for the UI ({@link cmDetail}, {@link howToFind}).
 */
export { buildSearchIndex, ChartsideSearchBuildError } from './build';
export { SearchIndex } from './search-index';
export { CodeSearch, ChartsideNoSearchIndexError, type CodeSearchOptions, type CodeSearchResult } from './code-search';
export {
  serializeSearchIndex,
  deserializeSearchIndex,
  readSearchIndexHeader,
  ChartsideSearchIndexFormatError,
} from './serialize';
export {
  corpusFromTables,
  cmInclusionTerms,
  pcsPrefixTitle,
  type CmSource,
  type PcsSource,
  type HcpcsSource,
} from './corpus';
export { cmDetail, howToFind, displayCode, type CmDetailView, type HowToFind, type PathStep } from './detail';
export { SEARCH_INDEX_FORMAT_VERSION, type SearchIndexHeader } from './layout';
export { TERMS_VERSION, TERM_ROWS, TERM_SOURCES } from './data/terms';
export type * from './types';
