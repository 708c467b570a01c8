/**
 * Clipboard writing for query drafts (the browser edge: the formatting itself is engine code,
 * engine/cdi/format.ts).
 *
 * Both formats are written in one synchronous `copy` event from the button's click (the user
 * gesture), with `text/html` and a `text/plain` twin so an EHR editor that refuses HTML still
 * pastes the text. The asynchronous Clipboard API is only the fallback: `navigator.clipboard.write`
 * with HTML can wait on a permission decision in some Chromium configurations, and the user would
 * see nothing happen.
 */
export interface ClipboardWriter {
  writePlain(text: string): Promise<void>;
  writeHtml(html: string, plain: string): Promise<void>;
}

function copyEvent(data: Record<string, string>): boolean {
  let written = false;
  const onCopy = (e: ClipboardEvent): void => {
    if (!e.clipboardData) return;
    for (const [type, value] of Object.entries(data)) e.clipboardData.setData(type, value);
    e.preventDefault();
    written = true;
  };
  document.addEventListener('copy', onCopy);
  try {
    // execCommand is deprecated but is the one synchronous way to put HTML on the clipboard within the click.
    return document.execCommand('copy') && written;
  } finally {
    document.removeEventListener('copy', onCopy);
  }
}

/** The page's clipboard (needs a user gesture: the copy buttons provide it). */
export const browserClipboard: ClipboardWriter = {
  writePlain: async (text) => {
    if (copyEvent({ 'text/plain': text })) return;
    await navigator.clipboard.writeText(text);
  },
  writeHtml: async (html, plain) => {
    if (copyEvent({ 'text/html': html, 'text/plain': plain })) return;
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/html': new Blob([html], { type: 'text/html' }),
        'text/plain': new Blob([plain], { type: 'text/plain' }),
      }),
    ]);
  },
};
