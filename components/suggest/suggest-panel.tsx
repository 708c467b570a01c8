import { useMemo, useRef, useState } from 'preact/hooks';
import {
  DISPLAY_THRESHOLD,
  type AbstractEntry,
  type Evidence,
  type Suggestion,
  type SuggestResult,
} from '../../engine/suggest';
import { SuggestionNotes } from './suggestion-notes';
import './suggest.css';

/** A coder's decision on one suggestion. */
export type Decision = 'accepted' | 'rejected';

/** Props of {@link SuggestPanel} (plain data and callbacks: tested without the worker). */
export interface SuggestPanelProps {
  result: SuggestResult;
  /** Decisions by suggestion id (`cm:E11.22`). */
  decisions: ReadonlyMap<string, Decision>;
  onDecide(suggestion: Suggestion, decision: Decision | undefined): void;
  /** Ask the content script to highlight a span of the chart. */
  onHighlight(evidence: Evidence): void;
  /** Notices to show above the lists (releases used, missing tables). */
  notices?: readonly string[];
}

const FLAG_LABEL: Record<string, string> = {
  'possible-principal': 'possible principal dx',
  'needs-specificity': 'needs more specificity',
  'partial-code': 'partial code',
  'excludes1-conflict': 'Excludes1 conflict',
  'use-additional-code': 'use additional code',
  combination: 'combination code',
  uncertain: 'uncertain',
  historical: 'history of',
  negated: 'negated',
  family: 'family history',
  hypothetical: 'hypothetical',
  cc: 'CC',
  mcc: 'MCC',
};

/** Abstract entries by suggestion id (`cm:I50.23`), and the report order. */
function abstractIndex(result: SuggestResult): {
  report: Map<string, { entry: AbstractEntry; rank: number; principal: boolean }>;
  also: Map<string, AbstractEntry>;
} {
  const a = result.abstract;
  const report = new Map<string, { entry: AbstractEntry; rank: number; principal: boolean }>();
  const also = new Map<string, AbstractEntry>();
  if (!a) return { report, also };
  [...(a.principal ? [a.principal] : []), ...a.secondary, ...a.procedures].forEach((entry, rank) =>
    report.set(`${entry.system}:${entry.code}`, { entry, rank, principal: entry === a.principal }),
  );
  for (const entry of a.alsoDocumented) also.set(`${entry.system}:${entry.code}`, entry);
  return { report, also };
}

/**
 * Suggested codes grouped into diagnoses and procedures, in two tiers when the result carries the
 * coded abstract: "Report" (what the Official Guidelines would report, principal first, each with
 * its rule trail) and "Also documented" (folded); the candidates a rule suppressed, with the rule,
 * on demand. Without an abstract the tiers are the display threshold's. Each row shows the code,
 * title (full width), then confidence, flags and actions in one compact row, then the evidence
 * quote (always shown) and the notes that apply; click the quote (or `h`) to highlight it in the
 * chart; `a` accepts, `r` rejects, `u` undoes; arrows move between rows. All text is rendered as
 * text (no HTML from the chart or the tables is ever interpreted).
 */
