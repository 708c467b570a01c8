import { beforeAll, describe, expect, it } from 'vitest';
import { loadInstalledTables } from '../../codesets/node';
import { msdrgReaders } from '../../test/golden/msdrg-bundles';
import { Grouper } from '../grouper';
import { Mce } from '../mce';
import { auditHash, caseIdFor } from './case-id';
import {
  addDiagnosis,
  addProcedure,
  moveDiagnosis,
  newCase,
  setProcedureDate,
  updateHeader,
  type CodingCase,
} from './model';
import { grouperClaimOf, recomputeCase, type CaseTables } from './recompute';

let tables: CaseTables;
beforeAll(async () => {
  const cm = (await loadInstalledTables()).icd10cm.get(2026)!;
  const readers = await msdrgReaders();
  tables = { grouper: Grouper.fromBundles(readers.grouper), mce: Mce.fromBundle(readers.mce), cm };
}, 120_000);

function heartFailure(): CodingCase {
  let c = updateHeader(newCase('case-test'), {
    admissionDate: '2025-11-10',
    dischargeDate: '2025-11-15',
    age: 71,
    sex: 'F',
  });
  c = addDiagnosis(c, 'I50.9', 'typed', 'Y');
  c = addDiagnosis(c, 'J18.9', 'suggestion', 'Y');
  c = addDiagnosis(c, 'N17.9', 'search', 'Y');
  return c;
}

describe('recomputeCase', () => {
  it('says why a case cannot be grouped yet instead of returning no DRG', () => {
    const empty = newCase('x');
    const r = recomputeCase(empty, tables);
    expect(r.drg).toEqual({ status: 'not-grouped', reason: expect.stringMatching(/principal diagnosis/) });
    const noDate = addDiagnosis(empty, 'I50.9', 'typed', 'Y');
    expect(grouperClaimOf(noDate)).toEqual({ reason: expect.stringMatching(/discharge date/) });
    expect(grouperClaimOf(updateHeader(heartFailure(), { setting: 'outpatient' }))).toEqual({
      reason: expect.stringMatching(/inpatient/),
    });
  });

  it('groups, edits and tells what each secondary diagnosis would do as principal', () => {
    const c = heartFailure();
    const r = recomputeCase(c, tables);
    expect(r.drg.status).toBe('grouped');
    if (r.drg.status !== 'grouped' || r.mce.status !== 'edited') throw new Error('not grouped');
    // FY2026 (v43.0 for a discharge before Apr 2026): heart failure with N17.9 (CC) -> 292.
    expect(r.drg.result.version).toBe('43.0');
    expect(r.drg.result.finalMdc).toBe(5);
    expect([291, 292, 293]).toContain(r.drg.result.finalDrg);
    expect(r.drg.result.secondary.map((s) => s.code)).toEqual(['J189', 'N179']);
    expect(r.principalWhatIf.map((p) => p.code)).toEqual(['J189', 'N179']);
    const pneumonia = r.principalWhatIf[0]!;
    expect(pneumonia.drg).toBeGreaterThanOrEqual(193);
    expect(pneumonia.drg).toBeLessThanOrEqual(195);
    // The candidate's figure is exactly what grouping the resequenced case gives.
    const swapped = recomputeCase(moveDiagnosis(c, 1, 0), tables);
    if (swapped.drg.status !== 'grouped') throw new Error('not grouped');
    expect(pneumonia.drg).toBe(swapped.drg.result.finalDrg);
    expect(pneumonia.weightDelta).toBeCloseTo(swapped.drg.result.weight - r.drg.result.weight, 4);
    expect(r.mce.result.edits).toEqual([]);
    expect(r.tabular.filter((e) => e.severity === 'error')).toEqual([]);
    // Plain data: crosses the worker boundary as is.
    expect(structuredClone(r)).toEqual(r);
  });

  it('sends only ICD-10-PCS procedures to the grouper and reports tabular/MCE problems together', () => {
    let c = addProcedure(heartFailure(), '5A1955Z', 'icd10pcs', 'typed', '2025-11-11');
    c = addProcedure(c, 'J1100', 'hcpcs', 'typed');
    c = setProcedureDate(c, 1, '2025-11-12');
    const claim = grouperClaimOf(c);
    expect('claim' in claim && claim.claim.procedures).toEqual(['5A1955Z']);
    const bad = addDiagnosis(c, 'I50.2', 'typed', '');
    const r = recomputeCase(bad, tables);
    expect(r.tabular.map((e) => `${e.id}:${e.code}`)).toEqual(
      expect.arrayContaining(['header-code:I502', 'poa-missing:I502']),
    );
    if (r.mce.status !== 'edited') throw new Error('not edited');
    expect(r.mce.result.edits.map((e) => e.edit)).toContain('INVALID_CODE');
  });
});

describe('case ids', () => {
  const chart = {
    url: 'http://localhost:5173/epic-demo.html?session=abc#top',
    document: { title: 'Progress Note - TESTPATIENT, ALPHA', encounter: 'ENC-1' },
  };
  it('are stable per chart document, ignore query and fragment, and carry no chart text', () => {
    const id = caseIdFor(chart);
    expect(id).toMatch(/^case-[0-9a-f]{32}$/);
    expect(caseIdFor({ ...chart, url: 'http://localhost:5173/epic-demo.html' })).toBe(id);
    expect(caseIdFor({ ...chart, document: { ...chart.document, encounter: 'ENC-2' } })).not.toBe(id);
    expect(id).not.toMatch(/TESTPATIENT|epic/i);
    expect(auditHash(id)).toMatch(/^[0-9a-f]{16}$/);
    expect(auditHash(id)).not.toBe(id.slice(5, 21));
  });
});
