// Synthetic charts through the whole pipeline to the abstract's principal (first-listed) diagnosis,
// each case naming the guideline that decides it. Cases: test/fixtures/suggest/abstract-principal.json.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CodedAbstract } from '../../engine/suggest';
import { suggestAbstract } from '../../engine/suggest/pipeline';
import { principalSelector } from '../../engine/suggest/sequence';
import golden from '../fixtures/suggest/abstract-principal.json';
import { loadPipelineSuggester } from './pipeline-suggester';

interface Case {
  name: string;
  guideline: string;
  setting: 'inpatient' | 'outpatient';
  text: string;
  principal?: string;
  principalOneOf?: string[];
  /** The guideline section on the principal's deciding step. */
  principalRule?: string;
  /** Codes that must be reported as secondary diagnoses. */
  secondary?: string[];
  /** Codes that must not be reported at all. */
  absent?: string[];
}

let abstractOf: (c: Case) => CodedAbstract;
beforeAll(async () => {
  const { suggester, tables: t } = await loadPipelineSuggester();
  const selectPrincipal = principalSelector({ cm: t.cm });
  abstractOf = (c) => suggestAbstract(suggester, c.text, { setting: c.setting, selectPrincipal }).abstract;
}, 120_000);

describe.each(golden.cases as Case[])('$guideline: $name', (c) => {
  let a: CodedAbstract;
  beforeAll(() => {
    a = abstractOf(c);
  });

  it('chooses the expected principal, quoting the chart, with its deciding guideline', () => {
    const code = a.principal?.code;
    if (c.principal) expect(code).toBe(c.principal);
    if (c.principalOneOf) expect(c.principalOneOf).toContain(code);
    expect(a.principal?.quote.length).toBeGreaterThan(0);
    expect(c.text).toContain(a.principal!.quote);
    const decided = a.principal!.rules.at(-1)!;
    expect(decided.reason.length).toBeGreaterThan(10);
    if (c.principalRule) expect(decided.rule).toBe(c.principalRule);
  });

  it('reports the expected secondary diagnoses and none of the absent codes', () => {
    const secondary = a.secondary.map((s) => s.code);
    for (const code of c.secondary ?? []) expect(secondary, code).toContain(code);
    const all = [a.principal?.code, ...secondary];
    for (const code of c.absent ?? []) expect(all, code).not.toContain(code);
  });
});
