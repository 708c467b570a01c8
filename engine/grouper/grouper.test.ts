// Grouper behaviour on the real tables, built from the release files by the test helper
// (engine tests run in Node and may use codesets/ and test/ for that).
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { msdrgReaders } from '../../test/golden/msdrg-bundles';
import { ChartsideGrouperTablesError, Grouper } from './grouper';
import type { GrouperClaim } from './types';

let grouper: Grouper;
beforeAll(async () => {
  grouper = Grouper.fromBundles((await msdrgReaders()).grouper);
});

const claim = (over: Partial<GrouperClaim>): GrouperClaim => ({
  pdx: 'J189',
  sdx: [],
  procedures: [],
  age: 70,
  sex: 'F',
  dischargeStatus: '01',
  dischargeDate: '2025-11-15',
  ...over,
});

describe('grouper: bad input gets the CMS return codes (tables README, grouping steps 5-7)', () => {
  it('unknown principal diagnosis -> DRG 999, MDC 00, INVALID_PDX', () => {
    const r = grouper.group(claim({ pdx: 'J18', sdx: [{ code: 'I10', poa: 'Y' }] }));
    expect([r.finalDrg, r.finalMdc, r.returnCode, r.medSurg, r.severity]).toEqual([
      999,
      0,
      'INVALID_PDX',
      'NONE',
      'NONE',
    ]);
    expect(r.title).toBe('Ungroupable');
    expect(r.secondary[0]!.usage).toBe('NEITHER');
  });

  it('missing principal diagnosis -> DRG 999, INVALID_PDX', () => {
    const r = grouper.group(claim({ pdx: '' }));
    expect([r.finalDrg, r.returnCode]).toEqual([999, 'INVALID_PDX']);
  });

  it('external-cause principal -> DRG 999, DX_CANNOT_BE_PDX', () => {
    expect(grouper.group(claim({ pdx: 'V0909XA' })).returnCode).toBe('DX_CANNOT_BE_PDX');
  });

  it('unknown sex with a principal whose MDC depends on sex -> INVALID_SEX; known sex picks the MDC', () => {
    const r = grouper.group(claim({ pdx: 'A510', sex: 'U' }));
    expect([r.finalDrg, r.finalMdc, r.returnCode]).toEqual([999, 0, 'INVALID_SEX']);
    expect(grouper.group(claim({ pdx: 'A510', sex: 'M' })).finalMdc).toBe(12);
    expect(grouper.group(claim({ pdx: 'A510', sex: 'F' })).finalMdc).toBe(13);
    // Sex does not matter for other principals.
    expect(grouper.group(claim({ sex: 'U' })).returnCode).toBe('OK');
  });

  it('unknown discharge status -> INVALID_DISCHARGE_STATUS where the logic needs it (AMI), else grouped', () => {
    const ami = grouper.group(claim({ pdx: 'I214', dischargeStatus: '99' }));
    expect([ami.finalDrg, ami.returnCode]).toEqual([999, 'INVALID_DISCHARGE_STATUS']);
    const pneumonia = grouper.group(claim({ dischargeStatus: '99' }));
    expect([pneumonia.finalDrg, pneumonia.returnCode]).toEqual([195, 'OK']);
  });

  it('age 130 is not used by MS-DRG v43 logic: grouped normally (the MCE reports INVALID_AGE)', () => {
    const r = grouper.group(claim({ age: 130 }));
    expect([r.finalDrg, r.returnCode]).toEqual([195, 'OK']);
  });

  it('unknown secondary diagnoses and procedures are ignored, not fatal', () => {
    const r = grouper.group(claim({ sdx: [{ code: 'XYZ', poa: 'Y' }], procedures: ['ZZZZZZZ'] }));
    expect(r.finalDrg).toBe(195);
    expect(r.secondary[0]).toMatchObject({ valid: false, usage: 'NEITHER' });
    expect(r.procedures[0]).toMatchObject({ valid: false });
  });

  it('refuses to exist without tables', () => {
    expect(() => Grouper.fromBundles([])).toThrow(ChartsideGrouperTablesError);
  });
});

