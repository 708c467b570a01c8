// Sequencing on the case: Tabular order edits once each, MCE POA findings not repeated, codes dotted,
// the DRG impact of each principal candidate, and the coder's principal choice that sticks.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadInstalledTables } from '../../codesets/node';
import { msdrgReaders } from '../../test/golden/msdrg-bundles';
import { Grouper } from '../grouper';
import { Mce } from '../mce';
import { acceptAbstract } from './accept-abstract';
import { addDiagnosis, choosePrincipal, newCase, releasePrincipal, updateHeader, type CodingCase } from './model';
import { principalImpact } from './principal-impact';
import { recomputeCase, type CaseTables } from './recompute';
import { tabularEdits } from './tabular-edits';

let tables: CaseTables;
beforeAll(async () => {
  const cm = (await loadInstalledTables()).icd10cm.get(2026)!;
  const readers = await msdrgReaders();
  tables = { grouper: Grouper.fromBundles(readers.grouper), mce: Mce.fromBundle(readers.mce), cm };
}, 120_000);

function inpatient(...codes: [string, string][]): CodingCase {
  let c = updateHeader(newCase('sequencing-test'), {
    admissionDate: '2025-11-03',
    dischargeDate: '2025-11-09',
    age: 74,
    sex: 'F',
  });
  for (const [code, poa] of codes) c = addDiagnosis(c, code, 'typed', poa as 'Y');
  return c;
}

describe('sequencing edits (I.A.13, I.A.17)', () => {
  const of = (c: CodingCase, id: string) => tabularEdits(c, tables.cm).filter((e) => e.id === id);

  it('reports a "use additional code" pair in the wrong order once, with dotted codes', () => {
    const wrong = of(inpatient(['B96.20', 'Y'], ['N39.0', 'Y']), 'use-additional-code-sequence');
    expect(wrong.map((e) => [e.code, e.related])).toEqual([['N390', 'B9620']]);
    expect(wrong[0]!.message).toContain('B96.20 is on the case but sequenced before N39.0');
    expect(of(inpatient(['N39.0', 'Y'], ['B96.20', 'Y']), 'use-additional-code-sequence')).toEqual([]);
  });

  it('reports I50.23 before I13.0 once, as the "Code first" finding, not again as "use additional code"', () => {
    const c = inpatient(['I50.23', 'Y'], ['I13.0', 'Y'], ['N18.32', 'Y']);
    const edits = tabularEdits(c, tables.cm).filter(
      (e) => e.id === 'code-first-not-satisfied' || e.id === 'use-additional-code-sequence',
    );
    const aboutPair = edits.filter(
      (e) => (e.code === 'I5023' && e.message.includes('I13')) || (e.code === 'I130' && e.related === 'I5023'),
    );
    expect(aboutPair.map((e) => [e.id, e.code, e.severity])).toEqual([
      ['code-first-not-satisfied', 'I5023', 'warning'],
    ]);
    expect(of(inpatient(['I13.0', 'Y'], ['I50.23', 'Y'], ['N18.32', 'Y']), 'use-additional-code-sequence')).toEqual([]);
  });

  it('every message shows ICD-10-CM codes with their dot', () => {
    const c = inpatient(['N18.32', ''], ['I50.23', ''], ['I13.0', ''], ['B96.20', ''], ['N39.0', '']);
    for (const e of tabularEdits(c, tables.cm))
      expect(e.message, e.message).not.toMatch(/\b[A-TV-Z]\d{2}[0-9A-Z]{1,4}\b/);
  });
});

describe('MCE beside the Tabular/POA edits', () => {
  it('lists each missing POA once (the Tabular/POA edit) and dots the MCE messages', () => {
    const c = inpatient(
      ['A41.51', ''],
      ['N39.0', ''],
      ['I50.23', ''],
      ['N17.9', ''],
      ['N18.32', ''],
      ['E03.9', ''],
      ['D63.1', ''],
    );
    const r = recomputeCase(c, tables);
    if (r.mce.status !== 'edited') throw new Error(r.mce.reason);
    const missing = r.tabular.filter((e) => e.id === 'poa-missing').map((e) => e.code);
    expect(missing).toHaveLength(7);
    expect(r.mce.result.poa.filter((p) => p.kind === 'missing')).toEqual([]);
    // D63.1 (anemia in CKD) is a manifestation: the MCE edit names it with its dot.
    const manif = inpatient(['D63.1', 'Y'], ['N18.32', 'Y']);
    const m = recomputeCase(manif, tables);
    if (m.mce.status !== 'edited') throw new Error(m.mce.reason);
    const edit = m.mce.result.edits.find((e) => e.edit === 'MANIFESTATION_AS_PDX');
    expect(edit?.message).toContain('D63.1');
    expect(edit?.message).not.toContain('D631');
  });
});

