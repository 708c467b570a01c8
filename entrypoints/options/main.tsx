import { render } from 'preact';
import { OptionsApp } from '../../components/options/options-app';
import '../../components/shell/shell.css';
import '../../components/options/options.css';
import { applyTheme, loadTheme } from '../../components/shell/theme';
import { openChartsideDb } from '../../platform/db';
import { useZodJitless } from '../../platform/zod-jitless';
import { startEngine } from '../../platform/worker/client';

function main(): void {
  useZodJitless();
  const root = document.getElementById('app');
  if (!root) throw new Error('Chartside: #app missing from options/index.html');
  applyTheme(loadTheme());
  render(<OptionsApp engine={startEngine().api} db={openChartsideDb()} />, root);
}

main();
