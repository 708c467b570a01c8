// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { MAX_SNAPSHOT_CHARS, parseMessage } from '../../platform/messages';
import { readChartStub } from './stub-reader';

const loc = { origin: 'http://127.0.0.1:5173', pathname: '/chart.html' };

describe('readChartStub', () => {
  it('reads text only (markup payloads stay text, scripts are skipped) into a valid snapshot', () => {
    // A parsed fixture document (DOMParser never runs its scripts), like a saved EHR page.
    const doc = new DOMParser().parseFromString(
      '<html><head><title>Progress note (fictional patient)</title></head><body><p>Assessment: pneumonia. &lt;script&gt;window.__pwned=1&lt;/script&gt;</p><script>var secret = 1;</script><b onclick="x()">Type 2 diabetes</b></body></html>',
      'text/html',
    );
    const snap = readChartStub(doc, loc);
    expect(snap.sections).toEqual([{ heading: 'Progress note (fictional patient)', text: 'Assessment: pneumonia. <script>window.__pwned=1</script>\nType 2 diabetes' }]);
    expect(snap).toMatchObject({ url: 'http://127.0.0.1:5173/chart.html', reader: 'stub', truncated: false });
    expect(parseMessage({ type: 'content-to-panel:chart-snapshot', snapshot: snap }).type).toBe('content-to-panel:chart-snapshot');
  });

  it('survives a very deep DOM and caps the text', () => {
    let el: HTMLElement = document.body;
    document.body.replaceChildren();
    for (let i = 0; i < 5000; i++) el = el.appendChild(document.createElement('div'));
    el.textContent = 'x'.repeat(MAX_SNAPSHOT_CHARS + 10);
    const snap = readChartStub(document, loc);
    expect(snap.truncated).toBe(true);
    expect(snap.sections[0]!.text.length).toBeLessThanOrEqual(MAX_SNAPSHOT_CHARS);
  });
});
