// @vitest-environment node
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { ChartsideHighlightError } from './highlight';
import { selectionRanges } from './selection-ranges';

/** A page, and a range from the start of #from to the end of #to (what a user's drag selects). */
function page(html: string): { document: Document; range: Range } {
  const window = new Window({ url: 'http://localhost/x.html', settings: { disableJavaScriptEvaluation: true } });
  const document = window.document as unknown as Document;
  document.write(html);
  const range = document.createRange();
  range.setStart(document.querySelector('#from')!.firstChild!, 0);
  const last = document.querySelector('#to')!.lastChild as Text;
  range.setEnd(last, last.data.length);
  return { document, range };
}

const HTML = `<main><p id="from">Assessment:   Hypothyroidism,
  continue levothyroxine.</p><style>p { color: red }</style><ul><li>Type 2 diabetes</li><li id="to">Gout of the right toe.</li></ul></main>`;
// The selection as Chromium renders it (Selection.toString): blocks on lines, white space collapsed.
const RENDERED = 'Assessment: Hypothyroidism, continue levothyroxine.\n\nType 2 diabetes\nGout of the right toe.';
const squeeze = (s: string): string => s.replace(/\s+/g, '');

describe('selectionRanges', () => {
  it('finds a span of the rendered selection text in the page', () => {
    const { range } = page(HTML);
    const start = RENDERED.indexOf('Hypothyroidism, continue');
    const [found] = selectionRanges(range, RENDERED, start, start + 'Hypothyroidism, continue'.length);
    expect(found!.toString()).toBe('Hypothyroidism,\n  continue');
  });

  it('locates every span of the selection exactly, across blocks and past unrendered text', () => {
    const { range } = page(HTML);
    for (let start = 0; start < RENDERED.length; start++)
      for (let end = start + 1; end <= RENDERED.length; end++) {
        if (squeeze(RENDERED.slice(start, end)) === '') continue;
        const [found] = selectionRanges(range, RENDERED, start, end);
        // The style sheet's text is in the DOM range but not rendered (no box is drawn for it).
        expect(squeeze(found!.toString().replace('p { color: red }', '')), `${start}-${end}`).toBe(
          squeeze(RENDERED.slice(start, end)),
        );
      }
  });

  it('refuses (never highlights other words) when the page changed or the span is empty', () => {
    const { document, range } = page(HTML);
    const start = RENDERED.indexOf('Gout');
    (document.querySelector('#to')!.firstChild as Text).data = 'Goat of the right toe.';
    expect(() => selectionRanges(range, RENDERED, start, start + 4)).toThrow(ChartsideHighlightError);
    expect(() => selectionRanges(range, RENDERED, 11, 12)).toThrow(ChartsideHighlightError);
  });
});
