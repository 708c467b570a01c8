/**
 * Platform edge in real Chromium (bad input gets a clear error and loses nothing): a full disk during the first-run install
 * is reported to the user in plain words and leaves nothing half-written; once space is back the
 * next opening installs and becomes ready. The disk is made "full" with the DevTools protocol's
 * per-origin quota override (Storage.overrideQuotaForOrigin), so the browser itself raises the
 * QuotaExceededError, as it would on a real full disk.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePackageIndex, PACKAGE_INDEX_PATH } from '../../platform/install/package-index';
import { launchWithExtension, openSidePanel, waitForSidePanelReady, type ExtensionBrowser } from './support/browser';
import { E2E_EXTENSION as EXTENSION_DIR, ROOT } from './support/paths';

/**
 * Serious and critical axe-core violations on a page, as `rule: target` lines. `exclude` leaves
 * out parts owned and tested elsewhere (the side panel's section bodies: each feature's e2e test).
 */
async function seriousViolations(page: Page, exclude: string[] = []): Promise<string[]> {
  // Evaluated through the DevTools protocol: the page's CSP (script-src 'self') rightly refuses
  // an injected <script>, and the extension must not be loosened for a test.
  await page.evaluate(readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8'));
  return page.evaluate(async (excluded: string[]) => {
    type Result = { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run(context: unknown): Promise<Result> } }).axe;
    const { violations } = await axe.run({ include: [['body']], exclude: excluded.map((e) => [e]) });
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  }, exclude);
}

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
    chartside = await launchWithExtension({ extensionDir: EXTENSION_DIR });
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
    if (process.env.CHARTSIDE_E2E_SHOTS)
      await page.screenshot({ path: `${process.env.CHARTSIDE_E2E_SHOTS}/quota-error.png` });
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

  it('the side panel shell (header, tabs, status line) has no serious accessibility violations, light and dark', async () => {
    const { page, errors } = await openSidePanel(chartside);
    await waitForSidePanelReady(page, errors);
    const sections = ['[role="tabpanel"]'];
    expect(await seriousViolations(page, sections)).toEqual([]);
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    expect(await seriousViolations(page, sections)).toEqual([]);
    await page.close();
  });

  it('options page: lists the installed releases, re-imports a bundle file the user picks, keeps the privacy setting', async () => {
    const index = parsePackageIndex(readFileSync(join(EXTENSION_DIR, PACKAGE_INDEX_PATH), 'utf8'));
    const first = index.bundles[0]!;
    const page = await chartside.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${chartside.extensionOrigin}options.html`, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector(`[data-release="${first.id}"]`);
    expect(await page.$$eval('[data-release]', (els) => els.map((e) => e.getAttribute('data-release')).sort())).toEqual(
      index.bundles.map((b) => b.id).sort(),
    );

    const input = await page.$('input[type=file][multiple]');
    await input!.uploadFile(join(EXTENSION_DIR, 'codesets', first.file));
    await page.waitForSelector('.import-result');
    expect(await page.$eval('.import-result', (el) => el.textContent)).toBe(`Installed ${first.id}`);
    await page.waitForFunction(
      (id: string) => document.querySelector(`[data-release="${id}"] summary`)?.textContent?.includes('imported'),
      {},
      first.id,
    );

    const days = await page.$('input[type=number]');
    await days!.click({ count: 3 });
    await days!.type('45');
    await days!.press('Tab');
    await page.waitForFunction(() => document.body.textContent?.includes('Saved: cases are deleted 45 day(s)'));
    await page.reload({ waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => document.querySelector<HTMLInputElement>('input[type=number]')?.value === '45');
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
