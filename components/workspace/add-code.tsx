/**
 * Typing a code into the case, validated as you type against the tables of the case's date of
 * service: ICD-10-CM through `lookupCode`, ICD-10-PCS and HCPCS through `codeDetail`. Enter adds
 * it when valid; an invalid or header code says why and is not added.
 */
import { useEffect, useState } from 'preact/hooks';
import type { EngineRemote } from '../../platform/worker/client';

type System = 'cm' | 'pcs' | 'hcpcs';
type Check =
  | { state: 'empty' | 'checking' }
  | { state: 'ok'; code: string; title: string; note?: string }
  | { state: 'bad'; message: string };

export interface AddCodeProps {
  engine: EngineRemote;
  dateOfService: string | undefined;
  onAdd: (code: string, system: System) => void;
}

export function AddCode({ engine, dateOfService, onAdd }: AddCodeProps) {
  const [text, setText] = useState('');
  const [system, setSystem] = useState<System>('cm');
  const [check, setCheck] = useState<Check>({ state: 'empty' });

  useEffect(() => {
    const q = text.trim();
    if (!q) {
      setCheck({ state: 'empty' });
      return;
    }
    let live = true;
    setCheck({ state: 'checking' });
    const run = async (): Promise<Check> => {
      if (system === 'cm') {
        const r = await engine.lookupCode(q, dateOfService);
        if (r.status !== 'found') return { state: 'bad', message: r.message };
        if (!r.code.billable)
          return {
            state: 'bad',
            message: `${r.code.dotted} is a header code: add a character (${r.code.requiresSeventh ? '7th character required' : 'choose a billable code below it'}).`,
          };
        return {
          state: 'ok',
          code: r.code.code,
          title: r.code.long ?? r.code.short ?? '',
          ...(r.used.fallback ? { note: r.used.fallback } : {}),
        };
      }
      const r = await engine.codeDetail(q, system, dateOfService);
      if (r.status === 'found' && r.system === 'pcs')
        return { state: 'ok', code: r.detail.code, title: r.detail.long ?? '' };
      if (r.status === 'found' && r.system === 'hcpcs')
        return { state: 'ok', code: r.detail.code, title: r.detail.long };
      if (r.status === 'partial')
        return {
          state: 'bad',
          message: `${r.prefix}: incomplete ICD-10-PCS code (${r.options.length} possible next values).`,
        };
      return {
        state: 'bad',
        message:
          r.status === 'not-found' ? r.message : `${q} is not a ${system === 'pcs' ? 'ICD-10-PCS' : 'HCPCS'} code.`,
      };
    };
    run()
      .then((c) => live && setCheck(c))
      .catch((e: unknown) => live && setCheck({ state: 'bad', message: e instanceof Error ? e.message : String(e) }));
    return () => {
      live = false;
    };
  }, [text, system, dateOfService, engine]);

  const submit = (e: Event): void => {
    e.preventDefault();
    if (check.state !== 'ok') return;
    onAdd(check.code, system);
    setText('');
  };

  return (
    <form class="ws-add" onSubmit={submit} aria-label="Add a code">
      <label>
        Code system
        <select value={system} onChange={(e) => setSystem(e.currentTarget.value as System)}>
          <option value="cm">Diagnosis (ICD-10-CM)</option>
          <option value="pcs">Procedure (ICD-10-PCS)</option>
          <option value="hcpcs">HCPCS Level II</option>
        </select>
      </label>
      <label>
        <span>
          Add code <kbd>Alt+N</kbd>
        </span>
        <input
          id="case-add-code"
          value={text}
          autoComplete="off"
          spellcheck={false}
          aria-describedby="case-add-check"
          aria-invalid={check.state === 'bad'}
          onInput={(e) => setText(e.currentTarget.value)}
        />
      </label>
      <button type="submit" disabled={check.state !== 'ok'}>
        Add <kbd>Enter</kbd>
      </button>
      <p
        id="case-add-check"
        class={check.state === 'bad' ? 'error' : 'meta'}
        aria-live="polite"
        data-check={check.state}
      >
        {check.state === 'ok'
          ? `${check.code}: ${check.title}${check.note ? ` (${check.note})` : ''}`
          : check.state === 'bad'
            ? check.message
            : check.state === 'checking'
              ? 'Checking…'
              : ''}
      </p>
    </form>
  );
}
