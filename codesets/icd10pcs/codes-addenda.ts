/**
 * ICD-10-PCS codes addenda (`icd10pcs_codes_addenda_<FY>.txt`): what changed in the code file
 * against the previous code file. Record lines start with `Add:`, `Delete:`, `Revise from:` or
 * `Revise to:` in a 13-character field, then the 7-character code, a space and the long title.
 * A summary block follows ("Codes", "79193 codes in icd10pcs_codes_2026.txt", ...).
 */
import { ReleaseFileError } from '../builder';
import { decodeUtf8 } from '../text/decode-utf8';

/** Parsed PCS codes addenda. */
export interface PcsCodesAddenda {
  added: { code: string; title: string }[];
  deleted: { code: string; title: string }[];
  revised: { code: string; from: string; to: string }[];
  /** Code counts of the previous and the new code file, from the summary block. */
  summary?: { before: number; after: number };
}

const RECORD = /^(Add|Delete|Revise from|Revise to):\s+([0-9A-HJ-NP-Z]{7}) (.+)$/;

/**
 * Parses the codes addenda; refuses the file whole on a malformed record.
 *
 * @example parsePcsCodesAddenda(bytes, 'icd10pcs_codes_addenda_2027.txt').added.length // 101
 */
export function parsePcsCodesAddenda(bytes: Uint8Array, file: string): PcsCodesAddenda {
  const lines = decodeUtf8(bytes, file).split(/\r?\n/);
  const out: PcsCodesAddenda = { added: [], deleted: [], revised: [] };
  let from: { code: string; title: string; line: number } | undefined;
  let inSummary = false;
  const counts: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    if (text.trim() === '') continue;
    if (/^Codes\s*$/.test(text)) {
      inSummary = true;
      continue;
    }
    if (inSummary) {
      const m = /^\s*(\d+) codes in \S+\s*$/.exec(text);
      if (m) counts.push(Number(m[1]));
      continue;
    }
    const m = RECORD.exec(text);
    if (!m || text[12] !== ' ') throw new ReleaseFileError(file, i + 1, 'not a PCS codes-addenda record');
    const [, action, code, rawTitle] = m as unknown as [string, string, string, string];
    const title = rawTitle.trim();
    if (action === 'Add') out.added.push({ code, title });
    else if (action === 'Delete') out.deleted.push({ code, title });
    else if (action === 'Revise from') from = { code, title, line: i + 1 };
    else {
      if (!from || from.code !== code)
        throw new ReleaseFileError(file, i + 1, `"Revise to" ${code} without a matching "Revise from"`);
      out.revised.push({ code, from: from.title, to: title });
      from = undefined;
    }
  }
  if (from) throw new ReleaseFileError(file, from.line, `"Revise from" ${from.code} without "Revise to"`);
  if (out.added.length + out.deleted.length + out.revised.length === 0)
    throw new ReleaseFileError(file, undefined, 'no addenda records (wrong file?)');
  if (counts.length >= 2) out.summary = { before: counts[0]!, after: counts[1]! };
  return out;
}
