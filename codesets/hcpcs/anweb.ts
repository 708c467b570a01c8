/**
 * The CMS HCPCS Level II alpha-numeric file ("ANWEB"), in either form CMS publishes:
 * - the Excel workbook `HCPCyyyy_<MON>_ANWEB.xlsx` (one row per code, header row with the column
 *   names of the record layout, long description already joined), and
 * - the fixed-width text file `HCPCyyyy_ANWEB_*.txt` (320-character records; a long description
 *   longer than 80 characters continues on further records of the same HCPC with a higher SEQNUM).
 *
 * Record layout: CMS "HCPCS Contractor Record" (HCPCyyyy_recordlayout.txt shipped in each quarterly
 * zip, e.g. the July 2024 alpha-numeric file): HCPC 1-5, SEQNUM 6-10, RECID 11 (3 = first line of a
 * procedure, 4 = its continuation, 7 = first line of a modifier, 8 = its continuation), LONG
 * DESCRIPTION 12-91, SHORT DESCRIPTION 92-119, then the detail fields. Positions from 120 on follow
 * from the field lengths listed in that layout (see {@link TEXT_LAYOUT}); every value read there is
 * validated (dates must be YYYYMMDD, the action code one letter), so a layout that does not fit the
 * file is refused rather than misread.
 *
 * CPT (Level I) is licensed by the AMA and never enters Chartside: codes starting with a digit
 * (five-digit CPT, Category II/III and PLA codes) are skipped and counted.
 */
import { ReleaseFileError } from '../builder';
import type { SheetRow } from './xlsx';

/** One physical record of the file (a sheet row or a text line). */
export interface AnwebRecord {
  /** Line (text) or row (xlsx) number, for messages. */
  line: number;
  hcpc: string;
  seq: string;
  recid: string;
  long: string;
  short: string;
  /** Detail fields by record-layout name (first lines only). */
  fields: Partial<Record<AnwebField, string>>;
}

/** Detail fields kept from the record layout. */
export type AnwebField = 'PRICE1' | 'COV' | 'BETOS' | 'ADD DT' | 'ACT EFF DT' | 'TERM DT' | 'ACTION CD' | 'XREF1';

/** One HCPCS Level II code or modifier, assembled from its records. */
export interface HcpcsEntry {
  code: string;
  kind: 'code' | 'modifier';
  long: string;
  short: string;
  /** ISO date the code was added (ADD DT), '' when blank. */
  added: string;
  /** ISO effective date of the latest action (ACT EFF DT), '' when blank. */
  actionEffective: string;
  /** ISO termination date (TERM DT): last date of service the code is valid, '' when active. */
  terminated: string;
  /** Action code (ACTION CD): N no change, A added, C changed, D deleted, P/R/S/B/... see layout. */
  action: string;
  /** Medicare coverage code (COV). */
  coverage: string;
  /** BETOS code. */
  betos: string;
  /** Pricing indicator 1 (PRICE1). */
  pricing: string;
}

/** Result of assembling the records. */
export interface AnwebFile {
  codes: HcpcsEntry[];
  modifiers: HcpcsEntry[];
  /** Records skipped because they are CPT (Level I). */
  cptSkipped: number;
  /** Continuation records (RECID 4/8) joined into long descriptions. */
  continuations: number;
}

/**
 * 1-based inclusive positions of the text record. 1-119 as published (CMS layout; also
 * datacodes.net/DClayoutHCPCS.htm). From 120 on, consecutive fields of the layout's lengths:
 * PRICE1-4 2 each (120-127), MULT_PI 1, CIM1-3 6 each, MCM1-3 8 each, STATUTE 10, LABCERT1-8 3
 * each, XREF1-5 5 each (205-229), COV 1 (230), ASC_GRP 2, ASC_DT 8, OPPS 3, OPPS_PI 1, OPPS_DT 8,
 * PROCNOTE 4 (253-256), BETOS 3 (257-259), TOS1-5 1 each, ANEST_BU 3, ADD DT 8 (268-275; the older
 * layout's "detail information in positions 92-275" ends here), ACT EFF DT 8, TERM DT 8, ACTION CD 1
 * (292), filler to 320. Check against the HCPCyyyy_recordlayout.txt of the release in hand.
 */
