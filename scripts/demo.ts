/**
 * `npm run demo`: builds the code tables and the extension (the e2e/demo variant, which may read
 * localhost pages without a permission prompt), serves the synthetic EHR pages on localhost, and
 * opens Chromium with Chartside loaded: the Epic-like chart in one window, the side panel page in
 * another. Click the Chartside toolbar button to open the real side panel beside the chart.
 *
 * Without a display ($DISPLAY and $WAYLAND_DISPLAY unset on Linux) it says so, runs the same
 * session headless, codes the demo chart as a coder would (the Epic-like page's expected codes,
 * test/fixtures/ehr/golden-suggestions.json: suggestions accepted with their evidence, I13.0
 * sequenced first per Guidelines I.C.9.a.3, POA, encounter), writes screenshots of the suggestions
 * beside the chart, the case and its DRG to a folder it prints, and exits 0.
 *
 * Options:
 *   --no-build        use the existing .output/chrome-mv3 build
 *   --headless        screenshots only, even where a display exists
 *   --port N          port for the EHR pages (default 5177, or the next free one)
 *   --page FILE       page of test/fixtures/ehr/ to open (default epic-demo.html)
 *   --out DIR         where headless screenshots go (default test-results/demo/)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'puppeteer-core';
import {
  launchWithExtension,
  openSidePanel,
  SIDE_PANEL_VIEWPORT,
  waitForSidePanelReady,
  watchChartSnapshots,
  type ExtensionBrowser,
} from '../test/e2e/support/browser';
import { CHROME_BUILD, EHR_FIXTURES, ROOT } from '../test/e2e/support/paths';
import { alt, openCase, setField, waitForDrg, waitInPanel } from '../test/e2e/workspace-support';
import { readFileSync } from 'node:fs';
import { writeSideBySide } from '../test/e2e/support/side-by-side';
import { startStaticServer, type StaticServer } from '../test/e2e/support/static-server';

const CHART_VIEWPORT = { width: 1280, height: SIDE_PANEL_VIEWPORT.height };

function hasDisplay(): boolean {
  if (process.platform === 'darwin' || process.platform === 'win32') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function build(): void {
  console.log('demo: building the code tables and the extension (npm run build:e2e) ...');
  const run = spawnSync('npm', ['run', '--silent', 'build:e2e'], { cwd: ROOT, stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`the build failed (exit ${String(run.status)}); its message is above`);
}

/** Opens the side panel page, waits for the tables, then opens the chart and waits for its snapshot. */
async function openSession(chartside: ExtensionBrowser, chartUrl: string): Promise<{ panel: Page; chart: Page }> {
  const { page: panel, errors } = await openSidePanel(chartside);
  await waitForSidePanelReady(panel, errors);
  const snapshots = await watchChartSnapshots(panel);
  const chart = await chartside.browser.newPage();
  await chart.setViewport(CHART_VIEWPORT);
  await chart.goto(chartUrl, { waitUntil: 'load' });
  try {
    const url = await snapshots.next(20_000);
    console.log(`demo: the side panel received the chart read from ${url}`);
  } catch {
    console.warn('demo: the side panel received no chart snapshot within 20 s (is the content script registered?)');
  }
  return { panel, chart };
}

/** The expected coding of a fixture page (golden-suggestions.json), if it has one. */
interface GoldenCase {
  page?: string;
  setting?: string;
  diagnoses: string[];
  procedures?: string[];
  flags?: [string, string][];
}
function goldenFor(page: string): GoldenCase | undefined {
  const golden = JSON.parse(readFileSync(join(EHR_FIXTURES, 'golden-suggestions.json'), 'utf8')) as {
    cases: GoldenCase[];
  };
  return golden.cases.find((c) => c.page === page && c.setting === 'inpatient');
}

/**
 * Codes the chart as its golden case says: accepts exactly its codes among the suggestions (each
 * with its evidence on screen), puts the possible principal first, sets POA Y (an admission H&P:
 * every condition is present on admission) and the encounter from the page's banner, and waits
 * for the DRG. Fails loudly when a golden code is not suggested.
 */
async function codeTheCase(panel: Page, golden: GoldenCase): Promise<void> {
  await alt(panel, '2');
  const wanted = [...golden.diagnoses, ...(golden.procedures ?? [])];
  await waitInPanel(
    panel,
    'the golden codes suggested',
    (codes: string[]) => codes.every((c) => document.querySelector(`#panel-suggest [data-code="${c}"]`) !== null),
    wanted,
    120_000,
  );
  for (const code of wanted) {
    await panel.focus(`#panel-suggest [data-code="${code}"]`);
    await panel.keyboard.press('a');
  }
  await waitInPanel(
    panel,
    'golden codes accepted',
    (n: number) => document.querySelectorAll('#panel-suggest [data-decision="accepted"]').length >= n,
    wanted.length,
  );
  await openCase(panel);
  const principal = golden.flags?.find(([, f]) => f === 'possible-principal')?.[0];
  if (principal) {
    const row = `#panel-case li[data-code="${principal.replace('.', '')}"]`;
    await panel.focus(row);
    await panel.keyboard.press('p');
    await waitInPanel(
      panel,
      `${principal} principal`,
      (c: string) =>
        document.querySelector('#panel-case ol[aria-label="Diagnoses in sequence"] > li')?.getAttribute('data-code') ===
        c,
      principal.replace('.', ''),
    );
  }
  await panel.$$eval('#panel-case .ws-codes select', (selects) => {
    for (const s of selects) {
      if ([...s.options].some((o) => o.value === 'Y')) {
        s.value = 'Y';
        s.dispatchEvent(new Event('change', { bubbles: true }));
      }
    }
  });
  await setField(panel, 'Admitted', '2026-03-02');
  await setField(panel, 'Discharged', '2026-03-06');
  await setField(panel, 'Age', '68');
  await setField(panel, 'Sex', 'M');
  await waitForDrg(panel);
}

