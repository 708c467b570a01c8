/**
 * Search area of the engine worker: code search, code detail, "how would I find this" and the
 * PCS table-builder walk.
 *
 * The search index of a fiscal year is the one shipped with the extension (`search-<FY>`
 * bundle, platform/worker/search-bundle.ts) while it matches the installed tables. Otherwise it
 * is built here from the installed tables on first use, then kept in memory. When the database has a `searchIndexes` table (see ARCHITECTURE.md, "Search
 * index design"), the serialized index is stored there and loaded on the next start instead of
 * rebuilt; a stored index whose sources (bundle sha256s) or format version differ is rebuilt.
 */
import { z } from 'zod/mini';
import { ChartsideNoReleaseError } from '../../engine/codes';
import { HcpcsTable } from '../../engine/hcpcs/hcpcs-table';
import { CmTable } from '../../engine/icd10cm';
import { PcsTable } from '../../engine/icd10pcs/pcs-table';
import type { PcsAxisOption } from '../../engine/icd10pcs/table-builder';
import {
  buildSearchIndex,
  cmDetail,
  cmInclusionTerms,
  corpusFromTables,
  deserializeSearchIndex,
  howToFind,
  readSearchIndexHeader,
  SEARCH_INDEX_FORMAT_VERSION,
  SearchIndex,
  serializeSearchIndex,
  TERMS_VERSION,
  type CodeSearchOptions,
} from '../../engine/search';
import type { CodeDetailResponse, EngineApi, SearchResponse } from './api';
import { CM_TABLE } from './codes';
import type { EngineContext, PickedTable } from './context';
import { loadBundledIndex } from './search-bundle';

const PCS_TABLE = 'pcs-table';
const HCPCS_TABLE = 'hcpcs-table';

/** A stored serialized index (Zod-parsed on read: IndexedDB is a trust boundary). */
const storedIndexSchema = z.object({
  id: z.string(),
  formatVersion: z.number(),
  termsVersion: z.number(),
  sources: z.array(z.string()),
  builtAt: z.string(),
  bytes: z.instanceof(Uint8Array),
});
type StoredIndex = z.infer<typeof storedIndexSchema>;

interface LoadedIndex {
  index: SearchIndex;
  key: string;
  /** How this index came to be: shipped with the extension, built now, or loaded from the stored form. */
  origin: 'bundle' | 'built' | 'stored';
  ms: number;
  storeError?: string;
  /** Why a shipped index was not used (another format version, a missing block). */
  refused?: string;
}

async function optional<T>(p: Promise<PickedTable<T>>): Promise<PickedTable<T> | undefined> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof ChartsideNoReleaseError) return undefined;
    throw e;
  }
}

