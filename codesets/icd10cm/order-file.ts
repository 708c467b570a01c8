/**
 * ICD-10-CM order file (`icd10cm_order_<FY>.txt`), fixed width, as described in CMS
 * `icd10OrderFiles.pdf`:
 *
 * ```
 * cols 1-5   order number, zero padded
 * col  7-13  code, undotted, left aligned
 * col  15    0 = header (not valid for HIPAA transactions), 1 = valid (billable)
 * col  17-76 short description (60 characters)
 * col  78-   long description
 * ```
 */
import { ReleaseFileError } from '../builder';
import { decodeUtf8 } from '../text/decode-utf8';
import { splitLines } from './text-lines';

/** One code of the order file. */
export interface OrderRecord {
  order: number;
  /** Undotted code. */
  code: string;
  billable: boolean;
  short: string;
  long: string;
}

/** A line that is not a valid order-file record, with the reason. */
export interface OrderLineProblem {
  line: number;
  problem: string;
}

// A letter then alphanumerics: FY2026 introduced categories with a letter second (QA0).
const CODE = /^[A-Z][0-9A-Z]{2,6}$/;

/**
 * Parses one order-file line. Never throws: a malformed line gives an {@link OrderLineProblem}.
 *
 * @param lineNo 1-based line number, used in the problem.
 */
export function parseOrderLine(text: string, lineNo: number): OrderRecord | OrderLineProblem {
  if (text.length < 78)
    return { line: lineNo, problem: `line is ${text.length} characters, an order-file record has at least 78` };
  const order = text.slice(0, 5);
  if (!/^\d{5}$/.test(order) || text[5] !== ' ') return { line: lineNo, problem: `bad order number "${order}"` };
  const code = text.slice(6, 13).trimEnd();
  if (!CODE.test(code) || text[13] !== ' ')
    return { line: lineNo, problem: `bad ICD-10-CM code "${text.slice(6, 13)}"` };
  const flag = text[14];
  if ((flag !== '0' && flag !== '1') || text[15] !== ' ')
    return { line: lineNo, problem: `bad header/valid flag "${flag ?? ''}"` };
  if (text[76] !== ' ') return { line: lineNo, problem: 'short title is not 60 characters wide' };
  const short = text.slice(16, 76).trim();
  const long = text.slice(77).trim();
  if (!short || !long) return { line: lineNo, problem: 'empty title' };
  return { order: Number(order), code, billable: flag === '1', short, long };
}

/** `true` when {@link parseOrderLine} returned a problem. */
export function isOrderProblem(r: OrderRecord | OrderLineProblem): r is OrderLineProblem {
  return 'problem' in r;
}

/**
 * Parses a whole order file. The file is refused whole ({@link ReleaseFileError} with the file
 * name and first bad line) on any malformed line, a duplicate code or an order number out of
 * sequence, so a truncated or wrong file never becomes a table.
 */
export function parseOrderFile(bytes: Uint8Array | string, file: string): OrderRecord[] {
  const lines = splitLines(decodeUtf8(bytes, file));
  if (lines.length === 0) throw new ReleaseFileError(file, undefined, 'empty order file');
  const out: OrderRecord[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const r = parseOrderLine(lines[i]!, i + 1);
    if (isOrderProblem(r)) throw new ReleaseFileError(file, r.line, r.problem);
    if (seen.has(r.code)) throw new ReleaseFileError(file, i + 1, `duplicate code ${r.code}`);
    if (r.order !== i + 1)
      throw new ReleaseFileError(file, i + 1, `order number ${r.order} out of sequence (expected ${i + 1})`);
    seen.add(r.code);
    out.push(r);
  }
  return out;
}
