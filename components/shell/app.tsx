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
import { CodeLookupForm } from './code-lookup';
import type { ChartState } from './snapshots';
import type { ChartSnapshot } from '../../platform/messages';
import { describeProvenance, releasesInUse, SYSTEM_LABEL, yearLabel } from './provenance';
import { SECTIONS, type SectionDef, type SectionProps } from './sections';
import { applyTheme, effectiveTheme, loadTheme, nextTheme, type ThemeChoice } from './theme';
import { todayIso } from '../../platform/today';

export interface AppProps {
  engine: EngineRemote;
  boot: BootState;
  chart: ChartState | undefined;
}

export function App({ engine, boot, chart }: AppProps) {
  const snapshot = chart?.state === 'read' ? chart.snapshot : undefined;
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
            <span class="tab-hint meta" aria-hidden="true">
              <kbd>Alt</kbd>+<kbd>1</kbd>…<kbd>5</kbd>
            </span>
          </nav>
          {SECTIONS.filter((s) => s.id === active).map((s) => (
            <main key={s.id} id={`panel-${s.id}`} role="tabpanel" aria-labelledby={`tab-${s.id}`} class="section">
              <SectionBody def={s} engine={engine} boot={boot} snapshot={snapshot} />
            </main>
          ))}
          <StatusLine boot={boot} chart={chart} />
        </>
      ) : (
        <main class="section">
          <BootView boot={boot} />
        </main>
      )}
    </div>
  );
}

function SectionBody({ def, engine, boot, snapshot }: { def: SectionDef; engine: EngineRemote; boot: Extract<BootState, { state: 'ready' }>; snapshot: ChartSnapshot | undefined }) {
  if (def.load) return <LazySection def={def} engine={engine} boot={boot} snapshot={snapshot} />;
  return (
    <>
      <div class="unavailable" data-unavailable={def.id}>
        <h2>{def.label}: not yet available</h2>
        <p>{def.purpose}</p>
        <p class="meta">This part of Chartside has not landed in this build. Nothing shown here is invented.</p>
      </div>
      {def.id === 'search' && (
        <section aria-label="Code lookup">
          <h2>Code lookup</h2>
          <CodeLookupForm engine={engine} />
        </section>
      )}
    </>
  );
}

const loaded = new Map<SectionDef['id'], ComponentType<SectionProps> | Error>();

/** Loads a section's module on first show; a load failure is shown, never swallowed. */
function LazySection({ def, engine, boot, snapshot }: { def: SectionDef; engine: EngineRemote; boot: Extract<BootState, { state: 'ready' }>; snapshot: ChartSnapshot | undefined }) {
  const [, rerender] = useState(0);
  const hit = loaded.get(def.id);
  useEffect(() => {
    if (hit || !def.load) return;
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
  return <Component engine={engine} status={boot.status} snapshot={snapshot} />;
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
            First run only: {p.bundlesDone} of {p.bundlesTotal} tables ({(p.bytesDone / 1_048_576).toFixed(1)} of {(p.bytesTotal / 1_048_576).toFixed(1)} MB)
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

function StatusLine({ boot, chart }: { boot: Extract<BootState, { state: 'ready' }>; chart: ChartState | undefined }) {
  const today = todayIso();
  const inUse = releasesInUse(boot.status.releases, today);
  const problems = boot.report.problems;
  // A derived release covers its dates: its notice is its derivation, shown in its line; only a
  // release that does not cover today is a fallback.
  const covers = (r: { effectiveFrom: string; effectiveTo: string }): boolean => r.effectiveFrom <= today && today <= r.effectiveTo;
  const fallbacks = inUse.filter((u) => u.fallback && !covers(u.release));
  const derived = inUse.filter((u) => u.release.derivation);
  return (
    <footer class="status-line" aria-label="Code tables in use">
      {problems.length > 0 && (
        <p role="alert" class="error">
          {problems.map((p) => p.message).join(' ')}
        </p>
      )}
      <p data-chart={chart?.state ?? 'none'} class={chart?.state === 'failed' ? 'error' : ''}>
        <span class="meta">Chart: </span>
        {chart === undefined
          ? 'none read yet (open a chart on a site you allowed in the options)'
          : chart.state === 'failed'
            ? `could not be read on ${chart.url}: ${chart.reason}`
            : `${chart.snapshot.url} (${chart.snapshot.sections.length} section${chart.snapshot.sections.length === 1 ? '' : 's'}, ${chart.snapshot.reader} reader${chart.snapshot.truncated ? ', truncated' : ''})`}
      </p>
      <details class="tables">
        <summary>
          <span class="meta">Tables: </span>
          {inUse.map(({ release }) => `${SYSTEM_LABEL[release.system]} ${yearLabel(release.system, release.fiscalYear)}`).join(' · ')}
          {fallbacks.length > 0 && <span class="warn-inline"> (newest available for {today})</span>}
          {derived.length > 0 && (
            <span class="warn-inline">
              {' '}
              ({derived.map(({ release }) => `${SYSTEM_LABEL[release.system]} ${yearLabel(release.system, release.fiscalYear)}`).join(', ')} derived
              from the official addenda, not official full files)
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
