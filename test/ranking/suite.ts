/**
 * The ranking suite as data: parses `queries.tsv` and scores a search against it. Shared by the
 * vitest runner (`ranking.test.ts`) and the bench.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SearchHit, SearchSystem } from '../../engine/search/types';

/** One query of the suite. */
export interface RankingCase {
  line: number;
  query: string;
  system: SearchSystem;
  /** Acceptable codes (display form); a trailing `*` is a prefix. */
  expected: string[];
  category: string;
  reason: string;
}

/** Reads the suite. Throws on a malformed line (a suite that silently drops cases proves nothing). */
export function readRankingSuite(path = join(import.meta.dirname, 'queries.tsv')): RankingCase[] {
  const out: RankingCase[] = [];
  const lines = readFileSync(path, 'utf8').split('\n');
  let header = true;
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || line.startsWith('#')) return;
    if (header) {
      header = false;
      if (line !== 'query\tsystem\texpected\tcategory\treason')
        throw new Error(`queries.tsv: unexpected header "${line}"`);
      return;
    }
    const cols = line.split('\t');
    if (cols.length !== 5)
      throw new Error(`queries.tsv:${i + 1}: expected 5 tab-separated columns, got ${cols.length}`);
    const [query, system, expected, category, reason] = cols as [string, string, string, string, string];
    if (system !== 'cm' && system !== 'pcs' && system !== 'hcpcs')
      throw new Error(`queries.tsv:${i + 1}: bad system "${system}"`);
    if (!query.trim() || !expected.trim() || !reason.trim()) throw new Error(`queries.tsv:${i + 1}: empty column`);
    out.push({ line: i + 1, query, system, expected: expected.split('|').map((c) => c.trim()), category, reason });
  });
  return out;
}

/** `true` when a hit's code is one of the expected codes (or starts with an expected prefix). */
export function isExpected(c: RankingCase, code: string): boolean {
  return c.expected.some((e) => (e.endsWith('*') ? code.startsWith(e.slice(0, -1)) : code === e));
}

/** Outcome of one case: rank (1-based) of the first acceptable hit within its system, or 0. */
export interface RankingOutcome {
  case: RankingCase;
  rank: number;
  top: SearchHit[];
}

/**
 * Scores hits for each case: the rank among hits of the case's system (the side panel groups
 * results by system, so that is the position the user sees).
 */
export function scoreCase(c: RankingCase, hits: SearchHit[]): RankingOutcome {
  const inSystem = hits.filter((h) => h.system === c.system);
  const idx = inSystem.findIndex((h) => isExpected(c, h.code));
  return { case: c, rank: idx + 1, top: inSystem.slice(0, 5) };
}

/** hit@1 and hit@5 over outcomes, in 0..1. */
export function summarize(outcomes: RankingOutcome[]): { n: number; hit1: number; hit5: number } {
  const n = outcomes.length;
  return {
    n,
    hit1: outcomes.filter((o) => o.rank === 1).length / n,
    hit5: outcomes.filter((o) => o.rank >= 1 && o.rank <= 5).length / n,
  };
}
