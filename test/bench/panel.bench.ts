/**
 * Side-panel figures in real Chromium with the built extension (targets: first-run install
 * <= 3 s, open-to-ready <= 300 ms):
 * - first-run install of every packaged bundle into IndexedDB (fresh profile), as the side panel
 *   measures it (`chartside:install`: the worker's installPackage call, fetch + verify + write);
 * - worker start-up (panel script start to the worker's first answer, IndexedDB open included);
 * - open-to-ready of later opens (tables installed): navigation start of a new side-panel document
 *   to the ready signal (`chartside:open-to-ready`), over several opens;
 * - the first minute of a fresh profile, in the same run: install -> ready -> first
 *   search (typed into the Search tab: input event to the results for that text rendered) ->
 *   first suggestions (a synthetic note pasted: submit to the list rendered) -> first CDI
 *   analysis, then the engine worker's JS heap after a GC with all of that loaded (CDP
 *   `Runtime.getHeapUsage` on the worker target; ArrayBuffer backing stores are outside it), and
 *   how long the warm-up the panel starts at ready took in the worker (`warmUp*Ms`).
 *
 * Uses the extension in `CHARTSIDE_BENCH_EXTENSION` (default `.output/chrome-mv3`; build it with
 * `npm run build`). The figures say which bundles were installed, so a run on synthetic bundles
 * cannot pass for one on the official tables.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { PanelMetrics } from '../../components/shell/boot';
import { parsePackageIndex } from '../../platform/install/package-index';
import type { Page } from 'puppeteer-core';
import { launchWithExtension, openSidePanel, waitForSidePanelReady } from '../e2e/support/browser';
import { CHROME_BUILD } from '../e2e/support/paths';

/** Later opens measured after the first run. */
const OPENS = 7;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const round = (ms: number): number => Math.round(ms * 10) / 10;

/** A fictional discharge summary (no real patient; not from any evaluation set). */
const NOTE = [
  'DISCHARGE SUMMARY. Fictional patient Benchley Q. Sample, 71-year-old woman.',
  'HOSPITAL COURSE: Admitted with acute on chronic diastolic heart failure and hypertensive heart and chronic kidney disease, stage 3a.',
  'She was diuresed with intravenous furosemide. Sodium 127 on admission: hyponatremia, corrected. Type 2 diabetes mellitus with hyperglycemia on insulin.',
  'Urinary tract infection due to Escherichia coli, treated with ceftriaxone.',
  'DISCHARGE DIAGNOSES: 1. Acute on chronic diastolic heart failure. 2. Hyponatremia. 3. E. coli urinary tract infection. 4. Type 2 diabetes with hyperglycemia.',
].join('\n');

/** Presses Alt+<key> in the panel. */
async function alt(page: Page, key: string): Promise<void> {
  await page.keyboard.down('Alt');
  await page.keyboard.press(key as never);
  await page.keyboard.up('Alt');
}

/**
 * Installs `timeUntil(act, done)` in the page (through DevTools, as a script: the extension page's
 * CSP forbids eval): runs `act`, resolves with the ms until `done()` holds (checked on every DOM
 * mutation, then one animation frame: the result is on screen).
 */
const TIME_UNTIL = `globalThis.__name = (f) => f;
globalThis.timeUntil = async (act, done) => {
  const t0 = performance.now();
  act();
  await new Promise((resolve) => {
    if (done()) return resolve();
    const mo = new MutationObserver(() => { if (done()) { mo.disconnect(); resolve(); } });
    mo.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await new Promise((r) => requestAnimationFrame(() => r(undefined)));
  return performance.now() - t0;
};`;
type TimeUntil = (act: () => void, done: () => boolean) => Promise<number>;

