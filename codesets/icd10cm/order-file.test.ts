import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReleaseFileError } from '../builder';
import { findCodesetsSource } from '../node/source';
import { isOrderProblem, parseOrderFile, parseOrderLine } from './order-file';

const line = (order: number, code: string, flag: '0' | '1', short: string, long: string): string =>
  `${String(order).padStart(5, '0')} ${code.padEnd(7)} ${flag} ${short.padEnd(60)} ${long}`;

describe('order file parser', () => {
  it('reads a record', () => {
    expect(
      parseOrderLine(
        line(
          2,
          'A000',
          '1',
          'Cholera due to Vibrio cholerae 01, biovar cholerae',
          'Cholera due to Vibrio cholerae 01, biovar cholerae',
        ),
        2,
      ),
    ).toEqual({
      order: 2,
      code: 'A000',
      billable: true,
      short: 'Cholera due to Vibrio cholerae 01, biovar cholerae',
      long: 'Cholera due to Vibrio cholerae 01, biovar cholerae',
    });
  });

  it('never throws on arbitrary lines; what it accepts is well-formed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.nat(100_000), (text, n) => {
        const r = parseOrderLine(text, n);
        if (isOrderProblem(r)) {
          expect(r.line).toBe(n);
          expect(r.problem.length).toBeGreaterThan(0);
        } else {
          expect(r.code).toMatch(/^[A-Z][0-9A-Z]{2,6}$/);
          expect(r.long.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('reads back every generated well-formed record', () => {
    const code = fc.stringMatching(/^[A-Z][0-9][0-9A-Z]{1,5}$/);
    const title = fc.stringMatching(/^[A-Za-z][A-Za-z ,()-]{0,58}[a-z]$/);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999 }), code, fc.boolean(), title, title, (n, c, b, s, l) => {
        expect(parseOrderLine(line(n, c, b ? '1' : '0', s, l), 1)).toEqual({
          order: n,
          code: c,
          billable: b,
          short: s,
          long: l,
        });
      }),
    );
  });

  it('refuses a whole file on one bad line, naming the file and line', () => {
    const good = [line(1, 'A00', '0', 'Cholera', 'Cholera'), line(2, 'A000', '1', 'Cholera due', 'Cholera due')];
    expect(parseOrderFile(good.join('\r\n') + '\r\n', 'x.txt')).toHaveLength(2);
    const bad = [...good, '00003 A001    7 Bad flag'];
    expect(() => parseOrderFile(bad.join('\n'), 'icd10cm_order_2026.txt')).toThrowError(ReleaseFileError);
    try {
      parseOrderFile(bad.join('\n'), 'icd10cm_order_2026.txt');
    } catch (e) {
      expect((e as ReleaseFileError).file).toBe('icd10cm_order_2026.txt');
      expect((e as ReleaseFileError).line).toBe(3);
    }
    expect(() => parseOrderFile([good[0]!, good[0]!.replace('00001', '00002')].join('\n'), 'dup.txt')).toThrow(
      /dup.txt:2: duplicate code A00/,
    );
    expect(() => parseOrderFile(new Uint8Array([0xff, 0xfe, 0x00]), 'bin.txt')).toThrow(/not a UTF-8 text file/);
  });

  it('refuses the ICD-10-PCS order file (wrong file)', () => {
    const pcs =
      '00001 001     0 Central Nervous System and Cranial Nerves, Bypass             Central Nervous System and Cranial Nerves, Bypass';
    expect(() => parseOrderFile(pcs, 'icd10pcs_order_2026.txt')).toThrow(
      /icd10pcs_order_2026.txt:1: bad ICD-10-CM code/,
    );
  });
});

describe('official order files', () => {
  const root = findCodesetsSource();
  it('FY2026: 98,186 lines, 74,719 billable', () => {
    const recs = parseOrderFile(
      readFileSync(join(root, 'icd10cm/FY2026/icd10cm_order_2026.txt')),
      'icd10cm_order_2026.txt',
    );
    expect(recs).toHaveLength(98_186);
    expect(recs.filter((r) => r.billable)).toHaveLength(74_719);
    expect(recs[0]).toMatchObject({ code: 'A00', billable: false, long: 'Cholera' });
  });
  it('FY2026: the billable codes are exactly those of the codes file, with the same long titles', () => {
    const recs = parseOrderFile(
      readFileSync(join(root, 'icd10cm/FY2026/icd10cm_order_2026.txt')),
      'icd10cm_order_2026.txt',
    );
    // icd10cm_codes_2026.txt: code, spaces, long title (CMS "Code Descriptions in Tabular Order").
    const codesFile = readFileSync(join(root, 'icd10cm/FY2026/icd10cm_codes_2026.txt'), 'latin1')
      .split(/\r?\n/)
      .filter((l) => l !== '')
      .map((l) => {
        const m = /^(\S+)\s+(.*)$/.exec(l)!;
        return `${m[1]}\t${m[2]!.trim()}`;
      });
    expect(recs.filter((r) => r.billable).map((r) => `${r.code}\t${r.long}`)).toEqual(codesFile);
  });
  it('FY2025: 97,584 lines, 74,260 billable', () => {
    const recs = parseOrderFile(
      readFileSync(join(root, 'icd10cm/FY2025/icd10cm_order_2025.txt')),
      'icd10cm_order_2025.txt',
    );
    expect(recs).toHaveLength(97_584);
    expect(recs.filter((r) => r.billable)).toHaveLength(74_260);
  });
});
