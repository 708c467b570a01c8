/**
 * Platform edge in real Chromium (issue 2, "bad input"): a full disk during the first-run install
 * is reported to the user in plain words and leaves nothing half-written; once space is back the
 * next opening installs and becomes ready. The disk is made "full" with the DevTools protocol's
 * per-origin quota override (Storage.overrideQuotaForOrigin), so the browser itself raises the
 * QuotaExceededError, as it would on a real full disk.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openSidePanel, waitForSidePanelReady, type ExtensionBrowser } from './support/browser';

/** Number of rows in the `releases` store, read straight from IndexedDB. */
function countReleases(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('chartside');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('releases').objectStore('releases').count();
          request.onsuccess = () => {
            db.close();
            resolve(request.result);
          };
          request.onerror = () => reject(new Error(String(request.error)));
        };
      }),
  );
}

describe('platform: storage quota during the first-run install', () => {
  let chartside: ExtensionBrowser;

  beforeAll(async () => {
    chartside = await launchWithExtension(process.env.CHARTSIDE_E2E_EXTENSION ? { extensionDir: process.env.CHARTSIDE_E2E_EXTENSION } : {});
  });
  afterAll(async () => {
    await chartside?.close();
  });

  it('reports a full disk clearly, stores nothing, and installs once space is back', async () => {
    const origin = chartside.extensionOrigin.replace(/\/$/, '');
    // Set before the side panel ever opens: its very first install meets the full disk.
    const blank = await chartside.browser.newPage();
    const cdp = await blank.createCDPSession();
    // 64 KB: smaller than any code-table bundle, so every bundle's transaction must fail.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 64 * 1024 });
    const { page, errors } = await openSidePanel(chartside);
    await page.waitForSelector('[data-state="error"]', { timeout: 120_000 });
    if (process.env.CHARTSIDE_E2E_SHOTS) await page.screenshot({ path: `${process.env.CHARTSIDE_E2E_SHOTS}/quota-error.png` });
    const alert = await page.$eval('[role="alert"]', (el) => el.textContent ?? '');
    expect(alert).toMatch(/Not enough storage to install .+QuotaExceededError.*Free some disk space and retry/);
    expect(await page.evaluate(() => document.body.dataset.ready)).toBeUndefined();
    expect(await countReleases(page)).toBe(0);

    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    await page.reload({ waitUntil: 'domcontentloaded' });
    await waitForSidePanelReady(page, errors);
    expect(await countReleases(page)).toBeGreaterThan(0);
    const metrics = await page.evaluate(() => window.chartsideMetrics);
    expect(metrics?.installed.length).toBeGreaterThan(0);
  });
});