/** The first minute of a fresh profile, on the page that just became ready. */
async function firstMinute(page: Page): Promise<Record<string, unknown>> {
  await page.bringToFront();
  await alt(page, '1');
  await page.waitForSelector('#code-lookup-input', { timeout: 30_000 });
  await page.evaluate(TIME_UNTIL);
  const firstSearchMs = await page.evaluate(() =>
    (globalThis as unknown as { timeUntil: TimeUntil }).timeUntil(
      () => {
        const i = document.getElementById('code-lookup-input') as HTMLInputElement;
        i.value = 'heart failure';
        i.dispatchEvent(new Event('input', { bubbles: true }));
      },
      () => {
        const s = document.querySelector('[data-search-state]');
        return s?.getAttribute('data-query') === 'heart failure' && s.getAttribute('data-search-state') === 'ready';
      },
    ),
  );
  await alt(page, '2');
  await page.waitForSelector('#panel-suggest #suggest-paste', { timeout: 30_000 });
  await page.$eval(
    '#panel-suggest #suggest-paste',
    (box, text) => {
      const t = box as HTMLTextAreaElement;
      t.value = text;
      t.dispatchEvent(new Event('input', { bubbles: true }));
    },
    NOTE,
  );
  const firstSuggestionsMs = await page.evaluate(() =>
    (globalThis as unknown as { timeUntil: TimeUntil }).timeUntil(
      () => document.querySelector<HTMLButtonElement>('#panel-suggest .paste-box button[type="submit"]')!.click(),
      () => {
        const s = document.querySelector('#panel-suggest [data-suggest-state]');
        return s?.getAttribute('data-suggest-state') === 'done' && s.getAttribute('data-suggest-reader') === 'paste';
      },
    ),
  );
  const suggestions = await page.$$eval('#panel-suggest [data-suggestion]', (l) => l.length);
  // CDI of the same (pasted) source: the last area a coder opens in the first minute.
  const firstCdiMs = await page.evaluate(() =>
    (globalThis as unknown as { timeUntil: TimeUntil }).timeUntil(
      () => document.getElementById('tab-cdi')!.click(),
      () => document.querySelector('#panel-cdi [data-cdi-state="done"], #panel-cdi [data-cdi-state="failed"]') !== null,
    ),
  );
  // The warm-up the panel starts at ready (components/shell/boot.ts): how long the worker took to
  // load the search index, then the suggestion tables and lexicon (absent in builds without it).
  const warmUp = await page.evaluate(() => {
    const ms = (name: string): number | null => performance.getEntriesByName(name)[0]?.duration ?? null;
    return { searchMs: ms('chartside:prepare-search'), suggestMs: ms('chartside:prepare-suggest') };
  });
  let workerJsHeapAfterGcMB: number | string = 'worker target not found';
  const worker = page.workers()[0];
  if (worker) {
    await worker.client.send('HeapProfiler.collectGarbage').catch(() => undefined);
    const heap = await worker.client.send('Runtime.getHeapUsage');
    workerJsHeapAfterGcMB = round(heap.usedSize / 1048576);
  }
  return {
    firstSearchMs: round(firstSearchMs),
    firstSuggestionsMs: round(firstSuggestionsMs),
    firstSuggestionsListed: suggestions,
    firstCdiMs: round(firstCdiMs),
    warmUpSearchMs: warmUp.searchMs === null ? null : round(warmUp.searchMs),
    warmUpSuggestMs: warmUp.suggestMs === null ? null : round(warmUp.suggestMs),
    workerJsHeapAfterGcMB,
  };
}

export async function run(): Promise<Record<string, unknown>> {
  const dir = resolve(process.env.CHARTSIDE_BENCH_EXTENSION ?? CHROME_BUILD);
  const indexPath = join(dir, 'codesets', 'index.json');
  if (!existsSync(indexPath))
    throw new Error(`no built extension with code tables in ${dir}: run \`npm run build\` first`);
  const index = parsePackageIndex(readFileSync(indexPath, 'utf8'));
  if (index.bundles.length === 0) throw new Error(`${dir} ships no code tables (built with CHARTSIDE_NO_CODESETS=1?)`);

  const chartside = await launchWithExtension({ extensionDir: dir });
  try {
    const metricsOf = async (): Promise<PanelMetrics> => {
      const { page, errors } = await openSidePanel(chartside);
      await waitForSidePanelReady(page, errors);
      const metrics = await page.evaluate(() => window.chartsideMetrics);
      await page.close();
      if (!metrics) throw new Error('side panel was ready but exposed no window.chartsideMetrics');
      return metrics;
    };
    // Fresh profile: install -> ready -> first search -> first suggestions -> CDI, one page.
    const { page: firstPage, errors: firstErrors } = await openSidePanel(chartside);
    await waitForSidePanelReady(firstPage, firstErrors);
    const first = await firstPage.evaluate(() => window.chartsideMetrics);
    if (!first) throw new Error('side panel was ready but exposed no window.chartsideMetrics');
    const minute = await firstMinute(firstPage);
    await firstPage.close();
    if (first.installed.length !== index.bundles.length) {
      throw new Error(
        `first run installed ${first.installed.length} of ${index.bundles.length} bundles (${first.installed.join(', ')})`,
      );
    }
    const opens: number[] = [];
    const workerStarts: number[] = [];
    for (let i = 0; i < OPENS; i++) {
      const m = await metricsOf();
      if (m.installed.length > 0)
        throw new Error(`open ${i + 2} re-installed ${m.installed.join(', ')}: the skip check failed`);
      opens.push(m.openToReadyMs);
      workerStarts.push(m.workerFirstAnswerMs);
    }
    return {
      bundles: index.bundles.map((b) => b.id),
      bundleBytesTotal: index.bundles.reduce((n, b) => n + b.bytes, 0),
      firstRunInstallMs: round(first.installMs),
      firstRunWorkerFirstAnswerMs: round(first.workerFirstAnswerMs),
      firstRunOpenToReadyMs: round(first.openToReadyMs),
      openToReadyMedianMs: round(median(opens)),
      openToReadyMaxMs: round(Math.max(...opens)),
      workerFirstAnswerMedianMs: round(median(workerStarts)),
      opensMeasured: OPENS,
      freshProfile: {
        installMs: round(first.installMs),
        openToReadyMs: round(first.openToReadyMs),
        ...minute,
        note: 'one fresh profile, in order: install -> ready -> first search -> first suggestions (pasted synthetic note) -> first CDI; heap after all of them. Shared 2-core machine.',
      },
    };
  } finally {
    await chartside.close();
  }
}
