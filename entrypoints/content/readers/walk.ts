/**
 * Bounded, non-recursive walk of a page's rendered content: descends into open shadow roots and
 * same-origin iframes, skips what is never shown (scripts, styles, templates, `hidden`), writes
 * text with block boundaries as newlines and tables as rows. It only reads: no attribute is set,
 * no script runs, no layout is forced (no innerText, no getComputedStyle).
 *
 * Bounds (so a 1 MB note or a 100k-deep DOM neither breaks nor stalls the page): characters
 * (the snapshot cap), nodes visited, nesting depth, total time; the walk yields to the page
 * every {@link WalkLimits.sliceMs} (time slicing).
 */
import type { ChartTable } from '../../../engine/chart/snapshot';
import { collapseWhitespace } from '../../../engine/text/collapse-whitespace';
import { readTable, type TableRule } from './tables';
import type { TextBuilder } from './text-builder';

/** Limits of one read. */
export interface WalkLimits {
  maxNodes: number;
  maxDepth: number;
  /** Total time budget of the read (ms). */
  budgetMs: number;
  /** Work between two yields to the page (ms). */
  sliceMs: number;
}

export const DEFAULT_LIMITS: WalkLimits = { maxNodes: 300_000, maxDepth: 400, budgetMs: 3000, sliceMs: 8 };

/** How an adapter wants the walk to treat elements. */
export interface WalkRules {
  /** Elements whose text starts a section (default: h1-h6). */
  heading: string;
  /** Tables to keep as rows, and how to read them. */
  tables: TableRule[];
  /** Elements never read (adapter chrome: toolbars, note header already parsed). */
  skip?: string;
}

/** Section start recorded during the walk. */
export interface SectionMark {
  heading: string;
  start: number;
}

/** Everything the walk produced besides the text. */
export interface WalkResult {
  sections: SectionMark[];
  tables: (ChartTable & { element: Element })[];
  nodes: number;
  maxDepthSeen: number;
  stoppedBy: ('chars' | 'nodes' | 'depth' | 'time')[];
  warnings: string[];
}

const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'svg',
  'SVG',
  'CANVAS',
  'OBJECT',
  'EMBED',
  'AUDIO',
  'VIDEO',
  'HEAD',
  'META',
  'LINK',
  'BUTTON',
  'INPUT',
  'SELECT',
  'TEXTAREA',
]);
const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TR',
  'UL',
  'BODY',
  'HTML',
]);

/**
 * Hidden by its own inline style: closed menus and inactive tab panels that component libraries
 * keep mounted (Mantine's `keepMounted`) carry `display: none` on the element itself. Reading the
 * inline style forces no layout (unlike getComputedStyle); a page that hides content through its
 * stylesheet only is not caught here, and the reader says what it read.
 */
function hiddenByInlineStyle(el: Element): boolean {
  const style = (el as Partial<HTMLElement>).style;
  return style !== undefined && (style.display === 'none' || style.visibility === 'hidden');
}

type Frame = { kind: 'node'; node: Node; depth: number } | { kind: 'close'; el: Element };

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());
const yieldToPage = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Walks `root` into the builder.
 *
 * @example const r = await walk(doc.body, builder, { heading: 'h1,h2,h3', tables: [] });
 */
export async function walk(
  root: Node,
  out: TextBuilder,
  rules: WalkRules,
  limits: WalkLimits = DEFAULT_LIMITS,
): Promise<WalkResult> {
  const result: WalkResult = { sections: [], tables: [], nodes: 0, maxDepthSeen: 0, stoppedBy: [], warnings: [] };
  const t0 = now();
  let sliceStart = t0;
  const stack: Frame[] = [{ kind: 'node', node: root, depth: 0 }];
  let depthReported = false;
  while (stack.length > 0) {
    if (out.full) {
      result.stoppedBy.push('chars');
      break;
    }
    if (result.nodes >= limits.maxNodes) {
      result.stoppedBy.push('nodes');
      break;
    }
    if ((result.nodes & 255) === 0) {
      const t = now();
      if (t - t0 > limits.budgetMs) {
        result.stoppedBy.push('time');
        break;
      }
      if (t - sliceStart > limits.sliceMs) {
        await yieldToPage();
        sliceStart = now();
      }
    }
    const frame = stack.pop()!;
    if (frame.kind === 'close') {
      out.newline();
      continue;
    }
    const { node, depth } = frame;
    result.nodes++;
    if (depth > result.maxDepthSeen) result.maxDepthSeen = depth;
    if (node.nodeType === 3) {
      const text = (node as Text).data;
      if (text.length > 0) out.inline(text, node as Text);
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    if (depth >= limits.maxDepth) {
      if (!depthReported) {
        result.stoppedBy.push('depth');
        result.warnings.push(`content nested deeper than ${limits.maxDepth} levels was not read`);
        depthReported = true;
      }
      continue;
    }
    let children: Node | null = node.firstChild;
    if (node.nodeType === 1) {
      const el = node as Element;
      const tag = el.tagName.toUpperCase();
      if (SKIP_TAGS.has(tag) || el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') continue;
      if (hiddenByInlineStyle(el)) continue;
      if (rules.skip && el.matches(rules.skip)) continue;
      const tableRule = rules.tables.find((r) => el.matches(r.selector));
      if (tableRule) {
        out.newline();
        const table = readTable(el, tableRule, out);
        if (table) result.tables.push({ ...table, element: el });
        out.newline();
        continue;
      }
      if (el.matches(rules.heading)) {
        out.newline();
        const heading = collapseWhitespace(el.textContent ?? '')
          .replace(/:$/, '')
          .slice(0, 500);
        if (heading) {
          result.sections.push({ heading, start: out.length });
          out.write(`${heading}:`);
          out.newline();
        }
        continue;
      }
      if (tag === 'IFRAME' || tag === 'FRAME') {
        let inner: Document | null = null;
        try {
          inner = (el as HTMLIFrameElement).contentDocument;
        } catch {
          inner = null;
        }
        if (inner?.body) stack.push({ kind: 'node', node: inner.body, depth: depth + 1 });
        else
          result.warnings.push(
            `a frame (${el.getAttribute('title') ?? el.id ?? 'untitled'}) could not be read (other origin or not loaded)`,
          );
        continue;
      }
      const isBlock = BLOCK_TAGS.has(tag);
      if (isBlock) {
        out.newline();
        stack.push({ kind: 'close', el });
        if (tag === 'LI') out.write('- ');
      }
      // Rendered content of a shadow host is its (open) shadow tree.
      const shadow = el.shadowRoot;
      if (shadow) children = shadow.firstChild;
    }
    // Push children in reverse so they are visited in document order.
    const kids: Node[] = [];
    for (let c = children; c; c = c.nextSibling) kids.push(c);
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ kind: 'node', node: kids[i]!, depth: depth + 1 });
  }
  return result;
}
