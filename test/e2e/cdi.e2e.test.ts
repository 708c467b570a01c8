/**
 * CDI end to end: the built extension in Chromium reads a synthetic chart served from
 * localhost, the side panel's CDI section lists the query opportunity with the indicators from
 * that chart, the draft passes the compliance check (and an edit that breaks it is caught), and
 * both copy buttons put the query on the clipboard (plain text and HTML).
 *
 * Pages: `meditech-demo.html` from test/fixtures/ehr (every condition documented, but sepsis with
 * a systolic pressure of 88 and a lactate of 3.4 and no organ dysfunction linked to it: the panel
 * lists that one query, Guidelines I.C.1.d.1.a, and nothing for the documented hypokalemia), and a
 * synthetic admission written below (fictional patient) whose documentation leaves two gaps
 * (treated hyponatremia, a KDIGO creatinine rise) unnamed.
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

const GAP_CHART = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Progress note: TESTPATIENT, CDI (fictional)</title></head>
<body>
<header>Testpatient, Cdi (fictional) · 68M · Acct: SYNTH-60006 · Adm: 2026-11-18 IN</header>
<article>
<h2>Hospital Medicine Progress Note</h2>
<h3>Subjective</h3><p>68-year-old man admitted 11/18 with community-acquired pneumonia. Mild nausea; eating half of meals.</p>
<h3>Objective</h3><p>Afebrile, HR 84, BP 132/78, SpO2 95% on room air.</p>
<h3>Labs</h3>
<table><tr><th>Test</th><th>11/18</th><th>11/20</th></tr>
<tr><td>Sodium</td><td>129</td><td>126</td></tr>
<tr><td>Creatinine</td><td>0.9</td><td>1.6</td></tr>
<tr><td>WBC</td><td>9.8</td><td>8.1</td></tr></table>
<h3>Assessment and Plan</h3>
<ol><li>Community-acquired pneumonia: continue ceftriaxone and azithromycin IV, day 3.</li>
<li>Fluid restriction 1.2 L daily; repeat BMP in the morning. Hold lisinopril; IV fluid bolus 500 mL given.</li></ol>
</article></body></html>`;

async function openCdiTab(panel: Page): Promise<void> {
  await panel.bringToFront();
  // Keyboard: Alt+4 is the CDI section's shortcut.
  await panel.keyboard.down('Alt');
  await panel.keyboard.press('4');
  await panel.keyboard.up('Alt');
  await waitInPanel(
    panel,
    'CDI section with a result',
    () => document.querySelector('#panel-cdi [data-cdi-opportunities]') !== null,
  );
}

describe('CDI in the side panel', () => {
  let server: StaticServer;
  let chartside: ExtensionBrowser;
  let panel: Page;
  let errors: string[];

  beforeAll(async () => {
    server = await serveFixturePages({ 'cdi-gap-note.html': GAP_CHART });
    chartside = await launchWithExtension();
    ({ page: panel, errors } = await openSidePanel(chartside));
    await waitForSidePanelReady(panel, errors);
    await chartside.browser
      .defaultBrowserContext()
      .overridePermissions(chartside.extensionOrigin.replace(/\/$/, ''), [
        'clipboard-read',
        'clipboard-write',
        'clipboard-sanitized-write',
      ]);
  });
  afterAll(async () => {
    await chartside?.close();
    await server?.close();
  });

  it('a documented chart from test/fixtures/ehr lists only the unlinked sepsis organ dysfunction', async () => {
    const snapshots = await watchChartSnapshots(panel);
    const chart = await chartside.browser.newPage();
    await chart.goto(server.url('meditech-demo.html'), { waitUntil: 'load' });
    expect(await snapshots.next()).toBe(server.url('meditech-demo.html'));
    await openCdiTab(panel);
    await waitInPanel(
      panel,
      'CDI analysis done',
      () => document.querySelector('#panel-cdi [data-cdi-state]')?.getAttribute('data-cdi-state') === 'done',
    );
    expect(
      await panel.$eval('#panel-cdi [data-cdi-opportunities]', (e) => e.getAttribute('data-cdi-opportunities')),
    ).toBe('1');
    expect(
      await panel.$$eval('#panel-cdi .cdi-opportunities > li', (lis) => lis.map((li) => li.getAttribute('data-topic'))),
    ).toEqual(['sepsis']);
    const cited = await panel.$$eval('#panel-cdi .cdi-indicators li', (lis) => lis.map((li) => li.textContent ?? ''));
    expect(cited.some((t) => t.includes('BP 88/52'))).toBe(true);
    expect(cited.some((t) => t.includes('Lactate 3.4'))).toBe(true);
    await chart.close();
  });

  it('lists the opportunities of a chart with gaps, cites its indicators, passes the check, and copies', async () => {
    const snapshots = await watchChartSnapshots(panel);
    const chart = await chartside.browser.newPage();
    await chart.goto(server.url('cdi-gap-note.html'), { waitUntil: 'load' });
    expect(await snapshots.next()).toBe(server.url('cdi-gap-note.html'));
    await openCdiTab(panel);
    await waitInPanel(panel, 'CDI opportunities listed', () => {
      const n = document.querySelector('#panel-cdi [data-cdi-opportunities]')?.getAttribute('data-cdi-opportunities');
      return n !== undefined && n !== null && n !== '0';
    });
    const topics = await panel.$$eval('#panel-cdi .cdi-opportunities > li', (lis) =>
      lis.map((li) => li.getAttribute('data-topic')),
    );
    expect(topics).toEqual(['aki', 'hyponatremia']);

    // Select hyponatremia (keyboard: focus its button, press Enter).
    const buttons = await panel.$$('#panel-cdi .cdi-opportunities > li > button');
    await buttons[1]!.focus();
    await panel.keyboard.press('Enter');
    await panel.waitForSelector('#panel-cdi form[aria-label="Query draft for hyponatremia"]');
    const indicators = await panel.$$eval('#panel-cdi .cdi-draft-indicators textarea', (ts) => ts.map((t) => t.value));
    // The sodium values and the fluid restriction of this chart, quoted as written.
    expect(indicators.some((l) => l.startsWith('Sodium: 129 mmol/L'))).toBe(true);
    expect(indicators.some((l) => l.startsWith('Sodium: 126 mmol/L'))).toBe(true);
    expect(indicators.some((l) => l.includes('"Fluid restriction"'))).toBe(true);
    expect(await panel.$eval('#panel-cdi form', (f) => f.getAttribute('data-compliant'))).toBe('true');
    expect(await panel.$eval('#panel-cdi .cdi-compliance', (e) => e.textContent)).toContain('Compliance check: passed');

    // An edit that leads is caught at once, and copying waits for a compliant draft.
    const question = await panel.$('#panel-cdi textarea[id$="-question"]');
    await question!.click({ clickCount: 3 });
    await panel.keyboard.type('Please document hyponatremia for the DRG.');
    await panel.waitForSelector('#panel-cdi .cdi-compliance li[data-rule="financial-or-scoring"]');
    expect(
      await panel.$$eval('#panel-cdi .cdi-compliance li', (lis) => lis.map((li) => li.getAttribute('data-rule'))),
    ).toEqual(expect.arrayContaining(['leading-directive', 'financial-or-scoring']));
    const copyPlain = await panel.waitForSelector('#panel-cdi button:disabled ::-p-text(Copy as plain text)');
    expect(copyPlain).not.toBeNull();
    await (await panel.waitForSelector('#panel-cdi ::-p-text(Reset draft)'))!.click();
    await panel.waitForSelector('#panel-cdi form[data-compliant="true"]');

    // Copy as plain text, then as HTML; read the clipboard back.
    // The clipboard needs the panel document focused (as it is when the user clicks in it).
    await panel.bringToFront();
    await (await panel.waitForSelector('#panel-cdi ::-p-text(Copy as plain text)'))!.click();
    await waitInPanel(
      panel,
      'copy as plain text reported',
      () => (document.querySelector('#panel-cdi .cdi-copied')?.textContent ?? '') !== '',
    );
    expect(await panel.$eval('#panel-cdi .cdi-copied', (e) => e.textContent)).toBe('Copied as plain text.');
    const plain = await panel.evaluate(() => navigator.clipboard.readText());
    expect(plain).toContain('Clinical information in this record:');
    expect(plain).toContain('Fluid restriction');
    expect(plain).toContain('☐ Clinically undetermined');
    expect(plain).not.toMatch(/\bDRG\b/);
    await panel.bringToFront();
    await (await panel.waitForSelector('#panel-cdi ::-p-text(Copy as HTML)'))!.click();
    await waitInPanel(
      panel,
      'copy as HTML reported',
      () =>
        /^Cop/.test(document.querySelector('#panel-cdi .cdi-copied')?.textContent ?? '') &&
        document.querySelector('#panel-cdi .cdi-copied')?.textContent !== 'Copied as plain text.',
    );
    expect(await panel.$eval('#panel-cdi .cdi-copied', (e) => e.textContent)).toBe('Copied as HTML.');
    const html = await panel.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return item ? await (await item.getType('text/html')).text() : '';
    });
    expect(html).toMatch(/<li>(?:&#9744;|☐) Clinically undetermined<\/li>/);
    expect(html).toContain('Fluid restriction');
    expect(errors).toEqual([]);
    await chart.close();
  });
});
