import { describe, expect, it, vi } from 'vitest';
import { receive, senderKind } from './message-sender';

const self = { id: 'abcdefghijklmnopabcdefghijklmnop', origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/' };
const panel = { id: self.id, url: `${self.origin}sidepanel.html` };
const reader = { id: self.id, url: 'https://ehr.example/chart', tab: { id: 7 }, frameId: 0 };

describe('message senders', () => {
  it('tells an extension page from the chart reader in a tab', () => {
    expect(senderKind(panel, self)).toBe('extension-page');
    expect(senderKind(reader, self)).toBe('content-script');
  });

  it('refuses another extension, a subframe, and a page pretending to be an extension page', () => {
    expect(senderKind({ ...panel, id: 'other' }, self)).toBeUndefined();
    expect(senderKind({ ...reader, frameId: 3 }, self)).toBeUndefined();
    expect(senderKind({ ...reader, url: `${self.origin}sidepanel.html` }, self)).toBeUndefined();
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
