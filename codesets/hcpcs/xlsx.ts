/**
 * Reads the first worksheet of an .xlsx workbook (Office Open XML, ECMA-376) as rows of strings:
 * list the zip (codesets/zip: bounded, only the parts used are inflated), resolve the sheet through `xl/workbook.xml` and its relationships, and stream
 * `xl/sharedStrings.xml` and the sheet XML through saxes.
 *
 * Only what a data export needs: shared, inline and formula-result strings, numbers as written in
 * `<v>`, booleans. Styles, formulas and dates-as-serials are not interpreted (CMS writes dates as
 * text or as plain `YYYYMMDD` numbers).
 */
import { ReleaseFileError } from '../builder';
import { streamXml } from '../xml/stream-xml';
import { decodeUtf8 } from '../text/decode-utf8';
import { listZip, readZipMember, type ReadMemberOptions, type ZipEntry } from '../zip/read-zip';

/** One spreadsheet row. */
export interface SheetRow {
  /** 1-based row number as in the spreadsheet (`r` attribute). */
  row: number;
  /** Cell texts by column index (A = 0); missing cells are ''. */
  cells: string[];
}

/** The first worksheet of a workbook. */
export interface Sheet {
  name: string;
  /** Path of the sheet XML inside the zip (e.g. `xl/worksheets/sheet1.xml`). */
  path: string;
  rows: SheetRow[];
}

/** Column letters to 0-based index: A -> 0, Z -> 25, AA -> 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * Reads the first sheet of a workbook. Pure: bytes in, rows out.
 *
 * @throws ReleaseFileError when the bytes are not a zip, a part is missing, or a part's XML is
 *   malformed (the error names the part, e.g. `HCPC2025_OCT_ANWEB.xlsx!xl/worksheets/sheet1.xml`,
 *   and its line).
 */
export function readFirstSheet(bytes: Uint8Array, file: string, limits?: ReadMemberOptions): Sheet {
  const fail = (cause: unknown): never => {
    throw new ReleaseFileError(
      file,
      undefined,
      `not a readable .xlsx (zip) file: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
  };
  let entries: ZipEntry[] = [];
  try {
    entries = listZip(bytes, file);
  } catch (cause) {
    fail(cause);
  }
  const has = (path: string): boolean => entries.some((e) => e.name === path);
  // Only the four parts read below are ever inflated (images, styles, other sheets are not).
  const part = (path: string): string => {
    if (!has(path)) throw new ReleaseFileError(file, undefined, `workbook part ${path} is missing`);
    let data: Uint8Array = new Uint8Array();
    try {
      data = readZipMember(bytes, entries, path, file, limits);
    } catch (cause) {
      fail(cause);
    }
    return decodeUtf8(data, `${file}!${path}`);
  };

  // Workbook: first <sheet> and its relationship id.
  let sheetName = '';
  let relId = '';
  streamXml(part('xl/workbook.xml'), `${file}!xl/workbook.xml`, 'workbook', {
    open(el) {
      if (el.name === 'sheet' && relId === '') {
        sheetName = el.attrs.name ?? '';
        relId = el.attrs['r:id'] ?? '';
      }
    },
  });
  if (relId === '') throw new ReleaseFileError(`${file}!xl/workbook.xml`, undefined, 'workbook has no sheet');
  let target = '';
  streamXml(part('xl/_rels/workbook.xml.rels'), `${file}!xl/_rels/workbook.xml.rels`, 'Relationships', {
    open(el) {
      if (el.name === 'Relationship' && el.attrs.Id === relId) target = el.attrs.Target ?? '';
    },
  });
  if (target === '')
    throw new ReleaseFileError(`${file}!xl/_rels/workbook.xml.rels`, undefined, `no relationship ${relId}`);
  const sheetPath = target.startsWith('/') ? target.slice(1) : `xl/${target}`;

  // Shared strings: every <si>, rich-text runs concatenated, phonetic runs (<rPh>) skipped.
  const shared: string[] = [];
  if (has('xl/sharedStrings.xml')) {
    let current: string[] | undefined;
    streamXml(part('xl/sharedStrings.xml'), `${file}!xl/sharedStrings.xml`, 'sst', {
      open(el) {
        if (el.name === 'si') current = [];
      },
      close(el, stack) {
        if (el.name === 't' && current && !stack.some((s) => s.name === 'rPh')) current.push(el.text);
        else if (el.name === 'si' && current) {
          shared.push(current.join(''));
          current = undefined;
        }
      },
    });
  }

  const rows: SheetRow[] = [];
  const sheetFile = `${file}!${sheetPath}`;
  let row: SheetRow | undefined;
  let cell: { col: number; type: string; value: string; line: number } | undefined;
  let lastRow = 0;
  streamXml(part(sheetPath), sheetFile, 'worksheet', {
    open(el) {
      if (el.name === 'row') {
        const r = Number(el.attrs.r ?? lastRow + 1);
        if (!Number.isInteger(r) || r <= lastRow)
          throw new ReleaseFileError(sheetFile, el.line, `row number ${el.attrs.r ?? '?'} out of order`);
        lastRow = r;
        row = { row: r, cells: [] };
      } else if (el.name === 'c' && row) {
        const ref = el.attrs.r;
        const letters = ref === undefined ? undefined : /^([A-Z]+)(\d+)$/.exec(ref);
        if (ref !== undefined && (!letters || Number(letters[2]) !== row.row)) {
          throw new ReleaseFileError(sheetFile, el.line, `cell reference "${ref}" does not belong to row ${row.row}`);
        }
        const col = letters?.[1] !== undefined ? columnIndex(letters[1]) : row.cells.length;
        cell = { col, type: el.attrs.t ?? 'n', value: '', line: el.line };
      }
    },
    close(el, stack) {
      if (el.name === 'v' && cell) cell.value = el.text;
      else if (el.name === 't' && cell && stack.some((s) => s.name === 'is')) cell.value += el.text;
      else if (el.name === 'c' && row && cell) {
        let text = cell.value;
        if (cell.type === 's') {
          const s = /^\d+$/.test(text) ? shared[Number(text)] : undefined;
          if (s === undefined)
            throw new ReleaseFileError(sheetFile, cell.line, `shared string index "${text}" out of range`);
          text = s;
        } else if (cell.type === 'b') text = text === '1' ? 'TRUE' : 'FALSE';
        else if (cell.type === 'e')
          throw new ReleaseFileError(sheetFile, cell.line, `cell holds an error value ${text}`);
        while (row.cells.length < cell.col) row.cells.push('');
        row.cells[cell.col] = text;
        cell = undefined;
      } else if (el.name === 'row' && row) {
        rows.push(row);
        row = undefined;
      }
    },
  });
  return { name: sheetName, path: sheetPath, rows };
}
