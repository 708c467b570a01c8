import { useEffect, useMemo, useState } from 'preact/hooks';
import { cdiInputFromSnapshot, rowTextOf, type CdiResult } from '../../engine/cdi/index';
import type { SectionProps } from '../shell/sections';
import { CdiPanel } from './CdiPanel';
import { browserClipboard } from './clipboard';

type State =
  | { state: 'idle' }
  | { state: 'working' }
  | { state: 'done'; result: CdiResult }
  | { state: 'failed'; message: string };

/**
 * CDI section of the side panel: asks the engine worker for opportunities and drafts whenever a
 * new chart snapshot arrives, and shows them. The chart text stays on the device.
 */
export default function CdiSection({ engine, snapshot }: SectionProps) {
  const [state, setState] = useState<State>({ state: 'idle' });
  const input = useMemo(() => (snapshot ? cdiInputFromSnapshot(snapshot) : undefined), [snapshot]);
  const rowTexts = useMemo(() => [...(input?.labs ?? []), ...(input?.vitals ?? [])].map(rowTextOf), [input]);
  useEffect(() => {
    if (!snapshot) {
      setState({ state: 'idle' });
      return;
    }
    let live = true;
    setState({ state: 'working' });
    engine
      .cdi(snapshot)
      .then((result) => live && setState({ state: 'done', result }))
      .catch(
        (error: unknown) =>
          live && setState({ state: 'failed', message: error instanceof Error ? error.message : String(error) }),
      );
    return () => {
      live = false;
    };
  }, [engine, snapshot]);
  return (
    <section class="cdi" aria-label="Clinical documentation integrity" data-cdi-state={state.state}>
      {state.state === 'idle' && (
        <p class="notice">
          No chart has been read from the active tab yet. Open a chart on a granted site to see documentation
          opportunities.
        </p>
      )}
      {state.state === 'working' && <p class="notice">Reading clinical indicators…</p>}
      {state.state === 'failed' && <p class="error">CDI analysis failed: {state.message}</p>}
      {state.state === 'done' && input && (
        <CdiPanel result={state.result} chartText={input.text} rowTexts={rowTexts} clipboard={browserClipboard} />
      )}
    </section>
  );
}
