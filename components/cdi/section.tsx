import type { SectionProps } from '../shell/sections';
import { CdiPanel } from './cdi-panel';
import { browserClipboard } from './clipboard';
import { useCdiAnalysis } from './use-cdi';

/**
 * CDI section of the side panel: asks the engine worker for opportunities and drafts whenever a
 * new chart snapshot arrives, and shows them. The chart text stays on the device.
 */
export default function CdiSection({ engine, snapshot }: SectionProps) {
  const { state, input, rowTexts } = useCdiAnalysis(engine, snapshot);
  return (
    <section
      class="cdi"
      aria-label="Clinical documentation integrity"
      data-cdi-state={state.state}
      // The case's one source this analysis is of (the header names it).
      data-source-captured-at={state.state === 'done' ? snapshot?.capturedAt : undefined}
    >
      {state.state === 'idle' && (
        <p class="notice">
          No chart on this tab and no pasted note. Open a chart on a granted site, or paste a note in Suggestions, to
          see documentation opportunities.
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
