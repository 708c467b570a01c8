/**
 * A chart that a real EHR UI renders: the Medplum test EHR (test/ehr-medplum/, built from
 * Medplum's own React components over its MockClient with a fictional patient; `npm run
 * build:ehr-medplum` writes it to .cache/ehr-medplum/). The built extension reads it in Debian's
 * Chromium: the patient header, the discharge summary, the lab and vital-sign reports with values,
 * units and dates, and nothing from the closed menu of other patients or the hidden tab; the side
 * panel's suggestions and CDI indicators come from that chart; the page keeps working (no console
 * error, no layout change).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChartSnapshot } from '../../engine/chart/snapshot';
import {
  collectPageErrors,
  launchWithExtension,
  openSidePanel,
  SIDE_PANEL_VIEWPORT,
  waitForSidePanelReady,
  waitInPanel,
  watchChartSnapshots,
  type ExtensionBrowser,
} from './support/browser';
import { ROOT, SCREENSHOTS } from './support/paths';
import { writeSideBySide } from './support/side-by-side';
import { startStaticServer, type StaticServer } from './support/static-server';

const PAGE_DIR = join(ROOT, '.cache', 'ehr-medplum');
const SHOTS =
  process.env.CHARTSIDE_UPDATE_SCREENSHOTS === '1' ? SCREENSHOTS : join(ROOT, 'test-results', 'screenshots');
const CHART_VIEWPORT = { width: 1000, height: 860 } as const;

/** Keeps every chart snapshot the panel receives (test-only listener in the panel page). */
async function keepSnapshots(panel: Page): Promise<void> {
  await panel.evaluate(() => {
    type Runtime = { onMessage: { addListener(listener: (message: unknown) => undefined): void } };
    const store = globalThis as unknown as { __snapshots?: unknown[] };
    if (store.__snapshots) return;
    store.__snapshots = [];
    const runtime = (globalThis as unknown as { chrome: { runtime: Runtime } }).chrome.runtime;
    runtime.onMessage.addListener((message) => {
      const m = message as { type?: string; snapshot?: unknown } | null;
      if (m?.type === 'content-to-panel:chart-snapshot') store.__snapshots!.push(m.snapshot);
      return undefined;
    });
  });
}

async function lastSnapshot(panel: Page, url: string): Promise<ChartSnapshot> {
  const snapshots = (await panel.evaluate(
    () => (globalThis as unknown as { __snapshots: unknown[] }).__snapshots,
  )) as ChartSnapshot[];
  const mine = snapshots.filter((s) => s.url === url);
  expect(mine.length).toBeGreaterThan(0);
  return mine.at(-1)!;
}

/** Where the page's main blocks are: equal before and after the read means no layout change. */
const layout = (chart: Page): Promise<string> =>
  chart.evaluate(() =>
    JSON.stringify(
      [...document.querySelectorAll('.InfoBar_root, main, table, h2, h3')].map((e) => {
        const r = e.getBoundingClientRect();
        return [e.tagName, Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)];
      }),
    ),
  );

