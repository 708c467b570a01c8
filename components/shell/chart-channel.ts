/**
 * The side panel's end of the chart channel: binds the panel to the active tab of its window,
 * takes chart snapshots only from that tab's top frame (sender checked on every message), asks the
 * newly active tab to read its chart when the user switches tabs, and sends highlight and
 * selection requests to that same tab. State lives in {@link ChartSources}.
 */
import { browser, type Browser } from 'wxt/browser';
import type { ChartSnapshot, Message, parseIfChartside as ParseIfChartside } from '../../platform/messages';
import { refuseChartSender } from './chart-sender';
import { ChartSources, type ChartView } from './chart-source';
import { ChartsideError } from '../../engine/errors';

/** What sections may do with the chart: the only way to change the source or talk to the chart tab. */
export interface ChartActions {
  /** Makes a pasted note the bound tab's source. */
  paste(snapshot: ChartSnapshot): void;
  /** Goes back from a pasted note or selection to the page read. */
  usePage(): void;
  /** Sends a message to the bound tab's reader (top frame); resolves with the tab id. */
  toChartTab(message: Message): Promise<number>;
}

/** Error for a request to the chart tab when the panel is not bound to one. */
export class ChartsideNoChartTabError extends ChartsideError {
  override name = 'ChartsideNoChartTabError';
}

/**
 * Starts the channel; `onChange` is called with every new {@link ChartView}. Returns the actions
 * and a stop function.
 */
export function openChartChannel(onChange: (view: ChartView) => void): ChartActions & { stop(): void } {
  const sources = new ChartSources();
  const changed = (): void => onChange(sources.view());
  const extensionId = browser.runtime.id;
  // The validator (Zod) is loaded after start-up: it is not needed to open the code tables, and
  // keeping it out of the first chunk shortens open-to-ready. Messages arriving before it loads
  // wait for it; none is used unvalidated.
  const messages = import('../../platform/messages');
  /** The panel's own tab when it is opened as a page (tests, demo): never a chart. */
  let ownTab: number | undefined;
  let ownWindow: number | undefined;

  const ask = (tabId: number): void => {
    const request: Message = { type: 'panel-to-content:request-snapshot' };
    // No reader on this tab (origin not granted) is the normal case: the header says no chart.
    browser.tabs.sendMessage(tabId, request, { frameId: 0 }).catch(() => undefined);
  };
  const bind = (tabId: number): void => {
    if (tabId === ownTab) return;
    if (sources.bind(tabId)) {
      changed();
      ask(tabId);
    }
  };

  const handle = (
    parseIfChartside: typeof ParseIfChartside,
    raw: unknown,
    sender: Browser.runtime.MessageSender,
  ): void => {
    let message: Message | undefined;
    try {
      message = parseIfChartside(raw);
    } catch (error) {
      console.error('Chartside: dropped an invalid message', error);
      return;
    }
    if (message?.type !== 'content-to-panel:chart-snapshot' && message?.type !== 'content-to-panel:read-failed') return;
    const refused = refuseChartSender(sender, extensionId, sources.tabId);
    if (refused !== undefined) {
      // Normal for background tabs whose page changed; logged for whoever debugs a missing read.
      console.debug(`Chartside: chart message not used: ${refused}`);
      return;
    }
    const tabId = sender.tab!.id!;
    const used =
      message.type === 'content-to-panel:chart-snapshot'
        ? sources.pageRead(tabId, { state: 'read', snapshot: message.snapshot })
        : sources.pageRead(tabId, { state: 'failed', url: message.url, reason: message.reason });
    if (used) changed();
  };
  const onMessage = (raw: unknown, sender: Browser.runtime.MessageSender): undefined => {
    void messages.then(({ parseIfChartside }) => handle(parseIfChartside, raw, sender));
    return undefined;
  };
  const onActivated = (info: { tabId: number; windowId: number }): void => {
    if (ownWindow === undefined || info.windowId === ownWindow) bind(info.tabId);
  };
  const onUpdated = (tabId: number, info: { status?: string }): void => {
    if (tabId === sources.tabId && info.status === 'loading') {
      sources.pageGone(tabId);
      changed();
    }
  };
  const onRemoved = (tabId: number): void => {
    sources.closed(tabId);
    if (tabId !== sources.tabId) return;
    // The chart tab closed: its chart is gone from the panel; the window's active tab is next.
    changed();
    void browser.tabs
      .query({ active: true, ...(ownWindow === undefined ? { currentWindow: true } : { windowId: ownWindow }) })
      .then(([active]) => active?.id !== undefined && bind(active.id))
      .catch(() => undefined);
  };

  browser.runtime.onMessage.addListener(onMessage);
  browser.tabs.onActivated.addListener(onActivated);
  browser.tabs.onUpdated.addListener(onUpdated);
  browser.tabs.onRemoved.addListener(onRemoved);
  void (async () => {
    const [own, win] = await Promise.all([
      browser.tabs.getCurrent().catch(() => undefined),
      browser.windows.getCurrent().catch(() => undefined),
    ]);
    ownTab = own?.id;
    ownWindow = win?.id;
    const [active] = await browser.tabs.query({
      active: true,
      ...(ownWindow === undefined ? { currentWindow: true } : { windowId: ownWindow }),
    });
    if (active?.id !== undefined && sources.tabId === undefined) bind(active.id);
    else changed();
  })();

  return {
    paste(snapshot) {
      sources.paste(snapshot);
      changed();
    },
    usePage() {
      sources.usePage();
      changed();
      if (sources.tabId !== undefined) ask(sources.tabId);
    },
    async toChartTab(message) {
      const tabId = sources.tabId;
      if (tabId === undefined) throw new ChartsideNoChartTabError('the side panel is not showing a tab’s chart');
      await browser.tabs.sendMessage(tabId, message, { frameId: 0 });
      return tabId;
    },
    stop() {
      browser.runtime.onMessage.removeListener(onMessage);
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.tabs.onRemoved.removeListener(onRemoved);
    },
  };
}
