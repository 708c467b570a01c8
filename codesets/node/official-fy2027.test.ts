/**
 * Official FY2027 files given through `$CODESETS_SRC` replace the derivation: a synthetic miniature
 * release (fictional codes and titles in the official CMS layouts) is written to a folder, found
 * through `$CODESETS_SRC` as `npx chartside codesets build` finds it, and built into a cache of its
 * own. With only the FY2027 addenda, FY2027 is derived and says so; once the official FY2027 order
 * files (and the PCS Tables) are added to the folder, the next build uses them, the derivation is
 * gone and the provenance names the official FY2027 files, as `chartside codesets info` lists it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BundleHeader } from '../../engine/bundle/format';
import { sha256Hex } from '../../engine/bundle/sha256';
import { PcsTable } from '../../engine/icd10pcs/pcs-table';
import { describeBundle } from '../../cli/commands/codesets';
import { buildInstalledCodesets, installedBundles, loadInstalledTables, readBundleFile } from './cache';
import { findCodesetsSource } from './source';

const dir = mkdtempSync(join(tmpdir(), 'chartside-official-fy2027-'));
const src = join(dir, 'src');
const cache = join(dir, 'cache');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const put = (path: string, text: string): void => {
  mkdirSync(dirname(join(src, path)), { recursive: true });
  writeFileSync(join(src, path), text);
};
const sha = (text: string): string => sha256Hex(new TextEncoder().encode(text));

// ICD-10-CM: order-file and order-addenda layouts.
const cmOrder = (n: number, code: string, billable: boolean, title: string): string =>
  `${String(n).padStart(5, '0')} ${code.padEnd(7)} ${billable ? 1 : 0} ${title.padEnd(60)} ${title}`;
const cmAdd = (code: string, title: string): string =>
  `${'Add:'.padEnd(13)}1 ${code.padEnd(7)} ${title.padEnd(60)} ${title}`;
const CM_2026 = [cmOrder(1, 'A00', false, 'Synthetic fever'), cmOrder(2, 'A000', true, 'Synthetic fever, type one')];
const CM_ADDENDA = [
  cmAdd('A001', 'Synthetic fever, type two'),
  '',
  'Headers',
  '  1 headers in icd10cm_order_2026.txt',
  '  1 headers in icd10cm_order_2027.txt',
  'Codes',
  '  1 codes in icd10cm_order_2026.txt',
  '  2 codes in icd10cm_order_2027.txt',
  '',
].join('\r\n');
const CM_2027_OFFICIAL = [...CM_2026, cmOrder(3, 'A001', true, 'Synthetic fever, type two (official wording)')];

// ICD-10-PCS: order file, Tables XML, Definitions XML, the MS-DRG v43.1 procedure list (the April
// update) and the codes addenda, in their official layouts; one fictional table.
const axis = (pos: number, title: string, labels: [string, string][]): string =>
  `<axis pos="${pos}" values="${labels.length}"><title>${title}</title>${labels.map(([c, l]) => `<label code="${c}">${l}</label>`).join('')}</axis>`;
const pcsTables = (year: number, bodyParts: [string, string][]): string =>
  `<?xml version="1.0" encoding="utf-8"?>\n<ICD10PCS.tabular>\n<version>${year}</version>\n<title>t</title>\n<pcsTable>` +
  axis(1, 'Section', [['0', 'Medical and Surgical']]) +
  axis(2, 'Body System', [['D', 'Gastrointestinal System']]) +
  axis(3, 'Operation', [['T', 'Resection']]) +
  `<pcsRow codes="${bodyParts.length}">` +
  axis(4, 'Body Part', bodyParts) +
  axis(5, 'Approach', [['0', 'Open']]) +
  axis(6, 'Device', [['Z', 'No Device']]) +
  axis(7, 'Qualifier', [['Z', 'No Qualifier']]) +
  '</pcsRow></pcsTable>\n</ICD10PCS.tabular>\n';
const PCS_DEFS =
  '<?xml version="1.0" encoding="utf-8"?>\n<ICD10PCS.definitions>\n<version>2026</version>\n<title>d</title>\n' +
  '<section code="0"><title>Medical and Surgical</title><axis pos="3"><title>Operation</title><terms><title>Resection</title><definition>Cutting out all of a body part</definition></terms></axis></section>\n</ICD10PCS.definitions>\n';
const pcsOrder = (n: number, code: string, flag: 0 | 1, title: string): string =>
  `${String(n).padStart(5, '0')} ${code.padEnd(7)} ${flag} ${title.slice(0, 60).padEnd(60)} ${title}`;
const PCS_2026 = [
  pcsOrder(1, '0DT', 0, 'Gastrointestinal System, Resection'),
  pcsOrder(2, '0DTJ0ZZ', 1, 'Resection of Appendix, Open Approach'),
];
const PCS_APRIL = ['code\tor_flag', '0DTJ0ZZ\tOR', ''].join('\n');
const PCS_ADDENDA = [
  'Add:         0DTQ0ZZ Resection of Whimsy, Open Approach',
  '',
  'Codes',
  '  1 codes in icd10pcs_codes_2026.txt',
  '  2 codes in icd10pcs_codes_2027.txt',
  '',
].join('\r\n');
const PCS_2027_OFFICIAL = [...PCS_2026, pcsOrder(3, '0DTQ0ZZ', 1, 'Resection of Whimsy, Open Approach (official)')];
const PCS_2027_TABLES = pcsTables(2027, [
  ['J', 'Appendix'],
  ['Q', 'Whimsy'],
]);

put('icd10cm/FY2026/icd10cm_order_2026.txt', CM_2026.join('\r\n'));
put('icd10cm/FY2027/icd10cm_order_addenda_2027.txt', CM_ADDENDA);
put('icd10pcs/FY2026/icd10pcs_order_2026.txt', PCS_2026.join('\r\n'));
put('icd10pcs/FY2026/icd10pcs_tables_2026.xml', pcsTables(2026, [['J', 'Appendix']]));
put('icd10pcs/FY2026/icd10pcs_definitions_2026.xml', PCS_DEFS);
put('msdrg/FY2026/tables/v431/pr_attributes.tsv', PCS_APRIL);
put('icd10pcs/FY2027/icd10pcs_codes_addenda_2027.txt', PCS_ADDENDA);

/** `npx chartside codesets build --only icd10cm,icd10pcs` with `$CODESETS_SRC` set, into the test's cache. */
async function build(): Promise<Map<string, BundleHeader>> {
  const sourceDir = findCodesetsSource({ CODESETS_SRC: src });
  expect(sourceDir).toBe(src);
  const reports = await buildInstalledCodesets({ sourceDir, cacheDir: cache, only: ['icd10cm', 'icd10pcs'] });
  for (const r of reports) expect(r.error, r.name).toBeUndefined();
  return new Map(installedBundles(cache).map((h) => [h.id, h]));
}