async function headless(server: StaticServer, page: string, outDir: string): Promise<void> {
  const chartside = await launchWithExtension({ headless: true });
  try {
    const { panel, chart } = await openSession(chartside, server.url(page));
    mkdirSync(outDir, { recursive: true });
    const files = {
      panel: join(outDir, 'demo-sidepanel.png'),
      chart: join(outDir, 'demo-chart.png'),
      overview: join(outDir, 'demo-overview.png'),
      case: join(outDir, 'demo-case.png'),
      drg: join(outDir, 'demo-drg.png'),
      drgDark: join(outDir, 'demo-drg-dark.png'),
    };
    await panel.bringToFront();
    const golden = goldenFor(page);
    if (golden) await codeTheCase(panel, golden);
    else await alt(panel, '2');
    // The suggestions with their evidence, beside the chart (the README's first picture).
    await alt(panel, '2');
    await waitInPanel(
      panel,
      'suggestions listed',
      () => document.querySelector('#panel-suggest [data-suggest-state="done"]') !== null,
      undefined,
      120_000,
    );
    const panelPng = await panel.screenshot({ path: files.panel });
    await chart.bringToFront();
    const chartPng = await chart.screenshot({ path: files.chart });
    await writeSideBySide(
      chartside.browser,
      { png: chartPng, ...CHART_VIEWPORT },
      { png: panelPng, ...SIDE_PANEL_VIEWPORT },
      files.overview,
    );
    await panel.bringToFront();
    if (golden) {
      await openCase(panel);
      await panel.screenshot({ path: files.case, fullPage: true });
      await alt(panel, '3');
      await waitInPanel(
        panel,
        'DRG tab grouped',
        () => document.querySelector('#panel-drg #drg-panel-title .drg-number') !== null,
      );
      await panel.screenshot({ path: files.drg, fullPage: true });
      await panel.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
      await panel.screenshot({ path: files.drgDark, fullPage: true });
    }
    console.log('demo: screenshots written:');
    for (const file of Object.values(files)) console.log(`  ${file}`);
  } finally {
    await chartside.close();
  }
}

async function headed(server: StaticServer, page: string): Promise<void> {
  const chartside = await launchWithExtension({ headless: false, viewport: null });
  const { panel, chart } = await openSession(chartside, server.url(page));
  // The side panel page in a narrow window of its own, beside the chart.
  const session = await chartside.browser.target().createCDPSession();
  await session.send('Target.createTarget', { url: panel.url(), newWindow: true });
  await panel.close();
  await chart.bringToFront();
  console.log(
    '\ndemo: Chromium is open with Chartside loaded.\n' +
      `  chart:      ${server.url(page)} (other pages: ${server.origin}/)\n` +
      `  side panel: ${chartside.extensionOrigin}sidepanel.html (also: the Chartside toolbar button)\n` +
      'Close Chromium or press Ctrl+C to stop.',
  );
  await new Promise<void>((done) => {
    chartside.browser.once('disconnected', () => done());
    process.once('SIGINT', () => done());
    process.once('SIGTERM', () => done());
  });
  await chartside.close();
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      'no-build': { type: 'boolean', default: false },
      headless: { type: 'boolean', default: false },
      port: { type: 'string', default: process.env.CHARTSIDE_DEMO_PORT ?? '5177' },
      page: { type: 'string', default: 'epic-demo.html' },
      out: { type: 'string', default: join(ROOT, 'test-results', 'demo') },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port: ${values.port} is not a port number`);
  if (!existsSync(join(EHR_FIXTURES, values.page)))
    throw new Error(`--page: no ${values.page} in ${relative(ROOT, EHR_FIXTURES)}/`);

  if (!values['no-build']) build();
  else if (!existsSync(join(CHROME_BUILD, 'manifest.json')))
    throw new Error('--no-build, but there is no build: run without it');

  const server = await startStaticServer(EHR_FIXTURES, { port, fallbackToFree: true });
  console.log(`demo: synthetic EHR pages (fictional patients) at ${server.origin}/`);
  try {
    if (values.headless || !hasDisplay()) {
      if (!values.headless) {
        console.log(
          'demo: no display here ($DISPLAY is not set), so no window can open: taking headless screenshots instead.',
        );
      }
      await headless(server, values.page, resolve(values.out));
    } else {
      await headed(server, values.page);
    }
  } finally {
    await server.close();
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
