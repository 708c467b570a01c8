// The coded abstract end to end (suggestions -> principal selection -> POA) on synthetic charts:
// the sepsis / UTI / heart failure discharge summary (engine/suggest/sequence/golden) and the
// Epic-like fixture page (test/fixtures/ehr/epic-demo.html, fictional patient).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CodedAbstract, Setting } from '../../engine/suggest';
import { suggestAbstract } from '../../engine/suggest/pipeline';
import { poaAssigner } from '../../engine/suggest/poa';
import { principalSelector } from '../../engine/suggest/sequence';
import { readChart } from '../../entrypoints/content/readers/read-chart';
import { openFixture } from '../../entrypoints/content/readers/testing/fixture-window';
import { loadPipelineSuggester } from './pipeline-suggester';

let abstractOf: (text: string, setting: Setting) => CodedAbstract;
beforeAll(async () => {
  const { suggester, tables: t } = await loadPipelineSuggester();
  const stages = { selectPrincipal: principalSelector({ cm: t.cm }), assignPoa: poaAssigner({ cm: t.cm }) };
  abstractOf = (text, setting) => suggestAbstract(suggester, text, { setting, ...stages }).abstract;
}, 120_000);

const order = (a: CodedAbstract): string[] => [a.principal?.code ?? '-', ...a.secondary.map((s) => s.code)];

describe('sepsis due to E. coli UTI, acute on chronic systolic HF, AKI on CKD 3b (I.C.1.d.4)', () => {
  const text = readFileSync(
    join(__dirname, '../../engine/suggest/sequence/golden/sepsis-uti-heart-failure.txt'),
    'utf8',
  );

  it('makes A41.51 the principal, with its guideline and quote, and the UTI secondary', () => {
    const a = abstractOf(text, 'inpatient');
    expect(a.principal?.code).toBe('A41.51');
    expect(a.principal?.rules[0]?.rule).toBe('I.C.1.d.4');
    expect(order(a)).toContain('N39.0');
  });

  it('pre-fills POA with a reason on every inpatient diagnosis: the HF exacerbation that developed on day 2 is N', () => {
    const a = abstractOf(text, 'inpatient');
    for (const d of [a.principal!, ...a.secondary]) {
      expect(d.poa, d.code).toMatch(/^[YNUW1]$/);
      expect(d.poaReason, d.code).toContain('Appendix I');
    }
    expect(a.principal?.poa).toBe('Y');
    const hf = a.secondary.find((s) => s.code === 'I50.23');
    if (hf) expect(hf.poa).toBe('N');
  });
});

describe('Epic-like fixture chart: hypertensive heart and CKD with heart failure (I.C.9.a)', () => {
  let text: string;
  beforeAll(async () => {
    const { document } = await openFixture('epic-demo.html');
    text = (await readChart(document, { origin: 'http://localhost', pathname: '/epic-demo.html' })).snapshot.text;
  });

  it('sequences I13.0 before I50.23 (Code first at I50) and E11.22 before N18.32', () => {
    const codes = order(abstractOf(text, 'inpatient'));
    expect(codes).toContain('I13.0');
    expect(codes.indexOf('I13.0')).toBeLessThan(codes.indexOf('I50.23') < 0 ? Infinity : codes.indexOf('I50.23'));
    if (codes.includes('E11.22') && codes.includes('N18.32'))
      expect(codes.indexOf('E11.22')).toBeLessThan(codes.indexOf('N18.32'));
  });

  it('reports no POA outpatient', () => {
    const a = abstractOf(text, 'outpatient');
    expect([a.principal, ...a.secondary].filter((d) => d?.poa !== undefined)).toEqual([]);
  });
});

describe('operative report listing a transplant status first under the postoperative diagnoses (I.C.21.c.3)', () => {
  const text = readFileSync(
    join(__dirname, '../../engine/suggest/sequence/golden/status-code-listed-first.txt'),
    'utf8',
  );

  it('makes the gallbladder disease principal and keeps the status code as an informative secondary', () => {
    const a = abstractOf(text, 'inpatient');
    expect(a.principal?.code).toMatch(/^K8[01]\./);
    expect(a.secondary.map((s) => s.code)).toContain('Z94.0');
    const status = a.principalCandidates?.find((c) => c.code === 'Z94.0');
    expect(status?.rule).toBe('I.C.21.c.3');
    expect(status?.reason).toContain('informative');
    // A long-term drug therapy code read only from the medication list is never a principal candidate.
    expect(a.principalCandidates?.map((c) => c.code) ?? []).not.toContain('Z79.01');
  });
});
