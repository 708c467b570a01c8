import { beforeAll, describe, expect, it } from 'vitest';
import { loadInstalledTables } from '../../codesets/node';
import type { CmTable } from '../icd10cm';
import { inRange, noteRanges } from './code-refs';
import { abstractText, FhirClaimSchema, toFhirClaim, type TitleOf } from './export';
import {
  addDiagnosis,
  addProcedure,
  CaseSchema,
  moveDiagnosis,
  newCase,
  removeCode,
  setPoa,
  type CodingCase,
} from './model';
import { tabularEdits } from './tabular-edits';

let cm: CmTable;
beforeAll(async () => {
  cm = (await loadInstalledTables()).icd10cm.get(2026)!;
});

function inpatient(...codes: [string, string][]): CodingCase {
  let c: CodingCase = {
    ...newCase('test-case'),
    admissionDate: '2025-11-10',
    dischargeDate: '2025-11-15',
    sex: 'F',
    age: 71,
  };
  for (const [code, poa] of codes) c = addDiagnosis(c, code, 'typed', poa as 'Y');
  return c;
}

describe('note references', () => {
  it('reads ranges, dashes and lists', () => {
    expect(noteRanges('to identify stage of chronic kidney disease (N18.1-N18.6)')).toEqual([
      { from: 'N181', to: 'N186', printed: 'N18.1-N18.6' },
    ]);
    expect(noteRanges('combined heart failure (I50.4-)').map((r) => [r.from, r.to])).toEqual([['I504', 'I504']]);
    expect(noteRanges('type 2 diabetes (vitamin B12)')).toEqual([]);
    expect(inRange('N1830', { from: 'N181', to: 'N186', printed: '' })).toBe(true);
    expect(inRange('N189', { from: 'N181', to: 'N186', printed: '' })).toBe(false);
    expect(inRange('E1122', { from: 'E08', to: 'E13', printed: '' })).toBe(true);
  });
});

describe('case model', () => {
  it('adds, sequences, sets POA and removes codes immutably, and stays schema-valid', () => {
    const a = inpatient(['I50.23', 'Y'], ['e11.22', 'Y'], ['N18.32', 'Y']);
    expect(a.diagnoses.map((d) => d.code)).toEqual(['I5023', 'E1122', 'N1832']);
    expect(addDiagnosis(a, 'I5023', 'search')).toBe(a);
    const b = moveDiagnosis(a, 1, 0);
    expect(b.diagnoses[0]!.code).toBe('E1122');
    expect(a.diagnoses[0]!.code).toBe('I5023');
    expect(setPoa(b, 'N18.32', 'N').diagnoses[2]!.poa).toBe('N');
    expect(removeCode(b, 'E1122').diagnoses).toHaveLength(2);
    expect(CaseSchema.parse(addProcedure(b, '0DTJ4ZZ', 'icd10pcs', 'suggestion', '2025-11-11'))).toBeTruthy();
  });
});

describe('tabular edits on FY2026 tables', () => {
  const ids = (c: CodingCase) => tabularEdits(c, cm).map((e) => `${e.id}:${e.code}`);

  it('flags a header code and a code missing its 7th character', () => {
    expect(ids(inpatient(['I50.2', 'Y']))).toContain('header-code:I502');
    expect(ids(inpatient(['S72.001', 'Y']))).toContain('missing-seventh-character:S72001');
    expect(ids(inpatient(['S72.001A', 'Y']))).not.toContain('missing-seventh-character:S72001A');
    expect(ids(inpatient(['Q99.99', 'Y']))).toContain('unknown-code:Q9999');
  });

  it('asks for the CKD stage that E11.22 says to add, and is satisfied by it', () => {
    const own = (c: CodingCase) =>
      tabularEdits(c, cm).filter((e) => e.id === 'use-additional-code-not-satisfied' && e.noteFrom === 'E11.22');
    expect(own(inpatient(['E11.22', 'Y']))).toMatchObject([{ severity: 'warning', code: 'E1122' }]);
    expect(own(inpatient(['E11.22', 'Y'], ['N18.32', 'Y']))).toEqual([]);
    // The category's "control using: insulin (Z79.4) ..." list is one inherited, informational finding.
    const inherited = tabularEdits(inpatient(['E11.22', 'Y'], ['N18.32', 'Y']), cm).filter((e) => e.noteFrom === 'E11');
    expect(inherited.map((e) => [e.id, e.severity])).toEqual([['use-additional-code-not-satisfied', 'info']]);
    expect(
      tabularEdits(inpatient(['E11.22', 'Y'], ['N18.32', 'Y'], ['Z79.4', '']), cm).filter((e) => e.noteFrom === 'E11'),
    ).toEqual([]);
  });

  it('finds an Excludes1 pair from an inherited note (I50.2- excludes I50.4-)', () => {
    const edits = tabularEdits(inpatient(['I50.23', 'Y'], ['I50.43', 'Y']), cm);
    const pair = edits.find((e) => e.id === 'excludes1-conflict');
    expect(pair?.code).toBe('I5023');
    expect(pair?.related).toBe('I5043');
  });

  it('requires POA on inpatient codes, blank on POA-exempt ones', () => {
    const exempt = cm.get('Z79.4')!;
    expect(exempt.poaExempt).toBe(true);
    expect(ids(inpatient(['I50.23', '']))).toContain('poa-missing:I5023');
    expect(ids(inpatient(['I50.23', 'Y'], ['Z79.4', 'Y']))).toContain('poa-exempt-reported:Z794');
    expect(ids(inpatient(['I50.23', 'Y'], ['Z79.4', '']))).not.toContain('poa-exempt-reported:Z794');
  });
});