export const TEXT_LAYOUT = {
  HCPC: [1, 5],
  SEQNUM: [6, 10],
  RECID: [11, 11],
  'LONG DESCRIPTION': [12, 91],
  'SHORT DESCRIPTION': [92, 119],
  PRICE1: [120, 121],
  XREF1: [205, 209],
  COV: [230, 230],
  BETOS: [257, 259],
  'ADD DT': [268, 275],
  'ACT EFF DT': [276, 283],
  'TERM DT': [284, 291],
  'ACTION CD': [292, 292],
} as const;

const FIELDS: AnwebField[] = ['PRICE1', 'COV', 'BETOS', 'ADD DT', 'ACT EFF DT', 'TERM DT', 'ACTION CD', 'XREF1'];
const slice = (line: string, [from, to]: readonly [number, number]): string => line.slice(from - 1, to).trim();

/**
 * Parses the fixed-width text file into records. Lines may be right-trimmed.
 *
 * @throws ReleaseFileError with the line for a record shorter than its RECID or with an unknown RECID.
 */
export function parseAnwebText(text: string, file: string): AnwebRecord[] {
  const records: AnwebRecord[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') return;
    if (line.length < 12) throw new ReleaseFileError(file, i + 1, `record too short (${line.length} characters)`);
    const record: AnwebRecord = {
      line: i + 1,
      hcpc: slice(line, TEXT_LAYOUT.HCPC),
      seq: slice(line, TEXT_LAYOUT.SEQNUM),
      recid: slice(line, TEXT_LAYOUT.RECID),
      long: slice(line, TEXT_LAYOUT['LONG DESCRIPTION']),
      short: slice(line, TEXT_LAYOUT['SHORT DESCRIPTION']),
      fields: {},
    };
    if (record.recid === '3' || record.recid === '7') {
      for (const f of FIELDS) record.fields[f] = slice(line, TEXT_LAYOUT[f]);
    }
    records.push(record);
  });
  return records;
}

/**
 * Turns the rows of the workbook into records, locating columns by their header names.
 *
 * @throws ReleaseFileError when a required column is missing.
 */
export function anwebRecordsFromSheet(rows: readonly SheetRow[], file: string): AnwebRecord[] {
  const header = rows[0];
  if (!header) throw new ReleaseFileError(file, undefined, 'empty sheet');
  const col = new Map(header.cells.map((name, i) => [name.trim().toUpperCase(), i]));
  const need = ['HCPC', 'SEQNUM', 'RECID', 'LONG DESCRIPTION', 'SHORT DESCRIPTION', ...FIELDS];
  const missing = need.filter((n) => !col.has(n));
  if (missing.length > 0)
    throw new ReleaseFileError(
      file,
      header.row,
      `missing column(s) ${missing.join(', ')} (not a HCPCS alpha-numeric file?)`,
    );
  const get = (r: SheetRow, name: string): string => (r.cells[col.get(name) ?? -1] ?? '').trim();
  return rows.slice(1).map((r) => {
    const fields: AnwebRecord['fields'] = {};
    for (const f of FIELDS) fields[f] = get(r, f);
    return {
      line: r.row,
      hcpc: get(r, 'HCPC'),
      seq: get(r, 'SEQNUM'),
      recid: get(r, 'RECID'),
      long: get(r, 'LONG DESCRIPTION'),
      short: get(r, 'SHORT DESCRIPTION'),
      fields,
    };
  });
}

const LEVEL2 = /^[A-Z]\d{4}$/;
const MODIFIER = /^[A-Z0-9]{2}$/;

