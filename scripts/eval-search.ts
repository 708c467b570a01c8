/**
 * `npm run eval:search [-- --part tuning|reported|all] [--kind K] [--misses N] [--json]`
 *
 * Scores code search on the untuned evaluation generated from the official FY2026 tables
 * (test/ranking/eval-cases.ts: Index lines, inclusion terms, CMS short titles, PCS root operation +
 * body part, HCPCS short descriptors, the sourced abbreviation list, generated misspellings) and on
 * the hand-written ranking suite (test/ranking/queries.tsv). Prints hit@1 / hit@5 per kind and
 * part; `--misses N` lists up to N misses of the chosen part (only look at the tuning part while
 * changing ranking). Nothing derived from the tables is written anywhere.
 */
import { parseArgs } from 'node:util';
import { loadNodeSearch } from '../cli/commands/search';
import { generateEvalCases, type EvalCase } from '../test/ranking/eval-cases';
import { readRankingSuite, scoreCase, summarize, type RankingOutcome } from '../test/ranking/suite';

const YEAR = 2026;

const { values } = parseArgs({
  options: {
    part: { type: 'string', default: 'all' },
    kind: { type: 'string' },
    misses: { type: 'string', default: '0' },
    json: { type: 'boolean', default: false },
  },
});

const loaded = await loadNodeSearch({ year: YEAR });
const t = loaded.tables.get(YEAR);
if (!t) throw new Error(`no FY${YEAR} tables are installed (run: npm run codesets)`);
const started = performance.now();
const cases = generateEvalCases(
  { cm: t.cm, ...(t.pcs ? { pcs: t.pcs } : {}), ...(t.hcpcs ? { hcpcs: t.hcpcs } : {}) },
  `${YEAR - 1}-10-01`,
);
const genMs = performance.now() - started;

const run = (c: EvalCase | ReturnType<typeof readRankingSuite>[number]): RankingOutcome =>
  scoreCase(c, loaded.search.search(c.query, { year: YEAR, limit: 50, prefix: false }).hits);

const rows: { set: string; kind: string; part: string; n: number; hit1: number; hit5: number }[] = [];
const outcomes = cases.map((c) => ({ c, o: run(c) }));
const kinds = [...new Set(cases.map((c) => c.kind))];
for (const part of ['tuning', 'reported'] as const) {
  for (const kind of [...kinds, 'all']) {
    const list = outcomes.filter((x) => x.c.part === part && (kind === 'all' || x.c.kind === kind)).map((x) => x.o);
    if (list.length > 0) rows.push({ set: 'generated', kind, part, ...summarize(list) });
  }
}
const suite = readRankingSuite().map(run);
rows.push({ set: 'suite', kind: 'all', part: 'all', ...summarize(suite) });

if (values.json) {
  process.stdout.write(
    `${JSON.stringify({ year: YEAR, cases: cases.length, generateMs: Math.round(genMs), rows }, null, 2)}\n`,
  );
} else {
  process.stdout.write(
    `search evaluation FY${YEAR}: ${cases.length} generated cases (generated in ${Math.round(genMs)} ms)\n`,
  );
  process.stdout.write(
    `${'set'.padEnd(10)} ${'part'.padEnd(9)} ${'kind'.padEnd(14)} ${'n'.padStart(5)}  hit@1  hit@5\n`,
  );
  for (const r of rows) {
    process.stdout.write(
      `${r.set.padEnd(10)} ${r.part.padEnd(9)} ${r.kind.padEnd(14)} ${String(r.n).padStart(5)}  ${r.hit1.toFixed(3)}  ${r.hit5.toFixed(3)}\n`,
    );
  }
}
const wanted = Number(values.misses);
if (wanted > 0) {
  const misses = outcomes.filter(
    (x) =>
      x.o.rank !== 1 &&
      (values.part === 'all' || x.c.part === values.part) &&
      (values.kind === undefined || x.c.kind === values.kind),
  );
  for (const { c, o } of misses.slice(0, wanted)) {
    process.stdout.write(
      `${o.rank === 0 ? 'MISS' : `@${o.rank}`.padEnd(4)} [${c.kind}/${c.part}] "${c.query}" expected ${c.expected.join('|')}; got ${o.top
        .slice(0, 3)
        .map((h) => h.code)
        .join(', ')}\n`,
    );
  }
}
