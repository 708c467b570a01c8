/** The side panel's end of the chart channel: validated snapshots from the content script. */
import { browser } from 'wxt/browser';
import type { ChartSnapshot, Message, parseIfChartside as ParseIfChartside } from '../../platform/messages';

/** What the panel knows about the chart on screen. */
export type ChartState = { state: 'read'; snapshot: ChartSnapshot } | { state: 'failed'; url: string; reason: string };

/**
 * Calls `onChart` with every valid chart snapshot or read failure, and asks the active tab to
 * read its chart now. A malformed message is logged and dropped (never half-used). Returns an
 * unsubscribe.
 */
export function listenForSnapshots(onChart: (c: ChartState) => void): () => void {
  // The validator (Zod) is loaded after start-up: it is not needed to open the code tables, and
  // keeping it out of the first chunk shortens open-to-ready. Messages arriving before it loads
  // wait for it; none is used unvalidated.
  const messages = import('../../platform/messages');
  const listener = (raw: unknown): undefined => {
    void messages.then(({ parseIfChartside }) => handle(parseIfChartside, raw));
    return undefined;
  };
  const handle = (parseIfChartside: typeof ParseIfChartside, raw: unknown): void => {
    try {
      const message = parseIfChartside(raw);
      if (message?.type === 'content-to-panel:chart-snapshot') onChart({ state: 'read', snapshot: message.snapshot });
      else if (message?.type === 'content-to-panel:read-failed') onChart({ state: 'failed', url: message.url, reason: message.reason });
    } catch (error) {
      console.error('Chartside: dropped an invalid message', error);
    }
  };
  browser.runtime.onMessage.addListener(listener);
  void (async () => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    const ask: Message = { type: 'panel-to-content:request-snapshot' };
    // No reader on this tab (origin not granted) is the normal case: nothing to do.
    await browser.tabs.sendMessage(tab.id, ask).catch(() => undefined);
  })();
  return () => browser.runtime.onMessage.removeListener(listener);
}
