import { MAX_SNAPSHOT_CHARS, type ChartSnapshot } from '../../platform/messages';

/**
 * Stub chart reader: the page's visible text as one section. The chart-reader engineer replaces
 * it with the EHR-specific readers in `entrypoints/content/readers/`.
 */
export function readChartStub(doc: Document, loc: Pick<Location, 'origin' | 'pathname'>): ChartSnapshot {
  const text = doc.body?.innerText ?? '';
  return {
    url: `${loc.origin}${loc.pathname}`,
    reader: 'stub',
    capturedAt: new Date().toISOString(),
    sections: [{ heading: doc.title.slice(0, 500), text: text.slice(0, MAX_SNAPSHOT_CHARS) }],
    truncated: text.length > MAX_SNAPSHOT_CHARS,
  };
}
