// Synthetic charts through the whole pipeline, one per mechanism that keeps a wrong diagnosis out
// of the report, each with its near miss (cases: test/fixtures/suggest/precision-mechanisms.json),
// and the family history rule's choice between two readings of one relative's mention.
import { beforeAll, describe, expect, it } from 'vitest';
import type { SuggestTables } from '../../cli/commands/suggest';
import type { Suggester } from '../../engine/suggest';
import { applyGuidelines } from '../../engine/suggest/guidelines';
import { suggestAbstract, type AbstractResult } from '../../engine/suggest/pipeline';
import type { Suggestion, SuggestResult } from '../../engine/suggest/types';
import { analyzeChart } from '../../engine/text';
import cases from '../fixtures/suggest/precision-mechanisms.json';
import { loadPipelineSuggester, reportedCodes } from './pipeline-suggester';

interface Case {
  name: string;
  /** Guideline section that decides the case. */
  rule: string;
  setting: 'inpatient' | 'outpatient';
  text: string;
  reported: string[];
  absent: string[];
  /** Codes the rule of `rule` must add (empty: it adds none on this chart). */
  added: string[];
}

let tables: SuggestTables;
let suggester: Suggester;
beforeAll(async () => {
  ({ suggester, tables } = await loadPipelineSuggester());
});

describe.each(cases.cases as Case[])('$rule: $name', (c) => {
  let result: AbstractResult;
  beforeAll(() => {
    result = suggestAbstract(suggester, c.text, { setting: c.setting });
  });
  const reported = (): string[] => reportedCodes(result);
  it('reports the expected codes', () => {
    for (const code of c.reported) expect(reported(), code).toContain(code);
  });
  it('does not report the wrong ones', () => {
    for (const code of c.absent) expect(reported(), code).not.toContain(code);
  });
  it('adds exactly the codes its rule must add, quoting the chart', () => {
    const added = result.candidates.filter((x) => x.rules.some((r) => r.rule === c.rule && r.action === 'add'));
    expect(added.map((x) => x.code).sort()).toEqual([...c.added].sort());
    for (const x of added) {
      const q = x.quote!.evidence;
      expect(c.text.slice(q.start, q.end), x.code).toBe(q.text);
      expect(x.rules.find((r) => r.rule === c.rule)!.reason, x.code).toContain(q.text);
    }
  });
});

describe('I.C.21.c.4: one family history code per mention, the named category before the residual one', () => {
  // The Index/Tabular stage may rank the bare "Dependence" (F19.20, other psychoactive substance)
  // above nicotine dependence for a relative's "smoker": both readings of one mention reach the
  // rule, and the family code comes from the classification, not from that ranking.
  const text =
    'HISTORY OF PRESENT ILLNESS:\nMr. Zeb Quarry, 49, is seen for a cough of ten days.\n\nFAMILY HISTORY:\nHis father was a heavy smoker.\n\nASSESSMENT:\nAcute bronchitis.\n';
  const at = text.indexOf('smoker');
  const candidate = (code: string, path: string, score: number): Suggestion => ({
    id: `cm:${code}`,
    system: 'cm',
    code,
    title: tables.cm.get(code)!.long,
    score,
    path,
    flags: ['family'],
    notes: [],
    evidence: [
      {
        start: at,
        end: at + 'smoker'.length,
        text: 'smoker',
        section: 'family-history',
        score,
        context: { negated: false, uncertain: false, historical: false, family: true, hypothetical: false },
      },
    ],
  });
  it('gives Z81.2 (tobacco), not Z81.3, whichever reading ranks first', () => {
    for (const order of [
      ['F19.20', 'F17.210'],
      ['F17.210', 'F19.20'],
    ]) {
      const scores = [0.4, 0.2];
      const result: SuggestResult = {
        version: 1,
        setting: 'outpatient',
        diagnoses: order.map((code, i) =>
          candidate(code, code === 'F19.20' ? 'Dependence' : 'Nicotine dependence, cigarettes', scores[i]!),
        ),
        procedures: [],
        tables: { cm: 2026, pcs: 2026 },
      };
      const cands = applyGuidelines(result, {
        text,
        chart: analyzeChart(text, { setting: 'outpatient' }),
        setting: 'outpatient',
        tables: { cm: tables.cm },
      });
      const reported = cands.filter((x) => x.tier === 'report').map((x) => x.code);
      expect(reported, order.join(' > ')).toContain('Z81.2');
      expect(reported, order.join(' > ')).not.toContain('Z81.3');
    }
  });
});
