import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Evidence } from '../../engine/suggest';
import type { Message } from '../../platform/messages';
import type { SectionProps } from '../shell/sections';
import { SuggestView } from './view';

/** Sends a message to the content script of the active tab (highlight and selection requests); returns the tab's id. */
async function toActiveTab(message: Message): Promise<number> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) throw new Error('there is no active tab');
  await browser.tabs.sendMessage(tab.id, message);
  return tab.id;
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Suggestions section: the browser edge of {@link SuggestView}. Snapshots come from the shell
 * (page reads and selections, both as `content-to-panel:chart-snapshot`); this wires highlight
 * and selection requests to the chart tab and shows their failures. A highlight stays until the
 * coder clears it (or highlights other evidence): the clear request goes to the tab that drew it.
 */
export default function SuggestSection({ engine, snapshot }: SectionProps) {
  const [highlightError, setHighlightError] = useState<string | undefined>();
  const [selectionError, setSelectionError] = useState<string | undefined>();
  const [awaitingSelection, setAwaitingSelection] = useState(false);
  /** The tab showing a highlight, if any. */
  const [highlightTab, setHighlightTab] = useState<number | undefined>();
  useEffect(() => {
    const listener = (raw: unknown): undefined => {
      const m = raw as { type?: unknown; reason?: unknown };
      if (typeof m?.reason !== 'string') return undefined;
      if (m.type === 'content-to-panel:highlight-failed') {
        setHighlightTab(undefined);
        setHighlightError(m.reason.slice(0, 500));
      } else if (m.type === 'content-to-panel:read-failed' && awaitingSelection) {
        setAwaitingSelection(false);
        setSelectionError(m.reason.slice(0, 500));
      }
      return undefined;
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, [awaitingSelection]);
  useEffect(() => setAwaitingSelection(false), [snapshot]);
  const highlight = (e: Evidence, capturedAt: string): void => {
    setHighlightError(undefined);
    toActiveTab({ type: 'panel-to-content:highlight', start: e.start, end: e.end, capturedAt }).then(
      setHighlightTab,
      (error: unknown) => setHighlightError(`The chart tab did not answer: ${describe(error)}`),
    );
  };
  const clearHighlight = (): void => {
    if (highlightTab === undefined) return;
    setHighlightTab(undefined);
    const clear: Message = { type: 'panel-to-content:clear-highlight' };
    // A closed tab took its highlight with it: nothing to report.
    browser.tabs.sendMessage(highlightTab, clear).catch(() => undefined);
  };
  const useSelection = (): void => {
    setSelectionError(undefined);
    setAwaitingSelection(true);
    toActiveTab({ type: 'panel-to-content:request-selection' }).catch((error: unknown) => {
      setAwaitingSelection(false);
      setSelectionError(
        `The chart tab did not answer (no reader on this site?): ${describe(error)}. Paste the note instead.`,
      );
    });
  };
  const errors = [
    ...(highlightError ? [`Could not highlight: ${highlightError}`] : []),
    ...(selectionError ? [`Could not read the selection: ${selectionError}`] : []),
  ];
  return (
    <SuggestView
      engine={engine}
      snapshot={snapshot}
      onHighlight={highlight}
      onUseSelection={useSelection}
      {...(highlightTab === undefined ? {} : { onClearHighlight: clearHighlight })}
      errors={errors}
    />
  );
}
