/**
 * Evidence highlighting: draws boxes over a span of the snapshot text, inside the extension's
 * own element (a host with a closed shadow root appended to the page's root element), scrolls it
 * into view, and removes everything on `clear()`. The page's own nodes are never modified; the
 * text-node map of the last read ({@link TextSegment}) turns snapshot offsets into DOM ranges,
 * also inside same-origin frames and open shadow roots.
 */
import type { TextSegment } from './text-builder';
import { ChartsideError } from '../../../engine/errors';

/** Raised when a span cannot be located in the page (the page changed since the read). */
export class ChartsideHighlightError extends ChartsideError {
  override name = 'ChartsideHighlightError';
}

/** DOM offset in a node for a collapsed-white-space offset (the reader collapses runs of white space). */
function rawOffset(data: string, collapsedTarget: number, leadingTrimmed: boolean): number {
  let collapsed = 0;
  let prevSpace = leadingTrimmed;
  for (let i = 0; i < data.length; i++) {
    if (collapsed >= collapsedTarget) return i;
    const space = /[\s\u00a0]/.test(data[i]!);
    if (space && prevSpace) continue;
    prevSpace = space;
    collapsed++;
  }
  return data.length;
}

/** DOM ranges covering `[start, end)` of the snapshot text. */
export function rangesFor(segments: readonly TextSegment[], start: number, end: number): Range[] {
  const out: Range[] = [];
  for (const seg of segments) {
    if (seg.end <= start || seg.start >= end) continue;
    const node = seg.node;
    if (!node.isConnected) throw new ChartsideHighlightError('the page changed since it was read; read it again');
    const data = node.data;
    const leading = /^[\s\u00a0]/.test(data);
    const from = rawOffset(data, Math.max(0, start - seg.start), leading);
    const to = rawOffset(data, Math.min(seg.end, end) - seg.start, leading);
    const range = node.ownerDocument.createRange();
    range.setStart(node, Math.min(from, data.length));
    range.setEnd(node, Math.min(Math.max(to, from), data.length));
    out.push(range);
  }
  return out;
}

/** Offset of a frame's viewport in the top document (same-origin frames). */
function frameOffset(doc: Document, top: Document): { x: number; y: number } {
  let x = 0;
  let y = 0;
  let d: Document | null = doc;
  while (d && d !== top) {
    const frame: Element | null = d.defaultView?.frameElement ?? null;
    if (!frame) break;
    const r = frame.getBoundingClientRect();
    x += r.left;
    y += r.top;
    d = frame.ownerDocument;
  }
  return { x, y };
}

/** Draws and removes evidence highlights on one page. */
export class EvidenceHighlighter {
  private host: HTMLElement | undefined;
  private layer: HTMLElement | undefined;
  private ranges: Range[] = [];
  private readonly reposition = (): void => this.draw();

  constructor(private readonly top: Document) {}

  /**
   * Highlights `[start, end)` and scrolls it into view.
   * @throws ChartsideHighlightError when the span is not in the page any more.
   */
  show(segments: readonly TextSegment[], start: number, end: number): void {
    this.clear();
    const ranges = rangesFor(segments, start, end);
    if (ranges.length === 0) throw new ChartsideHighlightError(`nothing of ${start}-${end} is on the page`);
    this.showRanges(ranges);
  }

  /** Highlights DOM ranges (a selection's evidence) and scrolls the first into view. */
  showRanges(ranges: readonly Range[]): void {
    this.clear();
    if (ranges.length === 0) throw new ChartsideHighlightError('nothing to highlight');
    this.ranges = [...ranges];
    const host = this.top.createElement('chartside-highlight');
    host.style.cssText = 'position:fixed;inset:0;pointer-events:none;z-index:2147483647;';
    const root = host.attachShadow({ mode: 'closed' });
    const layer = this.top.createElement('div');
    root.appendChild(layer);
    this.top.documentElement.appendChild(host);
    this.host = host;
    this.layer = layer;
    const first = ranges[0]!.startContainer.parentElement;
    first?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    this.draw();
    this.top.defaultView?.addEventListener('scroll', this.reposition, { passive: true, capture: true });
    this.top.defaultView?.addEventListener('resize', this.reposition, { passive: true });
  }

  private draw(): void {
    if (!this.layer) return;
    this.layer.replaceChildren();
    for (const range of this.ranges) {
      const off = frameOffset(range.startContainer.ownerDocument!, this.top);
      for (const rect of range.getClientRects()) {
        const box = this.top.createElement('div');
        box.style.cssText = `position:fixed;left:${off.x + rect.left}px;top:${off.y + rect.top}px;width:${rect.width}px;height:${rect.height}px;background:rgba(255,196,0,.35);outline:2px solid rgba(214,120,0,.9);border-radius:2px;`;
        this.layer.appendChild(box);
      }
    }
  }

  /** Removes every highlight (idempotent). */
  clear(): void {
    this.top.defaultView?.removeEventListener('scroll', this.reposition, { capture: true });
    this.top.defaultView?.removeEventListener('resize', this.reposition);
    this.host?.remove();
    this.host = undefined;
    this.layer = undefined;
    this.ranges = [];
  }

  /** `true` while a highlight is shown. */
  get active(): boolean {
    return this.host !== undefined;
  }
}
