import { useEffect, useReducer, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Evidence, Setting } from '../../engine/suggest';
import type { Message } from '../../platform/messages';
import type { SuggestResponse } from '../../platform/worker/api';
import type { SectionProps } from '../shell/sections';
import { sidePanelDecisions } from './accepted';
import { SuggestPanel } from './SuggestPanel';

type State =
  | { state: 'idle' }
  | { state: 'working' }
  | { state: 'done'; result: SuggestResponse }
  | { state: 'failed'; message: string };

/** Sends a message to the content script of the active tab (highlight requests). */
async function toActiveTab(message: Message): Promise<void> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id !== undefined) await browser.tabs.sendMessage(tab.id, message);
}

/**
 * Suggestions section: asks the engine worker for suggestions whenever a chart snapshot arrives
 * (or the setting changes), shows them grouped, and highlights evidence in the chart on request.
 */
export default function SuggestSection({ engine, snapshot }: SectionProps) {
  const [state, setState] = useState<State>({ state: 'idle' });
  const [setting, setSetting] = useState<Setting>('inpatient');
  const [highlightError, setHighlightError] = useState<string | undefined>();
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => sidePanelDecisions.subscribe(() => rerender(undefined)), []);
  useEffect(() => {
    if (!snapshot) return setState({ state: 'idle' });
    let live = true;
    setState({ state: 'working' });
    engine
      .suggest(snapshot, { setting })
      .then((result) => live && setState({ state: 'done', result }))
      .catch(
        (error: unknown) =>
          live && setState({ state: 'failed', message: error instanceof Error ? error.message : String(error) }),
      );
    return () => {
      live = false;
    };
  }, [engine, snapshot, setting]);
  useEffect(() => {
    const listener = (raw: unknown): undefined => {
      const m = raw as { type?: unknown; reason?: unknown };
      if (m?.type === 'content-to-panel:highlight-failed' && typeof m.reason === 'string')
        setHighlightError(m.reason.slice(0, 500));
      return undefined;
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, []);
  const highlight = (e: Evidence): void => {
    if (state.state !== 'done') return;
    setHighlightError(undefined);
    toActiveTab({
      type: 'panel-to-content:highlight',
      start: e.start,
      end: e.end,
      capturedAt: state.result.snapshotCapturedAt,
    }).catch((error: unknown) =>
      setHighlightError(`The chart tab did not answer: ${error instanceof Error ? error.message : String(error)}`),
    );
  };
  return (
    <section class="suggest" aria-label="Code suggestions" data-suggest-state={state.state}>
      <label class="setting">
        Setting{' '}
        <select value={setting} onChange={(e) => setSetting(e.currentTarget.value as Setting)}>
          <option value="inpatient">Inpatient (uncertain diagnoses coded)</option>
          <option value="outpatient">Outpatient (uncertain diagnoses not coded)</option>
        </select>
      </label>
      {state.state === 'idle' && (
        <p class="notice">
          No chart has been read from the active tab yet. Open a chart on a granted site, or select text and read the
          selection.
        </p>
      )}
      {state.state === 'working' && <p class="notice">Reading the chart and looking codes up in the Index…</p>}
      {state.state === 'failed' && <p class="error">Suggestions failed: {state.message}</p>}
      {highlightError && <p class="error">Could not highlight: {highlightError}</p>}
      {state.state === 'done' && (
        <SuggestPanel
          result={state.result}
          notices={[
            `ICD-10-CM ${state.result.releases.cm}${state.result.releases.pcs ? `, ICD-10-PCS ${state.result.releases.pcs}` : ''}`,
            ...state.result.notices,
          ]}
          decisions={sidePanelDecisions.map}
          onDecide={(s, d) => sidePanelDecisions.decide(s, d)}
          onHighlight={highlight}
        />
      )}
    </section>
  );
}