/** YYYYMMDD -> YYYY-MM-DD ('' stays ''), refusing anything else. */
function isoDate(raw: string | undefined, fail: (m: string) => never, name: string): string {
  const v = (raw ?? '').trim();
  if (v === '') return '';
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12 || Number(m[3]) < 1 || Number(m[3]) > 31)
    fail(`${name} "${v}" is not a YYYYMMDD date`);
  return `${m?.[1]}-${m?.[2]}-${m?.[3]}`;
}

/**
 * Assembles records into codes and modifiers: joins continuation records (same HCPC, increasing
 * SEQNUM) onto the first line's long description, validates codes and dates, skips CPT.
 *
 * @throws ReleaseFileError with the line for an unknown RECID, a continuation without its first
 *   line, a SEQNUM that does not increase, a duplicate code, a malformed code or date.
 */
export function assembleAnweb(records: readonly AnwebRecord[], file: string): AnwebFile {
  const out: AnwebFile = { codes: [], modifiers: [], cptSkipped: 0, continuations: 0 };
  const seen = new Set<string>();
  let current: { entry: HcpcsEntry; seq: number; key: string } | undefined;
  for (const r of records) {
    const fail = (message: string): never => {
      throw new ReleaseFileError(file, r.line, `${r.hcpc || '(blank HCPC)'}: ${message}`);
    };
    if (/^\d/.test(r.hcpc)) {
      out.cptSkipped++; // CPT Level I: never imported.
      current = undefined;
      continue;
    }
    if (!/^\d{1,5}$/.test(r.seq)) fail(`SEQNUM "${r.seq}" is not a number`);
    const seq = Number(r.seq);
    switch (r.recid) {
      case '3':
      case '7': {
        const kind = r.recid === '3' ? 'code' : 'modifier';
        if (kind === 'code' && !LEVEL2.test(r.hcpc)) fail('not a HCPCS Level II code (letter + 4 digits)');
        if (kind === 'modifier' && !MODIFIER.test(r.hcpc)) fail('not a 2-character modifier');
        const key = `${kind}:${r.hcpc}`;
        if (seen.has(key)) fail(`duplicate ${kind}`);
        seen.add(key);
        if (r.long === '') fail('missing long description');
        const action = (r.fields['ACTION CD'] ?? '').trim();
        if (!/^[A-Z]?$/.test(action)) fail(`ACTION CD "${action}" is not a letter`);
        const entry: HcpcsEntry = {
          code: r.hcpc,
          kind,
          long: r.long,
          short: r.short,
          added: isoDate(r.fields['ADD DT'], fail, 'ADD DT'),
          actionEffective: isoDate(r.fields['ACT EFF DT'], fail, 'ACT EFF DT'),
          terminated: isoDate(r.fields['TERM DT'], fail, 'TERM DT'),
          action,
          coverage: r.fields.COV ?? '',
          betos: r.fields.BETOS ?? '',
          pricing: r.fields.PRICE1 ?? '',
        };
        (kind === 'code' ? out.codes : out.modifiers).push(entry);
        current = { entry, seq, key };
        break;
      }
      case '4':
      case '8': {
        const kind = r.recid === '4' ? 'code' : 'modifier';
        if (!current || current.key !== `${kind}:${r.hcpc}`)
          fail(`continuation record (RECID ${r.recid}) without its first line`);
        else {
          if (seq <= current.seq) fail(`SEQNUM ${r.seq} does not follow ${current.seq}`);
          // CMS breaks long descriptions between words; rejoin with one space.
          current.entry.long = `${current.entry.long} ${r.long}`.trim();
          current.seq = seq;
          out.continuations++;
        }
        break;
      }
      default:
        fail(`unknown RECID "${r.recid}" (expected 3, 4, 7 or 8)`);
    }
  }
  if (out.codes.length === 0) throw new ReleaseFileError(file, undefined, 'no HCPCS Level II codes found');
  return out;
}
