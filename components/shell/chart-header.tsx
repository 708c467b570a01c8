/**
 * The chart the panel is coding, named at the top of every section: page title, the patient
 * banner when the page adapter found one, the URL, and the one source every section uses (the
 * page read, or the pasted note / selection the user chose). A tab switch is said here, never
 * silent; so is a page that changed while the user codes from a pasted note.
 */
import type { ChartSnapshot } from '../../platform/messages';
import type { ChartActions } from './chart-channel';
import type { ChartView } from './chart-source';

const time = (iso: string): string => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? ''
    : d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
};

/** What the source line says about a snapshot. */
function sourceText(kind: 'page' | 'paste' | 'selection', s: ChartSnapshot): string {
  const chars = `${s.text.length.toLocaleString('en-US')} characters`;
  switch (kind) {
    case 'page':
      return `page read (${s.reader} reader, ${s.sections.length} section${s.sections.length === 1 ? '' : 's'}${s.truncated ? ', truncated' : ''}) at ${time(s.capturedAt)}`;
    case 'paste':
      return `pasted note (${chars}) at ${time(s.capturedAt)}`;
    case 'selection':
      return `selected text (${chars}) at ${time(s.capturedAt)}`;
  }
}

export function ChartHeader({ chart, actions }: { chart: ChartView | undefined; actions: ChartActions }) {
  const page = chart?.page?.state === 'read' ? chart.page.snapshot : undefined;
  const source = chart?.source;
  // The identity of the page on screen; a paste has none of its own.
  const doc = page?.document;
  const title = doc?.pageTitle || doc?.title || (source?.kind === 'paste' ? 'Pasted note (no page on this tab)' : '');
  return (
    <section
      class="chart-identity"
      aria-label="Chart being coded"
      data-chart-tab={chart?.tabId}
      data-source={source?.kind ?? 'none'}
      data-chart-url={page?.url ?? ''}
      data-captured-at={source?.snapshot.capturedAt ?? ''}
    >
      {chart?.switchedFrom !== undefined && (
        <p class="chart-switched" role="status" data-switched-from={chart.switchedFrom}>
          Switched tabs: now coding this tab’s chart. Each tab keeps its own case.
        </p>
      )}
      {chart?.page?.state === 'failed' ? (
        <p class="error" data-chart-failed>
          This tab’s chart could not be read ({chart.page.url}): {chart.page.reason}
        </p>
      ) : !page && !source ? (
        <p class="chart-none" data-chart-none>
          No chart on this tab. Open a chart on a site you allowed in the options, or paste a note (Suggestions).
        </p>
      ) : (
        <>
          {/* Whose chart: the patient banner when the page has one (else the page title), two lines at most. */}
          <p class="chart-title" title={doc?.patient ?? title}>
            {doc?.patient ? (
              <strong class="chart-patient">{doc.patient}</strong>
            ) : (
              <span class="chart-page-title">{title}</span>
            )}
          </p>
          {page && (
            <p class="meta chart-url" title={`${title} · ${page.url}`}>
              {doc?.patient && <span class="chart-page-title">{title} · </span>}
              {page.url}
            </p>
          )}
        </>
      )}
      {source && (
        <p class="meta chart-source" data-source-line>
          Coding from the {sourceText(source.kind, source.snapshot)}
          {source.kind !== 'page' && (
            <>
              {chart?.pageNewer ? ' · the page changed since. ' : ' · '}
              <button type="button" class="link" onClick={() => actions.usePage()}>
                Use the page instead
              </button>
            </>
          )}
        </p>
      )}
    </section>
  );
}
