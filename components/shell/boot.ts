/**
 * Side-panel start-up: install (or verify) the packaged code tables through the engine worker,
 * then ask its status. Emits plain states the shell renders; marks performance for the bench.
 */
import type { InstallProgress, InstallReport } from '../../platform/install/installer';
import type { EngineStatus } from '../../platform/worker/api';
import { Comlink, type EngineRemote } from '../../platform/worker/client';

export type BootState =
  | { state: 'starting' }
  | { state: 'installing'; progress: InstallProgress }
  | { state: 'ready'; status: EngineStatus; report: InstallReport }
  | { state: 'error'; message: string; report?: InstallReport; status?: EngineStatus };

/** Performance mark and measure names (read by the bench and the e2e tests). */
export const MARK = {
  open: 'chartside:open',
  workerAnswered: 'chartside:worker-answered',
  installed: 'chartside:installed',
  ready: 'chartside:ready',
  openToReady: 'chartside:open-to-ready',
  install: 'chartside:install',
  /** Time the worker spent loading the search index after ready (warm-up). */
  prepareSearch: 'chartside:prepare-search',
  /** Time the worker spent loading the suggestion tables and lexicon after that (warm-up). */
  prepareSuggest: 'chartside:prepare-suggest',
} as const;

/** Figures exposed on `window.chartsideMetrics` once the panel is ready. */
export interface PanelMetrics {
  /** From navigation start of the side panel document to the ready signal, ms. */
  openToReadyMs: number;
  /** From the panel script's start to the worker's first answer (worker start, IndexedDB open), ms. */
  workerFirstAnswerMs: number;
  /** Time spent in `installPackage` (verifying or installing the packaged tables), ms. */
  installMs: number;
  installed: string[];
  skipped: string[];
}

/**
 * Loads the search index, then what suggestions need, while the coder reads the ready panel, so
 * that the first search and the first suggestions answer at once instead of loading tens of MB
 * first. Not awaited by the ready signal. A failure here is not shown: the search or suggest call
 * that needs the same tables reports it to the user.
 */
async function warmUp(engine: EngineRemote): Promise<void> {
  try {
    const search = await engine.prepareSearch();
    performance.measure(MARK.prepareSearch, { start: performance.now() - search.ms, duration: search.ms });
    const suggest = await engine.prepareSuggest();
    performance.measure(MARK.prepareSuggest, { start: performance.now() - suggest.ms, duration: suggest.ms });
  } catch (error) {
    console.warn('Chartside: warm-up failed (the next search or suggestion will say why):', error);
  }
}

export async function boot(
  engine: EngineRemote,
  packageBaseUrl: string,
  emit: (s: BootState) => void,
): Promise<PanelMetrics | undefined> {
  emit({ state: 'starting' });
  performance.mark(MARK.open);
  let report: InstallReport;
  let firstAnswer: PerformanceMeasure;
  let status: EngineStatus;
  try {
    // A cheap first call: separates worker start-up from install time in the figures.
    status = await engine.status();
    performance.mark(MARK.workerAnswered);
    firstAnswer = performance.measure('chartside:worker-first-answer', MARK.open, MARK.workerAnswered);
    report = await engine.installPackage(
      packageBaseUrl,
      Comlink.proxy((progress: InstallProgress) => {
        // Skipping already-installed bundles is instant; only show the bar when writing.
        if (progress.phase === 'fetching' || progress.phase === 'writing') emit({ state: 'installing', progress });
      }),
    );
  } catch (error) {
    emit({ state: 'error', message: `The code tables in this extension could not be read: ${String(error)}` });
    return undefined;
  }
  performance.mark(MARK.installed);
  const install = performance.measure(MARK.install, MARK.workerAnswered, MARK.installed);
  // Only an install changes what status() said a moment ago.
  if (report.installed.length > 0 || report.problems.length > 0) status = await engine.status();
  if (!status.ready) {
    const reasons = [...report.problems.map((p) => p.message), ...status.problems];
    emit({
      state: 'error',
      message: reasons.length
        ? reasons.join('\n')
        : 'This build of Chartside contains no code tables (built with CHARTSIDE_NO_CODESETS=1).',
      report,
      status,
    });
    return undefined;
  }
  emit({ state: 'ready', status, report });
  performance.mark(MARK.ready);
  const ready = performance.measure(MARK.openToReady, { start: 0, end: MARK.ready });
  void warmUp(engine);
  return {
    openToReadyMs: ready.duration,
    workerFirstAnswerMs: firstAnswer.duration,
    installMs: install.duration,
    installed: report.installed,
    skipped: report.skipped,
  };
}
