/** Tabular List and POA edits of the case, errors first. */
import type { UseCase } from './use-case';

const rank = (s: 'error' | 'warning' | 'info'): number => (s === 'error' ? 0 : s === 'warning' ? 1 : 2);

export function CaseEdits({ kase }: { kase: UseCase }) {
  const { r, calc } = kase;
  const edits = r ? [...r.tabular].sort((a, b) => rank(a.severity) - rank(b.severity)) : [];
  return (
    <section aria-labelledby="ws-edits" data-edits={edits.length}>
      <h3 id="ws-edits">Tabular and POA edits</h3>
      {calc.state === 'failed' && (
        <p role="alert" class="error">
          The case could not be recomputed: {calc.message}
        </p>
      )}
      {r && edits.length === 0 && <p>No Tabular List or POA edit.</p>}
      {edits.length > 0 && (
        <ul class="ws-edits">
          {edits.map((e, i) => (
            <li key={`${e.id}-${e.code}-${i}`} class={`ws-edit ws-${e.severity}`} data-edit={e.id}>
              <span class="ws-sev">{e.severity}</span> {e.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
