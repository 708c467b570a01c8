import { describe, expect, it } from 'vitest';
import { fixtureBundle } from './testing/fixture-bundles';
import { PickedFilesSource, planImport, type PickedFile } from './picked-files';

function picked(name: string, content: Uint8Array | string, folderPath = ''): PickedFile {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return { name, webkitRelativePath: folderPath, arrayBuffer: async () => bytes.slice().buffer };
}

/** One fixed-width order-file record (CMS layout: order, code, billable flag, short, long title). */
function orderLine(order: number, code: string, billable: boolean, title: string): string {
  return `${String(order).padStart(5, '0')} ${code.padEnd(7)} ${billable ? 1 : 0} ${title.padEnd(60)} ${title}`;
}

describe('import of picked files', () => {
  it("keeps a picked folder's layout below the folder, and names loose files by file name", async () => {
    const source = await PickedFilesSource.read([
      picked('icd10cm_order_2027.txt', 'x', 'codesets/icd10cm/FY2027/icd10cm_order_2027.txt'),
      picked('loose.txt', 'y'),
    ]);
    expect(source.list()).toEqual(['icd10cm/FY2027/icd10cm_order_2027.txt', 'loose.txt']);
    expect(source.read('loose.txt')).toMatchObject({
      name: 'loose.txt',
      sha256: 'a1fce4363854ff888cff4b8e7875d600c2682390412a8cf79b37d0b11148b0fa',
    });
    expect(() => source.read('missing.txt')).toThrow(/not among the files you picked/);
  });

  it('keeps the code-system folder when that is the folder picked (msdrg/FY2027/tables/v440/…)', async () => {
    const source = await PickedFilesSource.read([
      picked('drgs.tsv', 'x', 'msdrg/FY2027/tables/v440/drgs.tsv'),
      picked('drgs.tsv', 'y', 'downloads/msdrg/FY2027/tables/mce-v440/mce_edits.tsv'),
    ]);
    expect(source.list()).toEqual(['msdrg/FY2027/tables/mce-v440/mce_edits.tsv', 'msdrg/FY2027/tables/v440/drgs.tsv']);
  });

  it('passes Chartside bundles through untouched', async () => {
    const bundle = fixtureBundle();
    const plan = await planImport([picked('icd10cm-2026.csb', bundle)]);
    expect(plan.reports).toEqual([]);
    expect([...plan.bundles.keys()]).toEqual(['icd10cm-2026.csb']);
    expect(plan.bundles.get('icd10cm-2026.csb')).toEqual(bundle);
  });

  it('runs the official importers over release files and reports a malformed one with its file and line', async () => {
    const plan = await planImport([
      picked(
        'icd10cm_order_2027.txt',
        `${orderLine(1, 'A00', false, 'Cholera (synthetic)')}\nthis line is not an order-file record\n`,
        'pick/icd10cm/FY2027/icd10cm_order_2027.txt',
      ),
    ]);
    expect(plan.bundles.size).toBe(0);
    const failed = plan.reports.filter((r) => r.status === 'failed');
    // Only the ICD-10-CM importer had files to read; it names the file and the bad line.
    expect(plan.reports.map((r) => r.name)).toEqual(['icd10cm']);
    expect(failed[0]!.error).toMatchObject({ file: 'icd10cm/FY2027/icd10cm_order_2027.txt', line: 2 });
  });
});
