import { MAX_SNAPSHOT_CHARS } from '../../../engine/chart/snapshot';

/** Where a piece of the snapshot text came from in the page (for highlighting). */
export interface TextSegment {
  node: Text;
  /** Offsets in the snapshot text. */
  start: number;
  end: number;
}

/**
 * Accumulates the snapshot text: white space collapsed as a browser renders it, block
 * boundaries as newlines, a hard cap on length. Records which text node produced which span.
 */
export class TextBuilder {
  private readonly parts: string[] = [];
  private len = 0;
  private last = '\n';
  readonly segments: TextSegment[] = [];
  truncated = false;

  constructor(private readonly max: number = MAX_SNAPSHOT_CHARS) {}

  get length(): number {
    return this.len;
  }

  get full(): boolean {
    return this.truncated;
  }

  /** Appends inline text (white space collapsed); returns the span written. */
  inline(raw: string, node?: Text): { start: number; end: number } {
    let s = raw.replace(/[\s\u00a0]+/g, ' ');
    if (this.last === ' ' || this.last === '\n') s = s.replace(/^ /, '');
    return this.write(s, node);
  }

  /** Ends the current line (no blank lines doubled). */
  newline(): void {
    if (this.last === ' ') this.trimTrailingSpace();
    if (this.last !== '\n') this.write('\n');
  }

  /** Writes text as is (already normalised), e.g. a table row line. */
  write(s: string, node?: Text): { start: number; end: number } {
    const start = this.len;
    if (s.length === 0 || this.truncated) return { start, end: start };
    let piece = s;
    if (this.len + piece.length > this.max) {
      piece = piece.slice(0, Math.max(0, this.max - this.len));
      this.truncated = true;
    }
    if (piece.length === 0) return { start, end: start };
    this.parts.push(piece);
    this.len += piece.length;
    this.last = piece[piece.length - 1]!;
    if (node) this.segments.push({ node, start, end: this.len });
    return { start, end: this.len };
  }

  private trimTrailingSpace(): void {
    const lastPart = this.parts[this.parts.length - 1];
    if (lastPart === undefined || !lastPart.endsWith(' ')) return;
    this.parts[this.parts.length - 1] = lastPart.slice(0, -1);
    this.len--;
    const seg = this.segments[this.segments.length - 1];
    if (seg && seg.end > this.len) seg.end = this.len;
    this.last = this.len === 0 ? '\n' : (this.parts[this.parts.length - 1]?.slice(-1) ?? '\n');
  }

  /** The text so far, trailing white space removed. */
  text(): string {
    return this.parts.join('').replace(/\s+$/, '');
  }
}
