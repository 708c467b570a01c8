/**
 * ICD-10-PCS order file (`icd10pcs_order_YYYY.txt`), fixed width, one code per line.
 *
 * Layout (CMS "ICD-10-PCS Order File" description, icd10pcsOrderFile.pdf in the FY2026 release):
 * columns 1-5 order number (zero-padded), 7-13 code (left-aligned, space-padded), 15 flag
 * (0 = table header, not valid for submission; 1 = valid code), 17-76 short title (60 characters,
 * padded), 78-end long title. Lines end in CRLF or LF.
 */
import { ReleaseFileError } from '../builder';

/** Width of the order file's short-title column (columns 17-76). */
export const SHORT_TITLE_WIDTH = 60;

/** One line of the order file. */
export interface PcsOrderEntry {
  /** 3-character table prefix (header) or 7-character code. */
  code: string;
  valid: boolean;
  short: string;
  long: string;
}

/** The parsed order file. */
export interface PcsOrderFile {
  /** Every line in file order. */
  entries: PcsOrderEntry[];
  /** Valid (flag 1) codes, by code. */
  valid: Map<string, PcsOrderEntry>;
  /** Header (flag 0) lines, by 3-character table prefix. */
  headers: Map<string, PcsOrderEntry>;
}

/** PCS code characters: digits and letters except I and O. */
const PCS_CHARS = /^[0-9A-HJ-NP-Z]+$/;

/**
 * Parses an order file. Pure: text in, data out.
 *
 * @throws ReleaseFileError with the line number for any malformed line (the whole file is refused).
 */
export function parsePcsOrderFile(text: string, file: string): PcsOrderFile {
  const entries: PcsOrderEntry[] = [];
  const valid = new Map<string, PcsOrderEntry>();
  const headers = new Map<string, PcsOrderEntry>();
  const lines = text.split('\n');
  // A final newline leaves one empty string; anything else empty is an error below.
  if (lines[lines.length - 1] === '') lines.pop();
  let previousOrder = 0;
  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const fail = (message: string): never => {
      throw new ReleaseFileError(file, lineNo, `${message}: "${line.slice(0, 40)}"`);
    };
    if (line.length < 78) fail('line too short for the PCS order-file layout (expected at least 78 characters)');
    const orderNo = line.slice(0, 5);
    if (!/^\d{5}$/.test(orderNo) || line[5] !== ' ' || line[13] !== ' ' || line[15] !== ' ' || line[76] !== ' ') {
      fail('not in the PCS order-file layout');
    }
    const order = Number(orderNo);
    if (order !== previousOrder + 1) fail(`order number ${order} does not follow ${previousOrder}`);
    previousOrder = order;
    const code = line.slice(6, 13).trimEnd();
    const flag = line[14];
    if (!PCS_CHARS.test(code)) fail(`invalid code "${code}"`);
    if (flag !== '0' && flag !== '1') fail(`flag must be 0 or 1, found "${flag ?? ''}"`);
    const isValid = flag === '1';
    if (isValid && code.length !== 7) fail(`valid code "${code}" is not 7 characters`);
    if (!isValid && code.length !== 3) fail(`header "${code}" is not a 3-character table prefix`);
    const entry: PcsOrderEntry = {
      code,
      valid: isValid,
      short: line.slice(16, 76).trimEnd(),
      long: line.slice(77).trimEnd(),
    };
    if (entry.short === '' || entry.long === '') fail('missing title');
    const target = isValid ? valid : headers;
    if (target.has(code)) fail(`duplicate code ${code}`);
    target.set(code, entry);
    entries.push(entry);
  });
  if (entries.length === 0) throw new ReleaseFileError(file, undefined, 'empty order file');
  return { entries, valid, headers };
}
