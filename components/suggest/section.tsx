import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Evidence } from '../../engine/suggest';
import type { Message } from '../../platform/messages';
import { refuseChartSender } from '../shell/chart-sender';
import type { SectionProps } from '../shell/sections';
import { SuggestView } from './view';

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Suggestions section: the browser edge of {@link SuggestView}. Snapshots come from the shell
 * (page reads and selections, both as `content-to-panel:chart-snapshot`); this wires highlight
 * and selection requests to the chart tab and shows their failures. A highlight stays until the
 * coder clears it (or highlights other evidence): the clear request goes to the tab that drew it.
 */
export default function SuggestSection({ engine, snapshot, chart, actions }: SectionProps) {
  const [highlightError, setHighlightError] = useState<string | undefined>();
  const [selectionError, setSelectionError] = useState<string | undefined>();
  const [awaitingSelection, setAwaitingSelection] = useState(false);
  /** The tab showing a highlight, if any. */
  const [highlightTab, setHighlightTab] = useState<number | undefined>();
  useEffect(() => {
    const listener = (raw: unknown, sender: { id?: string; tab?: { id?: number }; frameId?: number }): undefined => {
      const m = raw as { type?: unknown; reason?: unknown };
      if (typeof m?.reason !== 'string') return undefined;
      // Only the chart tab's reader speaks here (a background tab's failure is not this chart's).
      if (refuseChartSender(sender, browser.runtime.id, chart?.tabId) !== undefined) return undefined;
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
  }, [awaitingSelection, chart?.tabId]);
  useEffect(() => setAwaitingSelection(false), [snapshot]);
  const highlight = (e: Evidence, capturedAt: string): void => {
    setHighlightError(undefined);
    actions
      .toChartTab({ type: 'panel-to-content:highlight', start: e.start, end: e.end, capturedAt })
      .then(setHighlightTab, (error: unknown) => setHighlightError(`The chart tab did not answer: ${describe(error)}`));
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
    actions.toChartTab({ type: 'panel-to-content:request-selection' }).catch((error: unknown) => {
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
      onPaste={actions.paste}
      onHighlight={highlight}
      onUseSelection={useSelection}
      {...(highlightTab === undefined ? {} : { onClearHighlight: clearHighlight })}
      errors={errors}
    />
  );
}
