/**
 * The MS-DRG of a case (Case and DRG tabs): the grouper panel with the MCE and POA edits, the
 * ranked principal candidates with their DRG, the principal what-if, or why the case is not grouped yet. Never an empty "no DRG": a missing input
 * or table is said.
 */
import { drgOrientation } from '../../engine/codes/drg-orientation';
import { formatCmCode } from '../../engine/codes/normalize';
import type { Recompute } from '../workspace/use-case';
import { DrgPanel } from './drg-panel';
import { PrincipalCandidates } from './principal-candidates';

export function CaseDrg({
  calc,
  dateOfService,
  whatIf = false,
}: {
  calc: Recompute;
  /**
   * The case's date of service: an FY2027 discharge grouped with v43.1 (MS-DRG v44 not installed)
   * says the result is for orientation only; with v44 installed it is a v44 result and says nothing.
   */
  dateOfService: string | undefined;
  whatIf?: boolean;
}) {
  const r = calc.state === 'done' ? calc.r : undefined;
  if (r?.drg.status === 'grouped') {
    const base = r.drg.result.weight;
    // The date the shown result was grouped for: while a changed date is being regrouped, the
    // previous result must not be described with the new date.
    const orientation = drgOrientation(r.drg.result, r.dischargeDate ?? dateOfService);
    return (
      <>
        <DrgPanel
          result={r.drg.result}
          {...(r.mce.status === 'edited' ? { mce: r.mce.result } : {})}
          {...(orientation ? { orientation: orientation.message } : {})}
        />
        {r.principalCandidates && <PrincipalCandidates impact={r.principalCandidates} />}
        {whatIf && (
          <section aria-labelledby="drg-principal-whatif" class="drg-principal-whatif">
            <h3 id="drg-principal-whatif">Principal what-if</h3>
            <p class="meta">
              Each secondary diagnosis as principal (private work aid: never use in a physician query).
            </p>
            {r.principalWhatIf.length === 0 ? (
              <p>No secondary diagnosis to try.</p>
            ) : (
              <ul class="drg-list">
                {r.principalWhatIf.map((w) => (
                  <li key={w.code} data-whatif={w.code}>
                    <span class="drg-code">{formatCmCode(w.code)}</span> → DRG {String(w.drg).padStart(3, '0')}{' '}
                    {w.title} (weight {w.weight.toFixed(4)},{' '}
                    <span class="drg-delta">{`${w.weightDelta >= 0 ? '+' : ''}${w.weightDelta.toFixed(4)}`}</span>{' '}
                    against {base.toFixed(4)})
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}
      </>
    );
  }
  return (
    <>
      <h3>MS-DRG</h3>
      {calc.state === 'failed' ? (
        <p role="alert" class="error">
          The case could not be grouped: {calc.message}
        </p>
      ) : (
        <p data-not-grouped>{r?.drg.status === 'not-grouped' ? r.drg.reason : 'Grouping…'}</p>
      )}
    </>
  );
}
