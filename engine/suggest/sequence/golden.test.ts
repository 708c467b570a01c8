// Golden synthetic charts -> principal / first-listed choice, sequence and POA. Cases: golden/cases.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadInstalledTables } from '../../../codesets/node';
import type { CmTable } from '../../icd10cm';
import { analyzeText, findingContext } from '../../text';
import { assignPoa } from '../poa';
import golden from './golden/cases.json';
import { selectPrincipalExplained, type ChartView, type DocumentedCandidate, type SequenceCandidate } from '.';

/** One golden case of golden/cases.json. */
interface GoldenCase {
  name: string;
  guideline: string;
  chart: string;
  setting: 'inpatient' | 'outpatient';
  /** Code -> the chart phrases that support it. */
  candidates: Record<string, string[]>;
  /** Code -> the suggester's confidence, where a case needs it to differ from 0.8 (it breaks placement ties). */
  scores?: Record<string, number>;
  /** Code -> phrases of candidates the guideline stage documented but did not report (demoted by I.B.5). */
  documented?: Record<string, string[]>;
  /**
   * Code -> phrases of candidates held back only as weak Index matches (the guideline stage's I.A
   * demotion below the display threshold, score 0.2).
   */
  documentedWeak?: Record<string, string[]>;
  /** Code -> phrases of documented readings the guideline stage refused as words joined across list items (I.B.1). */
  documentedRefused?: Record<string, string[]>;
  /** Documented codes the selection must promote into the report (and no others). */
  promoted?: string[];
  principal?: string;
  principalOneOf?: string[];
  rule?: string;
  secondRule?: string;
  quoteContains?: string;
  before?: [string, string][];
  rankedRule?: Record<string, string>;
  excluded?: string[];
  /** Codes that may only be principal and are not it (I.C.21.c.15): not reported as secondary. */
  notSecondary?: string[];
  poa?: Record<string, string>;
  poaQuery?: string[];
}
const cases = golden.cases as unknown as GoldenCase[];

let cm: CmTable;
beforeAll(async () => {
  cm = (await loadInstalledTables()).icd10cm.get(2026)!;
});

/** Every occurrence of each phrase (case-insensitive) as a mention, with the text layer's context. */
function candidatesOf(
  view: ChartView & ReturnType<typeof analyzeText>,
  phrases: Record<string, string[]>,
  scores: Record<string, number> = {},
): SequenceCandidate[] {
  const lower = view.text.toLowerCase();
  return Object.entries(phrases).map(([code, list]) => {
    const evidence = [];
    for (const phrase of list) {
      for (let at = lower.indexOf(phrase.toLowerCase()); at >= 0; at = lower.indexOf(phrase.toLowerCase(), at + 1)) {
        const span = { start: at, end: at + phrase.length };
        const c = findingContext(view.text, span, view);
        evidence.push({ ...span, text: view.text.slice(span.start, span.end), section: c.section, context: c });
      }
    }
    if (evidence.length === 0) throw new Error(`golden case: "${list.join('", "')}" not in the chart`);
    const uncertain = evidence.every((e) => e.context.uncertain);
    return { code, score: scores[code] ?? 0.8, evidence, flags: uncertain ? ['uncertain' as const] : [] };
  });
}

describe.each(cases)('$name ($guideline)', (c) => {
  const text = readFileSync(join(__dirname, 'golden', c.chart), 'utf8');
  const view = { text, ...analyzeText(text) };
  const setting = c.setting;
  let candidates: SequenceCandidate[];
  let documented: DocumentedCandidate[];
  beforeAll(() => {
    candidates = candidatesOf(view, c.candidates, c.scores);
    documented = [
      ...candidatesOf(view, c.documented ?? {}).map((d) => ({ ...d, demotedBy: ['I.B.5'] })),
      ...candidatesOf(view, c.documentedWeak ?? {}).map((d) => ({ ...d, score: 0.2, demotedBy: ['I.A'] })),
      ...candidatesOf(view, c.documentedRefused ?? {}).map((d) => ({ ...d, demotedBy: ['I.B.1'] })),
    ];
  });

  it('ranks the expected principal first, with its rule and a quote from the chart or the Tabular List', () => {
    const { ranked, excluded, promoted, notSecondary } = selectPrincipalExplained(
      candidates,
      view,
      setting,
      { cm },
      {
        documented,
      },
    );
    expect(notSecondary.map((n) => n.code)).toEqual(c.notSecondary ?? []);
    for (const n of notSecondary) expect(n.reason).toContain('(I.C.21.c.15)');
    expect(promoted.map((p) => p.code).sort()).toEqual([...(c.promoted ?? [])].sort());
    for (const p of promoted) expect(ranked.map((r) => r.code)).toContain(p.code);
    const codes = ranked.map((r) => r.code);
    if (c.principal) {
      expect(codes[0]).toBe(c.principal);
      expect(ranked[0]!.quote.length).toBeGreaterThan(0);
      expect(ranked[0]!.reason).toMatch(/\(|Section/);
      if (ranked[0]!.span)
        expect(text.slice(ranked[0]!.span.start, ranked[0]!.span.end).replace(/\s+/g, ' ').trim()).toBe(
          ranked[0]!.quote,
        );
    }
    if (c.principalOneOf) expect(c.principalOneOf).toContain(codes[0]);
    if (c.secondRule) expect(ranked[1]?.rule).toBe(c.secondRule);
    if (c.rule) expect(ranked[0]!.rule).toBe(c.rule);
    if (c.quoteContains) expect(ranked[0]!.quote).toContain(c.quoteContains);
    for (const [a, b] of c.before ?? [])
      expect(codes.indexOf(a), `${a} before ${b}: ${codes.join(' ')}`).toBeLessThan(codes.indexOf(b));
    for (const [code, rule] of Object.entries(c.rankedRule ?? {}))
      expect(ranked.find((r) => r.code === code)?.rule, code).toBe(rule);
    expect(excluded.map((e) => e.code).sort()).toEqual([...(c.excluded ?? [])].sort());
    for (const e of excluded) expect(e.reason).toMatch(/\((I|IV|II)\.|\(Section (II|IV)\b|Code Editor/);
  });

  it.runIf(c.poa)('pre-fills POA with a reason for every code', () => {
    const poa = assignPoa(candidates, view, { cm }, setting);
    const want = c.poa!;
    if (setting === 'outpatient') return expect(poa).toEqual([]);
    expect(poa).toHaveLength(candidates.length);
    for (const [code, indicator] of Object.entries(want)) {
      const got = poa.find((p) => p.code === code);
      expect(got?.poa, `${code}: ${got?.reason}`).toBe(indicator);
    }
    for (const p of poa) {
      expect(p.reason).toContain('Appendix I');
      if (p.poa !== '1') expect(text.replace(/\s+/g, ' ')).toContain(p.quote);
      expect(p.query !== undefined).toBe(p.poa === 'W');
    }
    for (const code of c.poaQuery ?? []) expect(poa.find((p) => p.code === code)?.query).toMatch(/present at the time/);
  });
});
