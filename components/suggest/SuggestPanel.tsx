import { useMemo, useRef, useState } from 'preact/hooks';
import { DISPLAY_THRESHOLD, type Evidence, type Suggestion, type SuggestResult } from '../../engine/suggest';
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

/**
 * Suggested codes grouped into diagnoses and procedures, best first. Each row shows the code,
 * title (full width), then confidence, flags and actions in one compact row, then the evidence
 * quote (always shown) and the notes that apply; click the quote (or `h`) to highlight it in the
 * chart; `a` accepts, `r` rejects, `u` undoes; arrows move between rows. All text is rendered as
 * text (no HTML from the chart or the tables is ever interpreted).
 */
export function SuggestPanel(props: SuggestPanelProps) {
  const [showAll, setShowAll] = useState(false);
  const listRef = useRef<HTMLDivElement>(null);
  const groups = useMemo(
    () =>
      [
        { id: 'diagnoses', label: 'Diagnoses (ICD-10-CM)', items: props.result.diagnoses },
        { id: 'procedures', label: 'Procedures (ICD-10-PCS)', items: props.result.procedures },
      ].map((g) => ({
        ...g,
        shown: showAll ? g.items : g.items.filter((s) => s.score >= DISPLAY_THRESHOLD),
        hidden: g.items.filter((s) => s.score < DISPLAY_THRESHOLD).length,
      })),
    [props.result, showAll],
  );
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
                return (
                  <li
                    key={s.id}
                    tabIndex={0}
                    data-suggestion={s.id}
                    data-code={s.code}
                    data-decision={decision ?? 'open'}
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
          {showAll
            ? 'Show only confident suggestions'
            : `Show ${hiddenTotal} less confident suggestion${hiddenTotal === 1 ? '' : 's'}`}
        </button>
      )}
    </div>
  );
}