const pcsTable = (id: string): PcsTable => PcsTable.fromBundle(readBundleFile(join(cache, 'bundles', `${id}.csb`)));

describe('official FY2027 files through $CODESETS_SRC replace the derivation', () => {
  it('with the addenda alone, FY2027 is derived and says so', async () => {
    const h = await build();
    expect(h.get('icd10cm-2027')!.derivation).toMatch(/^derived: FY2026 order file \+ FY2027 order addenda/);
    expect(h.get('icd10pcs-2027')!.derivation).toMatch(/^derived: FY2026 April 1 update \+ FY2027 codes addenda/);
    expect(describeBundle(h.get('icd10cm-2027')!).split('\n')[1]).toMatch(/^ {2}derived: FY2026 order file/);
    const tables = await loadInstalledTables({ cacheDir: cache, sourceDir: src });
    expect(tables.cmFor('2026-10-01').table.get('A00.1')!.long).toBe('Synthetic fever, type two');
    expect(pcsTable('icd10pcs-2027').get('0DTQ0ZZ')!.long).toBe('Resection of Whimsy, Open Approach');
  }, 60_000);

  it('once the official FY2027 files are in the folder, the next build uses them and names them', async () => {
    put('icd10cm/FY2027/icd10cm_order_2027.txt', CM_2027_OFFICIAL.join('\r\n'));
    put('icd10pcs/FY2027/icd10pcs_order_2027.txt', PCS_2027_OFFICIAL.join('\r\n'));
    put('icd10pcs/FY2027/icd10pcs_tables_2027.xml', PCS_2027_TABLES);
    const h = await build();

    const cm = h.get('icd10cm-2027')!;
    expect(cm.derivation).toBeUndefined();
    expect(cm.release).not.toMatch(/derived/);
    expect(cm.provenance.find((p) => p.role === 'order')).toMatchObject({
      file: 'icd10cm_order_2027.txt',
      releaseYear: 2027,
      sha256: sha(CM_2027_OFFICIAL.join('\r\n')),
    });
    expect(describeBundle(cm)).not.toMatch(/derived/);
    const tables = await loadInstalledTables({ cacheDir: cache, sourceDir: src });
    expect(tables.cmFor('2026-10-01').table.get('A00.1')!.long).toBe('Synthetic fever, type two (official wording)');

    const pcs = h.get('icd10pcs-2027')!;
    expect(pcs.derivation).toBeUndefined();
    expect(pcs.provenance.map((p) => [p.role, p.releaseYear, p.file])).toEqual(
      expect.arrayContaining([
        ['order', 2027, 'icd10pcs_order_2027.txt'],
        ['tables', 2027, 'icd10pcs_tables_2027.xml'],
      ]),
    );
    expect(pcs.provenance.some((p) => p.role === 'addenda' || p.role === 'april-codes')).toBe(false);
    expect(pcsTable('icd10pcs-2027').get('0DTQ0ZZ')!.long).toBe('Resection of Whimsy, Open Approach (official)');
    // FY2026 is untouched by the FY2027 files.
    expect(h.get('icd10cm-2026')!.provenance.map((p) => p.releaseYear)).toEqual([2026]);
  }, 60_000);
});
