import { browser } from 'wxt/browser';
import { parseIfChartside, type Message } from '../../platform/messages';
import { readChartStub } from './stub-reader';

/**
 * Chart reader. Registered at run time by the background, only on origins the user granted
 * (no `matches` here: a static match list would become a host permission). Makes no network
 * request: it reads the DOM and sends a snapshot to the side panel inside the extension.
 */
export default defineContentScript({
  registration: 'runtime',
  main() {
    const send = (): void => {
      let message: Message;
      try {
        message = { type: 'content-to-panel:chart-snapshot', snapshot: readChartStub(document, location) };
      } catch (error) {
        message = { type: 'content-to-panel:read-failed', url: `${location.origin}${location.pathname}`, reason: String(error) };
      }
      void browser.runtime.sendMessage(message).catch(() => {
        // The side panel is closed: nobody to tell; it asks again when it opens.
      });
    };
    browser.runtime.onMessage.addListener((raw: unknown) => {
      if (parseIfChartside(raw)?.type === 'panel-to-content:request-snapshot') send();
      return undefined;
    });
    send();
  },
});
