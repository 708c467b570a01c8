/**
 * Evidence offsets of a selection snapshot back to the page. A selection snapshot's text is the
 * browser's rendering of the selection (`Selection.toString()`: line breaks between blocks, white
 * space collapsed), not the reader's walk, so its offsets have no text-node map. Both contain the
 * same visible characters in the same order, only white space differs: the span is located by
 * counting non-white-space characters through the selected text nodes, then checked against the
 * evidence text, so a page that changed (or hidden text inside the selection) gives a clear error,
 * never a highlight on the wrong words.
 */
import { ChartsideHighlightError } from './highlight';

const SPACE = /[\s\u00a0]/;
/** Elements whose text `Selection.toString()` leaves out. */
const UNRENDERED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

const countVisible = (s: string): number => s.replace(/[\s\u00a0]+/g, '').length;
const comparable = (s: string): string => s.replace(/[\s\u00a0]+/g, '').toLowerCase();

/** Text nodes of `range` in document order, with the part of each inside it. */
function* selectedText(range: Range): Generator<{ node: Text; from: number; to: number }> {
  const root = range.commonAncestorContainer;
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n: Node | null = root.nodeType === 3 ? root : walker.nextNode(); n; n = walker.nextNode()) {
    const node = n as Text;
    if (!range.intersectsNode(node) || UNRENDERED.has(node.parentElement?.tagName ?? '')) continue;
    const from = node === range.startContainer ? range.startOffset : 0;
    const to = node === range.endContainer ? range.endOffset : node.data.length;
    yield { node, from, to };
  }
}

/**
 * The DOM range of `[start, end)` of `text`, the selection snapshot's text read from `selected`.
 * @throws ChartsideHighlightError when the span is not (or no longer) there.
 * @example highlighter.showRanges(selectionRanges(range, snapshot.text, 12, 26));
 */
export function selectionRanges(selected: Range, text: string, start: number, end: number): Range[] {
  const wanted = text.slice(start, end);
  const skip = countVisible(text.slice(0, start));
  const length = countVisible(wanted);
  if (length === 0) throw new ChartsideHighlightError(`nothing to highlight at ${start}-${end} of the selection`);
  let seen = 0;
  let from: [Text, number] | undefined;
  let to: [Text, number] | undefined;
  outer: for (const { node, from: a, to: b } of selectedText(selected)) {
    for (let i = a; i < b; i++) {
      if (SPACE.test(node.data[i]!)) continue;
      if (seen === skip) from = [node, i];
      if (seen === skip + length - 1) {
        to = [node, i + 1];
        break outer;
      }
      seen++;
    }
  }
  const range = selected.startContainer.ownerDocument?.createRange();
  if (from && to && range) {
    range.setStart(...from);
    range.setEnd(...to);
    let found = '';
    for (const { node, from: a, to: b } of selectedText(range)) found += node.data.slice(a, b);
    if (comparable(found) === comparable(wanted)) return [range];
  }
  throw new ChartsideHighlightError('the selected text is no longer on the page as it was; select it again');
}
