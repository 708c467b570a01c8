import { MAX_SNAPSHOT_CHARS, type ChartSnapshot } from '../../platform/messages';

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/**
 * Stub chart reader: the page's text as one section. The chart-reader engineer replaces it with
 * the EHR-specific readers in `entrypoints/content/readers/`.
 *
 * Walks text nodes iteratively (a TreeWalker, no recursion and no layout, unlike `innerText`, so
 * a 20,000-deep hostile DOM neither overflows the stack nor stalls the page) and stops at
 * {@link MAX_SNAPSHOT_CHARS}.
 */
export function readChartStub(doc: Document, loc: Pick<Location, 'origin' | 'pathname'>): ChartSnapshot {
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  let length = 0;
  let truncated = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement && SKIP.has(node.parentElement.tagName)) continue;
    const text = node.nodeValue?.replace(/\s+/g, ' ').trim();
    if (!text) continue;
    if (length + text.length + 1 > MAX_SNAPSHOT_CHARS) {
      parts.push(text.slice(0, Math.max(0, MAX_SNAPSHOT_CHARS - length - 1)));
      truncated = true;
      break;
    }
    parts.push(text);
    length += text.length + 1;
  }
  return {
    url: `${loc.origin}${loc.pathname}`,
    reader: 'stub',
    capturedAt: new Date().toISOString(),
    sections: [{ heading: doc.title.slice(0, 500), text: parts.join('\n') }],
    truncated,
  };
}