export function searchMethods(
  ctx: EngineContext,
): Pick<EngineApi, 'search' | 'codeDetail' | 'howToFind' | 'pcsOptions' | 'prepareSearch'> {
  const loaded = new Map<string, Promise<LoadedIndex>>();
  const store = ctx.db.tables.some((t) => t.name === 'searchIndexes')
    ? ctx.db.table<StoredIndex, string>('searchIndexes')
    : undefined;

  async function tables(dateOfService?: string) {
    const cm = await ctx.tableFor('icd10cm', CM_TABLE, (r) => CmTable.fromReader(r), dateOfService);
    const pcs = await optional(ctx.tableFor('icd10pcs', PCS_TABLE, (r) => PcsTable.fromBundle(r), dateOfService));
    // HCPCS is released by calendar year; its newest release is used (the picked row says which).
    const hcpcs = await optional(ctx.tableFor('hcpcs', HCPCS_TABLE, (r) => HcpcsTable.fromBundle(r), dateOfService));
    return { cm, pcs, hcpcs };
  }

  const bundled = new Map<string, Promise<SearchIndex | string>>();

  async function indexFor(dateOfService?: string): Promise<LoadedIndex & { fallback?: string }> {
    // The index shipped with the extension, when it matches the installed tables.
    const started = performance.now();
    const shipped = await loadBundledIndex(ctx, dateOfService, bundled);
    if (shipped.status === 'loaded') {
      const { index, row, fallback } = shipped;
      return {
        index,
        key: `${row.id}:${row.sha256}`,
        origin: 'bundle',
        ms: performance.now() - started,
        ...(fallback ? { fallback } : {}),
      };
    }
    const refused = shipped.status === 'refused' ? { refused: shipped.message } : {};
    const t = await tables(dateOfService);
    const rows = [t.cm.row, t.pcs?.row, t.hcpcs?.row].filter((r) => r !== undefined);
    const key = `search-${t.cm.row.fiscalYear}:${rows.map((r) => r.sha256).join(',')}`;
    let hit = loaded.get(key);
    if (!hit) {
      hit = (async (): Promise<LoadedIndex> => {
        const started = performance.now();
        const id = `search-${t.cm.row.fiscalYear}`;
        const sources = rows.map((r) => r.sha256);
        if (store) {
          const raw: unknown = await store.get(id);
          const parsed = storedIndexSchema.safeParse(raw);
          if (
            parsed.success &&
            parsed.data.formatVersion === SEARCH_INDEX_FORMAT_VERSION &&
            parsed.data.termsVersion === TERMS_VERSION &&
            parsed.data.sources.join(',') === sources.join(',')
          ) {
            readSearchIndexHeader(parsed.data.bytes); // refuses another format with a clear error
            const index = new SearchIndex(deserializeSearchIndex(parsed.data.bytes));
            return { index, key, origin: 'stored', ms: performance.now() - started };
          }
        }
        const corpus = corpusFromTables({
          fiscalYear: t.cm.row.fiscalYear,
          cm: t.cm.table,
          cmInclusion: cmInclusionTerms(await ctx.reader(t.cm.row.id)),
          ...(t.pcs ? { pcs: t.pcs.table } : {}),
          ...(t.hcpcs ? { hcpcs: t.hcpcs.table } : {}),
          sources: rows.map((r) => ({ id: r.id, sha256: r.sha256, release: r.header.release })),
        });
        const data = buildSearchIndex(corpus, new Date().toISOString());
        let storeError: string | undefined;
        if (store) {
          // The stored index is a cache of derived data: failing to write it (quota) must not
          // fail the search, but the user is told (SearchResponse.index.storeError).
          try {
            await store.put({
              id,
              formatVersion: SEARCH_INDEX_FORMAT_VERSION,
              termsVersion: TERMS_VERSION,
              sources,
              builtAt: data.header.builtAt,
              bytes: serializeSearchIndex(data) as Uint8Array<ArrayBuffer>,
            });
          } catch (e) {
            storeError = `The search index could not be saved for next time (${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}); it will be rebuilt when the panel opens again.`;
          }
        }
        return {
          index: new SearchIndex(data),
          key,
          origin: 'built',
          ms: performance.now() - started,
          ...(storeError ? { storeError } : {}),
        };
      })();
      loaded.set(key, hit);
      hit.catch(() => loaded.delete(key));
    }
    const result = { ...(await hit), ...refused };
    return t.cm.fallback ? { ...result, fallback: t.cm.fallback } : result;
  }

  return {
    async prepareSearch(dateOfService?: string): Promise<{ ms: number }> {
      const started = performance.now();
      await indexFor(dateOfService);
      return { ms: performance.now() - started };
    },

    async search(query, options: CodeSearchOptions = {}): Promise<SearchResponse> {
      const { index, origin, ms, fallback, storeError, refused } = await indexFor(options.dateOfService);
      const started = performance.now();
      const hits = index.search(query, options);
      return {
        hits,
        fiscalYear: index.fiscalYear,
        sources: index.data.header.sources.map((s) => ({ id: s.id, release: s.release })),
        tookMs: performance.now() - started,
        index: { origin, loadMs: ms, ...(storeError ? { storeError } : {}), ...(refused ? { refused } : {}) },
        ...(fallback ? { fallback } : {}),
      };
    },

    async codeDetail(code, system = 'cm', dateOfService): Promise<CodeDetailResponse> {
      const t = await tables(dateOfService);
      if (system === 'cm') {
        const view = cmDetail(t.cm.table, code);
        return view
          ? { status: 'found', system: 'cm', detail: view }
          : { status: 'not-found', message: `${code} is not an ICD-10-CM code in ${t.cm.row.header.release}.` };
      }
      if (system === 'pcs') {
        if (!t.pcs) return { status: 'not-found', message: 'No ICD-10-PCS tables are installed.' };
        const c = code.trim().toUpperCase();
        const detail = c.length === 7 ? t.pcs.table.get(c) : undefined;
        if (detail?.valid) return { status: 'found', system: 'pcs', detail, release: t.pcs.row.header.release };
        if (c.length < 7 && t.pcs.table.isValidPrefix(c)) {
          return {
            status: 'partial',
            system: 'pcs',
            prefix: c,
            options: t.pcs.table.builder.options(c),
            release: t.pcs.row.header.release,
          };
        }
        return {
          status: 'not-found',
          message: `${code} is not a valid ICD-10-PCS code in ${t.pcs.row.header.release}.`,
        };
      }
      if (!t.hcpcs) return { status: 'not-found', message: 'No HCPCS Level II table is installed.' };
      const h = t.hcpcs.table.get(code);
      return h
        ? { status: 'found', system: 'hcpcs', detail: h, release: t.hcpcs.row.header.release }
        : { status: 'not-found', message: `${code} is not a HCPCS Level II code in ${t.hcpcs.row.header.release}.` };
    },

    async howToFind(code, dateOfService) {
      const t = await tables(dateOfService);
      const { index } = await indexFor(dateOfService);
      return howToFind(t.cm.table, code, index);
    },

    async pcsOptions(prefix, dateOfService): Promise<PcsAxisOption[]> {
      const t = await tables(dateOfService);
      if (!t.pcs) throw new ChartsideNoReleaseError('no ICD-10-PCS release is installed');
      return t.pcs.table.builder.options(prefix);
    },
  };
}
