/**
 * Options page: installed code-table releases with provenance, import of a newer official
 * release, the learned suggestion model switch, privacy settings, and the EHR sites the chart
 * reader may run on.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { readSettings, writeSetting, type ChartsideDb } from '../../platform/db';
import type { InstallReport } from '../../platform/install/installer';
import { planImport } from '../../platform/install/picked-files';
import type { EngineStatus } from '../../platform/worker/api';
import type { EngineRemote } from '../../platform/worker/client';
import { grantedOrigins, refusedOrigins } from '../../platform/reader-registration';
import { describeProvenance, SYSTEM_LABEL, yearLabel } from '../shell/provenance';
import { toMatchPattern } from './origins';
import { SuggestModelSetting } from './suggest-model-setting';

export function OptionsApp({ engine, db }: { engine: EngineRemote; db: ChartsideDb }) {
  const [status, setStatus] = useState<EngineStatus | undefined>();
  const refresh = async (): Promise<void> => setStatus(await engine.status());
  useEffect(() => void refresh(), []);
  return (
    <div class="shell options">
      <header class="shell-header">
        <h1>Chartside options</h1>
      </header>
      <main class="section">
        <Releases status={status} />
        <ImportRelease engine={engine} onInstalled={refresh} />
        <SuggestModelSetting db={db} releases={status?.releases} />
        <Privacy db={db} />
        <Sites />
      </main>
    </div>
  );
}

function Releases({ status }: { status: EngineStatus | undefined }) {
  if (!status) return <p role="status">Reading installed code tables…</p>;
  return (
    <section aria-labelledby="releases-h">
      <h2 id="releases-h">Installed code tables</h2>
      {status.problems.map((p, i) => (
        <p key={i} role="alert" class="error">
          {p}
        </p>
      ))}
      {status.releases.length === 0 && (
        <p class="notice">
          No code tables are installed yet. Open the side panel to install the ones shipped with Chartside, or import a
          release below.
        </p>
      )}
      {status.releases.map((r) => (
        <details key={r.id} class="release-card" data-release={r.id}>
          <summary>
            <strong>
              {SYSTEM_LABEL[r.system]} {yearLabel(r.system, r.fiscalYear)}
            </strong>{' '}
            <span class="meta">
              {r.effectiveFrom} to {r.effectiveTo} · {r.source === 'import' ? 'imported' : 'shipped'} ·{' '}
              {r.bytes >= 1_048_576 ? `${(r.bytes / 1_048_576).toFixed(1)} MB` : `${Math.ceil(r.bytes / 1024)} KB`}
            </span>
            {r.derivation && (
              <span class="warn-inline" data-derived>
                {' '}
                · derived from the official addenda, not official full files
              </span>
            )}
          </summary>
          <p>{describeProvenance(r)}</p>
          <p class="meta">{r.release}</p>
          <p class="meta">
            Counts:{' '}
            {Object.entries(r.counts)
              .map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`)
              .join(' · ')}
          </p>
          <table class="files">
            <thead>
              <tr>
                <th>Official file</th>
                <th>Role</th>
                <th>Year</th>
                <th>sha256</th>
              </tr>
            </thead>
            <tbody>
              {r.provenance.map((p) => (
                <tr key={p.file}>
                  <td>{p.file}</td>
                  <td>{p.role}</td>
                  <td>{p.releaseYear}</td>
                  <td>
                    <code title={p.sha256}>{p.sha256.slice(0, 16)}…</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {r.notes.length > 0 && (
            <ul class="notes">
              {r.notes.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          )}
          <p class="meta">
            Bundle sha256 <code>{r.sha256}</code>, installed {r.installedAt}
          </p>
        </details>
      ))}
    </section>
  );
}

type ImportState =
  { state: 'idle' } | { state: 'working'; line: string } | { state: 'done'; lines: { ok: boolean; text: string }[] };

function ImportRelease({ engine, onInstalled }: { engine: EngineRemote; onInstalled: () => Promise<void> }) {
  const [state, setState] = useState<ImportState>({ state: 'idle' });

  const run = async (input: HTMLInputElement): Promise<void> => {
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length === 0) return;
    setState({ state: 'working', line: `Reading ${files.length} file(s)…` });
    const lines: { ok: boolean; text: string }[] = [];
    try {
      const plan = await planImport(files, (line) => setState({ state: 'working', line }));
      for (const r of plan.reports) {
        if (r.status === 'failed')
          lines.push({ ok: false, text: `${r.name}: ${r.error?.message ?? 'failed'} (nothing from it was installed)` });
      }
      for (const [id, bytes] of plan.bundles) {
        setState({ state: 'working', line: `Installing ${id}…` });
        const report: InstallReport = await engine.installBundle(bytes);
        for (const done of report.installed) lines.push({ ok: true, text: `Installed ${done}` });
        for (const p of report.problems) lines.push({ ok: false, text: p.message });
      }
      if (lines.length === 0)
        lines.push({
          ok: false,
          text: 'None of the picked files is an official release file or a Chartside bundle Chartside can read.',
        });
    } catch (error) {
      lines.push({ ok: false, text: `Import failed: ${String(error)}. The installed code tables are unchanged.` });
    }
    setState({ state: 'done', lines });
    await onInstalled();
  };

  return (
    <section aria-labelledby="import-h">
      <h2 id="import-h">Import a newer official release</h2>
      <p class="meta">
        Pick the official CMS/CDC files (or a folder laid out like <code>icd10cm/FY2027/…</code>; MS-DRG v44 tables as a
        folder laid out like <code>msdrg/FY2027/tables/v440/…</code>), or Chartside bundles (<code>.csb</code>). They
        are read on this device only. Each code table is replaced whole or not at all.
      </p>
      <label class="file-pick">
        Files{' '}
        <input type="file" multiple onChange={(e) => void run(e.currentTarget)} disabled={state.state === 'working'} />
      </label>
      <label class="file-pick">
        Folder{' '}
        <input
          type="file"
          // Non-standard but supported by Chrome and Firefox: pick a whole release folder.
          {...{ webkitdirectory: true }}
          onChange={(e) => void run(e.currentTarget)}
          disabled={state.state === 'working'}
        />
      </label>
      {state.state === 'working' && <p role="status">{state.line}</p>}
      {state.state === 'done' && (
        <ul class="import-result" role="status">
          {state.lines.map((l, i) => (
            <li key={i} class={l.ok ? '' : 'error'}>
              {l.text}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Privacy({ db }: { db: ChartsideDb }) {
  const [days, setDays] = useState<number | undefined>();
  const [idle, setIdle] = useState<number | undefined>();
  const [message, setMessage] = useState('');
  useEffect(() => {
    readSettings(db)
      .then((s) => {
        setDays(s.purgeCasesAfterDays);
        setIdle(s.vaultIdleLockMinutes);
      })
      .catch((e: unknown) => setMessage(String(e)));
  }, []);
  const saveIdle = async (value: number): Promise<void> => {
    try {
      await writeSetting(db, 'vaultIdleLockMinutes', value);
      setIdle(value);
      setMessage(`Saved: saved cases lock after ${value} minute(s) without use (from the next unlock).`);
    } catch (e) {
      setMessage(`Not saved: enter a whole number of minutes from 1 to 720 (${String(e).slice(0, 120)})`);
    }
  };
  const save = async (value: number): Promise<void> => {
    try {
      await writeSetting(db, 'purgeCasesAfterDays', value);
      setDays(value);
      setMessage(`Saved: cases are deleted ${value} day(s) after their last change.`);
    } catch (e) {
      setMessage(`Not saved: enter a whole number of days from 1 to 3650 (${String(e).slice(0, 120)})`);
    }
  };
  return (
    <section aria-labelledby="privacy-h">
      <h2 id="privacy-h">Privacy</h2>
      <p class="meta">
        Chart text is never sent anywhere. Nothing from a chart is stored unless you save a case, and saved cases never
        leave this device.
      </p>
      <label>
        Delete saved cases after{' '}
        <input
          type="number"
          min={1}
          max={3650}
          value={days ?? ''}
          style={{ width: '6em' }}
          onChange={(e) => void save(Number(e.currentTarget.value))}
          aria-label="Days before saved cases are deleted"
        />{' '}
        days
      </label>
      <label>
        Lock saved cases after{' '}
        <input
          type="number"
          min={1}
          max={720}
          value={idle ?? ''}
          style={{ width: '6em' }}
          onChange={(e) => void saveIdle(Number(e.currentTarget.value))}
          aria-label="Minutes without use before saved cases lock"
        />{' '}
        minutes without use (and always when the browser closes)
      </label>
      {message && <p role="status">{message}</p>}
    </section>
  );
}

function Sites() {
  const [origins, setOrigins] = useState<string[]>([]);
  const [refused, setRefused] = useState<string[]>([]);
  const [input, setInput] = useState('');
  const [message, setMessage] = useState('');
  const refresh = async (): Promise<void> => {
    const all = await browser.permissions.getAll();
    setOrigins(grantedOrigins(all));
    setRefused(refusedOrigins(all));
  };
  useEffect(() => void refresh(), []);

  const add = async (e: Event): Promise<void> => {
    e.preventDefault();
    let pattern: string;
    try {
      pattern = toMatchPattern(input);
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
      return;
    }
    // Must run in the click's user gesture: the browser shows its own permission prompt.
    const granted = await browser.permissions.request({ origins: [pattern] });
    setMessage(
      granted ? `Chartside may now read charts on ${pattern}.` : `Not granted: Chartside will not read ${pattern}.`,
    );
    if (granted) setInput('');
    await refresh();
  };
  const revoke = async (pattern: string): Promise<void> => {
    const removed = await browser.permissions.remove({ origins: [pattern] });
    setMessage(
      removed ? `Revoked ${pattern}.` : `${pattern} is part of this build (test build) and cannot be revoked here.`,
    );
    await refresh();
  };

  return (
    <section aria-labelledby="sites-h">
      <h2 id="sites-h">EHR sites Chartside may read</h2>
      <p class="meta">
        The chart reader runs only on these sites. Chartside asks the browser for each one when you add it.
      </p>
      {origins.length === 0 ? (
        <p class="notice">No site granted yet.</p>
      ) : (
        <ul class="origins">
          {origins.map((o) => (
            <li key={o}>
              <code>{o}</code>{' '}
              <button type="button" onClick={() => void revoke(o)} aria-label={`Revoke ${o}`}>
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}
      {refused.length > 0 && (
        <div class="notice">
          <p>Granted to Chartside but never read (a wildcard names no EHR, so the chart reader ignores it):</p>
          <ul class="origins">
            {refused.map((o) => (
              <li key={o}>
                <code>{o}</code>{' '}
                <button type="button" onClick={() => void revoke(o)} aria-label={`Revoke ${o}`}>
                  Revoke
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <form onSubmit={(e) => void add(e)} class="lookup-form">
        <label>
          <span>EHR address</span>
          <input value={input} onInput={(e) => setInput(e.currentTarget.value)} placeholder="https://ehr.example.org" />
        </label>
        <button type="submit">Allow</button>
      </form>
      {message && <p role="status">{message}</p>}
    </section>
  );
}
