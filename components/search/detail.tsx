/**
 * Code detail: ICD-10-CM (titles, billable or header, path from chapter, every applicable note
 * with where it is inherited from, 7th-character table, POA exemption, release, Index lines,
 * billable children), ICD-10-PCS (axes with definitions, or the table builder for a partial
 * code) and HCPCS (descriptor). The trainee view "how would I find this" is one button away.
 * All text is rendered as text (no HTML from data).
 */
import { useEffect, useState } from 'preact/hooks';
import { CM_NOTE_LABEL } from '../../engine/icd10cm/note-labels';
import type { CmDetailView, HowToFind } from '../../engine/search/detail';
import type { SearchSystem } from '../../engine/search/types';
import type { CodeDetailResponse } from '../../platform/worker/api';
import type { EngineRemote } from '../../platform/worker/client';
import { PcsBuilder } from './pcs-builder';

export interface DetailProps {
  engine: EngineRemote;
  code: string;
  system: SearchSystem;
  onOpen: (code: string, system: SearchSystem) => void;
  onPin: (code: string, system: SearchSystem, title: string) => void;
  onClose: () => void;
}

export function CodeDetail({ engine, code, system, onOpen, onPin, onClose }: DetailProps) {
  const [detail, setDetail] = useState<CodeDetailResponse | undefined>();
  const [how, setHow] = useState<HowToFind | undefined | 'loading'>();
  useEffect(() => {
    let live = true;
    setDetail(undefined);
    setHow(undefined);
    engine
      .codeDetail(code, system)
      .then((d) => live && setDetail(d))
      .catch(
        (e: unknown) => live && setDetail({ status: 'not-found', message: e instanceof Error ? e.message : String(e) }),
      );
    return () => {
      live = false;
    };
  }, [engine, code, system]);

  if (!detail) return <p role="status">Opening {code}…</p>;
  return (
    <article class="code-detail" aria-label={`Code ${code}`} data-code={code} data-system={system}>
      <p>
        <button type="button" onClick={onClose}>
          Back to results <kbd>Esc</kbd>
        </button>
      </p>
      {detail.status === 'not-found' && <p role="alert">{detail.message}</p>}
      {detail.status === 'partial' && (
        <>
          <h2>
            <span class="code">{detail.prefix}</span> (partial ICD-10-PCS code)
          </h2>
          <p class="meta">{detail.release}</p>
          <PcsBuilder engine={engine} start={detail.prefix} onComplete={(c) => onOpen(c, 'pcs')} />
        </>
      )}
      {detail.status === 'found' && detail.system === 'pcs' && (
        <>
          <h2>
            <span class="code">{detail.detail.code}</span> {detail.detail.long}
          </h2>
          <p class="meta">
            ICD-10-PCS, table {detail.detail.table} {detail.detail.tableTitle ?? ''} · {detail.release}
          </p>
          <button type="button" onClick={() => onPin(detail.detail.code, 'pcs', detail.detail.long ?? '')}>
            Pin to case <kbd>p</kbd>
          </button>
          <dl class="axes">
            {detail.detail.axes.map((a) => (
              <div key={a.position}>
                <dt>
                  {a.position}. {a.name}: <span class="code">{a.value}</span> {a.label}
                </dt>
                {a.definition && <dd>{a.definition}</dd>}
                {a.includes && a.includes.length > 0 && <dd>Includes: {a.includes.join('; ')}</dd>}
              </div>
            ))}
          </dl>
        </>
      )}
      {detail.status === 'found' && detail.system === 'hcpcs' && (
        <>
          <h2>
            <span class="code">{detail.detail.code}</span> {detail.detail.long}
          </h2>
          <p class="meta">HCPCS Level II · {detail.release}</p>
          <button type="button" onClick={() => onPin(detail.detail.code, 'hcpcs', detail.detail.long)}>
            Pin to case <kbd>p</kbd>
          </button>
          <p>Short descriptor: {detail.detail.short}</p>
          {detail.detail.terminated && <p>Terminated after {detail.detail.terminated}</p>}
        </>
      )}
      {detail.status === 'found' && detail.system === 'cm' && (
        <>
          <h2>
            <span class="code">{detail.detail.code}</span> {detail.detail.title}
          </h2>
          <p
            class={detail.detail.billable ? 'status billable' : 'status header'}
            data-billable={String(detail.detail.billable)}
          >
            {detail.detail.status}
            {detail.detail.poaExempt ? ' · POA exempt' : ''}
            {detail.detail.newInYear ? ' · new this year' : ''}
            {detail.detail.revisedInYear ? ' · title revised this year' : ''}
          </p>
          {detail.detail.newInYear && <NewerThanTabular view={detail.detail} />}
          <button
            type="button"
            onClick={() => onPin(detail.detail.code, 'cm', detail.detail.title)}
            disabled={!detail.detail.billable}
          >
            Pin to case <kbd>p</kbd>
          </button>
          <nav aria-label="Path in the Tabular List">
            <ol class="path">
              {detail.detail.path.map((p) => (
                <li key={p.id}>
                  {p.level === 'chapter' || p.level === 'section' ? (
                    <span>{p.id}</span>
                  ) : (
                    <button type="button" class="link" onClick={() => onOpen(p.id, 'cm')}>
                      {p.id}
                    </button>
                  )}{' '}
                  {p.title}
                </li>
              ))}
            </ol>
          </nav>
          {detail.detail.notes.length > 0 && (
            <section aria-label="Instructional notes">
              <h3>Instructional notes</h3>
              <ul class="notes">
                {detail.detail.notes.map((n, i) => (
                  <li key={i} data-kind={n.kind}>
                    <strong>{CM_NOTE_LABEL[n.kind]}</strong> {n.text} <span class="meta">(at {n.from})</span>
                    {n.staleRefs.length > 0 && (
                      <span class="meta"> · not codes this year: {n.staleRefs.join(', ')}</span>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {detail.detail.seventh && (
            <section aria-label="7th characters">
              <h3>7th character (from {detail.detail.seventh.from})</h3>
              <table class="seventh">
                <tbody>
                  {detail.detail.seventh.chars.map((c) => (
                    <tr key={c.char}>
                      <td class="code">{c.char}</td>
                      <td>{c.meaning}</td>
                      <td>
                        {c.valid ? (
                          <button type="button" class="link" onClick={() => onOpen(c.code, 'cm')}>
                            {c.code}
                          </button>
                        ) : (
                          <span class="meta">{c.code} (not valid)</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
          {detail.detail.billableChildren.length > 0 && (
            <section aria-label="Billable codes under this header">
              <h3>Billable codes ({detail.detail.billableChildren.length})</h3>
              <ul>
                {detail.detail.billableChildren.map((c) => (
                  <li key={c.code}>
                    <button type="button" class="link" onClick={() => onOpen(c.code, 'cm')}>
                      {c.code}
                    </button>{' '}
                    {c.title}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {detail.detail.indexPaths.length > 0 && (
            <section aria-label="Index entries">
              <h3>
                {detail.detail.indexFrom
                  ? `Alphabetic Index entries leading to ${detail.detail.indexFrom} (nearest ancestor: this code is newer than the Index)`
                  : 'Alphabetic Index entries leading here'}
              </h3>
              <ul>
                {detail.detail.indexPaths.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            </section>
          )}
          <section aria-label="How would I find this">
            {how === undefined ? (
              <button
                type="button"
                onClick={() => {
                  setHow('loading');
                  engine.howToFind(detail.detail.code).then(setHow, () => setHow(undefined));
                }}
              >
                How would I find this?
              </button>
            ) : how === 'loading' ? (
              <p role="status">Tracing the Index path…</p>
            ) : (
              <ol class="how-to-find">
                <li>
                  Alphabetic Index:{' '}
                  {how.indexPaths.length > 0
                    ? how.indexPaths.join(' | ')
                    : 'no Index line names this code directly; start from its category.'}
                </li>
                <li>Tabular List: {how.tabularPath.map((p) => p.id).join(' \u203a ')}</li>
                <li>
                  Confirm:{' '}
                  {how.confirming.length > 0 ? how.confirming.map((n) => n.text).join('; ') : 'no includes notes.'}
                </li>
                <li>
                  Check:{' '}
                  {how.checks.length > 0
                    ? how.checks.map((n) => `${CM_NOTE_LABEL[n.kind]}: ${n.text} (${n.from})`).join('; ')
                    : 'no excludes or sequencing notes.'}
                </li>
                <li>Complete: {how.completion.join(' ')}</li>
              </ol>
            )}
          </section>
          <p class="meta release" data-fiscal-year={detail.detail.fiscalYear}>
            FY{detail.detail.fiscalYear} · {detail.detail.release.label} · files:{' '}
            {detail.detail.release.provenance.map((p) => p.file).join(', ')}
          </p>
          {detail.detail.release.notes.length > 0 && <p class="meta">{detail.detail.release.notes.join(' ')}</p>}
        </>
      )}
    </article>
  );
}

/**
 * A code new this year whose Tabular List and Index are older files (FY2027 from the addenda, with
 * the FY2017 Tabular): its notes and Index lines are its ancestors', and the panel says so.
 */
function NewerThanTabular({ view }: { view: CmDetailView }) {
  const older = (role: string): number | undefined =>
    view.release.provenance.find((p) => p.role === role && p.releaseYear < view.fiscalYear)?.releaseYear;
  const tabular = older('tabular');
  const index = older('index');
  if (tabular === undefined && index === undefined) return null;
  return (
    <p class="notice" data-newer-than-tabular>
      New in FY{view.fiscalYear}: the Tabular List{tabular === undefined ? '' : ` (FY${tabular})`} and Index
      {index === undefined ? '' : ` (FY${index})`} available are older than this code, so the instructional notes shown
      are those of its ancestors (each says where it is printed)
      {view.indexFrom ? ` and the Index lines are those of ${view.indexFrom}` : ''}.
    </p>
  );
}
