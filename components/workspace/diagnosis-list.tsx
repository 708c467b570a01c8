/**
 * The case's diagnoses in sequence, with POA, resequencing and removal. Keyboard on a row:
 * Alt+ArrowUp/Alt+ArrowDown resequence, Delete removes, P makes it principal.
 */
import { choosePrincipal, moveDiagnosis, removeCode, setPoa, type Poa } from '../../engine/case';
import { formatCmCode } from '../../engine/codes/normalize';
import type { UseCase } from './use-case';

const POA_CHOICES: { value: Poa; label: string }[] = [
  { value: '', label: '– (not set)' },
  { value: 'Y', label: 'Y present' },
  { value: 'N', label: 'N not present' },
  { value: 'U', label: 'U insufficient doc.' },
  { value: 'W', label: 'W undetermined' },
  { value: '1', label: '1 exempt' },
];

export function DiagnosisList({ kase }: { kase: UseCase }) {
  const { c, r, setCase } = kase;
  const whatIf = new Map((r?.principalWhatIf ?? []).map((w) => [w.code, w]));
  return (
    <section aria-labelledby="ws-dx">
      <h3 id="ws-dx">Diagnoses</h3>
      <p class="meta">
        Row keys: <kbd>Alt+↑</kbd>/<kbd>Alt+↓</kbd> resequence, <kbd>P</kbd> make principal, <kbd>Delete</kbd> remove.
      </p>
      {c.diagnoses.length === 0 ? (
        <p>No diagnosis yet: accept suggestions, pin from search, or type a code.</p>
      ) : (
        <ol class="ws-codes" aria-label="Diagnoses in sequence">
          {c.diagnoses.map((d, i) => {
            const exempt = r?.poaExempt.includes(d.code) ?? false;
            const w = whatIf.get(d.code);
            const move = (to: number) => setCase((x) => moveDiagnosis(x, i, to));
            return (
              <li
                key={d.code}
                tabIndex={0}
                class="ws-row"
                data-code={d.code}
                aria-label={`${i === 0 ? 'Principal' : `Secondary ${i}`}: ${formatCmCode(d.code)} ${r?.titles[d.code] ?? ''}`}
                onKeyDown={(e) => {
                  if (e.target !== e.currentTarget) return;
                  if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
                    e.preventDefault();
                    move(e.key === 'ArrowUp' ? i - 1 : i + 1);
                    requestAnimationFrame(() =>
                      document.querySelector<HTMLElement>(`.ws-codes li[data-code="${d.code}"]`)?.focus(),
                    );
                  } else if (e.key === 'Delete') {
                    e.preventDefault();
                    setCase((x) => removeCode(x, d.code));
                  } else if (e.key.toLowerCase() === 'p' && !e.altKey && i > 0) {
                    e.preventDefault();
                    // The coder's choice sticks: later accepted suggestions do not re-sequence it.
                    setCase((x) => choosePrincipal(x, d.code));
                  }
                }}
              >
                <div class="ws-line">
                  <span class="ws-role">
                    {i === 0 ? (c.setting === 'inpatient' ? 'Principal' : 'First-listed') : `${i + 1}.`}
                  </span>
                  <code class="ws-code">{formatCmCode(d.code)}</code>
                  <span class="ws-title">{r?.titles[d.code] ?? (r ? 'not a code of this year' : '')}</span>
                </div>
                <div class="ws-line ws-controls">
                  {c.setting === 'inpatient' &&
                    (exempt && (d.poa === '' || d.poa === '1') ? (
                      <span class="ws-exempt">POA exempt</span>
                    ) : (
                      <label>
                        POA
                        <select
                          value={d.poa}
                          onChange={(e) => setCase((x) => setPoa(x, d.code, e.currentTarget.value as Poa))}
                        >
                          {POA_CHOICES.map((p) => (
                            <option key={p.value} value={p.value}>
                              {p.label}
                            </option>
                          ))}
                        </select>
                      </label>
                    ))}
                  <button
                    type="button"
                    disabled={i === 0}
                    onClick={() => move(i - 1)}
                    aria-label={`Move ${formatCmCode(d.code)} up`}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    disabled={i === c.diagnoses.length - 1}
                    onClick={() => move(i + 1)}
                    aria-label={`Move ${formatCmCode(d.code)} down`}
                  >
                    ↓
                  </button>
                  {i > 0 && (
                    <button type="button" onClick={() => move(0)} aria-label={`Make ${formatCmCode(d.code)} principal`}>
                      Principal
                    </button>
                  )}
                  <button
                    type="button"
                    onClick={() => setCase((x) => removeCode(x, d.code))}
                    aria-label={`Remove ${formatCmCode(d.code)}`}
                  >
                    ✕
                  </button>
                  <span class="meta ws-origin">{d.origin}</span>
                </div>
                {w && (
                  <p class="ws-whatif" data-whatif={d.code}>
                    As principal: DRG {String(w.drg).padStart(3, '0')} {w.title} (weight {w.weight.toFixed(4)},{' '}
                    {w.weightDelta >= 0 ? '+' : ''}
                    {w.weightDelta.toFixed(4)})
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