describe('a chart rendered by Medplum’s own UI components', () => {
  let server: StaticServer;
  let chartside: ExtensionBrowser;
  let panel: Page;
  let errors: string[];

  beforeAll(async () => {
    if (!existsSync(join(PAGE_DIR, 'index.html'))) {
      throw new Error(`${PAGE_DIR}/index.html is missing: run npm run build:ehr-medplum (npm run test:e2e does).`);
    }
    server = await startStaticServer(PAGE_DIR);
    chartside = await launchWithExtension();
    ({ page: panel, errors } = await openSidePanel(chartside));
    await waitForSidePanelReady(panel, errors);
  });
  afterAll(async () => {
    await chartside?.close();
    await server?.close();
  });

  it('reads the patient, the note and the results, suggests from them, and leaves the page as it was', async () => {
    await keepSnapshots(panel);
    const snapshots = await watchChartSnapshots(panel);
    const chart = await chartside.browser.newPage();
    const pageErrors = collectPageErrors(chart);
    await chart.setViewport(CHART_VIEWPORT);
    const url = server.url('index.html');
    await chart.goto(url, { waitUntil: 'load' });
    await chart.waitForFunction(() => document.querySelector('table.DiagnosticReportDisplay_table') !== null, {
      timeout: 30_000,
    });
    const before = await layout(chart);
    // The read of the rendered chart (an earlier read may have caught the loading state).
    let snapshot: ChartSnapshot;
    do {
      await snapshots.next();
      snapshot = await lastSnapshot(panel, url);
    } while (snapshot.labs.length === 0);

    expect(snapshot.reader).toBe('medplum');
    expect(snapshot.warnings).toEqual([]);
    expect(snapshot.document.patient).toContain('Marguerite Quillfeather');
    expect(snapshot.document.patient).toContain('SYN-4471902');
    expect(snapshot.sections.map((s) => s.heading)).toEqual(
      expect.arrayContaining(['Discharge summary', 'History of present illness', 'Discharge diagnoses', 'Vital signs']),
    );
    expect(snapshot.text).toContain('1. Sepsis due to Streptococcus pneumoniae.');
    expect(snapshot.labs).toContainEqual(
      expect.objectContaining({ name: 'Creatinine', value: '2.6', unit: 'mg/dL', time: expect.stringMatching(/2026/) }),
    );
    expect(snapshot.labs).toContainEqual(expect.objectContaining({ name: 'Lactate', value: '3.4', unit: 'mmol/L' }));
    expect(snapshot.vitals).toContainEqual(expect.objectContaining({ name: 'SpO2', value: '89', unit: '%' }));
    // In reading order: the note before the results.
    expect(snapshot.text.indexOf('Reason for admission')).toBeLessThan(snapshot.text.indexOf('Creatinine | 2.6'));
    // Not the chart: the closed menu of other patients (the mock's own sample patients), the
    // hidden Orders tab, buttons, the report components' own chrome.
    for (const absent of ['Homer Simpson', 'Bart Simpson', 'Pending order', 'Recent patients', 'Diagnostic Report']) {
      expect(snapshot.text).not.toContain(absent);
    }

    // Suggestions from the note.
    await panel.bringToFront();
    await panel.keyboard.down('Alt');
    await panel.keyboard.press('2');
    await panel.keyboard.up('Alt');
    await waitInPanel(panel, 'suggestions for the Medplum chart', () =>
      ['A40.3', 'J13', 'N17.9', 'E11.22'].every((code) =>
        document.querySelector(`#panel-suggest [data-code="${code}"]`),
      ),
    );
    await chart.bringToFront();
    const chartPng = await chart.screenshot();
    await panel.bringToFront();
    const panelPng = await panel.screenshot();

    // CDI indicators from the same chart: values that are on the Medplum page.
    await panel.keyboard.down('Alt');
    await panel.keyboard.press('4');
    await panel.keyboard.up('Alt');
    await waitInPanel(
      panel,
      'CDI analysis of the Medplum chart',
      () => document.querySelector('#panel-cdi [data-cdi-state]')?.getAttribute('data-cdi-state') === 'done',
    );
    const indicators = await panel.$$eval('#panel-cdi .cdi-indicators li', (lis) =>
      lis.map((li) => li.textContent ?? ''),
    );
    expect(indicators.length).toBeGreaterThan(0);
    expect(indicators.some((t) => /39\.2|3\.4|2\.6|118|89/.test(t))).toBe(true);

    // The page keeps working: same layout, no console error caused by the reader.
    expect(await layout(chart)).toBe(before);
    expect(pageErrors).toEqual([]);

    mkdirSync(SHOTS, { recursive: true });
    await writeSideBySide(
      chartside.browser,
      { png: chartPng, ...CHART_VIEWPORT },
      { png: panelPng, ...SIDE_PANEL_VIEWPORT },
      join(SHOTS, 'medplum-chart-with-panel.png'),
    );
    await chart.close();
  });
});
