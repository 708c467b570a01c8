// @vitest-environment happy-dom
import { render } from 'preact';
import { beforeAll, describe, expect, it } from 'vitest';
import { msdrgReaders } from '../../test/golden/msdrg-bundles';
import { drgOrientation } from '../../engine/codes/drg-orientation';
import { Grouper } from '../../engine/grouper/grouper';
import type { GrouperClaim } from '../../engine/grouper/types';
import { DrgPanel } from './drg-panel';

let grouper: Grouper;
beforeAll(async () => {
  grouper = Grouper.fromBundles((await msdrgReaders()).grouper);
});

// Fictional FY2027 stay: pneumonia with a secondary code new in FY2027 (C78.32), which v43.1 lacks.
const claim: GrouperClaim = {
  pdx: 'J189',
  sdx: [{ code: 'C7832', poa: 'Y' }],
  procedures: [],
  age: 66,
  sex: 'M',
  dischargeStatus: '01',
  dischargeDate: '2026-11-02',
};

describe('DrgPanel for an FY2027 discharge (MS-DRG v44 not installed)', () => {
  it('says in plain words the v43.1 result is for orientation only and names the code it could not use', () => {
    const result = grouper.group(claim);
    const o = drgOrientation(result, claim.dischargeDate);
    expect(o?.unusable).toEqual(['C7832']);
    const host = document.createElement('div');
    render(<DrgPanel result={result} orientation={o!.message} />, host);
    const alert = host.querySelector('[data-orientation]')!;
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toBe(o!.message);
    expect(alert.textContent).toMatch(
      /for orientation only and is not the payable FY2027 DRG.*could not use \(not in its tables\): C7832\./,
    );
  });

  it('shows no such notice for an FY2026 discharge', () => {
    const result = grouper.group({ ...claim, sdx: [], dischargeDate: '2026-09-30' });
    expect(drgOrientation(result, '2026-09-30')).toBeUndefined();
    const host = document.createElement('div');
    render(<DrgPanel result={result} />, host);
    expect(host.querySelector('[data-orientation]')).toBeNull();
  });
});
