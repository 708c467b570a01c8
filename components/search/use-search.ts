/**
 * Type-ahead state: each keystroke asks the worker at once (from the input event, not after the
 * next paint); an answer that arrives after a newer query was sent is dropped (sequence numbers),
 * so results never flicker back to an older query.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { SearchResponse } from '../../platform/worker/api';
import type { EngineRemote } from '../../platform/worker/client';
import type { SearchSystem } from '../../engine/search/types';

export type SearchState =
  | { state: 'idle' }
  | { state: 'loading'; query: string }
  | { state: 'ready'; query: string; response: SearchResponse }
  | { state: 'error'; query: string; message: string };

/** Hits asked for per keystroke (what the panel renders). */
export const HITS_PER_QUERY = 25;

export function useSearch(
  engine: EngineRemote,
  system: SearchSystem | undefined,
): { result: SearchState; run: (query: string) => void } {
  const [result, setResult] = useState<SearchState>({ state: 'idle' });
  const seq = useRef(0);
  const last = useRef('');
  const run = useCallback(
    (q: string) => {
      last.current = q;
      const mine = ++seq.current;
      if (q.trim().length === 0) {
        setResult({ state: 'idle' });
        return;
      }
      setResult((prev) => (prev.state === 'ready' ? prev : { state: 'loading', query: q }));
      engine
        .search(q, { limit: HITS_PER_QUERY, prefix: !/\s$/.test(q), ...(system ? { system } : {}) })
        .then((response) => {
          if (mine === seq.current) setResult({ state: 'ready', query: q, response });
        })
        .catch((e: unknown) => {
          if (mine === seq.current)
            setResult({ state: 'error', query: q, message: e instanceof Error ? e.message : String(e) });
        });
    },
    [engine, system],
  );
  // A change of system filter re-runs the current text.
  useEffect(() => {
    if (last.current) run(last.current);
  }, [run]);
  return { result, run };
}
