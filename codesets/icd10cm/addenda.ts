/**
 * ICD-10-CM order addenda (`icd10cm_order_addenda_<FY>.txt`): what changed against the previous
 * fiscal year. Record lines start with `Add:`, `Delete:`, `Revise from:` or `Revise to:` in a
 * 13-character field, then the order-file layout without the order number (flag, code, short
 * title in 60 characters, long title). A summary block (counts) follows the records.
 */
import { ReleaseFileError } from '../builder';
import { decodeUtf8 } from '../text/decode-utf8';
import { splitLines } from './text-lines';

/** One Add or Delete record: the order-file line without its order number. */
export interface AddendaRecord {
  code: string;
  billable: boolean;
  /** Long title. */
  title: string;
  /** Short (abbreviated) title, 60 characters at most. */
  short: string;
}

/** Counts before and after, from the addenda's summary block (e.g. "74719 codes in icd10cm_order_2026.txt"). */
export interface AddendaSummaryCounts {
  before: number;
  after: number;
}

/** Parsed order addenda. */
export interface OrderAddenda {
  added: AddendaRecord[];
  deleted: AddendaRecord[];
  /** Title revisions, `from` and `to` long titles (and the new short title). */
  revised: { code: string; from: string; to: string; toShort: string }[];
  /** The summary block's counts, when the file has one: billable codes and headers. */
  summary: { codes?: AddendaSummaryCounts; headers?: AddendaSummaryCounts };
}

const RECORD = /^(Add|Delete|Revise from|Revise to):\s+([01]) ([A-Z][0-9A-Z]{2,6})\s+(.*)$/;

/** Parses the order addenda; refuses the file whole on a malformed record. */
export function parseOrderAddenda(bytes: Uint8Array | string, file: string): OrderAddenda {
  const lines = splitLines(decodeUtf8(bytes, file));
  const out: OrderAddenda = { added: [], deleted: [], revised: [], summary: {} };
  let pendingFrom: { code: string; title: string; line: number } | undefined;
  let records = 0;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    if (text.trim() === '') continue;
    if (/^(Headers|Codes)\s*$/.test(text)) {
      readSummary(lines.slice(i), out.summary);
      break;
    }
    const m = RECORD.exec(text);
    if (!m || text.length < 85) throw new ReleaseFileError(file, i + 1, 'not an order-addenda record');
    records++;
    const [, action, flag, code] = m as unknown as [string, string, string, string];
    const long = text.slice(84).trim();
    const short = text.slice(23, 83).trim();
    switch (action) {
      case 'Add':
        out.added.push({ code, billable: flag === '1', title: long, short });
        break;
      case 'Delete':
        out.deleted.push({ code, billable: flag === '1', title: long, short });
        break;
      case 'Revise from':
        pendingFrom = { code, title: long, line: i + 1 };
        break;
      case 'Revise to':
        if (!pendingFrom || pendingFrom.code !== code)
          throw new ReleaseFileError(file, i + 1, `"Revise to" ${code} without a matching "Revise from"`);
        out.revised.push({ code, from: pendingFrom.title, to: long, toShort: short });
        pendingFrom = undefined;
        break;
    }
  }
  if (pendingFrom)
    throw new ReleaseFileError(file, pendingFrom.line, `"Revise from" ${pendingFrom.code} without "Revise to"`);
  if (records === 0) throw new ReleaseFileError(file, undefined, 'no addenda records (wrong file?)');
  return out;
}

/**
 * Reads the summary block: a "Headers" or "Codes" line, then "<n> headers|codes in <order file>"
 * twice (the previous year's count, then the new one). Other lines (additions, revisions) are
 * derivable from the records and not kept.
 */
function readSummary(lines: readonly string[], into: OrderAddenda['summary']): void {
  let block: 'codes' | 'headers' | undefined;
  for (const text of lines) {
    const head = /^(Headers|Codes)\s*$/.exec(text);
    if (head) {
      block = head[1] === 'Codes' ? 'codes' : 'headers';
      continue;
    }
    const m = /^\s*(\d+) (?:headers|codes) in \S+\s*$/.exec(text);
    if (!m || !block) continue;
    const n = Number(m[1]);
    const got = into[block];
    if (!got) into[block] = { before: n, after: n };
    else got.after = n;
  }
}
