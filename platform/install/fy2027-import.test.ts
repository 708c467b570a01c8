/**
 * Options-page import of a synthetic miniature release: official FY2027 files picked with the
 * FY2026 order file and the FY2027 addenda are used instead of the derivation; the addenda alone
 * give a derived FY2027 that says so.
 */
import { describe, expect, it } from 'vitest';
import { readBundleHeader } from '../../engine/bundle/format';
import { planImport, type PickedFile } from './picked-files';
import { MINI_ADDENDA_ONLY, MINI_OFFICIAL_FY2027 } from '../../test/fixtures/mini-fy2027-release';

function picked(path: string, text: string): PickedFile {
  const bytes = new TextEncoder().encode(text);
  return {
    name: path.split('/').pop()!,
    webkitRelativePath: `pick/${path}`,
    arrayBuffer: async () => bytes.slice().buffer,
  };
}
const orderLine = (n: number, code: string, billable: boolean, title: string): string =>
  `${String(n).padStart(5, '0')} ${code.padEnd(7)} ${billable ? 1 : 0} ${title.padEnd(60)} ${title}`;
const addendaLine = (action: string, code: string, billable: boolean, title: string): string =>
  `${`${action}:`.padEnd(13)}${billable ? 1 : 0} ${code.padEnd(7)} ${title.padEnd(60)} ${title}`;

// Fictional titles in the official layouts.
const FY2026 = [
  orderLine(1, 'A00', false, 'Synthetic disease'),
  orderLine(2, 'A000', true, 'Synthetic disease, type one'),
].join('\r\n');
const ADDENDA = [
  addendaLine('Add', 'A001', true, 'Synthetic disease, type two'),
  '',
  'Headers',
  '  1 headers in icd10cm_order_2026.txt',
  '  1 headers in icd10cm_order_2027.txt',
  'Codes',
  '  1 codes in icd10cm_order_2026.txt',
  '  2 codes in icd10cm_order_2027.txt',
  '',
].join('\r\n');
const base = [
  picked('icd10cm/FY2026/icd10cm_order_2026.txt', FY2026),
  picked('icd10cm/FY2027/icd10cm_order_addenda_2027.txt', ADDENDA),
];

describe('options-page import, FY2027', () => {
  it('derives FY2027 from the addenda when no FY2027 order file is picked, and says so', async () => {
    const plan = await planImport(base);
    const h = readBundleHeader(plan.bundles.get('icd10cm-2027')!);
    expect(h.derivation).toMatch(/^derived: FY2026 order file \+ FY2027 order addenda/);
    expect(h.counts).toMatchObject({ billable: 2, headers: 1 });
  });

  it('uses a picked official FY2027 order file instead of the derivation', async () => {
    const official = [
      orderLine(1, 'A00', false, 'Synthetic disease'),
      orderLine(2, 'A000', true, 'Synthetic disease, type one'),
      orderLine(3, 'A009', true, 'Synthetic disease, official'),
    ].join('\r\n');
    const plan = await planImport([...base, picked('icd10cm/FY2027/icd10cm_order_2027.txt', official)]);
    const h = readBundleHeader(plan.bundles.get('icd10cm-2027')!);
    expect(h.derivation).toBeUndefined();
    expect(h.counts).toMatchObject({ billable: 2, codes: 3 });
    expect(h.provenance.find((p) => p.role === 'order')).toMatchObject({
      file: 'icd10cm_order_2027.txt',
      releaseYear: 2027,
    });
  });

  it('ICD-10-PCS too: official FY2027 order file and Tables picked with the addenda replace the derivation', async () => {
    const pick = (files: ReadonlyMap<string, string>): PickedFile[] => [...files].map(([p, t]) => picked(p, t));
    const derived = await planImport(pick(MINI_ADDENDA_ONLY));
    expect(readBundleHeader(derived.bundles.get('icd10pcs-2027')!).derivation).toMatch(
      /^derived: FY2026 April 1 update \+ FY2027 codes addenda/,
    );
    const official = await planImport([...pick(MINI_ADDENDA_ONLY), ...pick(MINI_OFFICIAL_FY2027)]);
    const h = readBundleHeader(official.bundles.get('icd10pcs-2027')!);
    expect(h.derivation).toBeUndefined();
    expect(h.provenance.map((p) => [p.role, p.releaseYear, p.file])).toEqual(
      expect.arrayContaining([
        ['order', 2027, 'icd10pcs_order_2027.txt'],
        ['tables', 2027, 'icd10pcs_tables_2027.xml'],
      ]),
    );
    expect(h.provenance.some((p) => p.role === 'addenda')).toBe(false);
    expect(readBundleHeader(official.bundles.get('icd10cm-2027')!).derivation).toBeUndefined();
  });
});
