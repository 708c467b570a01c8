// Golden synthetic charts per guideline rule (golden/cases.json): candidates as the Index/Tabular
// stage would give them, the tier each rule must put them in.
import { describe, expect, it } from 'vitest';
import { analyzeChart } from '../../text';
import type { Suggestion, SuggestResult } from '../types';
import golden from './golden/cases.json';
import inContext from './golden/in-context.json';
import useAdditional from './golden/use-additional.json';
import injuryNeoplasm from './golden/injury-neoplasm.json';
import injuryAnatomy from './golden/injury-anatomy.json';
import { applyGuidelines, RULES } from './index';

interface CaseCandidate {
  code: string;
  system?: string;
  title: string;
  path: string;
  score: number;
  /** Substrings of the text; `text#n` = its n-th further occurrence. */
  quotes: string[];
}

function spanOf(text: string, quote: string): { start: number; end: number; text: string } {
  const [q, nth] = quote.split('#') as [string, string | undefined];
  let at = text.indexOf(q);
  for (let i = 0; i < Number(nth ?? 0); i++) at = text.indexOf(q, at + 1);
  if (at < 0) throw new Error(`quote not in text: ${quote}`);
  return { start: at, end: at + q.length, text: q };
}

function resultOf(text: string, setting: 'inpatient' | 'outpatient', cands: CaseCandidate[]): SuggestResult {
  const chart = analyzeChart(text, { setting });
  const toSuggestion = (c: CaseCandidate): Suggestion => ({
    id: `${c.system ?? 'cm'}:${c.code}`,
    system: c.system === 'pcs' ? 'pcs' : 'cm',
    code: c.code,
    title: c.title,
    score: c.score,
    path: c.path,
    flags: [],
    notes: [],
    evidence: c.quotes.map((q) => {
      const s = spanOf(text, q);
      const section = chart.sections.find((x) => x.start <= s.start && s.start < x.end)!.kind;
      return {
        ...s,
        section,
        score: c.score,
        context: { negated: false, uncertain: false, historical: false, family: false, hypothetical: false },
      };
    }),
  });
  return {
    version: 1,
    setting,
    diagnoses: cands.filter((c) => c.system !== 'pcs').map(toSuggestion),
    procedures: cands.filter((c) => c.system === 'pcs').map(toSuggestion),
    tables: { cm: 2026, pcs: 2026 },
  };
}

describe('RULES', () => {
  it('names a guideline section for every rule, once', () => {
    const names = RULES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    for (const r of RULES) expect(r.section.length).toBeGreaterThan(0);
  });
  it('has a golden case for every rule section family', () => {
    const covered = new Set(golden.cases.map((c) => c.rule));
    for (const s of [
      'III',
      'IV.H',
      'II.H',
      'III.A',
      'III.B',
      'I.A.12.a',
      'I.B.2',
      'I.B.5',
      'I.C.20',
      'UHDDS',
      'I.A',
      'I.A.16',
      'I.C.21.c.3',
    ])
      expect(covered, s).toContain(s);
  });
});

/** Injury cases: sites and neoplasms (injury-neoplasm.json), sides and runs of injuries (injury-anatomy.json). */
const injuryAndSiteCases = [...injuryNeoplasm.cases, ...injuryAnatomy.cases];

