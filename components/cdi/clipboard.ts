/**
 * Clipboard writing for query drafts (the browser edge: the formatting itself is engine code,
 * engine/cdi/format.ts). Plain text via `writeText`; HTML as a `text/html` item with a plain-text
 * twin so an EHR editor that refuses HTML still pastes the text.
 */
export interface ClipboardWriter {
  writePlain(text: string): Promise<void>;
  writeHtml(html: string, plain: string): Promise<void>;
}

/** The real clipboard of the page (needs a user gesture: the copy buttons provide it). */
export const browserClipboard: ClipboardWriter = {
  writePlain: (text) => navigator.clipboard.writeText(text),
  writeHtml: (html, plain) =>
    navigator.clipboard.write([
      new ClipboardItem({
        'text/html': new Blob([html], { type: 'text/html' }),
        'text/plain': new Blob([plain], { type: 'text/plain' }),
      }),
    ]),
};
