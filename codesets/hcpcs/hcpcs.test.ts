/**
 * HCPCS Level II importer: the official CMS workbook from ../shared/codesets, a synthetic
 * record-layout text file generated here from workbook rows, and malformed inputs.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeBundle } from '../../engine/bundle/format';
import { readerFromCompressed } from '../../engine/bundle/reader';
import { HcpcsTable } from '../../engine/hcpcs/hcpcs-table';
import type { BuiltBundle, ReleaseFile } from '../builder';
import { anwebRecordsFromSheet, assembleAnweb, parseAnwebText, TEXT_LAYOUT, type HcpcsEntry } from './anweb';
import { buildHcpcsBundle, hcpcsBuilder, hcpcsFiles } from './build';
import { readFirstSheet } from './xlsx';
import { refusal } from '../testing/refusal';

const ROOT = resolve(process.env.CODESETS_SRC ?? join(__dirname, '..', '..', '..', 'shared', 'codesets'));
const XLSX = join(ROOT, 'hcpcs', '2025', 'HCPC2025_OCT_ANWEB.xlsx');

function releaseFile(name: string, bytes: Uint8Array): ReleaseFile {
  return { path: `hcpcs/2025/${name}`, name, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Writes entries in the fixed-width record layout: 320-character records, 80-character long-description lines. */
function toRecordLayout(entries: readonly HcpcsEntry[], extra: string[] = []): string {
  const put = (line: string[], [from, to]: readonly [number, number], value: string): void => {
    const v = value.padEnd(to - from + 1).slice(0, to - from + 1);
    for (let i = 0; i < v.length; i++) line[from - 1 + i] = v[i]!;
  };
  const ymd = (iso: string): string => iso.replaceAll('-', '');
  const lines: string[] = [];
  for (const e of entries) {
    // Break the long description between words into lines of at most 80 characters.
    const chunks: string[] = [];
    let chunk = '';
    for (const word of e.long.split(' ')) {
      if (chunk !== '' && chunk.length + 1 + word.length > 80) {
        chunks.push(chunk);
        chunk = word;
      } else chunk = chunk === '' ? word : `${chunk} ${word}`;
    }
    chunks.push(chunk);
    chunks.forEach((text, i) => {
      const line = Array.from({ length: 320 }, () => ' ');
      put(line, TEXT_LAYOUT.HCPC, e.kind === 'modifier' ? `   ${e.code}` : e.code);
      put(line, TEXT_LAYOUT.SEQNUM, String((i + 1) * 100).padStart(5, '0'));
      put(line, TEXT_LAYOUT.RECID, e.kind === 'code' ? (i === 0 ? '3' : '4') : i === 0 ? '7' : '8');
      put(line, TEXT_LAYOUT['LONG DESCRIPTION'], text);
      if (i === 0) {
        put(line, TEXT_LAYOUT['SHORT DESCRIPTION'], e.short);
        put(line, TEXT_LAYOUT.PRICE1, e.pricing);
        put(line, TEXT_LAYOUT.COV, e.coverage);
        put(line, TEXT_LAYOUT.BETOS, e.betos);
        put(line, TEXT_LAYOUT['ADD DT'], ymd(e.added));
        put(line, TEXT_LAYOUT['ACT EFF DT'], ymd(e.actionEffective));
        put(line, TEXT_LAYOUT['TERM DT'], ymd(e.terminated));
        put(line, TEXT_LAYOUT['ACTION CD'], e.action);
      }
      lines.push(line.join('').trimEnd());
    });
  }
  return [...lines, ...extra].join('\r\n') + '\r\n';
}

const open = (b: BuiltBundle): HcpcsTable => {
  const d = decodeBundle(b.bytes);
  return HcpcsTable.fromBundle(readerFromCompressed(d.header, d.compressed));
};

