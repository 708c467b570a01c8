// @vitest-environment happy-dom
/**
 * The DRG panel and the export once MS-DRG v44 / MCE v44 are installed (built here from the
 * synthetic miniature release, test/fixtures/mini-msdrg-v44-release.ts): an FY2027 discharge shows
 * the v44.0 result with "MS-DRG v44.0, MCE v44.0" and no orientation notice; without v44 the same
 * case still shows the notice.
 */
import { render } from 'preact';
import { beforeAll, describe, expect, it } from 'vitest';
import { Grouper } from '../../engine/grouper/grouper';
import type { GrouperClaim } from '../../engine/grouper/types';
import { Mce } from '../../engine/mce';
import type { CaseRecompute } from '../../platform/worker/case';
import { miniV44Readers, msdrgReaders } from '../../test/golden/msdrg-bundles';
import { drgSummaryOf } from '../workspace/use-case';
import { CaseDrg } from './case-drg';

// Fictional FY2027 stay: pneumonia with a secondary code new in FY2027 (C78.31).
const claim: GrouperClaim & { dischargeDate: string } = {
  pdx: 'J189',
  sdx: [{ code: 'C7831', poa: 'Y' }],
  procedures: [],
  age: 66,
  sex: 'M',
  dischargeStatus: '01',
  dischargeDate: '2026-11-02',
};

let withV44: { grouper: Grouper; mce: Mce };
let withoutV44: { grouper: Grouper; mce: Mce };
beforeAll(async () => {
  const v43 = await msdrgReaders();
  const v44 = await miniV44Readers();
  withV44 = { grouper: Grouper.fromBundles([...v43.grouper, v44.grouper]), mce: Mce.fromBundle(v44.mce) };
  withoutV44 = { grouper: Grouper.fromBundles(v43.grouper), mce: Mce.fromBundle(v43.mce) };
});

/** What the worker's recomputeCase returns for the claim (only the DRG parts matter here). */
function computed(engines: { grouper: Grouper; mce: Mce }): CaseRecompute {
  return {
    drg: { status: 'grouped', result: engines.grouper.group(claim) },
    mce: { status: 'edited', result: engines.mce.edit(claim) },
    tabular: [],
    principalWhatIf: [],
    cmRelease: { id: 'icd10cm-2027', release: 'ICD-10-CM FY2027', fiscalYear: 2027 },
    titles: {},
    poaExempt: [],
    tookMs: 0,
    dischargeDate: claim.dischargeDate,
  };
}

function panel(r: CaseRecompute): HTMLElement {
  const host = document.createElement('div');
  render(<CaseDrg calc={{ state: 'done', r }} dateOfService={claim.dischargeDate} />, host);
  return host;
}

describe('DRG panel for an FY2027 discharge', () => {
  it('describes a result by the date it was grouped for, not a date edited since (regrouping under way)', () => {
    const r = { ...computed(withoutV44), dischargeDate: '2026-09-30' };
    r.drg = { status: 'grouped', result: withoutV44.grouper.group({ ...claim, dischargeDate: '2026-09-30' }) };
    const host = document.createElement('div');
    render(<CaseDrg calc={{ state: 'done', r }} dateOfService="2026-11-02" />, host);
    expect(host.querySelector('[data-orientation]')).toBeNull();
  });

  it('with MS-DRG v44 installed: the v44.0 result, its versions named, no orientation notice', () => {
    const r = computed(withV44);
    const host = panel(r);
    expect(host.querySelector('[data-orientation]')).toBeNull();
    expect(host.querySelector('.drg-release')!.textContent).toBe('MS-DRG v44.0, MCE v44.0');
    expect(host.querySelector('.drg-number')!.textContent).toBe('902');
    expect(drgSummaryOf(r, claim.dischargeDate)).toEqual({
      drg: '902',
      title: 'Synthetic Lung Infection with MCC',
      mdc: '04',
      weight: 1.4,
      version: '44.0',
    });
  });

  it('without v44: the v43.1 result says it is for orientation only, in the panel and the export', () => {
    const r = computed(withoutV44);
    const host = panel(r);
    expect(host.querySelector('[data-orientation]')!.textContent).toMatch(
      /^MS-DRG v44 \(FY2027\) is not available: this MS-DRG v43\.1 \(FY2026\) result is for orientation only/,
    );
    expect(host.querySelector('.drg-release')!.textContent).toMatch(
      /^MS-DRG v43\.1, MCE v43\.1 — discharge date 2026-11-02 is outside the installed grouper versions/,
    );
    expect(drgSummaryOf(r, claim.dischargeDate)?.notice).toMatch(/for orientation only/);
  });
});