describe('grouper: versions, weights, explanation', () => {
  it('picks v43.0 / v43.1 by discharge date and says when it falls back to the newest', () => {
    expect(grouper.group(claim({ dischargeDate: '2026-03-31' })).version).toBe('43.0');
    expect(grouper.group(claim({ dischargeDate: '2026-04-01' })).version).toBe('43.1');
    const old = grouper.group(claim({ dischargeDate: '2024-12-01' }));
    expect(old.version).toBe('43.1');
    expect(old.versionNote).toMatch(/outside/);
  });

  it('reports weight, GMLOS, AMLOS and the row that fired with the codes that drove it', () => {
    const r = grouper.group(claim({ sdx: [{ code: 'I5023', poa: 'Y' }] }));
    expect(r.finalDrg).toBe(193);
    expect(r.weight).toBeGreaterThan(1);
    expect(r.gmlos).toBeGreaterThan(0);
    expect(r.secondary[0]).toMatchObject({ code: 'I5023', usage: 'MCC' });
    const last = r.trail.at(-1)!;
    expect(last.drg).toBe(193);
    expect(last.drivers).toContainEqual({ operand: 'MCC', codes: ['I5023'] });
  });

  it('death exclusion: an mccalive MCC (I469, cardiac arrest) does not count when the patient died', () => {
    const alive = grouper.group(claim({ sdx: [{ code: 'I469', poa: 'Y' }] }));
    expect([alive.finalDrg, alive.secondary[0]!.usage]).toEqual([193, 'MCC']);
    const died = grouper.group(claim({ sdx: [{ code: 'I469', poa: 'Y' }], dischargeStatus: '20' }));
    expect(died.finalDrg).toBe(195);
    // CMS prints NEITHER for a code dropped by the death exclusion (POA fixtures, status 20).
    expect(died.secondary[0]).toMatchObject({ usage: 'NEITHER', reason: { kind: 'death-exclusion' } });
  });
});

describe('grouper: HAC step (POA)', () => {
  // S020XXB (skull vault fracture, MCC) is on HAC 05 (falls and trauma).
  const hac = (poa: string, exempt = false) =>
    grouper.group(claim({ sdx: [{ code: 'S020XXB', poa }] }), { poaExemptHospital: exempt });

  it('POA N: the MCC is removed for the final DRG; the initial DRG keeps it', () => {
    const r = hac('N');
    expect(r.initialDrg).toBe(193);
    expect(r.finalDrg).toBe(195);
    // CMS prints NEITHER for a CC/MCC the HAC step drops (README-poa-hac.md).
    expect(r.secondary[0]).toMatchObject({ usage: 'NEITHER', reason: { kind: 'hac', hacs: [5] } });
    expect(r.hacs).toEqual([expect.objectContaining({ hac: 5, code: 'S020XXB', status: 'disqualified' })]);
    expect(r.returnCode).toBe('OK');
  });

  it('POA Y / W keeps the MCC; POA-exempt hospitals skip the step', () => {
    expect(hac('Y').finalDrg).toBe(193);
    expect(hac('W').finalDrg).toBe(193);
    const exempt = hac('N', true);
    expect(exempt.finalDrg).toBe(193);
    expect(exempt.hacs[0]!.status).toBe('exempt-hospital');
  });

  it('blank, 1 or an invalid POA on a HAC code: DRG 999, MDC 00, HAC_MISSING_ONE_POA; the initial DRG is the grouped one', () => {
    for (const poa of ['', '1', 'X', 'E', ' ']) {
      const r = hac(poa);
      expect([r.finalDrg, r.finalMdc, r.medSurg, r.severity, r.returnCode, r.initialDrg, r.baseDrg]).toEqual([
        999,
        0,
        'NONE',
        'NONE',
        'HAC_MISSING_ONE_POA',
        193,
        999,
      ]);
      expect(r.secondary[0]!.usage).toBe('NEITHER');
    }
    expect(hac('1', true).returnCode).toBe('OK');
  });

  it('lower-case n / u read as N / U', () => {
    expect(hac('n').finalDrg).toBe(195);
    expect(hac('u').hacs[0]!.status).toBe('disqualified');
  });

  it('a HAC-list code without a usable POA beside a disqualified HAC code makes the claim ungroupable; alone it does not', () => {
    // T83511A (catheter UTI, HAC 06) at POA N is disqualified; I82401 (DVT, HAC 10) without the
    // joint replacement is not a HAC, but on this claim its POA 1 leaves the claim ungroupable.
    const both = grouper.group(
      claim({
        sdx: [
          { code: 'T83511A', poa: 'N' },
          { code: 'I82401', poa: '1' },
        ],
      }),
    );
    expect([both.finalDrg, both.returnCode]).toEqual([999, 'HAC_MISSING_ONE_POA']);
    expect(both.hacs.map((h) => h.status)).toEqual(['disqualified', 'poa-missing-beside-hac']);
    const alone = grouper.group(claim({ sdx: [{ code: 'I82401', poa: '1' }] }));
    expect(alone.returnCode).toBe('OK');
  });

  it('CAUTI companions (N34.0) lose their CC only with a catheter code not present on admission', () => {
    const notPresent = grouper.group(
      claim({
        sdx: [
          { code: 'T83511A', poa: 'N' },
          { code: 'N340', poa: 'N' },
        ],
      }),
    );
    expect(notPresent.secondary.map((s) => s.usage)).toEqual(['NEITHER', 'NEITHER']);
    const present = grouper.group(
      claim({
        sdx: [
          { code: 'T83511A', poa: 'Y' },
          { code: 'N340', poa: 'N' },
        ],
      }),
    );
    expect(present.secondary.map((s) => s.usage)).toEqual(['CC', 'CC']);
  });
});

