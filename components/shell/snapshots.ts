/** The side panel's end of the chart channel: validated snapshots from the content script. */
import { browser } from 'wxt/browser';
import { parseIfChartside, type ChartSnapshot, type Message } from '../../platform/messages';

/**
 * Calls `onSnapshot` with every valid chart snapshot and asks the active tab to read its chart
 * now. A malformed message is logged and dropped (never half-used). Returns an unsubscribe.
 */
export function listenForSnapshots(onSnapshot: (s: ChartSnapshot) => void): () => void {
  const listener = (raw: unknown): undefined => {
    try {
      const message = parseIfChartside(raw);
      if (message?.type === 'content-to-panel:chart-snapshot') onSnapshot(message.snapshot);
    } catch (error) {
      console.error('Chartside: dropped an invalid message', error);
    }
    return undefined;
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
