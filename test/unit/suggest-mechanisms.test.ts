// One sentence per mechanism of the Index/Tabular suggestion engine, with near misses.
// Cases: test/fixtures/suggest/index-mechanisms.json.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSuggestTables } from '../../cli/commands/suggest';
import { Suggester, type SuggestResult } from '../../engine/suggest';
import cases from '../fixtures/suggest/index-mechanisms.json';
import { expectAbsent, expectListed } from './suggest-expect';

interface Case {
  name: string;
  text: string;
  setting?: 'inpatient' | 'outpatient';
  diagnoses: string[];
  procedures?: string[];
  absent?: string[];
  /** The diagnosis expected first. */
  first?: string;
}

let suggester: Suggester;
beforeAll(async () => {
  const t = await loadSuggestTables();
  if (!t.pcs) throw new Error(t.notices.join('; '));
  suggester = new Suggester(t.cm, t.pcs, t.lexicon);
});

describe.each(cases.cases as Case[])('$name', (c) => {
  let result: SuggestResult;
  beforeAll(() => {
    result = suggester.suggest(c.text, { setting: c.setting ?? 'inpatient' });
  });
  it('suggests the expected codes', () => {
    expectListed(result, c.diagnoses, c.procedures);
    if (c.first) expect(result.diagnoses[0]?.code, 'first diagnosis').toBe(c.first);
  });
  it('does not fire on the near miss', () => {
    expectAbsent(result, c.absent);
  });
});
