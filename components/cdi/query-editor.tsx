import { useMemo, useState } from 'preact/hooks';
import {
  checkCompliance,
  formatQueryHtml,
  formatQueryPlain,
  isCompliant,
  type ComplianceFinding,
  type QueryDraft,
} from '../../engine/cdi/index';
import type { ClipboardWriter } from './clipboard';

function whereInDraft(f: ComplianceFinding): string {
  const l = f.location;
  if (l.field === 'options' && l.index !== undefined) return `option ${l.index + 1}`;
  if (l.field === 'indicators' && l.index !== undefined) return `indicator ${l.index + 1}`;
  return l.field;
}

/**
 * Editor of one query draft. Every edit re-runs the compliance check (engine/cdi/compliance.ts)
 * and shows its findings; copying is offered once the draft has no error. Text only: nothing the
 * user or the chart wrote is ever rendered as HTML here.
 */
export function QueryEditor(props: {
  initial: QueryDraft;
  chartText: string;
  rowTexts: readonly string[];
  clipboard: ClipboardWriter;
}) {
  const [draft, setDraft] = useState<QueryDraft>(props.initial);
  const [copied, setCopied] = useState<string>('');
  const findings = useMemo(
    () => checkCompliance(draft, { chartText: props.chartText, rowTexts: props.rowTexts }),
    [draft, props.chartText, props.rowTexts],
  );
  const ok = isCompliant(findings);
  const id = `cdi-${draft.opportunityId.replace(/[^a-z0-9-]/gi, '-')}`;
  const update = (patch: Partial<QueryDraft>): void => {
    setDraft((d) => ({ ...d, ...patch }));
    setCopied('');
  };
  const copy = async (kind: 'plain' | 'html'): Promise<void> => {
    const plain = formatQueryPlain(draft);
    try {
      if (kind === 'plain') await props.clipboard.writePlain(plain);
      else await props.clipboard.writeHtml(formatQueryHtml(draft), plain);
      setCopied(kind === 'plain' ? 'Copied as plain text.' : 'Copied as HTML.');
    } catch (error) {
      setCopied(`Copy failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return (
    <form
      class="cdi-editor"
      aria-label={`Query draft for ${draft.opportunityId}`}
      onSubmit={(e) => e.preventDefault()}
      data-compliant={ok ? 'true' : 'false'}
    >
      <p class="meta">
        Template {draft.templateId} v{draft.templateVersion} ({draft.format}) · sources: {draft.sources.join('; ')}
      </p>
      <label for={`${id}-title`}>Title</label>
      <input id={`${id}-title`} value={draft.title} onInput={(e) => update({ title: e.currentTarget.value })} />
      <fieldset>
        <legend>Clinical information in this record</legend>
        <ol class="cdi-draft-indicators">
          {draft.indicators.map((ind, index) => (
            <li key={index}>
              <label class="visually-hidden" for={`${id}-ind-${index}`}>
                Indicator {index + 1}
              </label>
              <textarea
                id={`${id}-ind-${index}`}
                rows={2}
                value={ind.line}
                onInput={(e) =>
                  update({
                    indicators: draft.indicators.map((x, i) =>
                      i === index ? { ...x, line: e.currentTarget.value } : x,
                    ),
                  })
                }
              />
              <button
                type="button"
                onClick={() => update({ indicators: draft.indicators.filter((_, i) => i !== index) })}
              >
                Remove indicator {index + 1}
              </button>
            </li>
          ))}
        </ol>
      </fieldset>
      <label for={`${id}-question`}>Question</label>
      <textarea
        id={`${id}-question`}
        rows={3}
        value={draft.question}
        onInput={(e) => update({ question: e.currentTarget.value })}
      />
      <label for={`${id}-options`}>Options (one per line; none for an open-ended question)</label>
      <textarea
        id={`${id}-options`}
        rows={Math.max(4, draft.options.length + 1)}
        value={draft.options.join('\n')}
        onInput={(e) => update({ options: e.currentTarget.value.split('\n') })}
      />
      <label for={`${id}-closing`}>Closing</label>
      <textarea
        id={`${id}-closing`}
        rows={2}
        value={draft.closing}
        onInput={(e) => update({ closing: e.currentTarget.value })}
      />
      <div class="cdi-compliance" role="status" aria-live="polite" data-findings={findings.length}>
        {findings.length === 0 ? (
          <p class="notice">Compliance check: passed.</p>
        ) : (
          <ul aria-label="Compliance findings">
            {findings.map((f, i) => (
              <li key={i} class={f.severity === 'error' ? 'error' : 'warn'} data-rule={f.id}>
                {f.severity === 'error' ? 'Error' : 'Warning'} ({whereInDraft(f)}): {f.message}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div class="cdi-actions">
        <button type="button" disabled={!ok} onClick={() => void copy('plain')}>
          Copy as plain text
        </button>
        <button type="button" disabled={!ok} onClick={() => void copy('html')}>
          Copy as HTML
        </button>
        <button type="button" onClick={() => update(props.initial)}>
          Reset draft
        </button>
        {!ok && <span class="meta">Fix the errors above to copy.</span>}
        <span class="cdi-copied" role="status" aria-live="polite">
          {copied}
        </span>
      </div>
      <details>
        <summary>Preview (plain text)</summary>
        <pre class="cdi-preview">{formatQueryPlain(draft)}</pre>
      </details>
    </form>
  );
}
