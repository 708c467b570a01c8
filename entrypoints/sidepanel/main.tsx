import { render } from 'preact';
import { App } from '../../components/shell/app';
import { boot, type BootState, type PanelMetrics } from '../../components/shell/boot';
import { openChartChannel } from '../../components/shell/chart-channel';
import type { ChartView } from '../../components/shell/chart-source';
import { applyTheme, loadTheme } from '../../components/shell/theme';
import { startCaseInbox } from '../../components/workspace/inbox';
import '../../components/shell/shell.css';
import type { ChartsideDb } from '../../platform/db';
import { startEngine } from '../../platform/worker/client';
import { useZodJitless } from '../../platform/zod-jitless';

declare global {
  interface Window {
    /** Set once the panel is ready: figures for the bench and the e2e tests. */
    chartsideMetrics?: PanelMetrics;
  }
}

function main(): void {
  useZodJitless();
  const root = document.getElementById('app');
  if (!root) throw new Error('Chartside: #app missing from sidepanel/index.html');
  applyTheme(loadTheme());
  const { api } = startEngine();
  let state: BootState = { state: 'starting' };
  let chart: ChartView | undefined;
  // Bound to the active tab of this window: snapshots of any other tab or frame are refused.
  // (Its first view arrives after the tabs API answers, never during this call.)
  const channel = openChartChannel((view) => {
    chart = view;
    draw();
  });
  // One database for every section, opened on first use (Dexie stays out of the first chunk).
  let db: Promise<ChartsideDb> | undefined;
  const openDb = (): Promise<ChartsideDb> => (db ??= import('../../platform/db').then((m) => m.openChartsideDb()));
  // Search pins reach the case even while its section is hidden; purges expired saved cases.
  startCaseInbox(openDb);
  function draw(): void {
    render(<App engine={api} boot={state} chart={chart} actions={channel} openDb={openDb} />, root!);
  }
  draw();
  // The package's codesets/ folder, on this page's own (extension) origin.
  void boot(api, new URL('/codesets/', location.origin).href, (s) => {
    state = s;
    draw();
  }).then((metrics) => {
    if (!metrics) return;
    window.chartsideMetrics = metrics;
    // The ready signal tests wait for: tables installed and the worker answered.
    document.body.dataset.ready = 'true';
  });
}

main();
