/**
 * The one decoder of release text: every importer reads its files through {@link decodeUtf8}, so
 * a file that is not UTF-8 is refused the same way whatever the code system.
 */
import { ReleaseFileError } from '../builder';

const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/**
 * Decodes a release file strictly as UTF-8 (ASCII included). A string is returned as it is (the
 * parsers also take text already decoded, as tests and the zip readers pass it).
 *
 * @param file the name errors carry (a path, or `archive!member` for a zip member).
 * @throws ReleaseFileError when the bytes are not valid UTF-8, with the line of the first bad byte.
 * @example decodeUtf8(new TextEncoder().encode('A00\tCholera'), 'order.txt') // 'A00\tCholera'
 */
export function decodeUtf8(bytes: Uint8Array | string, file: string): string {
  if (typeof bytes === 'string') return bytes;
  try {
    return strict.decode(bytes);
  } catch {
    const text = lenient.decode(bytes);
    const at = text.indexOf('\uFFFD');
    const line = at < 0 ? undefined : text.slice(0, at).split('\n').length;
    throw new ReleaseFileError(file, line, 'not a UTF-8 text file (wrong file?)');
  }
}
