/**
 * Search figures: index build time, serialized size, load time from bytes, memory of a
 * process holding the FY2026 tables + index, and query latency p50/p95/p99 over >= 1,000 queries
 * (the ranking suite's queries in full, plus every one typed keystroke by keystroke).
 *
 * Memory is measured in a child process (`search-memory.child.ts`) so other benches and this
 * bench's own build garbage do not count.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { buildIndexFor, loadNodeSearchTables } from '../../cli/commands/search';
import { SearchIndex } from '../../engine/search/search-index';
import { deserializeSearchIndex, serializeSearchIndex } from '../../engine/search/serialize';
import { readRankingSuite } from '../ranking/suite';

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const round = (n: number, d = 3): number => Math.round(n * 10 ** d) / 10 ** d;

export async function run(): Promise<Record<string, unknown>> {
  const tables = await loadNodeSearchTables(2026);
  const t = tables.get(2026);
  if (!t) throw new Error('no FY2026 ICD-10-CM tables installed');

  // Build (tables already open; includes reading the Index/Drug/Neoplasm blocks on first use).
  let started = performance.now();
  const built = buildIndexFor(t);
  const indexBuildMs = performance.now() - started;
  started = performance.now();
  const bytes = serializeSearchIndex(built.data);
  const serializeMs = performance.now() - started;

  // Load from serialized bytes (what the worker does with the IndexedDB record), 5 times.
  const loads: number[] = [];
  let index = built;
  for (let i = 0; i < 5; i++) {
    const copy = bytes.slice();
    const s = performance.now();
    index = new SearchIndex(deserializeSearchIndex(copy));
    loads.push(performance.now() - s);
  }
  loads.sort((a, b) => a - b);
  const s0 = performance.now();
  index.fuzzy();
  const fuzzyWarmMs = performance.now() - s0;

  // Queries: the suite in full, then each typed keystroke by keystroke (prefix mode).
  const suite = readRankingSuite();
  const full = suite.map((c) => c.query);
  const keystrokes: string[] = [];
  for (const q of full) for (let n = 1; n <= q.length; n++) keystrokes.push(q.slice(0, n));
  // Wall time per query, and CPU time of this process per query (process.cpuUsage, microseconds):
  // on a machine shared by several busy processes the wall time includes waiting for a core.
  const cpu: number[] = [];
  const time = (qs: string[], prefix: boolean): number[] => {
    const out: number[] = [];
    for (const q of qs) {
      const c = process.cpuUsage();
      const s = performance.now();
      index.search(q, { limit: 20, prefix });
      out.push(performance.now() - s);
      const d = process.cpuUsage(c);
      cpu.push((d.user + d.system) / 1000);
    }
    return out.sort((a, b) => a - b);
  };
  time(full, false); // warm-up pass
  time(keystrokes, true);
  cpu.length = 0;
  const fullMs = time(full, false);
  const keyMs = time(keystrokes, true);
  cpu.sort((a, b) => a - b);
  const all = [...fullMs, ...keyMs].sort((a, b) => a - b);

  // Memory in a fresh process.
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', join(import.meta.dirname, 'search-memory.child.ts')],
    {
      cwd: join(import.meta.dirname, '..', '..'),
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  let memory: Record<string, unknown> = { error: child.stderr.slice(-400) };
  try {
    memory = JSON.parse(child.stdout.trim().split('\n').pop() ?? '') as Record<string, unknown>;
  } catch {
    /* keep the error */
  }

  return {
    fiscalYear: 2026,
    codes: index.data.header.counts.codes,
    texts: index.data.header.counts.texts,
    docs: index.data.header.counts.docs,
    terms: index.data.header.counts.terms,
    postings: index.data.header.counts.postings,
    indexBuildMs: round(indexBuildMs, 0),
    serializeMs: round(serializeMs, 1),
    serializedIndexBytes: bytes.length,
    indexLoadFromBytesMsMedian: round(loads[2]!, 1),
    fuzzyTableWarmMs: round(fuzzyWarmMs, 1),
    queriesTimed: all.length,
    fullQueries: fullMs.length,
    keystrokeQueries: keyMs.length,
    queryP50Ms: round(percentile(all, 50)),
    queryP95Ms: round(percentile(all, 95)),
    queryP99Ms: round(percentile(all, 99)),
    fullQueryP50Ms: round(percentile(fullMs, 50)),
    fullQueryP95Ms: round(percentile(fullMs, 95)),
    fullQueryP99Ms: round(percentile(fullMs, 99)),
    keystrokeP50Ms: round(percentile(keyMs, 50)),
    keystrokeP95Ms: round(percentile(keyMs, 95)),
    keystrokeP99Ms: round(percentile(keyMs, 99)),
    queryMaxMs: round(all[all.length - 1]!),
    queryCpuP50Ms: round(percentile(cpu, 50)),
    queryCpuP95Ms: round(percentile(cpu, 95)),
    queryCpuP99Ms: round(percentile(cpu, 99)),
    loadAverage1m: round((await import('node:os')).loadavg()[0]!, 1),
    memory,
    note: 'Node, one process; the machine is shared (2 cores, several engineers): figures include contention.',
  };
}
