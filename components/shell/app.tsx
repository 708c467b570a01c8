/**
 * The side panel's app shell: header with theme toggle, section tabs (Alt+1..5), the active
 * section, and a status line naming the releases in use and their provenance. Shows first-run
 * install progress and sets the ready signal (`document.body.dataset.ready = 'true'`, and
 * `data-state` on the root) for tests.
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { EngineRemote } from '../../platform/worker/client';
import type { BootState } from './boot';
import type { ChartActions } from './chart-channel';
import { ChartHeader } from './chart-header';
import type { ChartView } from './chart-source';
import { describeProvenance, releasesInUse, SYSTEM_LABEL, yearLabel } from './provenance';
import { SECTIONS, type SectionDef, type SectionProps } from './sections';
import { applyTheme, effectiveTheme, loadTheme, nextTheme, type ThemeChoice } from './theme';
import { todayIso } from '../../platform/today';

export interface AppProps {
  engine: EngineRemote;
  boot: BootState;
  /** The chart the panel is bound to and its one source (components/shell/chart-channel.ts). */
  chart: ChartView | undefined;
  actions: ChartActions;
  /** The panel's database (see {@link SectionProps.openDb}). */
  openDb: SectionProps['openDb'];
}

export function App({ engine, boot, chart, actions, openDb }: AppProps) {
  const [active, setActive] = useState<SectionDef['id']>('search');
  const [theme, setTheme] = useState<ThemeChoice>(loadTheme);

  useEffect(() => applyTheme(theme), [theme]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.altKey && !e.ctrlKey && !e.metaKey) {
        const section = SECTIONS.find((s) => s.key === e.key);
        if (section) {
          e.preventDefault();
          setActive(section.id);
          document.getElementById(`tab-${section.id}`)?.focus();
        } else if (e.key.toLowerCase() === 't') {
          e.preventDefault();
          setTheme((t) => nextTheme(t));
        }
      } else if (e.key === '/' && !(e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement)) {
        const input = document.getElementById('code-lookup-input');
        if (input) {
          e.preventDefault();
          input.focus();
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const onTabKey = (e: KeyboardEvent, index: number): void => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = SECTIONS[(index + step + SECTIONS.length) % SECTIONS.length]!;
    setActive(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  };

  const showing = effectiveTheme(theme);
  return (
    <div class="shell" data-state={boot.state}>
      <header class="shell-header">
        <h1>Chartside</h1>
        <span class="tagline">on-device coding assistant</span>
        <button
          type="button"
          class="theme-toggle"
          onClick={() => setTheme(nextTheme(theme))}
          aria-keyshortcuts="Alt+T"
          title={`Switch to the ${showing === 'dark' ? 'light' : 'dark'} theme (Alt+T)`}
        >
          {showing === 'dark' ? 'Light' : 'Dark'} <kbd>Alt+T</kbd>
        </button>
      </header>

      {boot.state === 'ready' ? (
        <>
          <nav class="tabs" role="tablist" aria-label="Sections">
            {SECTIONS.map((s, i) => (
              <button
                key={s.id}
                id={`tab-${s.id}`}
                type="button"
                role="tab"
                aria-selected={active === s.id}
                aria-controls={`panel-${s.id}`}
                aria-keyshortcuts={`Alt+${s.key}`}
                title={`${s.label} (Alt+${s.key})`}
                tabIndex={active === s.id ? 0 : -1}
                onClick={() => setActive(s.id)}
                onKeyDown={(e) => onTabKey(e, i)}
              >
                {s.label} <kbd aria-hidden="true">{s.key}</kbd>
              </button>
            ))}
          </nav>
          <ChartHeader chart={chart} actions={actions} />
          {SECTIONS.filter((s) => s.id === active).map((s) => (
            <main key={s.id} id={`panel-${s.id}`} role="tabpanel" aria-labelledby={`tab-${s.id}`} class="section">
              <LazySection def={s} engine={engine} boot={boot} chart={chart} actions={actions} openDb={openDb} />
            </main>
          ))}
          <StatusLine boot={boot} />
        </>
      ) : (
        <main class="section">
          <BootView boot={boot} />
        </main>
      )}
    </div>
  );
}

const loaded = new Map<SectionDef['id'], ComponentType<SectionProps> | Error>();

/** Loads a section's module on first show; a load failure is shown, never swallowed. */
function LazySection({
  def,
  engine,
  boot,
  chart,
  actions,
  openDb,
}: {
  def: SectionDef;
  engine: EngineRemote;
  boot: Extract<BootState, { state: 'ready' }>;
  chart: ChartView | undefined;
  actions: ChartActions;
  openDb: SectionProps['openDb'];
}) {
  const [, rerender] = useState(0);
  const hit = loaded.get(def.id);
  useEffect(() => {
    if (hit) return;
    def
      .load()
      .then((m) => loaded.set(def.id, m.default ?? new Error(`components/${def.id}/section.tsx has no default export`)))
      .catch((e: unknown) => loaded.set(def.id, e instanceof Error ? e : new Error(String(e))))
      .finally(() => rerender((n) => n + 1));
  }, [def.id]);
  if (!hit) return <p role="status">Loading {def.label}…</p>;
  if (hit instanceof Error) {
    return (
      <p role="alert" class="error">
        {def.label} could not be loaded: {hit.message}
      </p>
    );
  }
  const Component = hit;
  return (
    <Component
      engine={engine}
      status={boot.status}
      snapshot={chart?.source?.snapshot}
      chart={chart}
      actions={actions}
      openDb={openDb}
    />
  );
}

function BootView({ boot }: { boot: BootState }) {
  switch (boot.state) {
    case 'starting':
      return <p role="status">Opening the code tables…</p>;
    case 'installing': {
      const p = boot.progress;
      const pct = p.bytesTotal ? Math.round((100 * p.bytesDone) / p.bytesTotal) : 0;
      return (
        <div role="status" class="install">
          <h2>Installing the official code tables on this device</h2>
          <p>
            First run only: {p.bundlesDone} of {p.bundlesTotal} tables ({(p.bytesDone / 1_048_576).toFixed(1)} of{' '}
            {(p.bytesTotal / 1_048_576).toFixed(1)} MB)
            {p.bundleId ? `, now ${p.bundleId}` : ''}.
          </p>
          <progress max={100} value={pct} aria-label="Install progress">
            {pct}%
          </progress>
        </div>
      );
    }
    case 'error':
      return (
        <div role="alert" class="error">
          <h2>The code tables are not ready</h2>
          {boot.message.split('\n').map((line, i) => (
            <p key={i}>{line}</p>
          ))}
          <button type="button" onClick={() => location.reload()}>
            Retry
          </button>
        </div>
      );
    case 'ready':
      return null;
  }
}

/** One status line: the releases in use and any fallback, expandable to their provenance. */
function StatusLine({ boot }: { boot: Extract<BootState, { state: 'ready' }> }) {
  const today = todayIso();
  const inUse = releasesInUse(boot.status.releases, today);
  const problems = boot.report.problems;
  // A derived release covers its dates: its notice is its derivation, shown in its line; only a
  // release that does not cover today is a fallback.
  const covers = (r: { effectiveFrom: string; effectiveTo: string }): boolean =>
    r.effectiveFrom <= today && today <= r.effectiveTo;
  const fallbacks = inUse.filter((u) => u.fallback && !covers(u.release));
  const derived = inUse.filter((u) => u.release.derivation);
  return (
    <footer class="status-line" aria-label="Code tables in use">
      {problems.length > 0 && (
        <p role="alert" class="error">
          {problems.map((p) => p.message).join(' ')}
        </p>
      )}
      <details class="tables">
        <summary>
          <span class="meta">Tables: </span>
          {inUse
            .map(({ release }) => `${SYSTEM_LABEL[release.system]} ${yearLabel(release.system, release.fiscalYear)}`)
            .join(' · ')}
          {fallbacks.length > 0 && <span class="warn-inline"> (newest available for {today})</span>}
          {derived.length > 0 && (
            <span class="warn-inline">
              {' '}
              (
              {derived
                .map(
                  ({ release }) => `${SYSTEM_LABEL[release.system]} ${yearLabel(release.system, release.fiscalYear)}`,
                )
                .join(', ')}{' '}
              derived from the official addenda, not official full files)
            </span>
          )}
        </summary>
        {inUse.map(({ release, fallback }) => (
          <p key={release.id} class="release" data-release={release.id}>
            {describeProvenance(release)}
            {fallback && !covers(release) && <span class="meta"> {fallback}</span>}
          </p>
        ))}
      </details>
    </footer>
  );
}
