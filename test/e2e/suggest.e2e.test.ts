/**
 * Suggestions end to end (issue 5): the built extension in Chromium reads the Epic-like fixture
 * (note in a same-origin iframe and an open shadow root, procedures section rendered lazily),
 * the side panel lists the expected ICD-10-CM/PCS suggestions, a key accepts one, and clicking
 * its evidence highlights the words in the chart page (in the extension's own element).
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
import { EHR_FIXTURES } from './support/paths';
import { startStaticServer, type StaticServer } from './support/static-server';

/** Waits for `fn` in the panel; on time-out fails with what the panel shows. */
async function waitInPanel(panel: Page, what: string, fn: () => boolean, timeout = 60_000): Promise<void> {
  try {
    await panel.waitForFunction(fn, { polling: 'mutation', timeout });
  } catch (error) {
    const shown = await panel.evaluate(() => document.body.innerText.slice(0, 4000)).catch(() => '(panel gone)');
    throw new Error(`${what}: not seen within ${timeout / 1000} s. The panel shows:\n${shown}`, { cause: error });
  }
}

const codesIn = (panel: Page, group: string): Promise<string[]> =>
  panel.$$eval(`#panel-suggest [data-suggest-group="${group}"] [data-code]`, (els) =>
    els.map((e) => e.getAttribute('data-code') ?? ''),
  );

describe('suggestions in the side panel', () => {
  let server: StaticServer;
  let chartside: ExtensionBrowser;
  let panel: Page;
  let errors: string[];

  beforeAll(async () => {
    server = await startStaticServer(EHR_FIXTURES);
    // CHARTSIDE_E2E_EXTENSION: a build in another folder (CHARTSIDE_OUT_DIR), as in search.e2e.test.ts.
    const dir = process.env.CHARTSIDE_E2E_EXTENSION;
    chartside = await launchWithExtension(dir ? { extensionDir: dir } : {});
    ({ page: panel, errors } = await openSidePanel(chartside));
    await waitForSidePanelReady(panel, errors);
  });
  afterAll(async () => {
    await chartside?.close();
    await server?.close();
  });

  it('lists the expected codes for the Epic-like chart, accepts with a key, highlights evidence', async () => {
    const snapshots = await watchChartSnapshots(panel);
    const chart = await chartside.browser.newPage();
    await chart.goto(server.url('epic-demo.html'), { waitUntil: 'load' });
    expect(await snapshots.next()).toBe(server.url('epic-demo.html'));
    await panel.bringToFront();
    await panel.keyboard.down('Alt');
    await panel.keyboard.press('2');
    await panel.keyboard.up('Alt');
    // The lazily rendered procedures section arrives through the MutationObserver: wait for its codes.
    await waitInPanel(panel, 'procedure suggestions of the lazy section', () =>
      [...document.querySelectorAll('#panel-suggest [data-suggest-group="procedures"] [data-code]')].some(
        (e) => e.getAttribute('data-code') === '0W993ZZ',
      ),
    );
    const dx = await codesIn(panel, 'diagnoses');
    for (const code of ['I13.0', 'I50.23', 'E11.22', 'N18.32', 'N17.9', 'E87.1']) expect(dx).toContain(code);
    expect(dx.some((c) => c.startsWith('I26'))).toBe(false); // "No evidence of pulmonary embolism"
    expect(await codesIn(panel, 'procedures')).toEqual(expect.arrayContaining(['0W993ZZ', 'B246ZZZ']));

    // Accept I50.23 with the keyboard.
    await panel.focus('#panel-suggest [data-code="I50.23"]');
    await panel.keyboard.press('a');
    await waitInPanel(
      panel,
      'I50.23 accepted',
      () => document.querySelector('#panel-suggest [data-code="I50.23"]')?.getAttribute('data-decision') === 'accepted',
    );

    // Click its evidence with the chart tab active: the chart shows the highlight layer.
    await chart.bringToFront();
    await panel.$eval('#panel-suggest [data-code="I50.23"] .evidence-span', (b) => (b as HTMLButtonElement).click());
    await chart.waitForFunction(() => document.querySelector('chartside-highlight') !== null, {
      timeout: 30_000,
      polling: 'mutation',
    });
    expect(errors).toEqual([]);
    await chart.close();
  });

  it('suggests from a note pasted into the side panel (no chart page)', async () => {
    await panel.bringToFront();
    await panel.$eval('#panel-suggest #suggest-paste', (box) => {
      const t = box as HTMLTextAreaElement;
      t.value = 'Fictional patient Zed Testperson. ASSESSMENT: Hyponatremia. No evidence of pulmonary embolism.';
      t.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await panel.click('#panel-suggest .paste-box button[type="submit"]');
    await waitInPanel(
      panel,
      'suggestions for the pasted note',
      () =>
        document.querySelector('#panel-suggest')?.textContent?.includes('From the pasted note') === true &&
        document.querySelector('#panel-suggest [data-code="E87.1"]') !== null,
    );
    expect((await codesIn(panel, 'diagnoses')).some((c) => c.startsWith('I26'))).toBe(false);
    expect(errors).toEqual([]);
  });
});
