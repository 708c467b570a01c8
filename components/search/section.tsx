/**
 * The Search section of the side panel (picked up by components/shell/sections.tsx).
 *
 * Keyboard: `/` focuses the box (the shell's shortcut targets `#code-lookup-input`), typing
 * searches as you type, ArrowDown/ArrowUp move through the results, Enter opens the code
 * detail, `p` pins the active code to the current case, Escape goes back. Pinning dispatches a
 * `chartside:pin-code` window event ({@link PinCodeDetail}) and calls `onPin` when given, so the
 * case workspace can take the code without this section knowing about it.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { SearchHit, SearchSystem } from '../../engine/search/types';
import type { SectionProps } from '../shell/sections';
import { CodeDetail } from './detail';
import { PcsBuilder } from './pcs-builder';
import { groupHits, Results, SYSTEM_LABEL } from './results';
import { useSearch } from './use-search';
import './search.css';

/** Detail of the `chartside:pin-code` event. */
export interface PinCodeDetail {
  code: string;
  system: SearchSystem;
  title: string;
}

/** Name of the window event fired when the user pins a code. */
export const PIN_EVENT = 'chartside:pin-code';

export interface SearchSectionProps extends SectionProps {
  onPin?: (pin: PinCodeDetail) => void;
}

export default function SearchSection({ engine, onPin }: SearchSectionProps) {
  const [query, setQuery] = useState('');
  const [system, setSystem] = useState<SearchSystem | undefined>();
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState<{ code: string; system: SearchSystem } | undefined>();
  const [builder, setBuilder] = useState(false);
  const [pinned, setPinned] = useState<string | undefined>();
  const input = useRef<HTMLInputElement>(null);
  const { result, run } = useSearch(engine, system);
  const hits: SearchHit[] = useMemo(() => (result.state === 'ready' ? groupHits(result.response.hits) : []), [result]);

  useEffect(() => setActive(0), [query, system]);
  useEffect(() => input.current?.focus(), []);

  const pin = useCallback(
    (code: string, sys: SearchSystem, title: string) => {
      const detail: PinCodeDetail = { code, system: sys, title };
      window.dispatchEvent(new CustomEvent<PinCodeDetail>(PIN_EVENT, { detail }));
      onPin?.(detail);
      setPinned(`${code} pinned to the case`);
    },
    [onPin],
  );

  const onKeyDown = (e: KeyboardEvent): void => {
    const inBox = e.target === input.current;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      // From the box, the first ArrowDown moves focus into the list (where `p` pins).
      if (inBox && !open) document.getElementById(listId)?.focus();
      else setActive((a) => Math.min(hits.length - 1, a + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (!inBox && active === 0) input.current?.focus();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === 'Enter') {
      const hit = hits[active];
      if (hit) {
        e.preventDefault();
        setOpen({ code: hit.code, system: hit.system });
      }
    } else if (e.key === 'Escape') {
      if (open) {
        e.preventDefault();
        setOpen(undefined);
        input.current?.focus();
      } else if (inBox && query) {
        e.preventDefault();
        setQuery('');
        run('');
      }
    } else if ((e.key === 'p' || e.key === 'P') && !inBox && !e.ctrlKey && !e.metaKey && !e.altKey) {
      const target = open ?? (hits[active] ? { code: hits[active].code, system: hits[active].system } : undefined);
      const title = open ? '' : (hits[active]?.title ?? '');
      if (target) {
        e.preventDefault();
        pin(target.code, target.system, title);
      }
    }
  };

  const listId = 'search-results';
  return (
    <div class="search-section" onKeyDown={onKeyDown}>
      <div class="search-bar" role="search">
        <label for="code-lookup-input" class="visually-hidden">
          Search codes
        </label>
        <input
          id="code-lookup-input"
          ref={input}
          type="search"
          autocomplete="off"
          spellcheck={false}
          placeholder="Words, abbreviation, Index path or code  ( / )"
          value={query}
          aria-controls={listId}
          aria-activedescendant={hits.length > 0 ? `${listId}-${active}` : undefined}
          onInput={(e) => {
            const value = (e.target as HTMLInputElement).value;
            setQuery(value);
            run(value);
            setOpen(undefined);
          }}
        />
        <select
          aria-label="Code system"
          value={system ?? ''}
          onChange={(e) => setSystem(((e.target as HTMLSelectElement).value || undefined) as SearchSystem | undefined)}
        >
          <option value="">All systems</option>
          {(['cm', 'pcs', 'hcpcs'] as const).map((s) => (
            <option key={s} value={s}>
              {SYSTEM_LABEL[s]}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => setBuilder((b) => !b)} aria-pressed={builder}>
          PCS table builder
        </button>
      </div>
      <p
        class="meta"
        role="status"
        data-search-state={result.state}
        data-query={result.state === 'idle' ? '' : result.query}
        // The fiscal year whose tables answered (picked by the date of service), for tests and tools.
        data-fiscal-year={result.state === 'ready' ? result.response.fiscalYear : undefined}
      >
        {result.state === 'loading' && 'Searching… (the first search builds the index from the installed tables)'}
        {result.state === 'error' && result.message}
        {result.state === 'ready' &&
          `${result.response.hits.length} results · FY${result.response.fiscalYear} (${result.response.sources.map((s) => s.release).join('; ')}) · ${result.response.tookMs.toFixed(1)} ms${result.response.fallback ? ` · ${result.response.fallback}` : ''}${result.response.index.storeError ? ` · ${result.response.index.storeError}` : ''}`}
        {pinned ? ` · ${pinned}` : ''}
      </p>
      {builder && !open && <PcsBuilder engine={engine} onComplete={(code) => setOpen({ code, system: 'pcs' })} />}
      {open ? (
        <CodeDetail
          engine={engine}
          code={open.code}
          system={open.system}
          onOpen={(code, sys) => setOpen({ code, system: sys })}
          onPin={pin}
          onClose={() => {
            setOpen(undefined);
            input.current?.focus();
          }}
        />
      ) : (
        hits.length > 0 && (
          <Results
            hits={hits}
            active={active}
            listId={listId}
            onActivate={setActive}
            onOpen={(h) => setOpen({ code: h.code, system: h.system })}
          />
        )
      )}
    </div>
  );
}
