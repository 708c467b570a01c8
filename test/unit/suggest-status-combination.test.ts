// Synthetic charts through the whole pipeline for the status, history and combination-code rules
// of the guideline stage: each case names the codes its rule must report and the near misses it
// must not. Cases: test/fixtures/suggest/status-and-combination.json.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Suggester } from '../../engine/suggest';
import { suggestAbstract, type AbstractResult } from '../../engine/suggest/pipeline';
import cases from '../fixtures/suggest/status-and-combination.json';
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
  /** Codes another rule of the same guideline section rightly adds on this chart (not this rule's firing). */
  others?: string[];
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
  it('reports the expected codes with a quote', () => {
    for (const code of c.reported) {
      expect(reported(), code).toContain(code);
      expect(result.candidates.find((x) => x.code === code)!.quote, `${code} quote`).toBeDefined();
    }
  });
  it('does not report the near misses', () => {
    for (const code of c.absent) expect(reported(), code).not.toContain(code);
  });
  it('names its guideline section on a code it adds, or on none when it must not fire', () => {
    const fired = result.candidates.some(
      (x) => !c.others?.includes(x.code) && x.rules.some((r) => r.rule === c.rule && r.action === 'add'),
    );
    const added = c.reported.some((code) =>
      result.candidates.find((x) => x.code === code)?.rules.some((r) => r.rule === c.rule && r.action === 'add'),
    );
    expect(added, 'the rule adds a reported code').toBe(c.fires);
    expect(fired).toBe(added);
  });
});
