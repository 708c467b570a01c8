/**
 * Side-panel figures in real Chromium with the built extension (issue 2 targets: first-run install
 * <= 3 s, open-to-ready <= 300 ms):
 * - first-run install of every packaged bundle into IndexedDB (fresh profile), as the side panel
 *   measures it (`chartside:install`: the worker's installPackage call, fetch + verify + write);
 * - worker start-up (panel script start to the worker's first answer, IndexedDB open included);
 * - open-to-ready of later opens (tables installed): navigation start of a new side-panel document
 *   to the ready signal (`chartside:open-to-ready`), over several opens.
 *
 * Uses the extension in `CHARTSIDE_BENCH_EXTENSION` (default `.output/chrome-mv3`; build it with
 * `npm run build`). The figures say which bundles were installed, so a run on synthetic bundles
 * cannot pass for one on the official tables.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { PanelMetrics } from '../../components/shell/boot';
import { parsePackageIndex } from '../../platform/install/package-index';
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

export async function run(): Promise<Record<string, unknown>> {
  const dir = resolve(process.env.CHARTSIDE_BENCH_EXTENSION ?? CHROME_BUILD);
  const indexPath = join(dir, 'codesets', 'index.json');
  if (!existsSync(indexPath)) throw new Error(`no built extension with code tables in ${dir}: run \`npm run build\` first`);
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
    const first = await metricsOf();
    if (first.installed.length !== index.bundles.length) {
      throw new Error(`first run installed ${first.installed.length} of ${index.bundles.length} bundles (${first.installed.join(', ')})`);
    }
    const opens: number[] = [];
    const workerStarts: number[] = [];
    for (let i = 0; i < OPENS; i++) {
      const m = await metricsOf();
      if (m.installed.length > 0) throw new Error(`open ${i + 2} re-installed ${m.installed.join(', ')}: the skip check failed`);
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
    };
  } finally {
    await chartside.close();
  }
}
