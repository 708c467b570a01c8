/**
 * Suggestions end to end: the built extension in Chromium reads the Epic-like fixture
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
  waitInPanel,
  watchChartSnapshots,
  type ExtensionBrowser,
} from './support/browser';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_INDEX_PATH, parsePackageIndex } from '../../platform/install/package-index';
import { E2E_EXTENSION, EHR_FIXTURES } from './support/paths';
import { startStaticServer, type StaticServer } from './support/static-server';

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
    chartside = await launchWithExtension();
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
    // The thoracentesis is reported; the echocardiogram (B246ZZZ) is an ancillary test that an
    // inpatient abstract does not report (UHDDS significant procedures), so it is not in the Report
    // tier but stays visible: under "Also documented" or among the suppressed codes with its rule.
    const reported = await codesIn(panel, 'procedures');
    expect(reported).toContain('0W993ZZ');
    expect(reported).not.toContain('B246ZZZ');
    await panel.click('#panel-suggest button.more');
    await waitInPanel(panel, 'also-documented codes shown', () =>
      document.querySelector('#panel-suggest button.more')?.textContent?.includes('Show only the codes to report'),
    );
    const documented = [
      ...(await codesIn(panel, 'procedures')),
      ...(await panel.$$eval('#panel-suggest [data-suggest-group="suppressed"] [data-code]', (els) =>
        els.map((e) => e.getAttribute('data-code') ?? ''),
      )),
    ];
    expect(documented).toContain('B246ZZZ');
    await panel.click('#panel-suggest button.more');

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
  it('ranks with the learned model only after the user turns it on in the options page', async () => {
    const packaged = parsePackageIndex(readFileSync(join(E2E_EXTENSION, PACKAGE_INDEX_PATH), 'utf8'));
    const model = packaged.bundles.find((b) => b.id.startsWith('suggest-model-'));
    const paste = async (note: string): Promise<void> => {
      await panel.bringToFront();
      await panel.$eval(
        '#panel-suggest #suggest-paste',
        (box, text) => {
          const t = box as HTMLTextAreaElement;
          t.value = text;
          t.dispatchEvent(new Event('input', { bubbles: true }));
        },
        note,
      );
      await panel.click('#panel-suggest .paste-box button[type="submit"]');
    };
    const shows = (what: string, text: string): Promise<void> =>
      waitInPanel(
        panel,
        what,
        (t: string) => document.querySelector('#panel-suggest')?.textContent?.includes(t) === true,
        text,
      );

    // Off by default: the Index and Tabular rank, and the panel says the learned ranking is off.
    await paste('Fictional patient Ada Sample. ASSESSMENT: Essential hypertension.');
    await shows(
      'the Index-alone notice',
      model ? 'the ranking learned from the CodiEsp annotators is off' : 'No suggestion model installed',
    );
    expect(await panel.$eval('#panel-suggest', (e) => e.textContent ?? '')).not.toContain(
      'Ranked with suggestion model',
    );

    // The options page switch, then the next suggestions are ranked by the model and name it.
    const options = await chartside.browser.newPage();
    await options.goto(`${chartside.extensionOrigin}options.html`, { waitUntil: 'domcontentloaded' });
    const box = 'input[data-setting="rankWithSuggestModel"]';
    await options.waitForSelector(`${box}:not([disabled])`);
    expect(await options.$eval(box, (e) => e.checked)).toBe(false);
    if (!model) {
      expect(await options.$eval('body', (e) => e.textContent ?? '')).toContain('No suggestion model is installed');
      await options.close();
      return;
    }
    await options.click(box);
    await options.waitForFunction(() =>
      document.body.textContent?.includes('Saved: suggestions are ranked with the learned model.'),
    );
    await paste('Fictional patient Ada Sample. ASSESSMENT: Essential hypertension. Type 2 diabetes.');
    await shows('the model named on the releases line', `Ranked with suggestion model`);
    expect(await panel.$eval('#panel-suggest', (e) => e.textContent ?? '')).toContain(model.id);
    expect(await codesIn(panel, 'diagnoses')).toContain('I10');

    // Turned off again, the Index ranks alone again. (A click needs the page in front: a
    // background tab gets no animation frame to scroll the box into view.)
    await options.bringToFront();
    await options.click(box);
    await options.waitForFunction(() =>
      document.body.textContent?.includes('Saved: suggestions are ranked by the Index and Tabular alone.'),
    );
    await options.close();
    await paste('Fictional patient Ada Sample. ASSESSMENT: Essential hypertension.');
    await shows('the Index-alone notice again', 'the ranking learned from the CodiEsp annotators is off');
    expect(errors).toEqual([]);
  });
});
