/**
 * Parsers for the files beside the grouper tables: the IPPS pricer's `drgstable-2026.csv`
 * (relative weight, GMLOS, AMLOS, post-acute and special-pay flags), `appendix_A.txt` (DRG
 * titles, MDC, M/P) and, from the ICD-10-CM release, `POAexemptCodesFY26.txt`.
 */
import { ReleaseFileError, type ReleaseFile } from '../builder';
import type { GrouperPayload } from '../../engine/grouper/payload';
import { decodeUtf8 } from '../text/decode-utf8';

/** Splits one CSV line (RFC 4180 quoting, no embedded line breaks). */
function csvCells(line: string): string[] | undefined {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) return undefined;
        value += line.slice(i, q);
        i = q + 1;
        if (line[i] === '"') {
          value += '"';
          i++;
        } else break;
      }
      cells.push(value);
      if (i === line.length) return cells;
      if (line[i] !== ',') return undefined;
      i++;
    } else {
      const c = line.indexOf(',', i);
      if (c < 0) {
        cells.push(line.slice(i));
        return cells;
      }
      cells.push(line.slice(i, c));
      i = c + 1;
    }
  }
}

const DRGSTABLE_HEADER = [
  'diagnosticRelatedGroup',
  'effectiveDate',
  'weight',
  'geometricMeanLengthOfStay',
  'lowVolumeDrg',
  'arithmeticMeanLengthOfStay',
  'postAcuteCare',
  'specialPaymentPostAcuteCare',
  'description',
];

/**
 * Parses `drgstable-2026.csv`.
 *
 * @throws ReleaseFileError on a wrong header, a bad number or flag, or a duplicated DRG.
 */
export function parseDrgsTable(file: ReleaseFile): GrouperPayload['weights'] {
  const lines = decodeUtf8(file.bytes, file.path).split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  if (lines[0] !== DRGSTABLE_HEADER.join(','))
    throw new ReleaseFileError(file.path, 1, `unexpected header "${lines[0] ?? ''}"`);
  const out: GrouperPayload['weights'] = [];
  const seen = new Set<number>();
  for (let i = 1; i < lines.length; i++) {
    const fail = (m: string): never => {
      throw new ReleaseFileError(file.path, i + 1, m);
    };
    const cells = csvCells(lines[i]!);
    if (!cells || cells.length !== DRGSTABLE_HEADER.length) fail('malformed CSV line');
    const [drg, date, weight, gmlos, , amlos, post, special] = cells!;
    if (!/^\d{3}$/.test(drg!)) fail(`bad DRG "${drg}"`);
    if (!/^\d{8}$/.test(date!)) fail(`bad effectiveDate "${date}"`);
    const num = (s: string, what: string) => (/^\d+(\.\d+)?$/.test(s) ? Number(s) : fail(`bad ${what} "${s}"`));
    const flag = (s: string, what: string) => (s === 'Y' ? true : s === '' ? false : fail(`bad ${what} flag "${s}"`));
    const n = Number(drg);
    if (seen.has(n)) fail(`DRG ${drg} listed twice`);
    seen.add(n);
    out.push({
      drg: n,
      weight: num(weight!, 'weight'),
      gmlos: num(gmlos!, 'GMLOS'),
      amlos: num(amlos!, 'AMLOS'),
      postAcute: flag(post!, 'postAcuteCare'),
      specialPay: flag(special!, 'specialPaymentPostAcuteCare'),
    });
  }
  return out.sort((a, b) => a.drg - b.drg);
}

/**
 * Parses the DRG lines of `appendix_A.txt` (`NNN MM  T  Title`, MDC blank for pre-MDC DRGs).
 *
 * @throws ReleaseFileError when the column header is missing or a DRG line is malformed.
 */
export function parseAppendixA(file: ReleaseFile): GrouperPayload['appendixA'] {
  const lines = decodeUtf8(file.bytes, file.path).split(/\r?\n/);
  const start = lines.findIndex((l) => /^DRG\s+MDC\s+MS\s+Description/.test(l));
  if (start < 0) throw new ReleaseFileError(file.path, undefined, 'no "DRG MDC MS Description" header line');
  const out: GrouperPayload['appendixA'] = [];
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const m = /^(\d{3}) (\d\d| {2}) {1,2}([MP ]) {1,2}(\S.*)$/.exec(line);
    if (!m) throw new ReleaseFileError(file.path, i + 1, `malformed DRG line "${line}"`);
    out.push({ drg: Number(m[1]), mdc: m[2]!.trim(), type: m[3]!.trim(), title: m[4]!.trim() });
  }
  if (out.length === 0) throw new ReleaseFileError(file.path, undefined, 'no DRG lines');
  return out;
}

/**
 * Parses `POAexemptCodesFY26.txt` (tab-separated `Order26`, `POAexemptCode` with dot,
 * `Description`) into dot-less codes, sorted.
 */
export function parsePoaExempt(file: ReleaseFile): string[] {
  const lines = decodeUtf8(file.bytes, file.path).split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  if (!/^Order\d*\tPOAexemptCode\tDescription$/.test(lines[0] ?? '')) {
    throw new ReleaseFileError(file.path, 1, `unexpected header "${lines[0] ?? ''}"`);
  }
  const codes: string[] = [];
  for (let i = 1; i < lines.length; i++) {
    const cells = lines[i]!.split('\t');
    const code = cells[1] ?? '';
    if (cells.length !== 3 || !/^[A-Z][0-9A-Z][0-9A-Z](\.[0-9A-Z]{1,4})?$/.test(code)) {
      throw new ReleaseFileError(file.path, i + 1, `malformed line "${lines[i]!}"`);
    }
    codes.push(code.replace('.', ''));
  }
  return [...new Set(codes)].sort();
}