export function SuggestPanel(props: SuggestPanelProps) {
  const [showAll, setShowAll] = useState(false);
  const listRef = useRef<HTMLDivElement>(null);
  const tiers = useMemo(() => abstractIndex(props.result), [props.result]);
  const groups = useMemo(() => {
    const hasAbstract = props.result.abstract !== undefined;
    const inReport = (s: Suggestion): boolean => (hasAbstract ? tiers.report.has(s.id) : s.score >= DISPLAY_THRESHOLD);
    const rank = (s: Suggestion): number => tiers.report.get(s.id)?.rank ?? Number.MAX_SAFE_INTEGER;
    return [
      { id: 'diagnoses', label: 'Diagnoses (ICD-10-CM)', items: props.result.diagnoses },
      { id: 'procedures', label: 'Procedures (ICD-10-PCS)', items: props.result.procedures },
    ].map((g) => {
      const report = g.items.filter(inReport).sort((x, y) => rank(x) - rank(y));
      const rest = g.items.filter((s) => !inReport(s));
      return { ...g, shown: showAll ? [...report, ...rest] : report, hidden: rest.length };
    });
  }, [props.result, tiers, showAll]);
  const onKey = (event: KeyboardEvent, s: Suggestion): void => {
    const key = event.key.toLowerCase();
    if (key === 'a') props.onDecide(s, 'accepted');
    else if (key === 'r') props.onDecide(s, 'rejected');
    else if (key === 'u') props.onDecide(s, undefined);
    else if ((key === 'h' || key === 'enter') && s.evidence[0]) props.onHighlight(s.evidence[0]);
    else if (key === 'arrowdown' || key === 'arrowup') {
      const rows = [...(listRef.current?.querySelectorAll<HTMLElement>('[data-suggestion]') ?? [])];
      const i = rows.indexOf(event.currentTarget as HTMLElement);
      rows[key === 'arrowdown' ? Math.min(rows.length - 1, i + 1) : Math.max(0, i - 1)]?.focus();
    } else return;
    event.preventDefault();
  };
  const hiddenTotal = groups.reduce((n, g) => n + g.hidden, 0);
  return (
    <div class="suggest-panel" ref={listRef}>
      {props.notices?.map((n) => (
        <p class="notice" key={n}>
          {n}
        </p>
      ))}
      <p class="suggest-help">
        Keys on a row: <kbd>a</kbd> accept, <kbd>r</kbd> reject, <kbd>u</kbd> undo, <kbd>h</kbd> show evidence in the
        chart, arrows to move.
      </p>
      {groups.map((g) => (
        <section key={g.id} aria-label={g.label} data-suggest-group={g.id}>
          <h3>
            {g.label} <span class="count">{g.shown.length}</span>
          </h3>
          {g.shown.length === 0 ? (
            <p class="notice">None found in this chart.</p>
          ) : (
            <ul role="list">
              {g.shown.map((s) => {
                const decision = props.decisions.get(s.id);
                const placed = tiers.report.get(s.id);
                const trail = (placed?.entry ?? tiers.also.get(s.id))?.rules ?? [];
                return (
                  <li
                    key={s.id}
                    tabIndex={0}
                    data-suggestion={s.id}
                    data-code={s.code}
                    data-decision={decision ?? 'open'}
                    data-tier={props.result.abstract ? (placed ? 'report' : 'also') : undefined}
                    data-principal={placed?.principal ? 'true' : undefined}
                    class={`suggestion ${decision ?? ''}`}
                    onKeyDown={(e) => onKey(e, s)}
                    title={s.evidence.map((e) => `“${e.text}”`).join('\n')}
                  >
                    {/* The title gets the full width; score, flags and actions share one compact row below. */}
                    <div class="row">
                      <code class="code">{s.code}</code>
                      <span class="title">{s.title}</span>
                    </div>
                    <div class="actions">
                      <meter min={0} max={1} value={s.score} title={`confidence ${Math.round(s.score * 100)}%`} />
                      {placed?.principal && <span class="flag flag-principal">principal</span>}
                      {s.flags.map((f) => (
                        <span class={`flag flag-${f}`} key={f}>
                          {FLAG_LABEL[f] ?? f}
                        </span>
                      ))}
                      <span class="spacer" />
                      <button
                        type="button"
                        aria-pressed={decision === 'accepted'}
                        onClick={() => props.onDecide(s, decision === 'accepted' ? undefined : 'accepted')}
                      >
                        Accept
                      </button>
                      <button
                        type="button"
                        aria-pressed={decision === 'rejected'}
                        onClick={() => props.onDecide(s, decision === 'rejected' ? undefined : 'rejected')}
                      >
                        Reject
                      </button>
                    </div>
                    {/* Evidence is always on screen: a scrolled list shows why each code is there. */}
                    <div class="evidence">
                      {s.evidence.slice(0, 5).map((e) => (
                        <button
                          type="button"
                          class="evidence-span"
                          key={`${e.start}:${e.end}`}
                          onClick={() => props.onHighlight(e)}
                          title={`${e.section} · characters ${e.start}-${e.end}`}
                        >
                          “{e.text}”
                        </button>
                      ))}
                      <span class="path">via {s.path}</span>
                    </div>
                    {trail.length > 0 && (
                      <ul class="rules" aria-label="Guideline trail">
                        {trail.map((r) => (
                          <li key={`${r.rule}:${r.reason}`}>
                            <span class="rule">{r.rule}</span> {r.reason}
                          </li>
                        ))}
                      </ul>
                    )}
                    <SuggestionNotes notes={s.notes} />
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      ))}
      {hiddenTotal > 0 && (
        <button type="button" class="more" onClick={() => setShowAll(!showAll)}>
          {props.result.abstract
            ? showAll
              ? 'Show only the codes to report'
              : `Also documented: ${hiddenTotal} more`
            : showAll
              ? 'Show only confident suggestions'
              : `Show ${hiddenTotal} less confident suggestion${hiddenTotal === 1 ? '' : 's'}`}
        </button>
      )}
      {props.result.abstract && props.result.abstract.suppressed.length > 0 && (
        <details class="suppressed" data-suggest-group="suppressed">
          <summary>Suppressed by the guidelines ({props.result.abstract.suppressed.length})</summary>
          <ul role="list">
            {props.result.abstract.suppressed.map((e) => (
              <li key={`${e.system}:${e.code}`} data-code={e.code}>
                <code class="code">{e.code}</code> {e.title}: “{e.quote}” ({e.assertion}){' '}
                {e.rules.map((r) => `${r.rule}: ${r.reason}`).join('; ')}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
