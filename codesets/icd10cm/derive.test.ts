/**
 * The derived ICD-10-CM year passes the checks an official order file passes: on the real files
 * (FY2026 order file + FY2027 order addenda, read from ../shared at test time) and on a synthetic
 * miniature release built by the real builder (where an official order file, when given, wins).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../engine/bundle/sha256';
import { CmTable } from '../../engine/icd10cm/table';
import { readerFromCompressed } from '../../engine/bundle/reader';
import { decodeBundle } from '../../engine/bundle/format';
import { ReleaseFileError } from '../builder';
import { findCodesetsSource } from '../node/source';
import { parseOrderAddenda, type OrderAddenda } from './addenda';
import { icd10cmBuilder } from './builder';
import { applyOrderAddenda } from './derive';
import { parseOrderFile, type OrderRecord } from './order-file';
import { MemorySource } from '../testing/memory-source';

const shared = findCodesetsSource({});
const ADDENDA = 'icd10cm/FY2027/icd10cm_order_addenda_2027.txt';

describe('FY2027 = FY2026 order file + FY2027 order addenda (real files)', () => {
  let fy2026: OrderRecord[];
  let addenda: OrderAddenda;
  let fy2027: OrderRecord[];
  beforeAll(() => {
    fy2026 = parseOrderFile(readFileSync(join(shared, 'icd10cm/FY2026/icd10cm_order_2026.txt')), 'order 2026');
    addenda = parseOrderAddenda(readFileSync(join(shared, ADDENDA)), ADDENDA);
    fy2027 = applyOrderAddenda(fy2026, addenda, ADDENDA);
  });

  it("reads the addenda's records and summary", () => {
    expect([addenda.added.length, addenda.deleted.length, addenda.revised.length]).toEqual([253, 36, 4]);
    expect(addenda.summary).toEqual({
      codes: { before: 74_719, after: 74_879 },
      headers: { before: 23_467, after: 23_524 },
    });
  });

  it("has the summary's counts: 74,879 billable and 23,524 headers, numbered 1..98,403", () => {
    expect(fy2027.length).toBe(98_403);
    expect(fy2027.filter((r) => r.billable).length).toBe(74_879);
    expect(fy2027.filter((r) => !r.billable).length).toBe(23_524);
    expect(fy2027.every((r, i) => r.order === i + 1)).toBe(true);
    expect(new Set(fy2027.map((r) => r.code)).size).toBe(fy2027.length);
  });

  it('carries every added line with its exact titles and flag, and no deleted code that was not re-added', () => {
    const by = new Map(fy2027.map((r) => [r.code, r]));
    for (const a of addenda.added)
      expect(by.get(a.code), a.code).toMatchObject({ billable: a.billable, long: a.title, short: a.short });
    const readded = new Set(addenda.added.map((a) => a.code));
    const gone = addenda.deleted.filter((d) => !readded.has(d.code));
    expect(gone.length).toBe(21);
    for (const d of gone) expect(by.has(d.code), d.code).toBe(false);
    // A billable flag change is Delete + Add: I42.0 (Dilated cardiomyopathy) becomes a header.
    expect(by.get('I420')).toMatchObject({ billable: false });
    expect(by.get('Z2914')!.long).toBe('Encounter for prophylactic rabies immune globulin');
    expect(by.get('L02232')!.short).toBe('Carbuncle of back [any part, except buttock and flank]');
  });

  it('places each new line in code order within its category, keeping the FY2026 order of the others', () => {
    const added = new Set(addenda.added.map((a) => a.code));
    for (let i = 0; i < fy2027.length; i++) {
      const r = fy2027[i]!;
      if (!added.has(r.code)) continue;
      const prev = fy2027[i - 1]!;
      const next = fy2027[i + 1];
      if (prev.code.slice(0, 3) === r.code.slice(0, 3))
        expect(prev.code < r.code, `${prev.code} before ${r.code}`).toBe(true);
      if (next && next.code.slice(0, 3) === r.code.slice(0, 3))
        expect(r.code < next.code, `${r.code} before ${next.code}`).toBe(true);
    }
    const kept = fy2027.filter((r) => !added.has(r.code)).map((r) => r.code);
    const deleted = new Set(addenda.deleted.map((d) => d.code));
    expect(kept).toEqual(fy2026.filter((r) => !deleted.has(r.code)).map((r) => r.code));
    // C78.31 and C78.32 follow C78.30 / C78.3 and precede C78.39 if present, else C78.4.
    const at = (c: string): number => fy2027.findIndex((r) => r.code === c);
    expect(at('C7831')).toBeGreaterThan(at('C783'));
    expect(at('C7832')).toBe(at('C7831') + 1);
  });
});

// ---- a synthetic miniature release (fictional titles, official layouts) ----

const orderLine = (n: number, code: string, flag: 0 | 1, title: string): string =>
  `${String(n).padStart(5, '0')} ${code.padEnd(7)} ${flag} ${title.slice(0, 60).padEnd(60)} ${title}`;
const addendaLine = (action: string, code: string, flag: 0 | 1, title: string): string =>
  `${`${action}:`.padEnd(13)}${flag} ${code.padEnd(7)} ${title.slice(0, 60).padEnd(60)} ${title}`;

const MINI_2026 = [
  [`A00`, 0, 'Alpha disease'],
  [`A000`, 1, 'Alpha disease, type one'],
  [`A009`, 1, 'Alpha disease, unspecified'],
  [`A01`, 1, 'Beta disease'],
  [`A02`, 0, 'Gamma disease'],
  [`A021`, 1, 'Gamma disease of left side'],
  [`B00`, 1, 'Delta disease'],
] as const;
const mini2026 = (): string => MINI_2026.map(([c, f, t], i) => orderLine(i + 1, c, f, t)).join('\r\n') + '\r\n';
const miniAddenda = (summary = { codesAfter: 5, headersAfter: 3 }): string =>
  [
    addendaLine('Add', 'A005', 1, 'Alpha disease, type five'),
    addendaLine('Delete', 'A01', 1, 'Beta disease'),
    addendaLine('Add', 'A01', 0, 'Beta disease'),
    addendaLine('Add', 'A011', 1, 'Beta disease, recurrent'),
    addendaLine('Delete', 'A021', 1, 'Gamma disease of left side'),
    addendaLine('Revise from', 'B00', 1, 'Delta disease'),
    addendaLine('Revise to', 'B00', 1, 'Delta disease, any site'),
    '',
    'Headers',
    '  2 headers in icd10cm_order_2026.txt',
    `  ${summary.headersAfter} headers in icd10cm_order_2027.txt`,
    '',
    'Codes',
    '  5 codes in icd10cm_order_2026.txt',
    `  ${summary.codesAfter} codes in icd10cm_order_2027.txt`,
    '',
  ].join('\r\n');

const table = (bytes: Uint8Array): CmTable => {
  const { header, compressed } = decodeBundle(bytes);
  return CmTable.fromReader(readerFromCompressed(header, compressed));
};

describe('derivation on a synthetic miniature release', () => {
  const prev = (): OrderRecord[] => parseOrderFile(mini2026(), 'mini 2026');

  it('deletes, re-adds with a new flag, inserts in code order and revises titles', () => {
    const out = applyOrderAddenda(prev(), parseOrderAddenda(miniAddenda(), 'mini addenda'), 'mini addenda');
    expect(out.map((r) => `${r.order} ${r.code} ${r.billable ? 1 : 0}`)).toEqual([
      '1 A00 0',
      '2 A000 1',
      '3 A005 1',
      '4 A009 1',
      '5 A01 0',
      '6 A011 1',
      '7 A02 0',
      '8 B00 1',
    ]);
    expect(out.at(-1)!.long).toBe('Delta disease, any site');
  });

  it('refuses addenda whose summary the result does not match, or that do not fit the previous file', () => {
    const wrongCount = parseOrderAddenda(miniAddenda({ codesAfter: 7, headersAfter: 3 }), 'x');
    expect(() => applyOrderAddenda(prev(), wrongCount, 'x')).toThrow(
      /derived order file has 5 codes \/ 3 headers, the summary says 7 \/ 3/,
    );
    const a = parseOrderAddenda(miniAddenda(), 'x');
    a.deleted[0] = { ...a.deleted[0]!, title: 'Epsilon disease' };
    expect(() => applyOrderAddenda(prev(), a, 'x')).toThrow(ReleaseFileError);
    const twice = parseOrderAddenda(miniAddenda(), 'x');
    twice.added.push({ code: 'A000', billable: true, title: 'Alpha again', short: 'Alpha again' });
    expect(() => applyOrderAddenda(prev(), twice, 'x')).toThrow(/Add A000: already in the previous order file/);
  });

  it('the builder makes a derived icd10cm-2027 bundle with both files as provenance', () => {
    const files = new Map([
      ['icd10cm/FY2026/icd10cm_order_2026.txt', mini2026()],
      ['icd10cm/FY2027/icd10cm_order_addenda_2027.txt', miniAddenda()],
    ]);
    const built = icd10cmBuilder.build(new MemorySource(files)) as { header: { id: string }; bytes: Uint8Array }[];
    expect(built.map((b) => b.header.id)).toEqual(['icd10cm-2026', 'icd10cm-2027']);
    const cm = table(built[1]!.bytes);
    const h = decodeBundle(built[1]!.bytes).header;
    expect(h.derivation).toMatch(/^derived: FY2026 order file \+ FY2027 order addenda/);
    expect(h.release).toContain('derived: FY2026 order file + FY2027 order addenda');
    expect(h.provenance.map((p) => [p.role, p.releaseYear, p.file])).toEqual([
      ['order', 2026, 'icd10cm_order_2026.txt'],
      ['addenda', 2027, 'icd10cm_order_addenda_2027.txt'],
    ]);
    expect(h.provenance.map((p) => p.sha256)).toEqual([
      sha256Hex(new TextEncoder().encode(mini2026())),
      sha256Hex(new TextEncoder().encode(miniAddenda())),
    ]);
    expect(h.counts).toMatchObject({ billable: 5, headers: 3 });
    expect(cm.get('A00.5')).toMatchObject({ long: 'Alpha disease, type five', newInYear: true, billable: true });
    expect(cm.get('A02.1')).toBeUndefined();
    expect(cm.deletedThisYear().map((d) => d.dotted)).toEqual(['A01', 'A02.1']);
    expect(decodeBundle(built[0]!.bytes).header.derivation).toBeUndefined();
  });

  it('an official FY2027 order file, when given, is used instead of the derivation', () => {
    const official = [...MINI_2026.slice(0, 3), ['A03', 1, 'Official epsilon disease'] as const]
      .map(([c, f, t], i) => orderLine(i + 1, c, f, t))
      .join('\r\n');
    const files = new Map([
      ['icd10cm/FY2026/icd10cm_order_2026.txt', mini2026()],
      ['icd10cm/FY2027/icd10cm_order_2027.txt', official],
      ['icd10cm/FY2027/icd10cm_order_addenda_2027.txt', miniAddenda()],
    ]);
    const built = icd10cmBuilder.build(new MemorySource(files)) as { header: { id: string }; bytes: Uint8Array }[];
    const h = decodeBundle(built[1]!.bytes).header;
    expect(h.derivation).toBeUndefined();
    expect(h.provenance.find((p) => p.role === 'order')).toMatchObject({
      releaseYear: 2027,
      file: 'icd10cm_order_2027.txt',
    });
    expect(table(built[1]!.bytes).get('A03')!.long).toBe('Official epsilon disease');
  });
});
