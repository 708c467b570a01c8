/**
 * One status line above the suggestions: the tables used, and how many notes (fiscal-year
 * fallbacks, the ranking in use, the source) there are; expandable to read them. Replaces a stack
 * of notice boxes that pushed the first suggestion below the fold at 360-400 px.
 */
export function SuggestStatus({ releases, notices }: { releases: string; notices: readonly string[] }) {
  // A fallback (no release covers the date) is worth a word on the closed line too.
  const fallback = notices.some((n) => /newest available/.test(n));
  return (
    <details class="suggest-status" data-notices={notices.length}>
      <summary>
        {releases}
        {notices.length > 0 && ` · ${notices.length} note${notices.length === 1 ? '' : 's'}`}
        {fallback && <span class="warn-inline"> newest tables used for the date</span>}
      </summary>
      {notices.map((n) => (
        <p key={n}>{n}</p>
      ))}
    </details>
  );
}
