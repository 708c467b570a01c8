/**
 * Builds the `hcpcs-<year>` bundle from the CMS HCPCS Level II alpha-numeric file of that year:
 * the workbook (`HCPCyyyy_<MON>_ANWEB.xlsx`) or, when only that is present, the record-layout text
 * file (`HCPCyyyy_ANWEB*.txt`).
 */
import { encodeBundle, jsonPayload, readBundleHeader } from '../../engine/bundle/format';
import { HCPCS_BLOCK, HCPCS_BLOCKS_VERSION, type HcpcsColumnsBlock } from '../../engine/hcpcs/format';
import {
  ReleaseFileError,
  type BuiltBundle,
  type CodesetBuilder,
  type ReleaseFile,
  type ReleaseSource,
} from '../builder';
import { decodeUtf8 } from '../text/decode-utf8';
import { anwebRecordsFromSheet, assembleAnweb, parseAnwebText, type HcpcsEntry } from './anweb';
import { readFirstSheet } from './xlsx';

const FILE = /^hcpcs\/(\d{4})\/(HCPC(\d{4})_?([A-Z]{3})?_?ANWEB[^/]*\.(xlsx|txt))$/i;
const MONTHS: Record<string, string> = {
  JAN: 'January',
  APR: 'April',
  JUL: 'July',
  OCT: 'October',
};

/** The alpha-numeric file chosen for each year (xlsx preferred), by year. */
export function hcpcsFiles(paths: readonly string[]): Map<number, string> {
  const out = new Map<number, string>();
  for (const p of [...paths].sort()) {
    const m = FILE.exec(p);
    if (!m || m[1] !== m[3]) continue;
    const year = Number(m[1]);
    const current = out.get(year);
    if (!current || (current.toLowerCase().endsWith('.txt') && p.toLowerCase().endsWith('.xlsx'))) out.set(year, p);
  }
  return out;
}

function columns(entries: readonly HcpcsEntry[]): HcpcsColumnsBlock {
  const sorted = [...entries].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return {
    version: HCPCS_BLOCKS_VERSION,
    code: sorted.map((e) => e.code),
    long: sorted.map((e) => e.long),
    short: sorted.map((e) => e.short),
    added: sorted.map((e) => e.added),
    actionEffective: sorted.map((e) => e.actionEffective),
    terminated: sorted.map((e) => e.terminated),
    action: sorted.map((e) => e.action),
    coverage: sorted.map((e) => e.coverage),
    betos: sorted.map((e) => e.betos),
    pricing: sorted.map((e) => e.pricing),
  };
}

/**
 * Builds the bundle of one year from its alpha-numeric file. Pure and deterministic.
 *
 * @throws ReleaseFileError for a malformed file (name and line or row).
 */
export function buildHcpcsBundle(file: ReleaseFile, year: number): BuiltBundle {
  const isXlsx = file.name.toLowerCase().endsWith('.xlsx');
  const records = isXlsx
    ? anwebRecordsFromSheet(readFirstSheet(file.bytes, file.name).rows, file.name)
    : parseAnwebText(decodeUtf8(file.bytes, file.name), file.name);
  const parsed = assembleAnweb(records, file.name);
  const month = /_(JAN|APR|JUL|OCT)_/i.exec(file.name)?.[1]?.toUpperCase();
  const update = month ? `${MONTHS[month] ?? month} ${year} update` : 'annual file';
  const endOfYear = `${year}-12-31`;
  const activeAtEnd = parsed.codes.filter((c) => c.terminated === '' || c.terminated >= endOfYear).length;
  const notes = [
    `HCPCS Level II ${year}, ${update} (${file.name}); codes added or terminated during the year carry their own dates (ADD DT, TERM DT) and are checked per date of service.`,
    `No CPT (Level I) content: ${parsed.cptSkipped} CPT record(s) in the file were skipped.`,
  ];
  if (isXlsx) notes.push('Read from the Excel form of the record layout (long descriptions already joined by CMS).');
  else
    notes.push(
      `Read from the fixed-width record layout; ${parsed.continuations} continuation records joined into long descriptions.`,
    );
  const meta = {
    id: `hcpcs-${year}`,
    system: 'hcpcs' as const,
    fiscalYear: year,
    effectiveFrom: `${year}-01-01`,
    effectiveTo: endOfYear,
    release: `HCPCS Level II ${year} (${update})`,
    provenance: [
      { file: file.name, sha256: file.sha256, bytes: file.bytes.length, role: 'alpha-numeric', releaseYear: year },
    ],
    notes,
    counts: {
      codes: parsed.codes.length,
      modifiers: parsed.modifiers.length,
      terminatedCodes: parsed.codes.filter((c) => c.terminated !== '').length,
      codesActiveAtYearEnd: activeAtEnd,
      cptRecordsSkipped: parsed.cptSkipped,
      continuationRecords: parsed.continuations,
    },
  };
  const bytes = encodeBundle(meta, [
    { name: HCPCS_BLOCK.codes, kind: 'json', payload: jsonPayload(columns(parsed.codes)) },
    { name: HCPCS_BLOCK.modifiers, kind: 'json', payload: jsonPayload(columns(parsed.modifiers)) },
  ]);
  return { header: readBundleHeader(bytes), bytes };
}

/** Bump when the bundle bytes change for the same inputs. */
export const HCPCS_BUILDER_VERSION = 1;

/** The HCPCS Level II importer: one bundle per calendar year found in the source. */
export const hcpcsBuilder: CodesetBuilder = {
  name: 'hcpcs',
  version: HCPCS_BUILDER_VERSION,
  inputs(source: ReleaseSource) {
    return [...hcpcsFiles(source.list()).values()];
  },
  build(source: ReleaseSource) {
    const files = hcpcsFiles(source.list());
    if (files.size === 0) {
      throw new ReleaseFileError(
        'hcpcs/<year>/HCPC<year>_<MON>_ANWEB.xlsx',
        undefined,
        `no HCPCS alpha-numeric file in ${source.description}`,
      );
    }
    return [...files.entries()]
      .sort(([a], [b]) => a - b)
      .map(([year, path]) => buildHcpcsBundle(source.read(path), year));
  },
};
