import { useEffect, useMemo, useState } from 'preact/hooks';
import { cdiInputFromSnapshot, rowTextOf, type CdiResult } from '../../engine/cdi/index';
import type { ChartSnapshot } from '../../platform/messages';
import type { EngineRemote } from '../../platform/worker/client';

export type CdiState =
  | { state: 'idle' }
  | { state: 'working' }
  | { state: 'done'; result: CdiResult }
  | { state: 'failed'; message: string };

// One analysis per chart snapshot, shared by every view that shows it (the CDI section and the
// case workspace): the worker is single-threaded, so a second request would delay everything else.
const analyses = new WeakMap<ChartSnapshot, Promise<CdiResult>>();

function analysisOf(engine: Pick<EngineRemote, 'cdi'>, snapshot: ChartSnapshot): Promise<CdiResult> {
  let running = analyses.get(snapshot);
  if (!running) {
    running = engine.cdi(snapshot);
    analyses.set(snapshot, running);
    running.catch(() => analyses.delete(snapshot)); // a failed analysis is retried by the next view
  }
  return running;
}

/**
 * Runs (or joins) the CDI analysis of the current chart snapshot and gives the text and table rows
 * the draft compliance check cites.
 */
export function useCdiAnalysis(engine: Pick<EngineRemote, 'cdi'>, snapshot: ChartSnapshot | undefined) {
  const [state, setState] = useState<CdiState>({ state: 'idle' });
  const input = useMemo(() => (snapshot ? cdiInputFromSnapshot(snapshot) : undefined), [snapshot]);
  const rowTexts = useMemo(() => [...(input?.labs ?? []), ...(input?.vitals ?? [])].map(rowTextOf), [input]);
  useEffect(() => {
    if (!snapshot) {
      setState({ state: 'idle' });
      return;
    }
    let live = true;
    setState({ state: 'working' });
    analysisOf(engine, snapshot)
      .then((result) => live && setState({ state: 'done', result }))
      .catch(
        (error: unknown) =>
          live && setState({ state: 'failed', message: error instanceof Error ? error.message : String(error) }),
      );
    return () => {
      live = false;
    };
  }, [engine, snapshot]);
  return { state, input, rowTexts };
}
