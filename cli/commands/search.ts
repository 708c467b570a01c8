/**
 * `chartside search "<query>"`: code lookup from the terminal, the same engine as the side panel.
 *
 * Also exports the Node loader ({@link loadNodeSearch}) used by the ranking suite and the bench:
 * it opens the installed ICD-10-CM, ICD-10-PCS and HCPCS bundles of a fiscal year and loads the
 * installed `search-<FY>` bundle built from them (else the index cached in `.cache/search/` when the
 * tables have not changed, else builds it) and returns it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeBundle, type BundleHeader } from '../../engine/bundle/format';
import { readerFromCompressed, type BundleReader } from '../../engine/bundle/reader';
import { HcpcsTable } from '../../engine/hcpcs/hcpcs-table';
import type { CmTable } from '../../engine/icd10cm/table';
import { PcsTable } from '../../engine/icd10pcs/pcs-table';
import { buildSearchIndex } from '../../engine/search/build';
import { CodeSearch } from '../../engine/search/code-search';
import { cmInclusionTerms, corpusFromTables } from '../../engine/search/corpus';
import { TERMS_VERSION } from '../../engine/search/data/terms';
import { SEARCH_INDEX_FORMAT_VERSION } from '../../engine/search/layout';
import { SearchIndex } from '../../engine/search/search-index';
import { deserializeSearchIndex, readSearchIndexHeader, serializeSearchIndex } from '../../engine/search/serialize';
import type { SearchHit, SearchSystem } from '../../engine/search/types';
import type { CodesetBuilder } from '../../codesets/builder';
import { hcpcsBuilder } from '../../codesets/hcpcs/build';
import { SEARCH_INDEX_BLOCK } from '../../codesets/search-index/builder';
import { icd10pcsBuilder } from '../../codesets/icd10pcs/build';
import { FsReleaseSource } from '../../codesets/node/fs-source';
import { CACHE_DIR, PROJECT_ROOT, findCodesetsSource } from '../../codesets/node/source';
import { FsBundleStore, installedBundles, loadInstalledTables } from '../../codesets/node/cache';
import { parseArgs, UsageError, type CliCommand } from '../io';

/** Tables of one fiscal year as search sees them. */
export interface NodeSearchTables {
  fiscalYear: number;
  cm: CmTable;
  cmReader: BundleReader;
  pcs?: PcsTable;
  hcpcs?: HcpcsTable;
  sources: { id: string; sha256: string; release: string }[];
  /** Substitutions to tell the user (a system missing, a newer year used...). */
  notes: string[];
}

/** A loaded search over installed tables, with the figures the bench reports. */
export interface NodeSearch {
  search: CodeSearch;
  tables: Map<number, NodeSearchTables>;
  notes: string[];
  /** Milliseconds spent building indexes (0 when every index came from the cache). */
  buildMs: number;
  /** Milliseconds spent loading serialized indexes from the cache. */
  loadMs: number;
}

const SEARCH_CACHE = join(PROJECT_ROOT, '.cache', 'search');

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function openBundle(bytes: Uint8Array): BundleReader {
  const { header, compressed } = decodeBundle(bytes, { verify: false });
  return readerFromCompressed(header, compressed);
}

/**
 * Bundles of a system: the installed ones that this build can open, else built in memory by the
 * system's builder (said in a note) when the cache lacks them or holds an older layout.
 */
function systemBundles<T>(
  system: 'icd10pcs' | 'hcpcs',
  builder: CodesetBuilder,
  open: (reader: BundleReader) => T,
  notes: string[],
): Map<string, { bytes: Uint8Array; header: BundleHeader; table: T }> {
  const out = new Map<string, { bytes: Uint8Array; header: BundleHeader; table: T }>();
  const store = new FsBundleStore(CACHE_DIR);
  let stale = false;
  for (const h of installedBundles().filter((b) => b.system === system)) {
    const path = store.bundlePath(h.id);
    if (!existsSync(path)) continue;
    const bytes = new Uint8Array(readFileSync(path));
    try {
      out.set(h.id, { bytes, header: h, table: open(openBundle(bytes)) });
    } catch {
      stale = true; // an older layout than this build reads: rebuild below
    }
  }
  if (out.size > 0 && !stale) return out;
  out.clear();
  try {
    const built = builder.build(new FsReleaseSource(findCodesetsSource()));
    if (built instanceof Promise) throw new Error('asynchronous builder');
    for (const b of built) out.set(b.header.id, { bytes: b.bytes, header: b.header, table: open(openBundle(b.bytes)) });
    if (out.size > 0)
      notes.push(
        `${system} bundle not installed (or older layout) in ${CACHE_DIR}; built in memory from the release files.`,
      );
  } catch (e) {
    notes.push(`${system}: not available (${e instanceof Error ? e.message : String(e)}); searching without it.`);
  }
  return out;
}

