/**
 * Type-ahead state: every keystroke asks the worker; an answer that arrives after a newer query
 * was sent is dropped (sequence numbers), so results never flicker back to an older query.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SearchResponse } from '../../platform/worker/api';
import type { EngineRemote } from '../../platform/worker/client';
import type { SearchSystem } from '../../engine/search/types';

export type SearchState =
  | { state: 'idle' }
  | { state: 'loading'; query: string }
  | { state: 'ready'; query: string; response: SearchResponse }
  | { state: 'error'; query: string; message: string };

export function useSearch(engine: EngineRemote, query: string, system: SearchSystem | undefined): SearchState {
  const [result, setResult] = useState<SearchState>({ state: 'idle' });
  const seq = useRef(0);
  useEffect(() => {
    const q = query;
    const mine = ++seq.current;
    if (q.trim().length === 0) {
      setResult({ state: 'idle' });
      return;
    }
    setResult((prev) => (prev.state === 'ready' ? prev : { state: 'loading', query: q }));
    engine
      .search(q, { limit: 25, prefix: !/\s$/.test(q), ...(system ? { system } : {}) })
      .then((response) => {
        if (mine === seq.current) setResult({ state: 'ready', query: q, response });
      })
      .catch((e: unknown) => {
        if (mine === seq.current) setResult({ state: 'error', query: q, message: e instanceof Error ? e.message : String(e) });
      });
  }, [engine, query, system]);
  return result;
}
