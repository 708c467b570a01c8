/** Splitting release text files into lines (CRLF or LF); decoding is `decodeUtf8`'s. */

/** Lines without their terminators; a final empty line (after the last newline) is dropped. */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
