/**
 * The network recorder sees requests from every kind of context: a web page, a dedicated worker it
 * starts, the extension's service worker and an extension page. The privacy test relies
 * on it; a recorder that missed a context would let that test pass while data leaked.
 */
import { TargetType } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import type { NetworkRecording } from './support/network';
import { EHR_FIXTURES } from './support/paths';
import { startStaticServer, type StaticServer } from './support/static-server';

describe('CDP network recorder', () => {
  let chartside: ExtensionBrowser;
  let network: NetworkRecording;
  let server: StaticServer;

  beforeAll(async () => {
    server = await startStaticServer(EHR_FIXTURES);
    chartside = await launchWithExtension({ recordNetwork: true });
    if (!chartside.network) throw new Error('launched without a recording');
    network = chartside.network;
  });
  afterAll(async () => {
    await chartside?.close();
    await server?.close();
  });

  it('attached to the extension service worker from the start', () => {
    expect(
      network.targets.some((t) => t.type === 'service_worker' && t.url.startsWith(chartside.extensionOrigin)),
    ).toBe(true);
  });

  it('records a web page, its dedicated worker and its fetches', async () => {
    const page = await chartside.browser.newPage();
    await page.goto(server.url('epic-demo.html'), { waitUntil: 'load' });
    const document = await network.waitFor((r) => r.url === server.url('epic-demo.html'));
    expect(document).toMatchObject({ targetType: 'page', resourceType: 'Document', method: 'GET' });

    await page.evaluate(async (origin) => {
      await fetch(`${origin}/from-page?x=1`, { method: 'POST', body: 'probe-body' });
    }, server.origin);
    const fromPage = await network.waitFor((r) => r.url.endsWith('/from-page?x=1'));
    expect(fromPage).toMatchObject({ targetType: 'page', method: 'POST', postData: 'probe-body' });

    await page.evaluate((origin) => {
      const code = `fetch(${JSON.stringify(`${origin}/from-worker`)});`;
      new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
    }, server.origin);
    const fromWorker = await network.waitFor((r) => r.url.endsWith('/from-worker'));
    expect(fromWorker.targetType).toBe('worker');

    await page.evaluate(() => navigator.sendBeacon('/from-beacon', 'beacon-body'));
    expect((await network.waitFor((r) => r.url.endsWith('/from-beacon'))).method).toBe('POST');
    // The server saw them too: the recorder reports real traffic, not guesses.
    await server.waitForRequest('/from-beacon');
    expect(server.requests).toEqual(expect.arrayContaining(['/from-page', '/from-worker', '/from-beacon']));
    await page.close();
  });

  it('records the extension service worker and extension pages', async () => {
    const target = await chartside.browser.waitForTarget(
      (t) => t.type() === TargetType.SERVICE_WORKER && t.url().startsWith(chartside.extensionOrigin),
    );
    const worker = await target.worker();
    if (!worker) throw new Error('no service worker handle');
    await worker.evaluate(() => fetch('/manifest.json?from=service-worker').then((r) => r.text()));
    const fromSw = await network.waitFor((r) => r.url.endsWith('/manifest.json?from=service-worker'));
    expect(fromSw.targetType).toBe('service_worker');

    const page = await chartside.browser.newPage();
    await page.goto(`${chartside.extensionOrigin}sidepanel.html`, { waitUntil: 'load' });
    await page.evaluate(() => fetch('/manifest.json?from=extension-page').then((r) => r.text()));
    const fromPage = await network.waitFor((r) => r.url.endsWith('/manifest.json?from=extension-page'));
    // The target record follows the page from about:blank to the side panel.
    const panelTarget = network.targets.find((t) => t.url === `${chartside.extensionOrigin}sidepanel.html`);
    // (attached while still blank, then navigated: both URLs are kept, the current one last).
    expect(panelTarget?.urls.length).toBeGreaterThan(1);
    expect(panelTarget?.urls.at(-1)).toBe(`${chartside.extensionOrigin}sidepanel.html`);
    expect(fromPage).toMatchObject({ targetType: 'page', targetUrl: expect.stringContaining('sidepanel.html') });
    await page.close();
  });

  it('separates allowed origins from the rest', () => {
    const outside = network.outside([server.origin, chartside.extensionOrigin, 'blob:', 'data:']);
    expect(outside.map((r) => r.url)).toEqual([]);
    expect(network.outside([chartside.extensionOrigin]).some((r) => r.url.startsWith(server.origin))).toBe(true);
  });
});
