// @vitest-environment happy-dom
import { render } from 'preact';
import { beforeAll, describe, expect, it } from 'vitest';
import { msdrgReaders } from '../../test/golden/msdrg-bundles';
import { acceptAbstract, addDiagnosis, newCase, recomputeCase, updateHeader, type CaseTables } from '../../engine/case';
import { loadSuggestTables } from '../../cli/commands/suggest';
import { Grouper } from '../../engine/grouper/grouper';
import { Mce } from '../../engine/mce/mce';
import { PrincipalCandidates } from './principal-candidates';

let tables: CaseTables;
beforeAll(async () => {
  const { cm } = await loadSuggestTables();
  const r = await msdrgReaders();
  tables = { grouper: Grouper.fromBundles(r.grouper), mce: Mce.fromBundle(r.mce), cm };
}, 120_000);

// Fictional inpatient: sepsis due to E. coli with the urinary tract infection as its source, and
// hypothyroidism; the sequencing stage ranked sepsis first (I.C.1.d.4) and the UTI as the alternative.
function sepsisCase() {
  const c = updateHeader(newCase('principal-candidates-test'), {
    admissionDate: '2025-11-03',
    dischargeDate: '2025-11-09',
    age: 71,
    sex: 'F',
  });
  return acceptAbstract(addDiagnosis(c, 'E03.9', 'typed', 'Y'), {
    principal: { code: 'A41.51', poa: 'Y' },
    secondary: [{ code: 'N39.0', poa: 'Y' }],
    principalCandidates: [
      { code: 'A41.51', rule: 'I.C.1.d.4', reason: 'sepsis with a localized infection: the systemic infection first' },
      { code: 'N39.0', rule: 'II.C', reason: 'first listed discharge diagnosis' },
      { code: 'D63.1', rule: 'II', reason: 'discharge diagnosis no. 4' },
    ],
  });
}

function shown(c: ReturnType<typeof sepsisCase>): HTMLElement {
  const impact = recomputeCase(c, tables).principalCandidates;
  if (!impact) throw new Error('no principal candidates computed');
  const host = document.createElement('div');
  render(<PrincipalCandidates impact={impact} />, host);
  return host;
}

describe('PrincipalCandidates', () => {
  it('lists each ranked candidate in guideline order with its MS-DRG, weight, delta, rule and reason', () => {
    const host = shown(sepsisCase());
    const rows = [...host.querySelectorAll('li[data-principal-candidate]')];
    expect(rows.map((li) => li.getAttribute('data-principal-candidate'))).toEqual(['A41.51', 'N39.0', 'D63.1']);
    const [sepsis, uti, manifestation] = rows.map((li) => li.textContent ?? '');
    expect(rows[0]!.getAttribute('data-current')).toBe('true');
    expect(sepsis).toMatch(/MS-DRG 87[12]/);
    expect(sepsis).toContain('I.C.1.d.4: sepsis with a localized infection');
    expect(uti).toMatch(/MS-DRG 6(89|90)/);
    expect(uti).toContain('II.C, equally meets the definition');
    // The alternative shows its weight and the difference from the current principal's; the current one no difference.
    const weightOf = (t: string) => Number(/weight (\d\.\d{4})/.exec(t)![1]);
    const delta = weightOf(uti!) - weightOf(sepsis!);
    expect(uti).toContain(`weight ${weightOf(uti!).toFixed(4)}, ${delta >= 0 ? '+' : ''}${delta.toFixed(4)})`);
    expect(sepsis).toMatch(/weight \d\.\d{4}\) ·/);
    expect(manifestation).toContain('Code Editor: manifestation as pdx');
    expect(host.textContent).toContain('never use in a physician query');
  });

  it('says why there is no figure when the case cannot be grouped', () => {
    const host = shown({ ...sepsisCase(), age: undefined });
    expect(host.querySelector('[data-not-grouped]')?.textContent).toMatch(/age/);
    expect(host.querySelectorAll('li')).toHaveLength(0);
  });
});
