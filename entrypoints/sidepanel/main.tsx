import { render } from 'preact';
import { App } from '../../components/shell/app';
import { boot, type BootState, type PanelMetrics } from '../../components/shell/boot';
import { listenForSnapshots, type ChartState } from '../../components/shell/snapshots';
import { applyTheme, loadTheme } from '../../components/shell/theme';
import { startCaseInbox } from '../../components/workspace/inbox';
import '../../components/shell/shell.css';
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
  // Search pins reach the case even while its section is hidden; purges expired saved cases.
  startCaseInbox();
  let state: BootState = { state: 'starting' };
  let chart: ChartState | undefined;
  const draw = (): void => render(<App engine={api} boot={state} chart={chart} />, root);
  draw();
  listenForSnapshots((c) => {
    chart = c;
    draw();
  });
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
