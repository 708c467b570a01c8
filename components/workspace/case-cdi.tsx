/**
 * CDI opportunities and query drafts inside the case (components/cdi's panel), plus saving a query
 * with the case: the query the user last copied (the draft as it left the editor, compliant) can
 * be saved, encrypted, beside the saved case. Nothing is stored unless the user presses Save.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ChartSnapshot } from '../../platform/messages';
import type { EngineRemote } from '../../platform/worker/client';
import { CdiPanel } from '../cdi/cdi-panel';
import { browserClipboard, type ClipboardWriter } from '../cdi/clipboard';
import { useCdiAnalysis } from '../cdi/use-cdi';

export interface CaseCdiProps {
  engine: EngineRemote;
  snapshot: ChartSnapshot | undefined;
  /** Saves a query text with the case (encrypted); resolves when stored. */
  onSaveQuery: (text: string) => Promise<void>;
  /** Number of queries saved with this case. */
  savedQueries: number;
}

export function CaseCdi({ engine, snapshot, onSaveQuery, savedQueries }: CaseCdiProps) {
  const { state, input, rowTexts } = useCdiAnalysis(engine, snapshot);
  const [copied, setCopied] = useState<string | undefined>();
  // A new chart: what was copied from the previous one cannot be saved with this case.
  useEffect(() => setCopied(undefined), [snapshot]);
  // The CDI panel copies through this writer: the copied text is what can be saved with the case.
  const clipboard = useMemo<ClipboardWriter>(
    () => ({
      writePlain: async (text) => {
        await browserClipboard.writePlain(text);
        setCopied(text);
      },
      writeHtml: async (html, plain) => {
        await browserClipboard.writeHtml(html, plain);
        setCopied(plain);
      },
    }),
    [],
  );
  return (
    <section class="cdi" aria-label="Clinical documentation integrity" data-cdi-state={state.state}>
      {state.state === 'idle' && (
        <p class="notice">No chart read yet: open a chart on a granted site to see documentation opportunities.</p>
      )}
      {state.state === 'working' && <p class="notice">Reading clinical indicators…</p>}
      {state.state === 'failed' && <p class="error">CDI analysis failed: {state.message}</p>}
      {state.state === 'done' && input && (
        <CdiPanel result={state.result} chartText={input.text} rowTexts={rowTexts} clipboard={clipboard} />
      )}
      <p class="meta" data-saved-queries={savedQueries}>
        {copied ? 'A query was copied: it can be saved with the case.' : 'Copy a query to save it with the case.'} Saved
        with this case: {savedQueries}.
      </p>
      <button type="button" disabled={!copied} onClick={() => copied && void onSaveQuery(copied)}>
        Save copied query with the case
      </button>
    </section>
  );
}
