import { browser } from 'wxt/browser';
import { receive } from '../../platform/message-sender';
import type { Message } from '../../platform/messages';
import { ChartsideHighlightError, EvidenceHighlighter } from './readers/highlight';
import { readChart, readSelection, type ChartRead } from './readers/read-chart';
import { selectionRanges } from './readers/selection-ranges';
import { chartChanged } from './readers/chart-changed';
import { watchChart } from './readers/watch';
import { useZodJitless } from '../../platform/zod-jitless';

/**
 * Chart reader. Registered at run time by the background, only on origins the user granted
 * (no `matches` here: a static match list would become a host permission). Makes no network
 * request: it reads the DOM (readers/: Epic-like, MEDITECH-like, generic adapters; selection),
 * sends a snapshot to the side panel inside the extension, re-reads when the page changes
 * (debounced, with a maximum wait: readers/watch.ts) and posts only when what it read changed
 * (a clock ticking outside the note posts nothing), and draws evidence highlights in its own
 * shadow root on request. It answers only this extension (the sender is checked).
 */
export default defineContentScript({
  registration: 'runtime',
  // Quiet on the page: WXT's default start-up window.postMessage (extension id and script name,
  // to stop an older copy of the script) is readable by the page and every frame in it.
  noScriptStartedPostMessage: true,
  main() {
    useZodJitless();
    // The top frame reads its same-origin frames itself (readers/walk.ts); a copy of this script
    // injected into a frame would send a competing snapshot of the frame alone.
    if (window.top !== window) return;
    const url = `${location.origin}${location.pathname}`;
    const highlighter = new EvidenceHighlighter(document);
    let last: ChartRead | undefined;
    /** The last selection sent, with where it is in the page (its evidence is highlighted there). */
    let selected: { capturedAt: string; text: string; range: Range } | undefined;
    let reading = false;
    // A change whose debounced read came while a read was running: read again when it ends
    // (dropping it left the panel on stale text until the next change).
    let readAgain = false;
    const post = (message: Message): void => {
      void browser.runtime.sendMessage(message).catch(() => {
        // The side panel is closed: nobody to tell; it asks again when it opens.
      });
    };
    const send = async (): Promise<void> => {
      if (reading) {
        readAgain = true;
        return;
      }
      reading = true;
      try {
        const read = await readChart(document, location);
        const changed = !last || chartChanged(last.snapshot, read.snapshot);
        if (changed) {
          last = read;
          post({ type: 'content-to-panel:chart-snapshot', snapshot: read.snapshot });
        } else if (last) {
          // Same text, so the panel's evidence offsets still hold; keep the fresh text nodes (the
          // page may have re-rendered them) under the capture time the panel knows.
          last = { ...read, snapshot: { ...read.snapshot, capturedAt: last.snapshot.capturedAt } };
        }
      } catch (error) {
        post({ type: 'content-to-panel:read-failed', url, reason: String(error) });
      } finally {
        reading = false;
        watcher.refresh();
        if (readAgain) {
          readAgain = false;
          void send();
        }
      }
    };
    const watcher = watchChart(document, () => void send());
    const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
    browser.runtime.onMessage.addListener((raw: unknown, sender) => {
      // Requests come from the side panel only (an extension page, never another tab's reader).
      const message = receive(raw, sender, self, [
        'panel-to-content:request-snapshot',
        'panel-to-content:request-selection',
        'panel-to-content:highlight',
        'panel-to-content:clear-highlight',
      ]);
      switch (message?.type) {
        case 'panel-to-content:request-snapshot':
          last = undefined;
          void send();
          break;
        case 'panel-to-content:request-selection': {
          const snapshot = readSelection(document, location);
          const selection = document.getSelection();
          selected =
            snapshot && selection && selection.rangeCount > 0
              ? { capturedAt: snapshot.capturedAt, text: snapshot.text, range: selection.getRangeAt(0).cloneRange() }
              : undefined;
          if (snapshot) post({ type: 'content-to-panel:chart-snapshot', snapshot });
          else post({ type: 'content-to-panel:read-failed', url, reason: 'nothing is selected on the page' });
          break;
        }
        case 'panel-to-content:highlight':
          try {
            if (selected?.capturedAt === message.capturedAt)
              highlighter.showRanges(selectionRanges(selected.range, selected.text, message.start, message.end));
            else if (!last || last.snapshot.capturedAt !== message.capturedAt)
              throw new ChartsideHighlightError('the chart changed since these suggestions were made; read it again');
            else highlighter.show(last.segments, message.start, message.end);
          } catch (error) {
            post({
              type: 'content-to-panel:highlight-failed',
              reason: error instanceof Error ? error.message : String(error),
            });
          }
          break;
        case 'panel-to-content:clear-highlight':
          highlighter.clear();
          break;
        default:
          break;
      }
      return undefined;
    });
    void send();
  },
});
