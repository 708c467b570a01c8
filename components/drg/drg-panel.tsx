/**
 * The side panel's DRG section: current MS-DRG with title, MDC, weight and lengths of stay; which
 * secondary diagnoses acted as CC/MCC and which were excluded (and why); procedures as O.R. /
 * non-O.R.; HAC findings; the MCE edits; and the what-if list, labelled as a private work aid.
 *
 * Props only (a grouper result, an MCE result, a what-if list): no browser APIs, everything
 * rendered as text. Semantic HTML (sections with headings, tables with captions and header cells,
 * native `<details>` for the collapsible parts) so it works with the keyboard and screen readers,
 * and it reflows to a narrow side panel.
 */
import { formatCmCode } from '../../engine/codes/normalize';
import type { ExclusionReason, GroupResult, SdxResult } from '../../engine/grouper/types';
import type { WhatIfChange } from '../../engine/grouper/what-if';
import type { MceResult } from '../../engine/mce/types';
import { componentVersion, dotCodes } from './labels';
import './drg-panel.css';

export interface DrgPanelProps {
  result: GroupResult;
  mce?: MceResult;
  whatIf?: WhatIfChange[];
  /** Set when the grouper version is older than the discharge's year: shown as an alert. */
  orientation?: string;
}

const drg3 = (n: number) => String(n).padStart(3, '0');
const mdc2 = (n: number) => String(n).padStart(2, '0');

const USAGE_LABEL: Record<SdxResult['usage'], string> = {
  MCC: 'counted as MCC',
  CC: 'counted as CC',
  NEITHER: 'not a CC/MCC',
  MCC_EXCLUDED: 'MCC excluded',
  CC_EXCLUDED: 'CC excluded',
  MCC_EXCLUDED_BY_DRG_LOGIC: 'MCC not used by this DRG',
  CC_EXCLUDED_BY_DRG_LOGIC: 'CC not used by this DRG',
};

