/**
 * A suggestion's Tabular notes, grouped by relevance to the chart. A "use additional code" note
 * whose codes were found in this chart is attached by the engine to the code it asks for ("Use
 * additional code per E11.22 ..."): shown. One whose codes the chart does not document ("Use
 * additional code (I10): ... tobacco exposure") is folded, so the list is not buried under
 * instructions that do not apply; one click shows them. Other notes (Excludes1, completions) show.
 */

/** A note the engine wrote, split into its parts for display. */
export interface NoteLine {
  text: string;
  /** `true`: a use-additional-code note whose codes are not documented in this chart. */
  undocumented: boolean;
}

const USE_ADDITIONAL = /^Use additional code( per \S+)? \(([^)]+)\): (.*)$/s;

/**
 * One line per note, "Use additional code code to ..." written once ("Use additional code to
 * identify ... (from N30)").
 *
 * @example noteLines(['Use additional code (N30): code to identify infectious agent (B95-B97)'])
 * // [{ text: 'Use additional code to identify infectious agent (B95-B97) (from N30)', undocumented: true }]
 */
export function noteLines(notes: readonly string[]): NoteLine[] {
  return notes.map((n) => {
    const m = USE_ADDITIONAL.exec(n);
    if (!m) return { text: n, undocumented: false };
    const [, per, from, rest] = m;
    // The Tabular's instruction text often starts with the word its heading ends with.
    const body = rest!.replace(/^code\s+/i, '');
    const text = `Use additional code ${body}${per ? ` (asked by ${per.slice(5)}, ${from})` : ` (from ${from})`}`;
    return { text, undocumented: !per };
  });
}

export function SuggestionNotes({ notes }: { notes: readonly string[] }) {
  if (notes.length === 0) return null;
  const lines = noteLines(notes);
  const shown = lines.filter((l) => !l.undocumented);
  const folded = lines.filter((l) => l.undocumented);
  return (
    <>
      {shown.length > 0 && (
        <ul class="notes">
          {shown.map((l) => (
            <li key={l.text}>{l.text}</li>
          ))}
        </ul>
      )}
      {folded.length > 0 && (
        <details class="notes-folded" data-folded-notes={folded.length}>
          <summary>
            {folded.length} “use additional code” note{folded.length === 1 ? '' : 's'} not documented in this chart
          </summary>
          <ul class="notes">
            {folded.map((l) => (
              <li key={l.text}>{l.text}</li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