describe('exports', () => {
  const titleOf: TitleOf = (code, system) => (system === 'icd10cm' ? cm.summary(code)?.long : undefined);
  const c = addProcedure(
    inpatient(['I50.23', 'Y'], ['E11.22', 'Y'], ['N18.32', 'N']),
    '5A1955Z',
    'icd10pcs',
    'typed',
    '2025-11-11',
  );
  const drg = { drg: '291', title: 'HEART FAILURE AND SHOCK WITH MCC', mdc: '05', weight: 1.2345, version: '43.0' };

  it('writes a plain-text abstract with codes, POA and the DRG', () => {
    const text = abstractText(c, titleOf, drg);
    expect(text).toContain('I50.23   POA Y  Acute on chronic systolic (congestive) heart failure');
    expect(text).toContain('N18.32   POA N');
    expect(text).toContain('MS-DRG 291 (v43.0, MDC 05, weight 1.2345)');
  });

  it('writes a FHIR R4 Claim that validates, with principal, POA and the DRG package code', () => {
    const claim = toFhirClaim(c, titleOf, '2025-11-16', drg);
    expect(FhirClaimSchema.safeParse(claim).success).toBe(true);
    expect(claim.diagnosis[0]!.diagnosisCodeableConcept.coding[0]).toMatchObject({
      system: 'http://hl7.org/fhir/sid/icd-10-cm',
      code: 'I50.23',
    });
    expect(claim.diagnosis[0]!.type![0]!.coding[0]!.code).toBe('principal');
    expect(claim.diagnosis[2]!.onAdmission!.coding[0]!.code).toBe('n');
    expect(claim.diagnosis[0]!.packageCode!.coding[0]!.code).toBe('291');
    expect(claim.procedure![0]!.procedureCodeableConcept.coding[0]!.code).toBe('5A1955Z');
    expect(() => FhirClaimSchema.parse({ ...claim, extra: 1 })).toThrow();
  });
});

describe('code first', () => {
  it('reads the notes printed at one place as alternatives: one finding, information when inherited and absent', () => {
    const firsts = (c: CodingCase) =>
      tabularEdits(c, cm).filter((e) => e.id === 'code-first-not-satisfied' && e.code === 'I5023');
    const alone = firsts(inpatient(['I50.23', 'Y']));
    expect(alone.map((e) => [e.noteFrom, e.severity])).toEqual([['I50', 'info']]);
    expect(alone[0]!.message).toContain('I11.0');
  });

  it('warns when the code to sequence first is on the case but after, and is satisfied when before', () => {
    const n18 = (c: CodingCase) =>
      tabularEdits(c, cm).filter((e) => e.id === 'code-first-not-satisfied' && e.code === 'N1832');
    expect(n18(inpatient(['N18.32', 'Y'], ['E11.22', 'Y'])).map((e) => e.severity)).toEqual(['warning']);
    expect(n18(inpatient(['E11.22', 'Y'], ['N18.32', 'Y']))).toEqual([]);
  });
});
