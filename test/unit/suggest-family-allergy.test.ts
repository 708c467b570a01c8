// Synthetic charts through the whole pipeline for the family history (I.C.21.c.4) and allergy
// status (I.C.21.c.3) rules of the guideline stage: each case names the codes its rule must report
// and the near misses it must not. Cases: test/fixtures/suggest/family-and-allergy.json.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Suggester } from '../../engine/suggest';
import { suggestAbstract, type AbstractResult } from '../../engine/suggest/pipeline';
import cases from '../fixtures/suggest/family-and-allergy.json';
import { loadPipelineSuggester, reportedCodes } from './pipeline-suggester';

interface Case {
  name: string;
  /** Guideline section the case exercises (the rule named on the reported code's trail). */
  rule: string;
  /** Whether the rule adds a code on this chart (false: a near miss it must leave alone). */
  fires: boolean;
  text: string;
  setting: 'inpatient' | 'outpatient';
  reported: string[];
  absent: string[];
}

let suggester: Suggester;
beforeAll(async () => {
  ({ suggester } = await loadPipelineSuggester());
});

describe.each(cases.cases as Case[])('$name', (c) => {
  let result: AbstractResult;
  beforeAll(() => {
    result = suggestAbstract(suggester, c.text, { setting: c.setting });
  });
  const reported = (): string[] => reportedCodes(result);
  const added = () => result.candidates.filter((x) => x.rules.some((r) => r.rule === c.rule && r.action === 'add'));
  it('reports the expected codes', () => {
    for (const code of c.reported) expect(reported(), code).toContain(code);
  });
  it('does not report the near misses', () => {
    for (const code of c.absent) expect(reported(), code).not.toContain(code);
  });
  it('adds a code under its guideline section exactly when it must fire', () => {
    expect(added().length > 0).toBe(c.fires);
  });
  it('quotes the chart for every code it adds, with the official lines in its reason', () => {
    for (const x of added()) {
      const q = x.quote!.evidence;
      expect(c.text.slice(q.start, q.end), x.code).toBe(q.text);
      const reason = x.rules.find((r) => r.rule === c.rule && r.action === 'add')!.reason;
      expect(reason, x.code).toContain(q.text);
      expect(reason, x.code).toMatch(/History, (family|personal)|Conditions classifiable|Table of Drugs|Allergy/);
    }
  });
});
