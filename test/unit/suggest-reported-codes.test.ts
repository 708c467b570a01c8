// Synthetic charts through the whole pipeline, reported codes against the expected ones. Cases:
// test/fixtures/suggest/injury-neoplasm.json (injury and neoplasm codes), injury-anatomy.json (sites,
// sides, runs of ordinals, follow-up 7th characters) and residual-lines.json (Index residual lines
// and Excludes1 pairs).
import { beforeAll, describe, expect, it } from 'vitest';
import type { Suggester } from '../../engine/suggest';
import { suggestAbstract } from '../../engine/suggest/pipeline';
import injuryAnatomy from '../fixtures/suggest/injury-anatomy.json';
import injuryNeoplasm from '../fixtures/suggest/injury-neoplasm.json';
import residualLines from '../fixtures/suggest/residual-lines.json';
import { loadPipelineSuggester } from './pipeline-suggester';

let suggester: Suggester;
beforeAll(async () => {
  ({ suggester } = await loadPipelineSuggester());
});

describe.each([...injuryNeoplasm.cases, ...injuryAnatomy.cases, ...residualLines.cases])('$name', (c) => {
  let reported: string[];
  beforeAll(() => {
    const { abstract } = suggestAbstract(suggester, c.text, { setting: c.setting as 'inpatient' | 'outpatient' });
    reported = [abstract.principal?.code, ...abstract.secondary.map((e) => e.code)].filter(
      (x): x is string => x !== undefined,
    );
  });
  it.each(c.report.map((x) => [x]))('reports %s', (code) => {
    expect(reported).toContain(code);
  });
  it.each(c.absent.map((x) => [x]))('reports nothing starting %s', (prefix) => {
    expect(reported.filter((x) => x.startsWith(prefix))).toEqual([]);
  });
});