describe.skipIf(!existsSync(XLSX))('HCPCS Level II from the CMS workbook', () => {
  const file = releaseFile('HCPC2025_OCT_ANWEB.xlsx', new Uint8Array(readFileSync(XLSX)));
  let bundle: BuiltBundle;
  let hcpcs: HcpcsTable;
  let entries: ReturnType<typeof assembleAnweb>;

  beforeAll(() => {
    bundle = buildHcpcsBundle(file, 2025);
    hcpcs = open(bundle);
    entries = assembleAnweb(anwebRecordsFromSheet(readFirstSheet(file.bytes, file.name).rows, file.name), file.name);
  });

  it('reads 8,846 rows: 8,463 Level II codes (RECID 3) and 383 modifiers (RECID 7)', () => {
    const sheet = readFirstSheet(file.bytes, file.name);
    expect(sheet.name).toBe('HCPC2025_OCT_ANWEB');
    expect(sheet.rows).toHaveLength(8_847); // header + 8,846
    expect(sheet.rows[0]?.cells).toHaveLength(48);
    expect(entries.codes).toHaveLength(8_463);
    expect(entries.modifiers).toHaveLength(383);
    expect(hcpcs.size).toBe(8_463);
    expect(hcpcs.modifierCount).toBe(383);
    expect(bundle.header.counts).toMatchObject({ codes: 8_463, modifiers: 383, cptRecordsSkipped: 0 });
  });

  it('contains no CPT (Level I) code at all', () => {
    const all = [...hcpcs.codes()].map((c) => c.code);
    expect(all.filter((c) => /^\d/.test(c))).toEqual([]);
    expect(all.every((c) => /^[A-Z]\d{4}$/.test(c))).toBe(true);
    expect(hcpcs.get('99213')).toBeUndefined();
  });

  it('keeps descriptions, dates, action codes and modifiers', () => {
    expect(hcpcs.get(' a0384 ')).toMatchObject({
      code: 'A0384',
      kind: 'code',
      short: 'Bls defibrillation supplies',
      added: '1995-01-01',
      actionEffective: '2014-01-01',
      action: 'N',
      coverage: 'I',
      betos: 'O1A',
    });
    expect(hcpcs.get('A0384')?.long).toMatch(/^Bls specialized service disposable supplies; defibrillation/);
    expect(hcpcs.get('A0384')?.terminated).toBeUndefined();
    expect(hcpcs.modifier('a1')).toMatchObject({
      code: 'A1',
      kind: 'modifier',
      long: 'Dressing for one wound',
      added: '2002-07-01',
    });
    const longest = Math.max(...[...hcpcs.codes()].map((c) => c.long.length));
    expect(longest).toBeGreaterThan(1_000);
  });

  it('checks a date of service against added and termination dates', () => {
    // C9088: TERM DT 20250930 in the October 2025 file.
    expect(hcpcs.get('C9088')?.terminated).toBe('2025-09-30');
    expect(hcpcs.isActiveOn('C9088', '2025-09-30')).toBe(true);
    expect(hcpcs.isActiveOn('C9088', '2025-10-01')).toBe(false);
    // C9301: ADD DT 20250401.
    expect(hcpcs.get('C9301')?.added).toBe('2025-04-01');
    expect(hcpcs.isActiveOn('C9301', '2025-03-31')).toBe(false);
    expect(hcpcs.isActiveOn('C9301', '2025-04-01')).toBe(true);
    expect(hcpcs.isActiveOn('Q9999X', '2025-04-01')).toBeUndefined();
    expect(() => hcpcs.isActiveOn('C9301', '04/01/2025')).toThrow(RangeError);
    const terminated = [...hcpcs.codes()].filter((c) => c.terminated !== undefined);
    expect(bundle.header.counts.terminatedCodes).toBe(terminated.length);
    expect(terminated.length).toBeGreaterThan(0);
  });

  it('writes hcpcs-2025 for calendar 2025 with provenance', () => {
    const h = bundle.header;
    expect(h).toMatchObject({
      id: 'hcpcs-2025',
      system: 'hcpcs',
      fiscalYear: 2025,
      effectiveFrom: '2025-01-01',
      effectiveTo: '2025-12-31',
    });
    expect(h.release).toBe('HCPCS Level II 2025 (October 2025 update)');
    expect(h.provenance).toEqual([
      {
        file: 'HCPC2025_OCT_ANWEB.xlsx',
        sha256: '6fcd04186caa69af047915d16426a05ba20e49c3eba2367f472a94b534f9be52',
        bytes: 1_867_538,
        role: 'alpha-numeric',
        releaseYear: 2025,
      },
    ]);
  });

  it('parses the record-layout text form to the same entries (synthetic file made from workbook rows)', () => {
    const pick = (codes: string[], list: HcpcsEntry[]): HcpcsEntry[] =>
      codes.map((c) => list.find((e) => e.code === c)!);
    const longOnes = entries.codes.filter((e) => e.long.length > 200).slice(0, 3);
    const sample = [...pick(['A0384', 'C9088', 'C9301', 'E0716'], entries.codes), ...longOnes];
    const modifiers = pick(['A1', 'LT'], entries.modifiers);
    // A fictional numeric code: stands for a CPT row, which must be skipped (no AMA text is used).
    const cpt = `${'00000'}${'00100'}3${'Fictional numeric placeholder row'.padEnd(80)}`;
    const text = toRecordLayout([...sample, ...modifiers], [cpt.replace(/^00000/, '99999')]);
    const parsed = assembleAnweb(parseAnwebText(text, 'HCPC2025_ANWEB_synthetic.txt'), 'HCPC2025_ANWEB_synthetic.txt');
    expect(parsed.codes).toEqual(sample);
    expect(parsed.modifiers).toEqual(modifiers);
    expect(parsed.cptSkipped).toBe(1);
    expect(parsed.continuations).toBeGreaterThan(longOnes.length);
    // And through the builder, preferring the workbook when both exist.
    const txt = releaseFile('HCPC2025_ANWEB_v2.txt', strToU8(text));
    const fromText = open(buildHcpcsBundle(txt, 2025));
    expect(fromText.get('A0384')).toEqual(hcpcs.get('A0384'));
    expect(hcpcsFiles(['hcpcs/2025/HCPC2025_ANWEB_v2.txt', 'hcpcs/2025/HCPC2025_OCT_ANWEB.xlsx']).get(2025)).toBe(
      'hcpcs/2025/HCPC2025_OCT_ANWEB.xlsx',
    );
    expect(hcpcsFiles(['hcpcs/2025/HCPC2025_ANWEB_v2.txt']).get(2025)).toBe('hcpcs/2025/HCPC2025_ANWEB_v2.txt');
  });

  it('builds through the builder interface, byte-identical to the first build', async () => {
    const source = { description: 'memory', list: () => ['hcpcs/2025/HCPC2025_OCT_ANWEB.xlsx'], read: () => file };
    expect(hcpcsBuilder.inputs(source)).toEqual(['hcpcs/2025/HCPC2025_OCT_ANWEB.xlsx']);
    const built = await hcpcsBuilder.build(source);
    expect(built.map((b) => b.header.id)).toEqual(['hcpcs-2025']);
    // A second build of the same file: byte-identical.
    expect(built[0]?.bytes).toEqual(bundle.bytes);
  });

  describe('malformed workbooks are refused with the part and line', () => {
    it('refuses a truncated file', () => {
      const e = refusal(() =>
        buildHcpcsBundle(releaseFile('HCPC2025_OCT_ANWEB.xlsx', file.bytes.subarray(0, file.bytes.length >> 1)), 2025),
      );
      expect(e.file).toBe('HCPC2025_OCT_ANWEB.xlsx');
    });

    it('refuses a corrupted sheet XML at its line', () => {
      const parts = unzipSync(file.bytes);
      const sheet = new TextDecoder().decode(parts['xl/worksheets/sheet1.xml']);
      const at = sheet.indexOf('<row r="100"');
      parts['xl/worksheets/sheet1.xml'] = strToU8(
        sheet.slice(0, at) + '<row r="100"><c r="A100" t="s"><v>1</c></row>' + sheet.slice(at),
      );
      const e = refusal(() => buildHcpcsBundle(releaseFile('HCPC2025_OCT_ANWEB.xlsx', zipSync(parts)), 2025));
      expect(e.file).toBe('HCPC2025_OCT_ANWEB.xlsx!xl/worksheets/sheet1.xml');
      expect(e.line).toBe(sheet.slice(0, at).split('\n').length);
    });

    it('refuses a sheet without the layout columns', () => {
      const parts = unzipSync(file.bytes);
      const strings = new TextDecoder().decode(parts['xl/sharedStrings.xml']);
      parts['xl/sharedStrings.xml'] = strToU8(strings.replace('<t>TERM DT</t>', '<t>TERMINATION</t>'));
      const e = refusal(() => buildHcpcsBundle(releaseFile('HCPC2025_OCT_ANWEB.xlsx', zipSync(parts)), 2025));
      expect(e.message).toMatch(/HCPC2025_OCT_ANWEB\.xlsx:1: missing column\(s\) TERM DT/);
    });
  });
});

