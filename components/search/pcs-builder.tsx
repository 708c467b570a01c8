/**
 * ICD-10-PCS table builder: section -> body system -> root operation -> body part -> approach ->
 * device -> qualifier, one character at a time, offering only values valid in the official
 * tables, each with its definition from the PCS Definitions.
 */
import { useEffect, useState } from 'preact/hooks';
import type { PcsAxisOption } from '../../engine/icd10pcs/table-builder';
import type { EngineRemote } from '../../platform/worker/client';

export interface PcsBuilderProps {
  engine: EngineRemote;
  /** Characters already chosen (e.g. `0DTJ` from the Index). */
  start?: string;
  onComplete?: (code: string) => void;
}

export function PcsBuilder({ engine, start = '', onComplete }: PcsBuilderProps) {
  const [prefix, setPrefix] = useState(start.toUpperCase());
  const [options, setOptions] = useState<PcsAxisOption[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => setPrefix(start.toUpperCase()), [start]);
  useEffect(() => {
    let live = true;
    setOptions(undefined);
    engine
      .pcsOptions(prefix)
      .then((o) => live && setOptions(o))
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [engine, prefix]);

  const axis = options?.[0]?.name;
  return (
    <section class="pcs-builder" aria-label="ICD-10-PCS table builder" data-prefix={prefix}>
      <h3>PCS table builder</h3>
      <p>
        Code so far: <code class="code">{prefix.padEnd(7, '_')}</code>{' '}
        {prefix.length > 0 && (
          <button type="button" onClick={() => setPrefix(prefix.slice(0, -1))}>
            Back one character
          </button>
        )}
      </p>
      {error && <p role="alert">{error}</p>}
      {prefix.length === 7 ? (
        <p role="status">Complete: {prefix}</p>
      ) : options === undefined ? (
        <p role="status">Loading the valid values…</p>
      ) : (
        <>
          <h4>
            Character {prefix.length + 1}: {axis ?? ''}
          </h4>
          <ul class="pcs-options">
            {options.map((o) => (
              <li key={o.value}>
                <button
                  type="button"
                  data-value={o.value}
                  onClick={() => {
                    const next = prefix + o.value;
                    setPrefix(next);
                    if (o.complete) onComplete?.(next);
                  }}
                >
                  <span class="code">{o.value}</span> {o.label}
                </button>
                {o.definition && <p class="meta">{o.definition}</p>}
                {o.includes && o.includes.length > 0 && <p class="meta">Includes: {o.includes.join('; ')}</p>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
