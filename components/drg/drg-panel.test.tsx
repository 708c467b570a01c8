// @vitest-environment happy-dom
import { render } from 'preact';
import { beforeAll, describe, expect, it } from 'vitest';
import { msdrgReaders } from '../../test/golden/msdrg-bundles';
import { Grouper } from '../../engine/grouper/grouper';
import { whatIf } from '../../engine/grouper/what-if';
import { Mce } from '../../engine/mce/mce';
import type { GrouperClaim } from '../../engine/grouper/types';
import { DrgPanel } from './drg-panel';

let grouper: Grouper;
let mce: Mce;
beforeAll(async () => {
  const r = await msdrgReaders();
  grouper = Grouper.fromBundles(r.grouper);
  mce = Mce.fromBundle(r.mce);
});

// Fictional case: skull base fracture (principal) with a facial fracture code that the principal's
// CC exclusion list removes, heart failure as MCC, hypertension, and a femur repair.
const claim: GrouperClaim = {
  pdx: 'S0211FA',
  sdx: [
    { code: 'S02622A', poa: 'Y' },
    { code: 'I5023', poa: 'Y' },
    { code: 'I10', poa: 'Y' },
  ],
  procedures: ['0QS604Z'],
  age: 80,
  sex: 'F',
  dischargeStatus: '01',
  dischargeDate: '2026-01-20',
};

describe('DrgPanel', () => {
  it('renders a real grouping: DRG, weight, CC/MCC use with exclusion reasons, procedures, edits, what-if label', () => {
    const result = grouper.group(claim);
    const edits = mce.edit({ ...claim, dischargeDate: claim.dischargeDate! });
    const changes = whatIf(grouper, claim);
    const host = document.createElement('div');
    document.body.append(host);
    render(<DrgPanel result={result} mce={edits} whatIf={changes} />, host);
    const text = host.textContent ?? '';
    expect(host.querySelector('h2')!.textContent).toContain(String(result.finalDrg).padStart(3, '0'));
    expect(text).toContain(result.title);
    expect(text).toContain(result.weight.toFixed(4));
    expect(text).toContain('counted as MCC');
    const rows = [...host.querySelectorAll('tbody tr')].map((tr) => tr.getAttribute('data-usage'));
    expect(rows).toEqual(result.secondary.map((s) => s.usage));
    expect(result.secondary[0]!.usage).toBe('CC_EXCLUDED');
    // Diagnosis codes are shown dotted, as coders read them.
    expect(text).toContain('excluded by the principal diagnosis S02.11FA');
    expect(text).toMatch(/0QS604Z (O\.R\.|non-O\.R\.) procedure/);
    expect(host.querySelector('details.drg-whatif summary')!.textContent).toContain(
      'private work aid: never use in a physician query',
    );
    expect(host.querySelectorAll('th[scope="col"]').length).toBe(4);
    // Collapsible parts are native <details>, reachable and operable by keyboard.
    expect(host.querySelectorAll('details > summary').length).toBe(2);
    render(null, host);
  });

  it('shows an alert for an error return code', () => {
    const host = document.createElement('div');
    render(<DrgPanel result={grouper.group({ ...claim, pdx: 'XYZ' })} />, host);
    expect(host.querySelector('[role="alert"]')!.textContent).toContain('INVALID_PDX');
    expect(host.textContent).toContain('Not run.');
  });
});