/** Picks the bundle for a fiscal year: same year, else the newest older one (said in a note). */
function pickYear<T extends { header: BundleHeader }>(
  all: Map<string, T>,
  year: number,
  label: string,
  notes: string[],
): T | undefined {
  const list = [...all.values()].sort((a, b) => a.header.fiscalYear - b.header.fiscalYear);
  const exact = list.find((b) => b.header.fiscalYear === year);
  if (exact) return exact;
  const older = list.filter((b) => b.header.fiscalYear < year).pop() ?? list[list.length - 1];
  if (older) notes.push(`${label}: no ${year} release installed; using ${older.header.release} (newest available).`);
  return older;
}

/** Opens the tables of every installed ICD-10-CM year (optionally only `year`). */
export async function loadNodeSearchTables(year?: number): Promise<Map<number, NodeSearchTables>> {
  const installed = await loadInstalledTables();
  const store = new FsBundleStore(CACHE_DIR);
  const notes: string[] = [];
  const pcsAll = systemBundles('icd10pcs', icd10pcsBuilder, (r) => PcsTable.fromBundle(r), notes);
  const hcpcsAll = systemBundles('hcpcs', hcpcsBuilder, (r) => HcpcsTable.fromBundle(r), notes);
  const out = new Map<number, NodeSearchTables>();
  for (const [fy, cm] of installed.icd10cm) {
    if (year !== undefined && fy !== year) continue;
    const yearNotes = [...notes];
    const cmBytes = new Uint8Array(readFileSync(store.bundlePath(cm.release.id)));
    const cmReader = openBundle(cmBytes);
    const sources = [{ id: cm.release.id, sha256: sha256(cmBytes), release: cm.release.release }];
    const t: NodeSearchTables = { fiscalYear: fy, cm, cmReader, sources, notes: yearNotes };
    const pcs = pickYear(pcsAll, fy, 'ICD-10-PCS', yearNotes);
    if (pcs) {
      t.pcs = pcs.table;
      sources.push({ id: pcs.header.id, sha256: sha256(pcs.bytes), release: pcs.header.release });
    }
    // HCPCS is released by calendar year: FY N (Oct N-1 .. Sep N) uses the release of year N-1
    // (the October update) when present.
    const hcpcs = pickYear(hcpcsAll, fy - 1, 'HCPCS Level II', yearNotes);
    if (hcpcs) {
      t.hcpcs = hcpcs.table;
      sources.push({ id: hcpcs.header.id, sha256: sha256(hcpcs.bytes), release: hcpcs.header.release });
    }
    out.set(fy, t);
  }
  return out;
}

/** Builds the index of one year's tables. */
export function buildIndexFor(t: NodeSearchTables): SearchIndex {
  const corpus = corpusFromTables({
    fiscalYear: t.fiscalYear,
    cm: t.cm,
    cmInclusion: cmInclusionTerms(t.cmReader),
    ...(t.pcs ? { pcs: t.pcs } : {}),
    ...(t.hcpcs ? { hcpcs: t.hcpcs } : {}),
    sources: t.sources,
  });
  return new SearchIndex(buildSearchIndex(corpus, new Date().toISOString()));
}

/**
 * The installed `search-<FY>` bundle's index when it was built from exactly these tables (same
 * sha256s), else `undefined` (absent, another index format version, other tables).
 */
function shippedIndex(t: NodeSearchTables): { index: SearchIndex; loadMs: number } | undefined {
  const store = new FsBundleStore(CACHE_DIR);
  const id = `search-${t.fiscalYear}`;
  if (!installedBundles().some((h) => h.id === id) || !existsSync(store.bundlePath(id))) return undefined;
  const started = performance.now();
  try {
    const reader = openBundle(new Uint8Array(readFileSync(store.bundlePath(id))));
    const data = deserializeSearchIndex(reader.bytes(SEARCH_INDEX_BLOCK));
    const same =
      JSON.stringify(data.header.sources.map((s) => s.sha256)) === JSON.stringify(t.sources.map((s) => s.sha256));
    return same ? { index: new SearchIndex(data), loadMs: performance.now() - started } : undefined;
  } catch {
    return undefined; // another index format (an older build's bundle): the index is built below
  }
}

/**
 * Loads search over the installed tables: for each year, the cached serialized index when its
 * sources and versions match, else a fresh build (then cached).
 *
 * @param options.year only this fiscal year; `options.cache: false` always rebuilds.
 */
