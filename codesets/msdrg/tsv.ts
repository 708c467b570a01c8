/**
 * Strict reader for the MS-DRG / MCE table dumps: UTF-8, tab-separated, one header line, `\n`
 * line ends. Any deviation refuses the whole file with its name and line number, so a damaged
 * table never becomes a half-built bundle (bad input gets a clear error and loses nothing).
 */
import { ReleaseFileError, type ReleaseFile } from '../builder';
import { decodeUtf8 } from '../text/decode-utf8';

/** One parsed data row: cells by column name, plus its 1-based line number in the file. */
export interface TsvRow {
  line: number;
  cells: string[];
}

/** A parsed table with typed cell accessors that raise {@link ReleaseFileError}. */
export class TsvTable {
  constructor(
    readonly file: string,
    readonly columns: readonly string[],
    readonly rows: TsvRow[],
  ) {}

  private index(column: string): number {
    const i = this.columns.indexOf(column);
    if (i < 0) throw new ReleaseFileError(this.file, 1, `missing column "${column}"`);
    return i;
  }

  /** Returns a getter for one column. */
  col(column: string): (row: TsvRow) => string {
    const i = this.index(column);
    return (row) => row.cells[i]!;
  }

  /** Returns a getter parsing a non-negative integer column. */
  int(column: string): (row: TsvRow) => number {
    const get = this.col(column);
    return (row) => {
      const v = get(row);
      if (!/^\d+$/.test(v))
        throw new ReleaseFileError(this.file, row.line, `column ${column}: "${v}" is not an integer`);
      return Number(v);
    };
  }

  /** Raises a {@link ReleaseFileError} for a row. */
  fail(row: TsvRow, message: string): never {
    throw new ReleaseFileError(this.file, row.line, message);
  }
}

/**
 * Parses a TSV release file whose header must be exactly `expected`.
 *
 * @throws ReleaseFileError on a wrong header, a row with the wrong number of cells, or a CR.
 */
export function parseTsv(file: ReleaseFile, expected: readonly string[]): TsvTable {
  const text = decodeUtf8(file.bytes, file.path);
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const header = lines[0];
  if (header === undefined) throw new ReleaseFileError(file.path, 1, 'empty file');
  const columns = header.split('\t');
  if (columns.join('\t') !== expected.join('\t')) {
    throw new ReleaseFileError(file.path, 1, `unexpected header "${header}", expected "${expected.join('\\t')}"`);
  }
  const rows: TsvRow[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.includes('\r'))
      throw new ReleaseFileError(file.path, i + 1, 'carriage return in line (expected \\n line ends)');
    const cells = line.split('\t');
    if (cells.length !== columns.length) {
      throw new ReleaseFileError(file.path, i + 1, `${cells.length} cells, expected ${columns.length}`);
    }
    rows.push({ line: i + 1, cells });
  }
  return new TsvTable(file.path, columns, rows);
}

/** Splits a space-separated list cell ('' = none). */
export function list(cell: string): string[] {
  return cell === '' ? [] : cell.split(' ');
}
