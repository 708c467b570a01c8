/**
 * The Case section of the side panel (issue 7): the case being coded for the chart on screen.
 *
 * One case per chart document ({@link caseIdFor}); kept in memory while the panel is open and
 * written to IndexedDB (encrypted) only when the user saves. Every change recomputes DRG, MCE,
 * Tabular List edits and the principal what-if in one worker call (`recomputeCase`).
 *
 * Keyboard: Alt+N add a code, Alt+S save, Alt+C copy the abstract, Alt+J copy FHIR JSON; on a
 * code row Alt+ArrowUp/Alt+ArrowDown resequence, Delete removes, P makes it principal.
 * Everything from the chart or the tables is rendered as text (Preact escapes), never as HTML.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  abstractText,
  addDiagnosis,
  addProcedure,
  caseIdFor,
  moveDiagnosis,
  moveProcedure,
  newCase,
  removeCode,
  serviceDate,
  setPoa,
  setProcedureDate,
  toFhirClaim,
  updateHeader,
  type CaseHeader,
  type CodingCase,
  type DrgSummary,
  type Poa,
  type TitleOf,
} from '../../engine/case';
import { drgOrientation } from '../../engine/codes/drg-orientation';
import { formatCmCode } from '../../engine/codes/normalize';
import { openChartsideDb, type ChartsideDb } from '../../platform/db';
import { deleteCase, listSaved, loadCase, recordExport, saveCase, saveQueryDraft } from '../../platform/cases';
import type { CaseRecompute } from '../../platform/worker/case';
import { todayIso } from '../../platform/today';
import { DrgPanel } from '../drg/DrgPanel';
import type { SectionProps } from '../shell/sections';
import { sidePanelDecisions } from '../suggest/accepted';
import { onPin, purgeOutcome, takePins } from './inbox';
import { AddCode } from './add-code';
import { CaseCdi } from './case-cdi';
import { useVaultState, VaultPrompt } from './vault-prompt';
import './workspace.css';

/** Cases open in this panel, by case id, with the suggestion codes already merged into each. */
const openCases = new Map<string, { c: CodingCase; merged: Set<string> }>();
let db: ChartsideDb | undefined;
const database = (): ChartsideDb => (db ??= openChartsideDb());

const POA_CHOICES: { value: Poa; label: string }[] = [
  { value: '', label: '– (not set)' },
  { value: 'Y', label: 'Y present' },
  { value: 'N', label: 'N not present' },
  { value: 'U', label: 'U insufficient doc.' },
  { value: 'W', label: 'W undetermined' },
  { value: '1', label: '1 exempt' },
];

const DISCHARGE_STATUS: [string, string][] = [
  ['01', '01 Home / self care'],
  ['02', '02 Short-term hospital'],
  ['03', '03 SNF'],
  ['06', '06 Home health'],
  ['07', '07 Left against advice'],
  ['20', '20 Expired'],
  ['62', '62 Inpatient rehab'],
  ['65', '65 Psychiatric hospital'],
];

type Recompute = { state: 'idle' | 'working' } | { state: 'done'; r: CaseRecompute } | { state: 'failed'; message: string };

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Merges accepted suggestions not yet merged into the case (a code the coder removed stays removed). */
function mergeAccepted(c: CodingCase, merged: Set<string>): CodingCase {
  const a = sidePanelDecisions.abstract();
  let next = c;
  for (const d of a.diagnoses) {
    if (merged.has(d.code)) continue;
    merged.add(d.code);
    next = addDiagnosis(next, d.code, 'suggestion');
    if (d.principal) {
      const at = next.diagnoses.findIndex((x) => x.code === formatCmCode(d.code).replace('.', ''));
      if (at > 0 && next.diagnoses[0]?.origin !== 'suggestion') next = moveDiagnosis(next, at, 0);
    }
  }
  for (const p of a.procedures) {
    if (merged.has(p.code)) continue;
    merged.add(p.code);
    next = addProcedure(next, p.code, 'icd10pcs', 'suggestion');
  }
  return next;
}

function mergePins(c: CodingCase): CodingCase {
  let next = c;
  for (const pin of takePins()) {
    next = pin.system === 'cm' ? addDiagnosis(next, pin.code, 'search') : addProcedure(next, pin.code, pin.system === 'pcs' ? 'icd10pcs' : 'hcpcs', 'search');
  }
  return next;
}

