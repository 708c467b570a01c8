/**
 * Whether a new read says something the side panel does not have yet: the text, the document's
 * identity or the result rows. The capture time and the read's own limits are not the chart, so
 * a page whose clock ticks outside the note posts nothing.
 */
import type { ChartSnapshot } from '../../../engine/chart/snapshot';

const rows = (s: ChartSnapshot): string =>
  [...s.labs, ...s.vitals].map((r) => `${r.name}\u0001${r.value}\u0001${r.time ?? ''}\u0001${r.start}`).join('\u0002');

/** `true` when `next` differs from `prev` in anything the panel shows or codes from. */
export function chartChanged(prev: ChartSnapshot, next: ChartSnapshot): boolean {
  return (
    prev.text !== next.text ||
    prev.url !== next.url ||
    prev.truncated !== next.truncated ||
    JSON.stringify(prev.document) !== JSON.stringify(next.document) ||
    rows(prev) !== rows(next)
  );
}
