/**
 * ICD-10-CM order addenda (`icd10cm_order_addenda_<FY>.txt`): what changed against the previous
 * fiscal year. Record lines start with `Add:`, `Delete:`, `Revise from:` or `Revise to:` in a
 * 13-character field, then the order-file layout without the order number (flag, code, short
 * title in 60 characters, long title). A summary block (counts) follows the records.
 */
import { ReleaseFileError } from '../builder';
import { decodeText, splitLines } from './text-lines';

/** Parsed order addenda. */
export interface OrderAddenda {
  added: { code: string; billable: boolean; title: string }[];
  deleted: { code: string; billable: boolean; title: string }[];
  /** Title revisions, `from` and `to` long titles. */
  revised: { code: string; from: string; to: string }[];
}

const RECORD = /^(Add|Delete|Revise from|Revise to):\s+([01]) ([A-Z][0-9A-Z]{2,6})\s+(.*)$/;

/** Parses the order addenda; refuses the file whole on a malformed record. */
export function parseOrderAddenda(bytes: Uint8Array | string, file: string): OrderAddenda {
  const lines = splitLines(decodeText(bytes, file));
  const out: OrderAddenda = { added: [], deleted: [], revised: [] };
  let pendingFrom: { code: string; title: string; line: number } | undefined;
  let records = 0;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    if (text.trim() === '') continue;
    if (/^(Headers|Codes)\s*$/.test(text)) break; // summary block
    const m = RECORD.exec(text);
    if (!m || text.length < 85) throw new ReleaseFileError(file, i + 1, 'not an order-addenda record');
    records++;
    const [, action, flag, code] = m as unknown as [string, string, string, string];
    const long = text.slice(84).trim();
    switch (action) {
      case 'Add':
        out.added.push({ code, billable: flag === '1', title: long });
        break;
      case 'Delete':
        out.deleted.push({ code, billable: flag === '1', title: long });
        break;
      case 'Revise from':
        pendingFrom = { code, title: long, line: i + 1 };
        break;
      case 'Revise to':
        if (!pendingFrom || pendingFrom.code !== code)
          throw new ReleaseFileError(file, i + 1, `"Revise to" ${code} without a matching "Revise from"`);
        out.revised.push({ code, from: pendingFrom.title, to: long });
        pendingFrom = undefined;
        break;
    }
  }
  if (pendingFrom)
    throw new ReleaseFileError(file, pendingFrom.line, `"Revise from" ${pendingFrom.code} without "Revise to"`);
  if (records === 0) throw new ReleaseFileError(file, undefined, 'no addenda records (wrong file?)');
  return out;
}
