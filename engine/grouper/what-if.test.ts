// What-if behaviour on the real tables, built from the release files by the test helper
// (engine tests run in Node and may use codesets/ and test/ for that).
import { beforeAll, describe, expect, it } from 'vitest';
import { msdrgReaders } from '../../test/golden/msdrg-bundles';
import { Grouper } from './grouper';
import type { GrouperClaim } from './types';
import { siblingCandidates, whatIf } from './what-if';

let grouper: Grouper;
beforeAll(async () => {
  grouper = Grouper.fromBundles((await msdrgReaders()).grouper);
});

// Fictional case: pneumonia with unspecified heart failure (I50.9, not a CC) and hypertension.
const claim: GrouperClaim = {
  pdx: 'J189',
  sdx: [
    { code: 'I509', poa: 'Y' },
    { code: 'I10', poa: 'Y' },
  ],
  procedures: [],
  age: 70,
  sex: 'F',
  dischargeStatus: '01',
  dischargeDate: '2026-02-10',
};

describe('what-if', () => {
  it('finds the more specific heart failure code from a candidate source, ranked by weight gain', () => {
    const before = grouper.group(claim);
    expect(before.finalDrg).toBe(195);
    const changes = whatIf(grouper, claim, {
      candidates: (c) =>
        c.sdx.some((s) => s.code === 'I509')
          ? ['I5023', 'I5033', 'I5020'].map((code) => ({ code, replaces: 'I509', source: 'sibling of I50.9' }))
          : [],
    });
    expect(changes.length).toBeGreaterThan(0);
    for (const ch of changes) expect(ch.drg).not.toBe(195);
    const deltas = changes.map((c) => c.weightDelta);
    expect([...deltas].sort((a, b) => b - a)).toEqual(deltas);
    const acute = changes.find((c) => c.code === 'I5023')!;
    expect(acute).toMatchObject({ kind: 'replace-dx', replaces: 'I509', drg: 193 });
    expect(acute.weightDelta).toBeGreaterThan(0);
    expect(acute.reason).toMatch(/I5023 \(sibling of I50.9\) instead of I509: DRG 195 -> 193/);
    expect(acute.reason).toMatch(/MCC \(I5023\)/);
  });

  it('considers each secondary diagnosis as principal and each removal; unchanged DRGs are not listed', () => {
    const c: GrouperClaim = {
      ...claim,
      sdx: [
        { code: 'I5023', poa: 'Y' },
        { code: 'I10', poa: 'Y' },
      ],
    };
    const changes = whatIf(grouper, c);
    const kinds = changes.map((x) => `${x.kind}:${x.code}`);
    expect(kinds).toContain('sdx-as-principal:I5023'); // heart failure as principal: MDC 05
    expect(kinds).toContain('remove-sdx:I5023'); // losing the MCC
    expect(kinds).not.toContain('remove-sdx:I10'); // I10 changes nothing
    const hf = changes.find((x) => x.kind === 'sdx-as-principal')!;
    expect(hf.claim.pdx).toBe('I5023');
    expect(hf.claim.sdx[0]!.code).toBe('J189');
  });

  it("siblingCandidates proposes the other codes of a documented code's category", () => {
    const changes = whatIf(grouper, claim, { candidates: siblingCandidates(grouper, ['I509']) });
    const replaced = changes.filter((c) => c.kind === 'replace-dx');
    expect(replaced.map((c) => c.code)).toContain('I5023');
    expect(replaced.every((c) => c.replaces === 'I509' && c.code.startsWith('I50'))).toBe(true);
  });
});
