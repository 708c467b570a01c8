/**
 * Exact code lookup (the engine's `lookupCode`): proves the tables answer, and is the one search
 * capability the platform has before the search section lands. Everything is rendered as text.
 */
import { useRef, useState } from 'preact/hooks';
import type { CodeLookup } from '../../platform/worker/api';
import type { EngineRemote } from '../../platform/worker/client';

export function CodeLookupForm({ engine }: { engine: EngineRemote }) {
  const [code, setCode] = useState('');
  const [date, setDate] = useState('');
  const [result, setResult] = useState<CodeLookup | { status: 'error'; message: string } | undefined>();
  const input = useRef<HTMLInputElement>(null);

  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    if (!code.trim()) return;
    try {
      setResult(await engine.lookupCode(code, date || undefined));
    } catch (error) {
      setResult({ status: 'error', message: String(error) });
    }
  };

  return (
    <div class="lookup">
      <form onSubmit={(e) => void submit(e)} class="lookup-form" aria-label="Look up an ICD-10-CM code">
        <label>
          <span>
            Code <kbd>/</kbd>
          </span>
          <input
            ref={input}
            id="code-lookup-input"
            value={code}
            onInput={(e) => setCode(e.currentTarget.value)}
            placeholder="e.g. E11.22"
            autocomplete="off"
            spellcheck={false}
          />
        </label>
        <label>
          <span>Date of service</span>
          <input type="date" value={date} onInput={(e) => setDate(e.currentTarget.value)} />
        </label>
        <button type="submit">Look up</button>
      </form>
      {result && <LookupResult result={result} />}
    </div>
  );
}

function LookupResult({ result }: { result: CodeLookup | { status: 'error'; message: string } }) {
  if (result.status !== 'found') {
    return (
      <p class="notice" role="status" data-lookup-status={result.status}>
        {result.message}
      </p>
    );
  }
  const { code, used } = result;
  return (
    <article class="code-detail" data-lookup-status="found" aria-label={`${code.dotted} details`}>
      {used.fallback && <p class="notice warn">{used.fallback}</p>}
      <h3>
        <span class="code">{code.dotted}</span> {code.long}
      </h3>
      <p class="meta">
        {code.billable ? 'Billable' : 'Header (not billable)'}
        {code.requiresSeventh ? ' · requires a 7th character' : ''}
        {code.poaExempt ? ' · POA exempt' : ''} · {used.release}
      </p>
      {code.ancestors.length > 0 && (
        <p class="meta">
          {code.ancestors.map((a) => `${a.dotted} ${a.short}`).join(' › ')}
        </p>
      )}
      {code.notes.length > 0 && (
        <ul class="notes">
          {code.notes.map((n, i) => (
            <li key={i}>
              <strong>{n.kind}</strong> {n.text}
              {n.level !== 'code' && <span class="meta"> (from {n.from})</span>}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
