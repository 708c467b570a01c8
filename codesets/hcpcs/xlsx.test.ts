import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ReleaseFileError } from '../builder';
import { listZip } from '../zip/read-zip';
import { patchZipMember } from '../zip/testing/patch-zip';
import { readFirstSheet } from './xlsx';

/** A minimal synthetic workbook: one sheet, inline strings, plus whatever extra parts a test adds. */
function workbook(extra: Record<string, Uint8Array> = {}): Uint8Array {
  return zipSync({
    'xl/workbook.xml': strToU8(
      '<workbook xmlns:r="r"><sheets><sheet name="Codes" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(
      '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>HCPC</t></is></c><c r="B1"><v>7</v></c></row></sheetData></worksheet>',
    ),
    ...extra,
  });
}

describe('xlsx reader: only the parts it reads are inflated, within limits', () => {
  it('reads the first sheet', () => {
    expect(readFirstSheet(workbook(), 'synthetic.xlsx').rows).toEqual([{ row: 1, cells: ['HCPC', '7'] }]);
  });

  it('ignores an unused member, however broken or large it claims to be', () => {
    const bytes = workbook({ 'xl/media/image1.bin': new Uint8Array(1024 * 1024) });
    const media = listZip(bytes, 'w.xlsx').find((e) => e.name === 'xl/media/image1.bin')!;
    const broken = patchZipMember(bytes, 'xl/media/image1.bin', { size: 0x40000000 });
    const start = media.offset + 30 + media.name.length;
    broken.fill(0xff, start, start + media.compressedSize);
    expect(readFirstSheet(broken, 'synthetic.xlsx').rows).toHaveLength(1);
  });

  it('refuses a sheet that inflates past its claimed size, or above the limit, naming the file', () => {
    const parts = unzipSync(workbook());
    const sheet = new TextDecoder().decode(parts['xl/worksheets/sheet1.xml']);
    parts['xl/worksheets/sheet1.xml'] = strToU8(
      sheet.replace('</sheetData>', `${'<row/>'.repeat(200_000)}</sheetData>`),
    );
    const lying = patchZipMember(zipSync(parts), 'xl/worksheets/sheet1.xml', { size: 4096 });
    expect(() => readFirstSheet(lying, 'lying.xlsx')).toThrow(ReleaseFileError);
    expect(() => readFirstSheet(lying, 'lying.xlsx')).toThrow(
      /lying\.xlsx!xl\/worksheets\/sheet1\.xml: inflates past the 4096 bytes/,
    );
    expect(() => readFirstSheet(zipSync(parts), 'big.xlsx', { maxBytes: 100_000 })).toThrow(
      /sheet1\.xml: claims 1200\d+ bytes, more than the 100000-byte limit/,
    );
  });
});