describe.each([...golden.cases, ...inContext.cases, ...useAdditional.cases, ...injuryAndSiteCases])(
  '$rule: $name',
  (c) => {
    const setting = c.setting as 'inpatient' | 'outpatient';
    const notes = (c as { notes?: Record<string, { kind: string; text: string; from: string }[]> }).notes ?? {};
    const sexOf = (c as { sexOf?: Record<string, 'female' | 'male'> }).sexOf;
    // Titles of codes a rule may add (quoted from the FY2026 Tabular List); others are unknown.
    const titles = (c as { tables?: Record<string, string> }).tables ?? {};
    const known = new Set([...c.candidates.map((x) => x.code), ...Object.keys(titles)]);
    // Tabular chapter and section titles per code, where a rule reads them (quoted from the FY2026 Tabular).
    const blocks = (c as { blocks?: Record<string, [string, string]> }).blocks ?? {};
    // Codes no Alphabetic Index line names (added to the Tabular after the Index release used).
    const unindexed = new Set((c as { unindexed?: string[] }).unindexed ?? []);
    // Table of Drugs and Chemicals rows the case's rule reads (substance and its adverse-effect code, quoted from the table).
    const drugRows = ((c as { drugRows?: { path: string; adverseEffect: string }[] }).drugRows ?? []).map((r) => ({
      path: r.path,
      see: '',
      nemod: '',
      cells: [{ column: 'Adverse effect', code: r.adverseEffect }],
    }));
    // Alphabetic Index lines a rule reads (quoted from the Index the bundle is built from).
    type IndexLine = { path: string; code: string; see?: string; nemod?: string };
    const index = (c as { index?: IndexLine[] }).index?.map((e) => ({ see: '', nemod: '', ...e }));
    // Table of Drugs and Chemicals rows a rule reads (quoted from the Table the bundle is built from).
    type DrugRow = { path: string; nemod: string; cells: { column: string; code: string }[] };
    const drugs = (c as { drugs?: DrugRow[] }).drugs?.map((r) => ({ see: '', ...r }));
    const cands = applyGuidelines(resultOf(c.text, setting, c.candidates), {
      text: c.text,
      chart: analyzeChart(c.text, { setting }),
      setting,
      tables: {
        cm: {
          get: (code: string) =>
            known.has(code)
              ? {
                  long: titles[code] ?? code,
                  notes: notes[code] ?? [],
                  ...(blocks[code] ? { chapter: { desc: blocks[code][0] }, section: { desc: blocks[code][1] } } : {}),
                  ...(unindexed.has(code) ? { indexEntries: [] } : {}),
                  ...(index ? { indexEntries: index.filter((e) => e.code === code) } : {}),
                }
              : undefined,
          ...(index
            ? {
                indexEntries: () => index,
                billableDescendants: (header: string) =>
                  [...known].filter((k) => k.startsWith(header)).map((dotted) => ({ dotted })),
              }
            : {}),
          drugRows: () => [...drugRows, ...(drugs ?? [])],
        },
        ...(sexOf ? { sexOf: (code: string) => sexOf[code] } : {}),
      },
    });
    const tierOf = (code: string) => cands.find((x) => x.code === code)?.tier;
    const want = c.expect as { report?: string[]; also?: string[]; suppressed?: string[]; absent?: string[] };
    it.each((want.absent ?? []).map((x) => [x]))('%s is not proposed', (code) => {
      expect(tierOf(code)).toBeUndefined();
    });
    // A candidate that must not reach the report, whichever tier holds it.
    it.each(((c as { notReported?: string[] }).notReported ?? []).map((x) => [x]))('%s is not reported', (code) => {
      expect(cands.some((x) => x.code === code)).toBe(true);
      expect(tierOf(code)).not.toBe('report');
    });
    it.each([
      ...(want.report ?? []).map((x) => [x, 'report']),
      ...(want.also ?? []).map((x) => [x, 'also']),
      ...(want.suppressed ?? []).map((x) => [x, 'suppressed']),
    ])('%s -> %s', (code, tier) => {
      expect(tierOf(code), JSON.stringify(cands.find((x) => x.code === code)?.rules)).toBe(tier);
    });
    it('gives every moved candidate its rule and reason', () => {
      for (const x of cands.filter((y) => y.tier !== 'report')) {
        expect(x.rules.length).toBeGreaterThan(0);
        for (const r of x.rules) expect(r.reason.length).toBeGreaterThan(10);
      }
    });
  },
);

describe('property: a negated or ruled-out mention is never reported', () => {
  it('holds for any cue, finding, section and setting', async () => {
    const fc = (await import('fast-check')).default;
    const cue = fc.constantFrom('No', 'Denies', 'Negative for', 'No evidence of', 'Patient denies any');
    const after = fc.constantFrom('', '', ' was ruled out');
    const finding = fc.constantFrom('pneumonia', 'chest pain', 'hematuria', 'deep vein thrombosis', 'fever');
    const heading = fc.constantFrom(
      'ASSESSMENT:',
      'DISCHARGE DIAGNOSES:',
      'HISTORY OF PRESENT ILLNESS:',
      'IMPRESSION:',
    );
    const setting = fc.constantFrom('inpatient' as const, 'outpatient' as const);
    fc.assert(
      fc.property(cue, finding, after, heading, setting, (q, f, a, h, st) => {
        // "X was ruled out" carries its own cue after the finding; otherwise the cue precedes it.
        const text = a ? `${h}\nProbable ${f}.\n${f}${a}.\n` : `${h}\n${q} ${f}.\n`;
        const quote = a ? `${f}#1` : f;
        const cands = applyGuidelines(
          resultOf(text, st, [{ code: 'X00.0', title: 'Synthetic', path: f, score: 0.9, quotes: [quote] }]),
          { text, chart: analyzeChart(text, { setting: st }), setting: st, tables: { cm: { get: () => undefined } } },
        );
        expect(cands[0]!.tier).not.toBe('report');
      }),
      { numRuns: 150 },
    );
  });
});