describe('grouper: property tests', () => {
  const codeish = fc.oneof(
    fc.constantFrom('J189', 'I5023', 'S0211FA', 'A510', 'V0909XA', 'I469', 'Z3800', 'O80', 'P0716'),
    fc.string({ maxLength: 9 }),
  );
  const pcsish = fc.oneof(
    fc.constantFrom('0BYL0Z2', '0SRB0J9', '02703DZ', '0RG7071', '0SG1071', '5A1955Z'),
    fc.string({ maxLength: 8 }),
  );
  const anyClaim = fc.record({
    pdx: codeish,
    sdx: fc.array(fc.record({ code: codeish, poa: fc.constantFrom('Y', 'N', 'U', 'W', '1', '', 'X') }), {
      maxLength: 24,
    }),
    procedures: fc.array(pcsish, { maxLength: 25 }),
    age: fc.integer({ min: -5, max: 200 }),
    sex: fc.constantFrom('M', 'F', 'U', '', '1', '2', 'x'),
    dischargeStatus: fc.constantFrom('01', '1', '20', '07', '02', '99', '', 'abc'),
    dischargeDate: fc.constantFrom('2025-10-01', '2026-04-01', '2030-01-01', 'garbage'),
  });

  it('never throws on any claim; always a known DRG, MDC and return code; deterministic', () => {
    const known = new Set(grouper.versions[0]!.tables.payload.drgs.map((d) => d.drg));
    fc.assert(
      fc.property(anyClaim, (c) => {
        const a = grouper.group(c);
        expect(known.has(a.finalDrg)).toBe(true);
        expect(known.has(a.initialDrg)).toBe(true);
        expect(a.secondary).toHaveLength(c.sdx.length);
        expect(a.procedures).toHaveLength(c.procedures.length);
        expect(grouper.group(c)).toEqual(a);
      }),
      { numRuns: 300 },
    );
  });
});

describe('grouper: procedure combinations and counters (README step 3 and the token table)', () => {
  const hip = (procedures: string[], pdx = 'M1611') => grouper.group(claim({ pdx, procedures }));

  it("a complete cluster replaces its members' attributes in its suppression MDCs (README example)", () => {
    // 0SPB4JZ (graft) + 0SRE01A (hip replacement) complete cluster Z@2003: in MDC 08 only `revision`.
    const both = hip(['0SPB4JZ', '0SRE01A']);
    expect(both.finalDrg).toBe(468);
    expect(both.procedures.map((p) => p.clusters)).toEqual([['Z@2003'], ['Z@2003']]);
    expect(both.trail.at(-1)!.drivers).toEqual([{ operand: 'revision', codes: ['cluster Z@2003'] }]);
    expect(hip(['0SPB4JZ']).finalDrg).toBe(465); // graft alone
    expect(hip(['0SRE01A']).finalDrg).toBe(470); // replacement alone
  });

  it('BILATERAL: two different joints', () => {
    expect(hip(['0SR90J9', '0SRB0J9']).finalDrg).toBe(462);
    expect(hip(['0SR90J9']).finalDrg).toBe(470);
  });

  it('FOUR_VESSELS: the sum of vesselk over the codes reaches 4', () => {
    expect(hip(['02703DZ', '02713DZ', '02723DZ'], 'I2510').finalDrg).toBe(321);
    expect(hip(['0270346', '02703DZ'], 'I2510').finalDrg).toBe(322);
  });
});