describe('DRG impact of each principal candidate (coder’s DRG panel)', () => {
  it('groups the sepsis chart with A41.51 as principal to DRG 871-872 and with N39.0 to 689-690, in the guideline order', () => {
    const c = inpatient(
      ['N39.0', 'Y'],
      ['A41.51', 'Y'],
      ['I50.23', 'N'],
      ['N17.9', 'Y'],
      ['N18.32', 'Y'],
      ['E03.9', 'Y'],
    );
    const r = principalImpact(
      c,
      [
        { code: 'A41.51', rule: 'I.C.1.d.4', reason: 'systemic infection first' },
        { code: 'N39.0', rule: 'II' },
        { code: 'D63.1' },
      ],
      tables,
    );
    if (r.status !== 'grouped') throw new Error(r.reason);
    expect(r.candidates.map((x) => x.code)).toEqual(['A41.51', 'N39.0', 'D63.1']);
    const [sepsis, uti, manifestation] = r.candidates;
    expect([871, 872]).toContain(sepsis!.drg);
    expect([689, 690]).toContain(uti!.drg);
    expect(uti!.current).toBe(true);
    expect(sepsis!.weight).toBeGreaterThan(uti!.weight);
    expect(sepsis!.weightDelta).toBeCloseTo(sepsis!.weight - uti!.weight, 4);
    expect(sepsis).toMatchObject({ rule: 'I.C.1.d.4', pdxEdits: [] });
    expect(manifestation!.pdxEdits).toContain('MANIFESTATION_AS_PDX');
    // The figure is what grouping the re-sequenced case gives.
    const resequenced = recomputeCase(choosePrincipal(c, 'A41.51'), tables);
    if (resequenced.drg.status !== 'grouped') throw new Error(resequenced.drg.reason);
    expect(resequenced.drg.result.finalDrg).toBe(sepsis!.drg);
  });

  it('recomputes the ranked candidates an accepted abstract left on the case, and says why when it cannot group', () => {
    const ranked = [
      { code: 'A41.51', rule: 'I.C.1.d.4', reason: 'systemic infection first (I.C.1.d.4)' },
      { code: 'N39.0', rule: 'II', reason: 'first listed discharge diagnosis (Section II)' },
    ];
    const c = acceptAbstract(inpatient(['E03.9', 'Y']), {
      principal: { code: 'A41.51', poa: 'Y' },
      secondary: [{ code: 'N39.0', poa: 'Y' }],
      principalCandidates: ranked,
    });
    expect(c.principalCandidates?.map((x) => x.code)).toEqual(['A41.51', 'N39.0']);
    const r = recomputeCase(c, tables).principalCandidates;
    if (r?.status !== 'grouped') throw new Error(JSON.stringify(r));
    expect(r.candidates.map((x) => [x.code, x.current, x.rule])).toEqual([
      ['A41.51', true, 'I.C.1.d.4'],
      ['N39.0', false, 'II'],
    ]);
    expect([871, 872]).toContain(r.candidates[0]!.drg);
    expect([689, 690]).toContain(r.candidates[1]!.drg);
    expect(recomputeCase({ ...c, dischargeDate: undefined }, tables).principalCandidates).toMatchObject({
      status: 'not-grouped',
      reason: expect.stringMatching(/discharge date/),
    });
    expect(recomputeCase(inpatient(['E03.9', 'Y']), tables).principalCandidates).toBeUndefined();
  });

  it('says why there is no figure for a case that cannot be grouped', () => {
    expect(principalImpact(newCase('x'), [{ code: 'A41.51' }], tables)).toEqual({
      status: 'not-grouped',
      reason: expect.stringMatching(/principal/),
    });
  });
});

describe('accepting the abstract; the coder’s principal sticks', () => {
  const abstract = {
    principal: { code: 'A41.51', poa: 'Y' as const },
    secondary: [
      { code: 'N39.0', poa: 'Y' as const },
      { code: 'I50.23', poa: 'N' as const },
      { code: 'Z79.4', poa: '1' as const },
    ],
  };

  it('puts the proposed principal first and pre-fills blank POA only', () => {
    const c = acceptAbstract(inpatient(['N39.0', 'W']), abstract);
    expect(c.diagnoses.map((d) => [d.code, d.poa])).toEqual([
      ['A4151', 'Y'],
      ['N390', 'W'],
      ['I5023', 'N'],
      ['Z794', ''],
    ]);
  });

  it('keeps the coder’s principal when suggestions are accepted again, until released', () => {
    const chosen = choosePrincipal(inpatient(['A41.51', 'Y'], ['N39.0', 'Y']), 'N39.0');
    expect(chosen.principalOverride).toBe(true);
    const again = acceptAbstract(chosen, abstract);
    expect(again.diagnoses.map((d) => d.code)).toEqual(['N390', 'A4151', 'I5023', 'Z794']);
    expect(acceptAbstract(releasePrincipal(again), abstract).diagnoses[0]!.code).toBe('A4151');
  });
});
