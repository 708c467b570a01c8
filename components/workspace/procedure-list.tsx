/** The case's procedures in sequence, with their dates. Keyboard on a row: Alt+ArrowUp/Down resequence, Delete removes. */
import { moveProcedure, removeCode, setProcedureDate } from '../../engine/case';
import type { UseCase } from './use-case';

export function ProcedureList({ kase }: { kase: UseCase }) {
  const { c, setCase } = kase;
  return (
    <section aria-labelledby="ws-px">
      <h3 id="ws-px">Procedures</h3>
      {c.procedures.length === 0 ? (
        <p>No procedure.</p>
      ) : (
        <ol class="ws-codes" aria-label="Procedures in sequence">
          {c.procedures.map((p, i) => (
            <li
              key={`${p.code}-${i}`}
              tabIndex={0}
              class="ws-row"
              data-code={p.code}
              aria-label={`Procedure ${i + 1}: ${p.code}`}
              onKeyDown={(e) => {
                if (e.target !== e.currentTarget) return;
                if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
                  e.preventDefault();
                  setCase((x) => moveProcedure(x, i, e.key === 'ArrowUp' ? i - 1 : i + 1));
                } else if (e.key === 'Delete') {
                  e.preventDefault();
                  setCase((x) => removeCode(x, p.code));
                }
              }}
            >
              <div class="ws-line">
                <span class="ws-role">{i + 1}.</span>
                <code class="ws-code">{p.code}</code>
                <span class="meta">{p.system === 'icd10pcs' ? 'ICD-10-PCS' : 'HCPCS'}</span>
              </div>
              <div class="ws-line ws-controls">
                <label>
                  Date
                  <input
                    type="date"
                    value={p.date ?? ''}
                    onChange={(e) => setCase((x) => setProcedureDate(x, i, e.currentTarget.value || undefined))}
                  />
                </label>
                <button
                  type="button"
                  onClick={() => setCase((x) => removeCode(x, p.code))}
                  aria-label={`Remove ${p.code}`}
                >
                  ✕
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
