/**
 * The side panel codes the right patient (the wrong patient is never shown): it is bound to the active tab, a background
 * tab whose note changes cannot change it, switching tabs switches the case and says so, one
 * source (page read or pasted note) drives suggestions, CDI and the case alike, and the chart
 * watcher delivers a note switch on a page whose clock ticks every 200 ms without posting the
 * unchanged note again.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchWithExtension,
  openSidePanel,
  waitForSidePanelReady,
  waitInPanel,
  watchChartSnapshots,
  type ExtensionBrowser,
} from './support/browser';
import { serveFixturePages } from './support/fixture-pages';
import type { StaticServer } from './support/static-server';
import { alt } from './workspace-support';

/**
 * A synthetic clinic page whose banner clock ticks every 200 ms (outside the note) and whose note
 * the test switches with `switchNote()`; the page counts its ticks and records when it switched.
 */
const CLOCK_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Clock clinic - EXAMPLE, CLOCKWORK (FICTIONAL)</title></head>
<body>
<header><span id="clock">00:00:00</span></header>
<main>
  <h1>Progress note</h1>
  <h2>Assessment</h2>
  <p id="note">Fictional patient Clockwork Example. NOTE-A. Assessment: essential hypertension.</p>
</main>
<script>
  window.ticks = 0;
  setInterval(() => { window.ticks++; document.getElementById('clock').textContent = new Date().toISOString(); }, 200);
  window.switchNote = (marker) => {
    window.switchedAt = Date.now();
    document.getElementById('note').textContent = 'Fictional patient Clockwork Example. ' + marker + '. Assessment: hyponatremia.';
  };
