import { describe, expect, it, vi } from 'vitest';
import { receive, senderKind } from './message-sender';

const self = { id: 'abcdefghijklmnopabcdefghijklmnop', origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/' };
const panel = { id: self.id, url: `${self.origin}sidepanel.html` };
const reader = { id: self.id, url: 'https://ehr.example/chart', tab: { id: 7 }, frameId: 0 };

describe('message senders', () => {
  it('tells an extension page from the chart reader in a tab', () => {
    expect(senderKind(panel, self)).toBe('extension-page');
    expect(senderKind(reader, self)).toBe('content-script');
    // The side panel page opened in a tab is still our page.
    expect(senderKind({ ...panel, tab: { id: 9 }, frameId: 0 }, self)).toBe('extension-page');
  });

  it('refuses another extension, a subframe, a tab without a web address, and a page of no tab', () => {
    expect(senderKind({ ...panel, id: 'other' }, self)).toBeUndefined();
    expect(senderKind({ ...reader, frameId: 3 }, self)).toBeUndefined();
    expect(senderKind({ id: self.id, url: 'about:blank', tab: { id: 3 }, frameId: 0 }, self)).toBeUndefined();
    expect(senderKind({ id: self.id, url: 'https://ehr.example/' }, self)).toBeUndefined();
  });

  it('accepts a panel request only from an extension page, parsed', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const ask = { type: 'panel-to-background:get-reader-origins' };
    expect(receive(ask, panel, self, ['panel-to-background:get-reader-origins'])).toEqual(ask);
    // The chart reader (driven by a hostile page) may not send a panel's request.
    expect(receive(ask, reader, self, ['panel-to-background:get-reader-origins'])).toBeUndefined();
    // Not a type this receiver handles.
    expect(receive(ask, panel, self, ['panel-to-content:request-snapshot'])).toBeUndefined();
    // A Chartside-looking message of the wrong shape is ignored, not thrown into the listener.
    expect(
      receive({ type: 'panel-to-content:highlight', start: -1 }, panel, self, ['panel-to-content:highlight']),
    ).toBeUndefined();
    // Foreign messages pass by.
    expect(receive({ hello: 1 }, panel, self, ['panel-to-background:get-reader-origins'])).toBeUndefined();
  });
});