/** Plain-language reason a CC/MCC did not count. */
export function reasonText(reason: ExclusionReason | undefined): string {
  if (!reason) return '';
  switch (reason.kind) {
    case 'pdx-exclusion':
      return `excluded by the principal diagnosis ${formatCmCode(reason.principal)} (CC exclusion list ${reason.groups.join(', ')})`;
    case 'duplicate-of-principal':
      return 'same code as the principal diagnosis';
    case 'death-exclusion':
      return 'counts only when the patient is discharged alive';
    case 'hac':
      return `hospital-acquired condition (HAC ${reason.hacs.join(', ')}) not present on admission (POA ${reason.poa || 'blank'})`;
    case 'drg-logic':
      return `DRG ${drg3(reason.drg)} ignores codes on its own defining list (${reason.operands.join(', ')})`;
  }
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div class="drg-figure">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

export function DrgPanel({ result: r, mce, whatIf, orientation }: DrgPanelProps) {
  const counted = r.secondary.filter((s) => s.usage === 'MCC' || s.usage === 'CC');
  const excluded = r.secondary.filter((s) => s.usage.includes('EXCLUDED'));
  return (
    <section class="drg-panel" aria-labelledby="drg-panel-title">
      <header>
        <h2 id="drg-panel-title">
          MS-DRG <span class="drg-number">{drg3(r.finalDrg)}</span> <span class="drg-title">{r.title}</span>
        </h2>
        {r.returnCode !== 'OK' && (
          <p class="drg-alert" role="alert">
            Grouper return code {r.returnCode}
          </p>
        )}
        <dl class="drg-figures">
          <Figure label="MDC" value={`${mdc2(r.finalMdc)} ${r.mdcTitle}`.trim()} />
          <Figure label="Type" value={r.medSurg === 'NONE' ? '—' : r.medSurg.toLowerCase()} />
          <Figure
            label="Severity"
            value={r.severity === 'NON_CC' ? 'without CC/MCC' : r.severity === 'NONE' ? '—' : `with ${r.severity}`}
          />
          <Figure label="Relative weight" value={r.weight.toFixed(4)} />
          <Figure label="GMLOS" value={`${r.gmlos.toFixed(1)} days`} />
          <Figure label="AMLOS" value={`${r.amlos.toFixed(1)} days`} />
          {r.initialDrg !== r.finalDrg && <Figure label="Before HAC adjustment" value={`DRG ${drg3(r.initialDrg)}`} />}
        </dl>
        <p class="drg-release">
          MS-DRG v{componentVersion(r.version)}
          {mce ? `, MCE v${componentVersion(mce.version)}` : ''}
          {r.versionNote ? ` — ${r.versionNote}` : ''}
        </p>
        {orientation && (
          <p class="drg-alert" role="alert" data-orientation>
            {orientation}
          </p>
        )}
      </header>

      <section aria-labelledby="drg-sdx">
        <h3 id="drg-sdx">Secondary diagnoses</h3>
        {r.secondary.length === 0 ? (
          <p>None reported.</p>
        ) : (
          <>
            <p class="drg-summary">
              {counted.length
                ? `Acting as CC/MCC: ${counted.map((s) => `${formatCmCode(s.code)} (${s.usage})`).join(', ')}.`
                : 'No CC or MCC counted.'}
              {excluded.length ? ` Excluded: ${excluded.map((s) => formatCmCode(s.code)).join(', ')}.` : ''}
            </p>
            <table class="drg-table">
              <caption class="visually-hidden">Secondary diagnoses and how they counted</caption>
              <thead>
                <tr>
                  <th scope="col">Code</th>
                  <th scope="col">POA</th>
                  <th scope="col">Level</th>
                  <th scope="col">Use in this DRG</th>
                </tr>
              </thead>
              <tbody>
                {r.secondary.map((s, i) => (
                  <tr key={`${s.code}-${i}`} data-usage={s.usage}>
                    <th scope="row">{formatCmCode(s.code)}</th>
                    <td>{s.poa || '—'}</td>
                    <td>{s.valid ? (s.level === 'NON_CC' ? 'non-CC' : s.level) : 'not a valid code'}</td>
                    <td>
                      {USAGE_LABEL[s.usage]}
                      {s.reason && <span class="drg-reason">: {reasonText(s.reason)}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>

      <section aria-labelledby="drg-proc">
        <h3 id="drg-proc">Procedures</h3>
        {r.procedures.length === 0 ? (
          <p>None reported.</p>
        ) : (
          <ul class="drg-list">
            {r.procedures.map((p, i) => (
              <li key={`${p.code}-${i}`}>
                <span class="drg-code">{p.code}</span>{' '}
                {p.valid ? (p.role === 'OR' ? 'O.R. procedure' : 'non-O.R. procedure') : 'not a valid code'}
                {p.clusters.length > 0 && ` (part of combination ${p.clusters.join(', ')})`}
              </li>
            ))}
          </ul>
        )}
      </section>

      {r.hacs.length > 0 && (
        <section aria-labelledby="drg-hac">
          <h3 id="drg-hac">Hospital-acquired conditions</h3>
          <ul class="drg-list">
            {r.hacs.map((h, i) => (
              <li key={`${h.code}-${h.hac}-${i}`}>
                HAC {h.hac} {h.title}: <span class="drg-code">{formatCmCode(h.code)}</span>, POA {h.poa || 'blank'} —{' '}
                {h.status.replaceAll('-', ' ')}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="drg-edits">
        <h3 id="drg-edits">Medicare Code Editor</h3>
        {!mce ? (
          <p>Not run.</p>
        ) : mce.edits.length === 0 && mce.poa.length === 0 ? (
          <p>No edits (MCE v{componentVersion(mce.version)}).</p>
        ) : (
          <ul class="drg-list">
            {mce.edits.map((e, i) => (
              <li key={`${e.edit}-${i}`} data-edit={e.edit}>
                <strong>{e.edit}</strong> ({e.editType.toLowerCase()}):{' '}
                {dotCodes(e.message, 'code' in e.target && e.target.kind !== 'procedure' ? [e.target.code] : [])}
              </li>
            ))}
            {mce.poa.map((p, i) => (
              <li key={`poa-${i}`} data-poa={p.kind}>
                <strong>POA</strong>: {dotCodes(p.message, [p.code])}
              </li>
            ))}
          </ul>
        )}
      </section>

      {whatIf && (
        <details class="drg-whatif">
          <summary>
            What-if ({whatIf.length}) — <em>private work aid: never use in a physician query</em>
          </summary>
          {whatIf.length === 0 ? (
            <p>No single change alters the DRG.</p>
          ) : (
            <ol class="drg-list">
              {whatIf.map((w, i) => (
                <li key={`${w.kind}-${w.code}-${i}`}>
                  <span class="drg-delta">
                    {w.weightDelta >= 0 ? `+${w.weightDelta.toFixed(4)}` : w.weightDelta.toFixed(4)}
                  </span>{' '}
                  {w.reason}
                </li>
              ))}
            </ol>
          )}
        </details>
      )}

      <details class="drg-trail">
        <summary>Why this DRG</summary>
        <ol class="drg-list">
          {r.trail.map((t, i) => (
            <li key={i}>
              MDC {mdc2(t.mdc)} row {t.seq}: <code>{t.formula}</code>{' '}
              {t.drg ? `→ DRG ${drg3(t.drg)}` : `→ MDC ${mdc2(t.rerouteMdc)}`}
              {t.drivers.length > 0 &&
                ` (${t.drivers
                  .filter((d) => d.codes.length)
                  .map((d) => `${d.operand}: ${d.codes.join(', ')}`)
                  .join('; ')})`}
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}
