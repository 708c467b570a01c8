/** Splitting release text files into lines (CRLF or LF), decoding strictly as UTF-8/ASCII. */
import { ReleaseFileError } from '../builder';

/** Decodes bytes as UTF-8; a file that is not text is refused whole. */
export function decodeText(bytes: Uint8Array | string, file: string): string {
  if (typeof bytes === 'string') return bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ReleaseFileError(file, undefined, 'not a UTF-8 text file (wrong file?)');
  }
}

/** Lines without their terminators; a final empty line (after the last newline) is dropped. */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