export async function loadNodeSearch(options: { year?: number; cache?: boolean } = {}): Promise<NodeSearch> {
  const tables = await loadNodeSearchTables(options.year);
  const search = new CodeSearch();
  let buildMs = 0;
  let loadMs = 0;
  const notes: string[] = [];
  for (const t of tables.values()) {
    notes.push(...t.notes);
    const path = join(SEARCH_CACHE, `search-${t.fiscalYear}.csi`);
    // The index the codesets build ships (search-<FY>.csb), while it matches these tables.
    let index = shippedIndex(t);
    if (index) loadMs += index.loadMs;
    if (!index && options.cache !== false && existsSync(path)) {
      const started = performance.now();
      try {
        const bytes = new Uint8Array(readFileSync(path));
        const h = readSearchIndexHeader(bytes);
        const same =
          h.formatVersion === SEARCH_INDEX_FORMAT_VERSION &&
          h.termsVersion === TERMS_VERSION &&
          JSON.stringify(h.sources.map((s) => s.sha256)) === JSON.stringify(t.sources.map((s) => s.sha256));
        if (same) index = { index: new SearchIndex(deserializeSearchIndex(bytes)), loadMs: 0 };
      } catch {
        index = undefined; // unreadable or older format: rebuild below
      }
      loadMs += performance.now() - started;
    }
    if (!index) {
      const started = performance.now();
      index = { index: buildIndexFor(t), loadMs: 0 };
      buildMs += performance.now() - started;
      if (options.cache !== false) {
        mkdirSync(SEARCH_CACHE, { recursive: true });
        const { writeFileAtomic } = await import('../../codesets/node/cache');
        writeFileAtomic(path, serializeSearchIndex(index.index.data));
      }
    }
    search.add(index.index);
  }
  return { search, tables, notes: [...new Set(notes)], buildMs, loadMs };
}

const SYSTEM_LABEL: Record<SearchSystem, string> = { cm: 'ICD-10-CM', pcs: 'ICD-10-PCS', hcpcs: 'HCPCS Level II' };

/** Human-readable line for a hit's reason. */
export function describeMatch(hit: SearchHit): string {
  const m = hit.match;
  const parts: string[] = [];
  if (m.expandedFrom) parts.push(`"${m.expandedFrom.typed}" read as "${m.expandedFrom.expansion}"`);
  const where = m.kind === 'code' ? 'code' : m.kind === 'abbreviation' ? (m.entry ?? 'title') : m.kind;
  parts.push(`${where}: ${m.text}${m.column ? ` [${m.column}]` : ''}`);
  if (m.viaHeader) parts.push(`default billable code under ${m.viaHeader}`);
  if (m.corrected) parts.push(`spelling: ${m.corrected.join(', ')}`);
  return parts.join('; ');
}

export const searchCommand: CliCommand = {
  name: 'search',
  summary: 'Look up ICD-10-CM / ICD-10-PCS / HCPCS codes by words, abbreviations, index paths or code',
  usage: [
    'Usage: chartside search "<query>" [--system cm|pcs|hcpcs] [--year FY] [--date YYYY-MM-DD] [--limit N] [--json]',
    '',
    '  Words, abbreviations (CHF, DM2, lap chole), misspellings, Index paths',
    '  ("Failure, heart, systolic, acute on chronic") and codes with or without the dot (I50.2, i5023).',
    '  --json prints an array of {code, system, title, billable, score, match}, best first.',
  ].join('\n'),
  async run(args, io) {
    const { positionals, strings, booleans } = parseArgs(args, {
      strings: ['system', 'year', 'date', 'limit'],
      booleans: ['json'],
    });
    const query = positionals.join(' ').trim();
    if (!query) throw new UsageError('a query is required');
    const system = strings.get('system');
    if (system !== undefined && system !== 'cm' && system !== 'pcs' && system !== 'hcpcs')
      throw new UsageError('--system must be cm, pcs or hcpcs');
    const limit = strings.has('limit') ? Number(strings.get('limit')) : 20;
    if (!Number.isInteger(limit) || limit < 1 || limit > 200)
      throw new UsageError('--limit must be an integer from 1 to 200');
    const yearText = strings.get('year');
    const year = yearText === undefined ? undefined : Number(yearText.replace(/^FY/i, ''));
    if (year !== undefined && !Number.isInteger(year))
      throw new UsageError('--year must be a fiscal year such as 2026');
    const date = strings.get('date');
    if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError('--date must be YYYY-MM-DD');

    const loaded = await loadNodeSearch();
    const result = loaded.search.search(query, {
      limit,
      prefix: false,
      ...(system ? { system } : {}),
      ...(year !== undefined ? { year } : {}),
      ...(date ? { dateOfService: date } : {}),
    });
    if (booleans.has('json')) {
      io.stdout.write(`${JSON.stringify(result.hits, null, 2)}\n`);
      if (result.fallback) io.stderr.write(`${result.fallback}\n`);
      return 0;
    }
    io.stdout.write(
      `${result.hits.length} result(s) for "${query}" in FY${result.fiscalYear} tables (${result.sources.map((s) => s.release).join('; ')})\n`,
    );
    if (result.fallback) io.stdout.write(`Note: ${result.fallback}\n`);
    for (const n of loaded.tables.get(result.fiscalYear)?.notes ?? []) io.stdout.write(`Note: ${n}\n`);
    for (const sys of ['cm', 'pcs', 'hcpcs'] as const) {
      const hits = result.hits.filter((h) => h.system === sys);
      if (hits.length === 0) continue;
      io.stdout.write(`\n${SYSTEM_LABEL[sys]}\n`);
      for (const h of hits) {
        io.stdout.write(`  ${h.code.padEnd(9)} ${h.billable ? '         ' : '(header) '}${h.title}\n`);
        io.stdout.write(`  ${''.padEnd(9)} ${''.padEnd(9)}\u21b3 ${describeMatch(h)}\n`);
      }
    }
    return 0;
  },
};
