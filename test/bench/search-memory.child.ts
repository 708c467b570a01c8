/**
 * Child of search.bench.ts: a process holding what the engine worker holds for search (the FY2026
 * ICD-10-CM, ICD-10-PCS and HCPCS tables opened, the search index loaded from its serialized
 * bytes, 200 queries run), then reports heap figures after a full GC as one JSON line.
 */
import { buildIndexFor, loadNodeSearchTables } from '../../cli/commands/search';
import { SearchIndex } from '../../engine/search/search-index';
import { deserializeSearchIndex, serializeSearchIndex } from '../../engine/search/serialize';
import { readRankingSuite } from '../ranking/suite';

const gc = (globalThis as { gc?: () => void }).gc;
const mb = (n: number): number => Math.round((n / 1048576) * 10) / 10;

const tables = await loadNodeSearchTables(2026);
const t = tables.get(2026)!;
// The serialized index as IndexedDB would hand it over; the build's garbage is collected below.
const bytes = serializeSearchIndex(buildIndexFor(t).data);
gc?.();
const before = process.memoryUsage();
const index = new SearchIndex(deserializeSearchIndex(bytes));
for (const c of readRankingSuite().slice(0, 200)) index.search(c.query, { limit: 20 });
gc?.();
const after = process.memoryUsage();
process.stdout.write(
  `${JSON.stringify({
    heapUsedWithTablesAndIndexMB: mb(after.heapUsed),
    arrayBuffersMB: mb(after.arrayBuffers),
    heapPlusArrayBuffersMB: mb(after.heapUsed + after.arrayBuffers),
    indexHeapMB: mb(after.heapUsed - before.heapUsed),
    rssMB: mb(after.rss),
    gcExposed: gc !== undefined,
    tablesNote: 'CM tables after the index build (Index/Drug/Neoplasm blocks parsed), PCS and HCPCS tables open',
  })}\n`,
);
