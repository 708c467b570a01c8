/**
 * `npx tsx scripts/compare-minisearch.ts [--n 600]`
 *
 * Measures why code search has its own index instead of MiniSearch (ARCHITECTURE.md, "Why not
 * MiniSearch"): the same ICD-10-CM queries (`n` ICD-10-CM cases of the reported part of the
 * untuned evaluation, test/ranking/eval-cases.ts, chosen by hash across its kinds) against (a) Chartside's index and (b)
 * MiniSearch over every FY2026 ICD-10-CM long title (prefix and fuzzy 0.2 search, BM25 as
 * MiniSearch ranks), each asked for 20 results. Prints hit@1, hit@5, query p50/p95 and the
 * MiniSearch build time and heap growth.
 */
import { parseArgs } from 'node:util';
import MiniSearch from 'minisearch';
import { loadNodeSearch } from '../cli/commands/search';
import { formatCmCode } from '../engine/codes/normalize';
import { fnv1a, generateEvalCases } from '../test/ranking/eval-cases';
import { isExpected } from '../test/ranking/suite';

const YEAR = 2026;
const { values } = parseArgs({ options: { n: { type: 'string', default: '600' } } });
const loaded = await loadNodeSearch({ year: YEAR });
const t = loaded.tables.get(YEAR)!;
const cases = generateEvalCases(
  { cm: t.cm, ...(t.pcs ? { pcs: t.pcs } : {}), ...(t.hcpcs ? { hcpcs: t.hcpcs } : {}) },
  `${YEAR - 1}-10-01`,
)
  .filter((c) => c.part === 'reported' && c.system === 'cm')
  // A sample across the kinds (index lines, inclusion terms, short titles, abbreviations, misspellings).
  .sort((a, b) => fnv1a(a.query) - fnv1a(b.query))
  .slice(0, Number(values.n));

global.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const started = performance.now();
const mini = new MiniSearch<{ id: string; title: string }>({ fields: ['title'], storeFields: [] });
mini.addAll([...t.cm.all()].map((c) => ({ id: c.dotted, title: c.long })));
const miniBuildMs = performance.now() - started;
global.gc?.();
const miniHeapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;

const percentile = (xs: number[], p: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
function score(name: string, run: (q: string) => string[]): Record<string, number | string> {
  const ms: number[] = [];
  let hit1 = 0;
  let hit5 = 0;
  for (const c of cases) {
    const s = performance.now();
    const codes = run(c.query);
    ms.push(performance.now() - s);
    const rank = codes.findIndex((code) => isExpected(c, code)) + 1;
    if (rank === 1) hit1++;
    if (rank >= 1 && rank <= 5) hit5++;
  }
  return {
    name,
    n: cases.length,
    hit1: +(hit1 / cases.length).toFixed(3),
    hit5: +(hit5 / cases.length).toFixed(3),
    p50Ms: +percentile(ms, 50).toFixed(2),
    p95Ms: +percentile(ms, 95).toFixed(2),
  };
}
// Warm both (the trigram table for misspellings is built on first use) before timing.
loaded.search.search('pnemonia', { year: YEAR, limit: 20, prefix: false });
mini.search('pnemonia', { prefix: true, fuzzy: 0.2 });
const ours = score('chartside', (q) =>
  loaded.search.search(q, { year: YEAR, system: 'cm', limit: 20, prefix: false }).hits.map((h) => h.code),
);
const theirs = score('minisearch', (q) =>
  mini
    .search(q, { prefix: true, fuzzy: 0.2 })
    .slice(0, 20)
    .map((r) => formatCmCode(String(r.id).replace('.', ''))),
);
console.log(
  JSON.stringify(
    {
      cases: cases.length,
      miniBuildMs: Math.round(miniBuildMs),
      miniHeapMb: Math.round(miniHeapMb),
      results: [ours, theirs],
    },
    null,
    2,
  ),
);
