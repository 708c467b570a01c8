import { useEffect, useReducer, useState } from 'preact/hooks';
import type { ChartSnapshot } from '../../engine/chart/snapshot';
import type { Evidence, Setting } from '../../engine/suggest';
import { describeSuggestModel } from '../../engine/suggest/model-bundle';
import type { EngineApi, SuggestResponse } from '../../platform/worker/api';
import { sidePanelDecisions } from './accepted';
import { PasteBox } from './paste-box';
import { SuggestPanel } from './suggest-panel';
import { SuggestStatus } from './suggest-status';

type State =
  | { state: 'idle' }
  | { state: 'working' }
  | { state: 'done'; result: SuggestResponse; reader: string }
  | { state: 'failed'; message: string };

/** Props of {@link SuggestView}: the engine and the browser edges are injected (tested without the extension). */
export interface SuggestViewProps {
  /** The engine worker (its `suggest` method only). */
  engine: Pick<EngineApi, 'suggest'>;
  /** The case's one source (page read, selection or pasted note: components/shell/chart-source.ts), if any. */
  snapshot: ChartSnapshot | undefined;
  /** Makes a pasted note the case's source (it comes back as `snapshot`, for every section alike). */
  onPaste(snapshot: ChartSnapshot): void;
  /** Highlight evidence in the chart tab; `capturedAt` names the snapshot it belongs to. */
  onHighlight(evidence: Evidence, capturedAt: string): void;
  /** Ask the chart tab for the user's selection (its snapshot then arrives as `snapshot`). */
  onUseSelection?: () => void;
  /** Removes the evidence highlight from the chart; given only while one is shown (its button shows then). */
  onClearHighlight?: () => void;
  /** Problems from the browser edge to show (highlight or selection failed). */
  errors?: readonly string[];
}

/**
 * Suggestions for the case's source, whichever it is: the page read by the content script, the
 * user's selection, or a note pasted into the box. All three go through the same worker call,
 * `engine.suggest(snapshot, { setting })`; the paste goes to the shell's one source, so CDI and
 * the case use the same text.
 */
export function SuggestView({
  engine,
  snapshot: current,
  onPaste,
  onHighlight,
  onUseSelection,
  onClearHighlight,
  errors = [],
}: SuggestViewProps) {
  const [state, setState] = useState<State>({ state: 'idle' });
  const [setting, setSetting] = useState<Setting>('inpatient');
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => sidePanelDecisions.subscribe(() => rerender(undefined)), []);
  useEffect(() => {
    if (!current) return setState({ state: 'idle' });
    let live = true;
    setState({ state: 'working' });
    engine
      .suggest(current, { setting })
      .then((result) => {
        if (!live) return;
        // The sequencing stage's ranked principal candidates decide which accepted code leads.
        sidePanelDecisions.rank(result.abstract?.principalCandidates ?? []);
        setState({ state: 'done', result, reader: current.reader });
      })
      .catch(
        (error: unknown) =>
          live && setState({ state: 'failed', message: error instanceof Error ? error.message : String(error) }),
      );
    return () => {
      live = false;
    };
  }, [engine, current, setting]);
  const pasted = state.state === 'done' && state.reader === 'paste';
  return (
    <section
      class="suggest"
      aria-label="Code suggestions"
      data-suggest-state={state.state}
      // Which snapshot the list shown belongs to (tests wait for it; a new page read or paste replaces it).
      data-suggest-reader={state.state === 'done' ? state.reader : undefined}
      data-suggest-captured-at={state.state === 'done' ? state.result.snapshotCapturedAt : undefined}
    >
      <label class="setting">
        Setting{' '}
        <select value={setting} onChange={(e) => setSetting(e.currentTarget.value as Setting)}>
          <option value="inpatient">Inpatient (uncertain diagnoses coded)</option>
          <option value="outpatient">Outpatient (uncertain diagnoses not coded)</option>
        </select>
      </label>
      <PasteBox onSnapshot={onPaste} {...(onUseSelection ? { onUseSelection } : {})} />
      {state.state === 'idle' && (
        <p class="notice">
          No chart has been read from the active tab yet. Open a chart on a granted site, select text and use the
          selection, or paste a note above.
        </p>
      )}
      {state.state === 'working' && <p class="notice">Reading the chart and looking codes up in the Index…</p>}
      {state.state === 'failed' && <p class="error">Suggestions failed: {state.message}</p>}
      {errors.map((e) => (
        <p class="error" key={e}>
          {e}
        </p>
      ))}
      {onClearHighlight && (
        <p class="highlight-actions">
          <button type="button" onClick={onClearHighlight}>
            Clear highlight in the chart
          </button>
        </p>
      )}
      {state.state === 'done' && (
        <SuggestStatus
          releases={`ICD-10-CM ${state.result.releases.cm}${state.result.releases.pcs ? `, ICD-10-PCS ${state.result.releases.pcs}` : ''}`}
          notices={[
            ...(state.result.model ? [`${describeSuggestModel(state.result.model)}, ${state.result.model.id}`] : []),
            ...(pasted ? ['From the pasted note: its evidence is shown here, not highlighted in a page.'] : []),
            ...(current?.truncated ? ['The text was cut at the size limit: the rest was not read.'] : []),
            ...state.result.notices,
          ]}
        />
      )}
      {state.state === 'done' && (
        <SuggestPanel
          result={state.result}
          decisions={sidePanelDecisions.map}
          onDecide={(s, d) => sidePanelDecisions.decide(s, d)}
          onHighlight={(e) => {
            if (!pasted) onHighlight(e, state.result.snapshotCapturedAt);
          }}
        />
      )}
    </section>
  );
}