</script>
</body></html>`;

interface SeenSnapshot {
  url: string;
  capturedAt: string;
  text: string;
}

/** Records, in the panel, every chart snapshot message it receives (whatever the sender). */
async function recordSnapshots(panel: Page): Promise<{ all(): Promise<SeenSnapshot[]> }> {
  await panel.evaluate(() => {
    const w = window as unknown as { seenSnapshots?: SeenSnapshot[] };
    if (w.seenSnapshots) return;
    const seen: SeenSnapshot[] = (w.seenSnapshots = []);
    const runtime = (
      globalThis as unknown as {
        chrome: { runtime: { onMessage: { addListener(l: (m: unknown) => undefined): void } } };
      }
    ).chrome.runtime;
    runtime.onMessage.addListener((m) => {
      const msg = m as { type?: string; snapshot?: { url: string; capturedAt: string; text: string } };
      if (msg.type === 'content-to-panel:chart-snapshot' && msg.snapshot) {
        seen.push({ url: msg.snapshot.url, capturedAt: msg.snapshot.capturedAt, text: msg.snapshot.text });
        document.documentElement.dataset.seenSnapshots = String(seen.length);
      }
      return undefined;
    });
  });
  return { all: () => panel.evaluate(() => (window as unknown as { seenSnapshots: SeenSnapshot[] }).seenSnapshots) };
}

const header = (panel: Page) =>
  panel.$eval('.chart-identity', (e) => ({
    url: e.getAttribute('data-chart-url') ?? '',
    source: e.getAttribute('data-source') ?? '',
    capturedAt: e.getAttribute('data-captured-at') ?? '',
    text: (e as HTMLElement).innerText,
  }));

describe('the panel is bound to the active tab and one source', () => {
  let server: StaticServer;
  let chartside: ExtensionBrowser;
  let panel: Page;
  let errors: string[];

  beforeAll(async () => {
    server = await serveFixturePages({ 'clock-note.html': CLOCK_PAGE });
    chartside = await launchWithExtension();
    ({ page: panel, errors } = await openSidePanel(chartside));
    await waitForSidePanelReady(panel, errors);
  });
  afterAll(async () => {
    await chartside?.close();
    await server?.close();
  });

  it('a background tab cannot change the panel; switching tabs switches the chart and says so', async () => {
    const snapshots = await watchChartSnapshots(panel);
    const a = await chartside.browser.newPage();
    await a.goto(server.url('epic-demo.html'), { waitUntil: 'load' });
    expect(await snapshots.next()).toBe(server.url('epic-demo.html'));
    await waitInPanel(
      panel,
      'chart A in the header',
      (u: string) => document.querySelector('.chart-identity')?.getAttribute('data-chart-url') === u,
      server.url('epic-demo.html'),
    );
    const shownA = await header(panel);
    // The identity: patient banner, page title, URL, and the source.
    expect(shownA.text).toContain('Testpatient, Zebulon Q (fictional)');
    expect(shownA.text).toContain('Chart Review - TESTPATIENT, ZEBULON Q (FICTIONAL)');
    expect(shownA.text).toContain(server.url('epic-demo.html'));
    expect(shownA.source).toBe('page');
    expect(shownA.text).toMatch(/Coding from the page read \(epic-like reader/);

    // Chart B in another tab: it is active now, so the panel switches, and says so.
    const b = await chartside.browser.newPage();
    await b.goto(server.url('meditech-demo.html'), { waitUntil: 'load' });
    await waitInPanel(
      panel,
      'chart B in the header',
      (u: string) => document.querySelector('.chart-identity')?.getAttribute('data-chart-url') === u,
      server.url('meditech-demo.html'),
    );
    expect((await header(panel)).text).toContain('Exampleperson, Margo (fictional)');
    expect(await panel.$('.chart-switched')).not.toBeNull();

    // Back to A: A's chart again. Then B's note changes in the background.
    await a.bringToFront();
    await waitInPanel(
      panel,
      'chart A again',
      (u: string) => document.querySelector('.chart-identity')?.getAttribute('data-chart-url') === u,
      server.url('epic-demo.html'),
    );
    const before = await header(panel);
    const seen = await recordSnapshots(panel);
    await b.evaluate(() => {
      const body = document.querySelector('.mt-doc-body');
      if (!body) throw new Error('fixture changed: no .mt-doc-body');
      body.append(Object.assign(document.createElement('p'), { textContent: 'Addendum: acute kidney injury.' }));
    });
    // The panel receives B's new read (the reader posts it) ...
    await waitInPanel(
      panel,
      "background tab B's read",
      (u: string) =>
        (window as unknown as { seenSnapshots: SeenSnapshot[] }).seenSnapshots.some(
          (s) => s.url === u && s.text.includes('Addendum: acute kidney injury.'),
        ),
      server.url('meditech-demo.html'),
    );
    // ... and refuses it: still A, same read, same source.
    // One task later (a message-channel hop: background tabs get no animation frames), the panel
    // has handled the message it received.
    await panel.evaluate(
      () =>
        new Promise((resolve) => {
          const hop = new MessageChannel();
          hop.port1.onmessage = () => resolve(undefined);
          hop.port2.postMessage(0);
        }),
    );
    // Same chart, source and text. The read time (and the time the header shows) may only be
    // refreshed by a read of A itself (A's reader can post once more after the switch back, later
    // on a loaded machine); never by B's.
    const after = await header(panel);
    const untimed = (h: typeof before) => ({
      ...h,
      capturedAt: '',
      text: h.text.replace(/\bat \d{1,2}:\d{2}(?::\d{2})?\s?(?:AM|PM)?/gi, 'at <time>'),
    });
    expect(untimed(after)).toEqual(untimed(before));
    const readsOfA = (await seen.all()).filter((s) => s.url === server.url('epic-demo.html'));
    expect([before.capturedAt, ...readsOfA.map((s) => s.capturedAt)]).toContain(after.capturedAt);
    await b.close();
    await a.close();
    expect(errors).toEqual([]);
  });

  it('a pasted note is the one source of suggestions, CDI and the case, named in the header', async () => {
    const a = await chartside.browser.newPage();
    await a.goto(server.url('epic-demo.html'), { waitUntil: 'load' });
    await waitInPanel(
      panel,
      'chart A in the header',
      (u: string) => document.querySelector('.chart-identity')?.getAttribute('data-chart-url') === u,
      server.url('epic-demo.html'),
    );
    await panel.bringToFront();
    await alt(panel, '2');
    await panel.waitForSelector('#panel-suggest #suggest-paste');
    await panel.$eval('#panel-suggest #suggest-paste', (box) => {
      const t = box as HTMLTextAreaElement;
      t.value =
        'Fictional patient Pia Pasteperson. ASSESSMENT: Hyponatremia, sodium 126. Acute cystitis without hematuria.';
      t.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await panel.click('#panel-suggest .paste-box button[type="submit"]');
    await waitInPanel(
      panel,
      'the paste as the source',
      () => document.querySelector('.chart-identity')?.getAttribute('data-source') === 'paste',
    );
    const pasted = await header(panel);
    expect(pasted.text).toMatch(/Coding from the pasted note \(\d+ characters\)/);
    await waitInPanel(
      panel,
      'suggestions of the paste',
      (at: string) =>
        document
          .querySelector('#panel-suggest [data-suggest-captured-at]')
          ?.getAttribute('data-suggest-captured-at') === at &&
        document.querySelector('#panel-suggest [data-code="E87.1"]') !== null,
      pasted.capturedAt,
    );

    await alt(panel, '4');
    await waitInPanel(
      panel,
      'CDI of the paste',
      (at: string) =>
        document.querySelector('#panel-cdi [data-source-captured-at]')?.getAttribute('data-source-captured-at') === at,
      pasted.capturedAt,
      90_000,
    );
    expect(await panel.$eval('#panel-cdi', (e) => e.textContent ?? '')).not.toContain('No chart');

    await alt(panel, '5');
    await waitInPanel(
      panel,
      'the case of the paste',
      (at: string) =>
        document.querySelector('#panel-case [data-source-captured-at]')?.getAttribute('data-source-captured-at') === at,
      pasted.capturedAt,
    );
    expect(await panel.$eval('#panel-case .ws-chart', (e) => e.textContent ?? '')).toMatch(/^Pasted note /);

    // The page changes under the paste: said in the header, not used until the user asks.
    await a.evaluate(() => {
      const frame = document.querySelector<HTMLIFrameElement>('iframe#note-frame');
      const host = frame?.contentDocument?.querySelector('#note-body');
      const text = host?.shadowRoot?.querySelector('.note-text');
      if (!text) throw new Error('fixture changed: no .note-text in the #note-body shadow root');
      text.append(Object.assign(document.createElement('p'), { textContent: 'Addendum: seen again.' }));
    });
    await waitInPanel(
      panel,
      'the page-changed notice',
      () => document.querySelector('.chart-identity')?.textContent?.includes('the page changed since') === true,
    );
    expect((await header(panel)).capturedAt).toBe(pasted.capturedAt);
    await panel.bringToFront();
    await panel.click('.chart-identity button.link');
    await waitInPanel(
      panel,
      'the page as the source again',
      () => document.querySelector('.chart-identity')?.getAttribute('data-source') === 'page',
    );
    await a.close();
    expect(errors).toEqual([]);
  });

  it('a note switch on a page whose clock ticks every 200 ms reaches the panel within 2 s, and the unchanged note is not posted again', async () => {
    const seen = await recordSnapshots(panel);
    const clock = await chartside.browser.newPage();
    await clock.goto(server.url('clock-note.html'), { waitUntil: 'load' });
    const count = async (marker: string): Promise<number> =>
      (await seen.all()).filter((s) => s.url === server.url('clock-note.html') && s.text.includes(marker)).length;
    await waitInPanel(panel, 'the clock page read', () =>
      (window as unknown as { seenSnapshots: SeenSnapshot[] }).seenSnapshots.some((s) => s.text.includes('NOTE-A')),
    );

    for (const marker of ['NOTE-B', 'NOTE-C']) {
      await clock.evaluate((m: string) => (window as unknown as { switchNote(m: string): void }).switchNote(m), marker);
      await waitInPanel(
        panel,
        `${marker} read`,
        (m: string) =>
          (window as unknown as { seenSnapshots: SeenSnapshot[] }).seenSnapshots.some((s) => s.text.includes(m)),
        marker,
        30_000,
      );
      const switchedAt = await clock.evaluate(() => (window as unknown as { switchedAt: number }).switchedAt);
      const read = (await seen.all()).find((s) => s.text.includes(marker))!;
      // From the switch to the read that carried it (the page's and the reader's clocks are one).
      expect(Date.parse(read.capturedAt) - switchedAt).toBeLessThan(2000);
    }
    // Let the clock tick 15 more times (3 s, three maximum waits): nothing new to post.
    const ticks = await clock.evaluate(() => (window as unknown as { ticks: number }).ticks);
    await clock.waitForFunction(
      (t: number) => (window as unknown as { ticks: number }).ticks >= t + 15,
      { timeout: 30_000 },
      ticks,
    );
    expect(await count('NOTE-A')).toBe(1);
    expect(await count('NOTE-B')).toBe(1);
    expect(await count('NOTE-C')).toBe(1);
    await clock.close();
    expect(errors).toEqual([]);
  });
});
