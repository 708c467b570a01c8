/**
 * What the extension's pages may reach and what a chart page can see of the extension, in the
 * built extension in Debian's Chromium:
 *
 * 1. The extension pages' CSP (wxt.config.ts, EXTENSION_PAGES_CSP) blocks an image, an iframe and
 *    a stylesheet pointing at another origin, even when something manages to put them into the
 *    side panel's DOM: the browser reports each violation and the server never sees the request.
 *    The same elements in an ordinary web page do reach the server (the probe can succeed).
 * 2. The chart reader announces nothing to the page: no `message` event reaches the page or a
 *    frame while the reader starts and sends its snapshot.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchWithExtension,
  openSidePanel,
  waitForSidePanelReady,
  watchChartSnapshots,
  type ExtensionBrowser,
} from './support/browser';
import { serveFixturePages } from './support/fixture-pages';
import type { StaticServer } from './support/static-server';

/** Injects an <img>, an <iframe> and a <link rel=stylesheet> at `origin`, each carrying chart-like text. */
async function injectProbes(page: Page, origin: string, tag: string): Promise<string[]> {
  return page.evaluate(
    (o: string, t: string) => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        violations.push(`${e.effectiveDirective} ${e.blockedURI}`),
      );
      (globalThis as unknown as { __violations: string[] }).__violations = violations;
      const img = document.createElement('img');
      img.src = `${o}/${t}-img?chart=Fictional%20patient%20pneumonia`;
      const frame = document.createElement('iframe');
      frame.src = `${o}/${t}-frame?chart=Fictional%20patient%20pneumonia`;
      const css = document.createElement('link');
      css.rel = 'stylesheet';
      css.href = `${o}/${t}-css?chart=Fictional%20patient%20pneumonia`;
      document.body.append(img, frame, css);
      return [img.src, frame.src, css.href].map((u) => new URL(u).pathname);
    },
    origin,
    tag,
  );
}

describe('extension page isolation', () => {
  let server: StaticServer;
  let chartside: ExtensionBrowser;
  let panel: Page;

  beforeAll(async () => {
    server = await serveFixturePages();
    chartside = await launchWithExtension();
    let errors: string[];
    ({ page: panel, errors } = await openSidePanel(chartside));
    await waitForSidePanelReady(panel, errors);
  }, 180_000);
  afterAll(async () => {
    await chartside?.close();
    await server?.close();
  });

  it('the side panel CSP blocks an injected image, iframe and stylesheet to another origin', async () => {
    const paths = await injectProbes(panel, server.origin, 'panel');
    // Event-driven: the browser reports one violation per blocked load.
    await panel.waitForFunction(() => (globalThis as unknown as { __violations: string[] }).__violations.length >= 3, {
      timeout: 20_000,
    });
    const violations = await panel.evaluate(() => (globalThis as unknown as { __violations: string[] }).__violations);
    expect(violations.map((v) => v.split(' ')[0]).sort()).toEqual(['frame-src', 'img-src', 'style-src-elem']);

    // Control: the same probes from a web page (no extension CSP) do reach the server...
    const page = await chartside.browser.newPage();
    await page.goto(server.url('generic-clinic-note.html'), { waitUntil: 'load' });
    const control = await injectProbes(page, server.origin, 'control');
    for (const path of control) await server.waitForRequest(path);
    await page.close();
    // ...and by then none of the side panel's had (the requests were never made, not slow).
    for (const path of paths) expect(server.requests).not.toContain(path);
  });

  it('the chart reader posts nothing to the page or its frames', async () => {
    const snapshots = await watchChartSnapshots(panel);
    const page = await chartside.browser.newPage();
    // Installed before any page script and before the reader is injected, in every frame.
    await page.evaluateOnNewDocument(() => {
      const seen: string[] = [];
      (globalThis as unknown as { __seen: string[] }).__seen = seen;
      window.addEventListener('message', (e) => seen.push(JSON.stringify(e.data)), true);
    });
    await page.goto(server.url('epic-demo.html'), { waitUntil: 'load' });
    await snapshots.next();
    const seen = await Promise.all(
      page.frames().map((f) => f.evaluate(() => (globalThis as unknown as { __seen?: string[] }).__seen ?? [])),
    );
    expect(page.frames().length).toBeGreaterThan(1);
    expect(seen.flat()).toEqual([]);
    await page.close();
  });
});