describe('record-layout text parser', () => {
  const entry = (over: Partial<HcpcsEntry>): HcpcsEntry => ({
    code: 'A9999',
    kind: 'code',
    long: 'Synthetic supply, each',
    short: 'Synthetic supply',
    added: '2020-01-01',
    actionEffective: '2020-01-01',
    terminated: '',
    action: 'N',
    coverage: 'C',
    betos: 'D1F',
    pricing: '46',
    ...over,
  });
  const parse = (text: string) => assembleAnweb(parseAnwebText(text, 'HCPC2025_ANWEB.txt'), 'HCPC2025_ANWEB.txt');

  it('refuses malformed records with the line', () => {
    const good = toRecordLayout([entry({}), entry({ code: 'A9998' })]).split('\r\n');
    const withRecid = (line: string, recid: string): string => line.slice(0, 10) + recid + line.slice(11);
    expect(refusal(() => parse([good[0], withRecid(good[1]!, '5')].join('\n')))).toMatchObject({
      file: 'HCPC2025_ANWEB.txt',
      line: 2,
    });
    expect(refusal(() => parse(withRecid(good[0]!, '4'))).message).toMatch(
      /continuation record \(RECID 4\) without its first line/,
    );
    expect(refusal(() => parse([good[0], good[0]].join('\n'))).message).toMatch(/duplicate code/);
    const badDate = good[0]!.slice(0, 267) + '20251340' + good[0]!.slice(275);
    expect(refusal(() => parse(badDate)).message).toMatch(/ADD DT "20251340" is not a YYYYMMDD date/);
    expect(refusal(() => parse('A99')).message).toMatch(/record too short/);
    const longText = toRecordLayout([entry({ long: `${'word '.repeat(40)}end` })]).split('\r\n');
    const swapped = [longText[0], longText[2], longText[1]].join('\n');
    expect(refusal(() => parse(swapped)).message).toMatch(/SEQNUM 00200 does not follow 300/);
  });

  it('round-trips generated records (property)', () => {
    const word = fc.string({
      unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789,;()-'),
      minLength: 1,
      maxLength: 14,
    });
    const date = fc
      .date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const arbEntry = fc.record({
      code: fc
        .tuple(fc.constantFrom(...'ABCEGHJKLMPQRSTUV'), fc.integer({ min: 0, max: 9999 }))
        .map(([l, n]) => `${l}${String(n).padStart(4, '0')}`),
      long: fc.array(word, { minLength: 1, maxLength: 60 }).map((w) => w.join(' ')),
      short: fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' ').slice(0, 28).trim()),
      added: date,
      terminated: fc.oneof(fc.constant(''), date),
      action: fc.constantFrom('N', 'A', 'C', 'D'),
    });
    fc.assert(
      fc.property(fc.uniqueArray(arbEntry, { minLength: 1, maxLength: 8, selector: (e) => e.code }), (list) => {
        const full = list.filter((e) => e.short !== '').map((e) => entry({ ...e, actionEffective: e.added }));
        fc.pre(full.length > 0);
        const parsed = parse(toRecordLayout(full));
        expect(parsed.codes).toEqual(full);
      }),
      { numRuns: 200, seed: 3 },
    );
  });
});
