/**
 * POA-exempt list (`POAexemptCodesFY<yy>.txt`, CDC): tab separated, header
 * `Order<yy>\tPOAexemptCode\tDescription`, dotted codes. See `ReadMePOAexemptFY26.txt`.
 */
import { ReleaseFileError } from '../builder';
import { decodeUtf8 } from '../text/decode-utf8';
import { splitLines } from './text-lines';

/** Returns the undotted POA-exempt codes, in file order. Refuses the file whole on a bad line. */
export function parsePoaExempt(bytes: Uint8Array | string, file: string): string[] {
  const lines = splitLines(decodeUtf8(bytes, file));
  const head = lines[0]?.split('\t') ?? [];
  const col = head.indexOf('POAexemptCode');
  if (col < 0) throw new ReleaseFileError(file, 1, 'no POAexemptCode column (wrong file?)');
  const out: string[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i]!.trim() === '') continue;
    const cells = lines[i]!.split('\t');
    const code = (cells[col] ?? '').trim();
    if (!/^[A-Z][0-9A-Z]{2}(\.[0-9A-Z]{1,4})?$/.test(code))
      throw new ReleaseFileError(file, i + 1, `bad code "${code}"`);
    out.push(code.replace('.', ''));
  }
  return out;
}
