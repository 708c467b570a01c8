// Synthetic operative reports through the whole pipeline: the diagnosis headings reach their Index
// codes and are reported with their quote. Cases: test/fixtures/suggest/operative-reports.json.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Suggester } from '../../engine/suggest';
import { suggestAbstract, type AbstractResult } from '../../engine/suggest/pipeline';
import cases from '../fixtures/suggest/operative-reports.json';
import { loadPipelineSuggester, reportedCodes } from './pipeline-suggester';

interface Case {
  name: string;
  text: string;
  setting: 'inpatient' | 'outpatient';
  reported?: string[];
  absent?: string[];
  /** Code -> section kinds its quote may come from. */
  quoteSection?: Record<string, string[]>;
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
  it('reports the expected diagnoses with a quote and a reason', () => {
    for (const code of c.reported ?? []) {
      expect(reported(), code).toContain(code);
      const cand = result.candidates.find((x) => x.code === code)!;
      expect(cand.quote, `${code} quote`).toBeDefined();
      expect(cand.suggestion.path.length, `${code} Index path`).toBeGreaterThan(0);
      const kinds = c.quoteSection?.[code];
      if (kinds) expect(kinds, `${code} quoted section`).toContain(cand.quote!.section.kind);
    }
  });
  it('does not report the near miss', () => {
    for (const code of c.absent ?? []) expect(reported(), code).not.toContain(code);
  });
});
