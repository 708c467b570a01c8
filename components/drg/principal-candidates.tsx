/**
 * The principal candidates of the chart in the Official Guidelines' order, each with the MS-DRG
 * and relative weight the case would group to with it as principal, and the guideline section and
 * reason that placed it: the chosen principal and the alternatives a coder could defend (II.C
 * marks two diagnoses that equally meet the definition). The order is the guidelines', never
 * re-sorted by weight.
 *
 * Private work aid: the DRG impact must never be used in, or word, a physician query (ACDIS/AHIMA
 * compliant query practice).
 */
import type { PrincipalImpactResult } from '../../engine/case';

const drg3 = (n: number): string => String(n).padStart(3, '0');
const signed = (n: number): string => `${n >= 0 ? '+' : ''}${n.toFixed(4)}`;

/** Why a candidate is listed, in the words of its guideline. */
function ruleLabel(rule: string | undefined): string {
  if (rule === undefined) return 'not ranked';
  return rule === 'II.C' ? 'II.C, equally meets the definition' : rule;
}

export function PrincipalCandidates({ impact }: { impact: PrincipalImpactResult }) {
  return (
    <section aria-labelledby="drg-principal-candidates" class="drg-principal-candidates">
      <h3 id="drg-principal-candidates">Principal candidates (guideline order)</h3>
      <p class="meta">
        What each candidate would group to as principal (private work aid: never use in a physician query).
      </p>
      {impact.status === 'not-grouped' ? (
        <p data-not-grouped>{impact.reason}</p>
      ) : (
        <ol class="drg-list">
          {impact.candidates.map((c) => (
            <li key={c.code} data-principal-candidate={c.code} data-current={c.current ? 'true' : undefined}>
              <span class="drg-code">{c.code}</span> {c.current && <strong>(principal on the case) </strong>}→ MS-DRG{' '}
              <span class="drg-number">{drg3(c.drg)}</span> {c.title} (weight {c.weight.toFixed(4)}
              {!c.current && (
                <>
                  , <span class="drg-delta">{signed(c.weightDelta)}</span>
                </>
              )}
              ) · <span class="drg-rule">{ruleLabel(c.rule)}</span>
              {c.reason && <span class="drg-reason">: {c.reason}</span>}
              {c.pdxEdits.length > 0 && (
                <span class="drg-alert"> Code Editor: {c.pdxEdits.join(', ').toLowerCase().replace(/_/g, ' ')}</span>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
