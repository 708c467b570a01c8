// Synthetic charts through the whole pipeline where the chart's wording differs from the Index's
// or the Tabular's: eponym nouns (I.A.16), the one type the Index lists (I.B.1), lymphoma and
// leukemia in remission (I.C.2.n) against a solid tumour's history (I.C.2.d), and status codes
// read from the operation's name (I.C.21.c.3). Cases: test/fixtures/suggest/index-wording.json.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Suggester } from '../../engine/suggest';
import { suggestAbstract, type AbstractResult } from '../../engine/suggest/pipeline';
import cases from '../fixtures/suggest/index-wording.json';
import { loadPipelineSuggester, reportedCodes } from './pipeline-suggester';

interface Case {
  name: string;
  /** Guideline section that decides the case. */
  guideline: string;
  setting: 'inpatient' | 'outpatient';
  text: string;
  reported: string[];
  absent: string[];
  /** The principal (inpatient) or first-listed code, when the case decides it. */
  principal?: string;
  /** A rule step one reported code must carry. */
  trail?: { code: string; rule: string; action: string };
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
  it.runIf(c.trail !== undefined)('names the deciding rule on the code', () => {
    const t = c.trail!;
    const steps = result.candidates.find((x) => x.code === t.code)?.rules ?? [];
    expect(steps.some((s) => s.rule === t.rule && s.action === t.action && s.reason.length > 0)).toBe(true);
  });
  it.runIf(c.principal !== undefined)('sequences the expected principal', () => {
    expect(result.abstract.principal?.code).toBe(c.principal);
  });
});
