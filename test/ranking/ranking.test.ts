/**
 * Ranking suite: >= 170 realistic coder and trainee queries with expected codes, run
 * against the search index built from the installed FY2026 tables. Asserts hit@1 >= 85% and
 * hit@5 >= 97% and prints every miss. Each expected code is first checked against the official
 * tables of the year: an expected code that is not valid fails the suite.
 *
 * Run: npm run test:ranking (needs the official release files; the tables are built on demand).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadNodeSearch, type NodeSearch } from '../../cli/commands/search';
import { formatCmCode } from '../../engine/codes/normalize';
import { readRankingSuite, scoreCase, summarize, type RankingCase, type RankingOutcome } from './suite';

const YEAR = 2026;
const cases = readRankingSuite();
let loaded: NodeSearch;

beforeAll(async () => {
  loaded = await loadNodeSearch({ year: YEAR });
});

/** `true` when the expected code (or prefix) exists in the year's official tables. */
function validExpected(c: RankingCase, code: string): boolean {
  const t = loaded.tables.get(YEAR)!;
  const prefix = code.endsWith('*');
  const bare = prefix ? code.slice(0, -1) : code;
  switch (c.system) {
    case 'cm':
      return !prefix && t.cm.has(bare) && formatCmCode(bare) === bare;
    case 'pcs':
      return t.pcs !== undefined && (prefix || bare.length < 7 ? t.pcs.isValidPrefix(bare) : t.pcs.isValid(bare));
    case 'hcpcs':
      return t.hcpcs?.get(bare) !== undefined;
  }
}

describe('ranking suite', () => {
  it('has at least 170 queries, each with a reason', () => {
    expect(cases.length).toBeGreaterThanOrEqual(170);
    for (const c of cases) expect(c.reason.length).toBeGreaterThan(8);
  });

  it('every expected code is valid in the FY2026 official tables', () => {
    const invalid = cases.flatMap((c) =>
      c.expected.filter((e) => !validExpected(c, e)).map((e) => `line ${c.line} "${c.query}": ${c.system} ${e}`),
    );
    expect(invalid).toEqual([]);
  });

  it('reaches hit@1 >= 85% and hit@5 >= 97%', () => {
    const outcomes: RankingOutcome[] = cases.map((c) =>
      scoreCase(c, loaded.search.search(c.query, { year: YEAR, limit: 50, prefix: false }).hits),
    );
    const { n, hit1, hit5 } = summarize(outcomes);
    const misses = outcomes.filter((o) => o.rank !== 1);
    const lines = misses.map(
      (o) =>
        `  ${o.rank === 0 ? 'MISS' : `@${o.rank}  `} [${o.case.category}] "${o.case.query}" expected ${o.case.expected.join('|')}; got ${o.top
          .slice(0, 3)
          .map((h) => h.code)
          .join(', ')}`,
    );
    console.log(
      `ranking suite: ${n} queries, hit@1 ${(hit1 * 100).toFixed(1)}%, hit@5 ${(hit5 * 100).toFixed(1)}%\n${lines.join('\n')}`,
    );
    const byCategory = new Map<string, RankingOutcome[]>();
    for (const o of outcomes) byCategory.set(o.case.category, [...(byCategory.get(o.case.category) ?? []), o]);
    for (const [cat, list] of byCategory) {
      const s = summarize(list);
      console.log(
        `  ${cat.padEnd(14)} n=${String(s.n).padStart(3)} hit@1 ${(s.hit1 * 100).toFixed(0)}% hit@5 ${(s.hit5 * 100).toFixed(0)}%`,
      );
    }
    expect(hit1).toBeGreaterThanOrEqual(0.85);
    expect(hit5).toBeGreaterThanOrEqual(0.97);
  });
});