export default function WorkspaceSection({ engine, snapshot }: SectionProps) {
  const caseId = useMemo(() => (snapshot ? caseIdFor(snapshot) : 'case-scratch'), [snapshot?.url, snapshot?.document.title, snapshot?.document.encounter]);
  const entry = openCases.get(caseId) ?? { c: newCase(caseId), merged: new Set<string>() };
  openCases.set(caseId, entry);
  const [c, setCaseState] = useState<CodingCase>(entry.c);
  const [calc, setCalc] = useState<Recompute>({ state: 'idle' });
  const [message, setMessage] = useState<{ text: string; error?: boolean } | undefined>();
  const [exported, setExported] = useState<{ kind: 'text' | 'fhir'; body: string } | undefined>();
  const [saved, setSaved] = useState<'unknown' | 'saved' | 'not-saved'>('unknown');
  const [purge, setPurge] = useState<string | undefined>();
  const [savedQueries, setSavedQueries] = useState(0);
  const seq = useRef(0);
  const vault = useVaultState(database);

  const setCase = useCallback(
    (update: (c: CodingCase) => CodingCase) => {
      setCaseState((prev) => {
        try {
          const next = update(prev);
          entry.c = next;
          return next;
        } catch (e) {
          setMessage({ text: errorText(e), error: true });
          return prev;
        }
      });
    },
    [entry],
  );

  // Switch case with the chart; a saved case for this chart is loaded (decrypted) when not open.
  useEffect(() => {
    setCaseState(entry.c);
    setMessage(undefined);
    setExported(undefined);
    let live = true;
    // Locked or no passphrase: nothing saved can be opened (the vault prompt says so).
    const opening = vault === 'unlocked' ? loadCase(database(), caseId) : Promise.resolve(null);
    opening
      .then((stored) => {
        if (!live) return;
        if (stored === null) {
          setSaved('unknown');
          setCase((x) => mergePins(mergeAccepted(x, entry.merged)));
          return;
        }
        setSaved(stored ? 'saved' : 'not-saved');
        void listSaved(database()).then((all) => live && setSavedQueries(all.drafts.filter((d) => d.caseId === caseId).length));
        if (stored && entry.c.diagnoses.length === 0 && entry.c.procedures.length === 0) {
          entry.c = stored;
          setCaseState(stored);
        }
        setCase((x) => mergePins(mergeAccepted(x, entry.merged)));
      })
      .catch((e: unknown) => live && setMessage({ text: `The saved case could not be opened: ${errorText(e)}`, error: true }));
    const offPin = onPin(() => setCase(mergePins));
    const offAccepted = sidePanelDecisions.subscribe(() => setCase((x) => mergeAccepted(x, entry.merged)));
    void purgeOutcome?.then((o) => live && setPurge('error' in o ? `Purge of old saved cases failed: ${o.error}` : o.purged ? `${o.purged} saved item(s) older than the purge period were deleted.` : undefined));
    return () => {
      live = false;
      offPin();
      offAccepted();
    };
  }, [caseId, vault]);

  // One worker round trip per change.
  useEffect(() => {
    const mine = ++seq.current;
    setCalc((s) => (s.state === 'done' ? s : { state: 'working' }));
    engine
      .recomputeCase(c)
      .then((r) => mine === seq.current && setCalc({ state: 'done', r }))
      .catch((e: unknown) => mine === seq.current && setCalc({ state: 'failed', message: errorText(e) }));
  }, [engine, c]);

  const r = calc.state === 'done' ? calc.r : undefined;
  const titleOf: TitleOf = (code, system) => (system === 'icd10cm' ? r?.titles[code] : undefined);
  // MS-DRG v44 is not installed: an FY2027 discharge grouped with v43.1 says so wherever the DRG shows.
  const orientation = r?.drg.status === 'grouped' ? drgOrientation(r.drg.result, serviceDate(c)) : undefined;
  const drgSummary = (): DrgSummary | undefined =>
    r?.drg.status === 'grouped'
      ? { drg: String(r.drg.result.finalDrg).padStart(3, '0'), title: r.drg.result.title, mdc: String(r.drg.result.finalMdc).padStart(2, '0'), weight: r.drg.result.weight, version: r.drg.result.version, ...(orientation ? { notice: orientation.message } : {}) }
      : undefined;

  const doSave = async (): Promise<void> => {
    try {
      await saveCase(database(), c);
      setSaved('saved');
      setMessage({ text: 'Case saved on this device (encrypted).' });
    } catch (e) {
      setMessage({ text: `Not saved: ${errorText(e)}`, error: true });
    }
  };
  const doSaveQuery = async (text: string): Promise<void> => {
    try {
      // The topic is part of the row key (not encrypted): a time stamp, never chart words.
      await saveQueryDraft(database(), c.id, { topic: `copied-${new Date().toISOString()}`, text });
      setSavedQueries((n) => n + 1);
      setMessage({ text: 'Query saved with the case on this device (encrypted).' });
    } catch (e) {
      setMessage({ text: `Query not saved: ${errorText(e)}`, error: true });
    }
  };
  const doDelete = async (): Promise<void> => {
    try {
      await deleteCase(database(), c.id);
      setSaved('not-saved');
      setSavedQueries(0);
      setMessage({ text: 'Saved copy (and its saved queries) deleted from this device.' });
    } catch (e) {
      setMessage({ text: `Not deleted: ${errorText(e)}`, error: true });
    }
  };
  const doExport = async (kind: 'text' | 'fhir'): Promise<void> => {
    let body: string;
    try {
      body = kind === 'text' ? abstractText(c, titleOf, drgSummary()) : JSON.stringify(toFhirClaim(c, titleOf, todayIso(), drgSummary()), null, 2);
    } catch (e) {
      setMessage({ text: `Export failed: ${errorText(e)}`, error: true });
      return;
    }
    setExported({ kind, body });
    let copied = true;
    try {
      await navigator.clipboard.writeText(body);
    } catch {
      copied = false;
    }
    try {
      await recordExport(database(), c, kind);
    } catch (e) {
      setMessage({ text: `Exported, but the audit log could not be written: ${errorText(e)}`, error: true });
      return;
    }
    const what = kind === 'text' ? 'Abstract (plain text)' : 'FHIR R4 Claim (JSON)';
    setMessage({ text: copied ? `${what} copied to the clipboard.` : `${what} shown below: the clipboard was not available, select and copy it.` });
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const k = e.key.toLowerCase();
      if (k === 's') void doSave();
      else if (k === 'c') void doExport('text');
      else if (k === 'j') void doExport('fhir');
      else if (k === 'n') document.getElementById('case-add-code')?.focus();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const header = (patch: Partial<CaseHeader>): void => setCase((x) => updateHeader(x, patch));
  const date = serviceDate(c);
  const edits = r ? [...r.tabular].sort((a, b) => rank(a.severity) - rank(b.severity)) : [];
  const whatIf = new Map((r?.principalWhatIf ?? []).map((w) => [w.code, w]));

  return (
    <section class="workspace" aria-labelledby="case-title" data-case-state={calc.state} data-saved={saved}>
      <header class="ws-head">
        <h2 id="case-title">Case</h2>
        <p class="meta">
          {snapshot ? <>Chart: <span class="ws-chart">{snapshot.document.title || snapshot.url}</span></> : 'No chart read: a scratch case.'}{' '}
          {saved === 'saved' ? '· saved on this device' : '· not saved (nothing is stored until you save)'}
        </p>
        <div class="ws-actions" role="group" aria-label="Case actions">
          <button type="button" onClick={() => void doSave()}>
            Save <kbd>Alt+S</kbd>
          </button>
          <button type="button" onClick={() => void doExport('text')}>
            Copy abstract <kbd>Alt+C</kbd>
          </button>
          <button type="button" onClick={() => void doExport('fhir')}>
            Copy FHIR <kbd>Alt+J</kbd>
          </button>
          {saved === 'saved' && (
            <button type="button" onClick={() => void doDelete()}>
              Delete saved
            </button>
          )}
        </div>
        <p role="status" aria-live="polite" class={message?.error ? 'error ws-message' : 'ws-message'} data-ws-message>
          {message?.text ?? ''}
        </p>
        {purge && <p class="meta">{purge}</p>}
        <VaultPrompt db={database} state={vault} />
      </header>

      <fieldset class="ws-encounter">
        <legend>Encounter</legend>
        <label>
          Setting
          <select value={c.setting} onChange={(e) => header({ setting: e.currentTarget.value as CodingCase['setting'] })}>
            <option value="inpatient">Inpatient</option>
            <option value="outpatient">Outpatient</option>
          </select>
        </label>
        <label>
          Admitted
          <input type="date" value={c.admissionDate ?? ''} onChange={(e) => header({ admissionDate: e.currentTarget.value || undefined })} />
        </label>
        <label>
          Discharged
          <input type="date" value={c.dischargeDate ?? ''} onChange={(e) => header({ dischargeDate: e.currentTarget.value || undefined })} />
        </label>
        <label>
          Age
          <input
            type="number"
            min={0}
            max={124}
            inputMode="numeric"
            value={c.age ?? ''}
            onChange={(e) => header({ age: e.currentTarget.value === '' ? undefined : Number(e.currentTarget.value) })}
          />
        </label>
        <label>
          Sex
          <select value={c.sex} onChange={(e) => header({ sex: e.currentTarget.value as CodingCase['sex'] })}>
            <option value="F">F</option>
            <option value="M">M</option>
            <option value="U">Unknown</option>
          </select>
        </label>
        <label>
          Discharge status
          <select value={c.dischargeStatus} onChange={(e) => header({ dischargeStatus: e.currentTarget.value })}>
            {DISCHARGE_STATUS.map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
            {!DISCHARGE_STATUS.some(([v]) => v === c.dischargeStatus) && <option value={c.dischargeStatus}>{c.dischargeStatus}</option>}
          </select>
        </label>
        <p class="meta ws-release" data-release>
          {r ? (
            <>
              Tables for {date ?? 'today'}: {r.cmRelease.release}
              {r.drg.status === 'grouped' ? `, MS-DRG v${r.drg.result.version}` : ''}
              {r.mce.status === 'edited' ? `, MCE v${r.mce.result.version}` : ''}
              {r.cmRelease.fallback && <span class="ws-fallback" role="note"> — {r.cmRelease.fallback}</span>}
              {r.drg.status === 'grouped' && r.drg.result.versionNote && <span class="ws-fallback" role="note"> — {r.drg.result.versionNote}</span>}
              <span data-recompute-ms={r.tookMs.toFixed(2)}> · recomputed in {r.tookMs < 1 ? '<1' : Math.round(r.tookMs)} ms</span>
            </>
          ) : (
            'Choosing the tables for the dates…'
          )}
        </p>
      </fieldset>

      <AddCode engine={engine} dateOfService={date} onAdd={(code, system) => setCase((x) => (system === 'cm' ? addDiagnosis(x, code, 'typed') : addProcedure(x, code, system === 'pcs' ? 'icd10pcs' : 'hcpcs', 'typed')))} />

      <section aria-labelledby="ws-dx">
        <h3 id="ws-dx">Diagnoses</h3>
        <p class="meta">
          Row keys: <kbd>Alt+↑</kbd>/<kbd>Alt+↓</kbd> resequence, <kbd>P</kbd> make principal, <kbd>Delete</kbd> remove.
        </p>
        {c.diagnoses.length === 0 ? (
          <p>No diagnosis yet: accept suggestions, pin from search, or type a code.</p>
        ) : (
          <ol class="ws-codes" aria-label="Diagnoses in sequence">
            {c.diagnoses.map((d, i) => {
              const exempt = r?.poaExempt.includes(d.code) ?? false;
              const w = whatIf.get(d.code);
              const move = (to: number) => setCase((x) => moveDiagnosis(x, i, to));
              return (
                <li
                  key={d.code}
                  tabIndex={0}
                  class="ws-row"
                  data-code={d.code}
                  aria-label={`${i === 0 ? 'Principal' : `Secondary ${i}`}: ${formatCmCode(d.code)} ${r?.titles[d.code] ?? ''}`}
                  onKeyDown={(e) => {
                    if (e.target !== e.currentTarget) return;
                    if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
                      e.preventDefault();
                      const to = e.key === 'ArrowUp' ? i - 1 : i + 1;
                      move(to);
                      requestAnimationFrame(() => document.querySelector<HTMLElement>(`.ws-codes li[data-code="${d.code}"]`)?.focus());
                    } else if (e.key === 'Delete') {
                      e.preventDefault();
                      setCase((x) => removeCode(x, d.code));
                    } else if (e.key.toLowerCase() === 'p' && !e.altKey && i > 0) {
                      e.preventDefault();
                      move(0);
                    }
                  }}
                >
                  <div class="ws-line">
                    <span class="ws-role">{i === 0 ? (c.setting === 'inpatient' ? 'Principal' : 'First-listed') : `${i + 1}.`}</span>
                    <code class="ws-code">{formatCmCode(d.code)}</code>
                    <span class="ws-title">{r?.titles[d.code] ?? (r ? 'not a code of this year' : '')}</span>
                  </div>
                  <div class="ws-line ws-controls">
                    {c.setting === 'inpatient' &&
                      (exempt && (d.poa === '' || d.poa === '1') ? (
                        <span class="ws-exempt">POA exempt</span>
                      ) : (
                        <label>
                          POA
                          <select value={d.poa} onChange={(e) => setCase((x) => setPoa(x, d.code, e.currentTarget.value as Poa))}>
                            {POA_CHOICES.map((p) => (
                              <option key={p.value} value={p.value}>
                                {p.label}
                              </option>
                            ))}
                          </select>
                        </label>
                      ))}
                    <button type="button" disabled={i === 0} onClick={() => move(i - 1)} aria-label={`Move ${formatCmCode(d.code)} up`}>
                      ↑
                    </button>
                    <button type="button" disabled={i === c.diagnoses.length - 1} onClick={() => move(i + 1)} aria-label={`Move ${formatCmCode(d.code)} down`}>
                      ↓
                    </button>
                    {i > 0 && (
                      <button type="button" onClick={() => move(0)} aria-label={`Make ${formatCmCode(d.code)} principal`}>
                        Principal
                      </button>
                    )}
                    <button type="button" onClick={() => setCase((x) => removeCode(x, d.code))} aria-label={`Remove ${formatCmCode(d.code)}`}>
                      ✕
                    </button>
                    <span class="meta ws-origin">{d.origin}</span>
                  </div>
                  {w && (
                    <p class="ws-whatif" data-whatif={d.code}>
                      As principal: DRG {String(w.drg).padStart(3, '0')} {w.title} (weight {w.weight.toFixed(4)}, {w.weightDelta >= 0 ? '+' : ''}
                      {w.weightDelta.toFixed(4)})
                    </p>
                  )}
                </li>
              );
            })}
          </ol>
        )}
      </section>

      <section aria-labelledby="ws-px">
        <h3 id="ws-px">Procedures</h3>
        {c.procedures.length === 0 ? (
          <p>No procedure.</p>
        ) : (
          <ol class="ws-codes" aria-label="Procedures in sequence">
            {c.procedures.map((p, i) => (
              <li
                key={`${p.code}-${i}`}
                tabIndex={0}
                class="ws-row"
                data-code={p.code}
                aria-label={`Procedure ${i + 1}: ${p.code}`}
                onKeyDown={(e) => {
                  if (e.target !== e.currentTarget) return;
                  if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
                    e.preventDefault();
                    setCase((x) => moveProcedure(x, i, e.key === 'ArrowUp' ? i - 1 : i + 1));
                  } else if (e.key === 'Delete') {
                    e.preventDefault();
                    setCase((x) => removeCode(x, p.code));
                  }
                }}
              >
                <div class="ws-line">
                  <span class="ws-role">{i + 1}.</span>
                  <code class="ws-code">{p.code}</code>
                  <span class="meta">{p.system === 'icd10pcs' ? 'ICD-10-PCS' : 'HCPCS'}</span>
                </div>
                <div class="ws-line ws-controls">
                  <label>
                    Date
                    <input type="date" value={p.date ?? ''} onChange={(e) => setCase((x) => setProcedureDate(x, i, e.currentTarget.value || undefined))} />
                  </label>
                  <button type="button" onClick={() => setCase((x) => removeCode(x, p.code))} aria-label={`Remove ${p.code}`}>
                    ✕
                  </button>
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="ws-edits" data-edits={edits.length}>
        <h3 id="ws-edits">Tabular and POA edits</h3>
        {calc.state === 'failed' && (
          <p role="alert" class="error">
            The case could not be recomputed: {calc.message}
          </p>
        )}
        {r && edits.length === 0 && <p>No Tabular List or POA edit.</p>}
        {edits.length > 0 && (
          <ul class="ws-edits">
            {edits.map((e, i) => (
              <li key={`${e.id}-${e.code}-${i}`} class={`ws-edit ws-${e.severity}`} data-edit={e.id}>
                <span class="ws-sev">{e.severity}</span> {e.message}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-label="MS-DRG" class="ws-drg">
        {r?.drg.status === 'grouped' ? (
          <DrgPanel result={r.drg.result} {...(r.mce.status === 'edited' ? { mce: r.mce.result } : {})} {...(orientation ? { orientation: orientation.message } : {})} />
        ) : (
          <>
            <h3>MS-DRG</h3>
            <p data-not-grouped>{r?.drg.status === 'not-grouped' ? r.drg.reason : calc.state === 'working' ? 'Grouping…' : ''}</p>
          </>
        )}
      </section>

      <details class="ws-cdi">
        <summary>CDI opportunities and query drafts</summary>
        <CaseCdi engine={engine} snapshot={snapshot} onSaveQuery={doSaveQuery} savedQueries={savedQueries} />
      </details>

      {exported && (
        <details class="ws-export" open>
          <summary>Last export ({exported.kind === 'text' ? 'plain text' : 'FHIR R4 JSON'})</summary>
          <pre data-export={exported.kind} tabIndex={0}>
            {exported.body}
          </pre>
        </details>
      )}
    </section>
  );
}

const rank = (s: 'error' | 'warning' | 'info'): number => (s === 'error' ? 0 : s === 'warning' ? 1 : 2);
