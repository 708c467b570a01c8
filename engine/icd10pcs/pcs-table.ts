/**
 * ICD-10-PCS tables of one fiscal year, read from an `icd10pcs-<year>` bundle.
 *
 * Codes are not stored: a code is valid when some row of its table holds each of its characters
 * 4-7 (the build checked that this set equals the order file's valid codes). Titles live in two
 * text blocks in ascending code order; a table's codes are contiguous in that order, so each table
 * records where its titles start and sorts its own codes on first use. Titles are front- and
 * back-coded against their predecessor within their table (see `title-coding.ts`) and decoded one
 * table at a time on first use.
 */
import { BundleFormatError } from '../bundle/format';
import { readJson, readText, type BundleReader } from '../bundle/reader';
import { PcsDefinitions } from './definitions';
import {
  PCS_BLOCK,
  PCS_BLOCKS_VERSION,
  type PcsAxisRecord,
  type PcsDefinitionsBlock,
  type PcsIndexBlock,
  type PcsTablesBlock,
} from './format';
import { PcsIndex } from './pcs-index';
import { PcsTableBuilder } from './table-builder';
import { decodeTitleRange, titleLineStarts } from './title-coding';

/** One character of a code, explained. Shared and frozen: do not mutate. */
export interface PcsAxisDetail {
  /** Character position 1-7. */
  position: number;
  /** Axis name as printed in the table, e.g. "Body Part", "Approach", "Qualifier". */
  name: string;
  /** The code character at this position. */
  value: string;
  /** Its label in the table, e.g. "Appendix". */
  label: string;
  /** Definition: the root operation's (tables), else the Definitions entry's (e.g. approach). */
  definition?: string;
  /** Explanation from the Definitions, when present. */
  explanation?: string;
  /** Body Part / Device / Substance Key: what the value includes. */
  includes?: readonly string[];
}

/** Everything about one 7-character code. */
export interface PcsCodeDetail {
  /** The code, upper case. */
  code: string;
  /** `true` when the code is valid in this fiscal year's tables. */
  valid: boolean;
  /** Long title from the order file (valid codes only). */
  long?: string;
  /** Short (abbreviated) title from the order file (valid codes only). */
  short?: string;
  /** 3-character table prefix (section, body system, root operation). */
  table: string;
  /** Title of the table's header line in the order file, e.g. "Gastrointestinal System, Resection". */
  tableTitle?: string;
  /** Characters explained; a character the table does not know is left out. */
  axes: PcsAxisDetail[];
}

/** A loaded table (internal, shared with the builder and index). */
export interface LoadedPcsTable {
  prefix: string;
  record: PcsTablesBlock['tables'][number];
  /** Index of the table's first code in ascending code order. */
  firstCode: number;
  /** Number of valid codes. */
  codeCount: number;
  /** The table's valid codes, sorted; filled on first use. */
  sorted?: string[];
  /** Decoded titles, parallel to `sorted`; filled on first use. */
  longTitles?: string[];
  shortTitles?: string[];
}

const normalize = (code: string): string => code.trim().toUpperCase();

/**
 * The ICD-10-PCS tables, titles, Index and Definitions of one fiscal year.
 *
 * @example
 * const pcs = PcsTable.fromBundle(reader);
 * pcs.get('0DTJ4ZZ')?.long; // "Resection of Appendix, Percutaneous Endoscopic Approach"
 * pcs.builder.options('0DT').find((o) => o.value === 'J')?.label; // "Appendix"
 */
export class PcsTable {
  /** Fiscal year of the bundle. */
  readonly fiscalYear: number;
  /** Number of valid codes. */
  readonly size: number;
  /** The table builder walk over these tables. */
  readonly builder: PcsTableBuilder;
  /** Definitions (root operations, approaches, Body Part / Device / Substance Keys). */
  readonly definitions: PcsDefinitions;
  /** @internal String pool of the tables block. */
  readonly strings: readonly string[];
  private readonly byPrefix = new Map<string, LoadedPcsTable>();
  private readonly ordered: LoadedPcsTable[] = [];
  private longCoded: { text: string; starts: Uint32Array } | undefined;
  private shortCoded: { text: string; starts: Uint32Array } | undefined;
  private indexCache: PcsIndex | undefined;
  private readonly details = new WeakMap<PcsAxisRecord, PcsAxisDetail[]>();

  /**
   * @param tables the `pcs-tables` block.
   * @param titles loads the long / short title blocks (called on first title access).
   * @param definitions the `pcs-definitions` block.
   * @param index loads the `pcs-index` block (called on first index access), or `undefined`.
   */
  constructor(
    tables: PcsTablesBlock,
    private readonly titles: () => { long: string; short: string },
    definitions: PcsDefinitionsBlock,
    private readonly loadIndex: (() => PcsIndexBlock) | undefined,
    fiscalYear: number,
  ) {
    if (tables.version !== PCS_BLOCKS_VERSION) {
      throw new BundleFormatError(`PCS tables block version ${tables.version}; this build reads ${PCS_BLOCKS_VERSION}`);
    }
    this.fiscalYear = fiscalYear;
    this.strings = tables.strings;
    let first = 0;
    for (const record of tables.tables) {
      const prefix = record.axes.map((a) => a.chars).join('');
      const codeCount = record.rows.reduce((n, row) => n + row.reduce((m, a) => m * a.chars.length, 1), 0);
      const t: LoadedPcsTable = { prefix, record, firstCode: first, codeCount };
      this.byPrefix.set(prefix, t);
      this.ordered.push(t);
      first += codeCount;
    }
    this.size = first;
    this.definitions = new PcsDefinitions(definitions);
    this.builder = new PcsTableBuilder(this);
  }

  /**
   * Opens the PCS tables of a bundle. Title and index blocks are inflated on first use.
   *
   * @throws BundleFormatError when the bundle is not a PCS bundle or a block is missing/corrupt.
   */
  static fromBundle(reader: BundleReader): PcsTable {
    if (reader.header.system !== 'icd10pcs') {
      throw new BundleFormatError(`bundle ${reader.header.id} is not an ICD-10-PCS bundle`);
    }
    return new PcsTable(
      readJson<PcsTablesBlock>(reader, PCS_BLOCK.tables),
      () => ({ long: readText(reader, PCS_BLOCK.longTitles), short: readText(reader, PCS_BLOCK.shortTitles) }),
      readJson<PcsDefinitionsBlock>(reader, PCS_BLOCK.definitions),
      reader.has(PCS_BLOCK.index) ? () => readJson(reader, PCS_BLOCK.index) : undefined,
      reader.header.fiscalYear,
    );
  }

  /** The string at an index of the string pool (internal helper for the builder and index). */
  str(i: number): string {
    const s = this.strings[i];
    if (s === undefined) throw new BundleFormatError(`PCS tables block: string ${i} out of range`);
    return s;
  }

  /** The loaded table for a 3-character prefix (internal). */
  loaded(prefix: string): LoadedPcsTable | undefined {
    return this.byPrefix.get(prefix);
  }

  /** Every table, ascending by prefix (internal). */
  loadedTables(): readonly LoadedPcsTable[] {
    return this.ordered;
  }

  /** `true` when the 7-character code is valid in these tables. */
  isValid(code: string): boolean {
    const c = normalize(code);
    if (c.length !== 7) return false;
    const t = this.byPrefix.get(c.slice(0, 3));
    return t !== undefined && rowsMatching(t.record.rows, c.slice(3)).length > 0;
  }

  /**
   * `true` when some valid code starts with `prefix` (the empty prefix included).
   *
   * @example pcs.isValidPrefix('0DTJ'); // true
   */
  isValidPrefix(prefix: string): boolean {
    const p = normalize(prefix);
    if (p.length > 7) return false;
    if (p.length < 3) {
      for (const t of this.ordered) if (t.prefix.startsWith(p)) return true;
      return false;
    }
    const t = this.byPrefix.get(p.slice(0, 3));
    return t !== undefined && rowsMatching(t.record.rows, p.slice(3)).length > 0;
  }

  /**
   * Looks a code up. Returns `undefined` for anything that is not 7 characters of a known table;
   * otherwise the detail, with `valid: false` for a combination the table does not allow.
   *
   * @example
   * pcs.get('0dtj4zz'); // { code: '0DTJ4ZZ', valid: true, long: 'Resection of Appendix, ...', axes: [...7] }
   */
  get(code: string): PcsCodeDetail | undefined {
    const c = normalize(code);
    if (c.length !== 7) return undefined;
    const t = this.byPrefix.get(c.slice(0, 3));
    if (!t) return undefined;
    const section = c[0] ?? '';
    const axes: PcsAxisDetail[] = t.record.axes.map((a) => this.axisDetail(section, a, 0, t));
    const rows = rowsMatching(t.record.rows, c.slice(3));
    // Labels of a character are the same in every row of a table; prefer a row holding the whole
    // code, else any row holding that character.
    for (let i = 0; i < 4; i++) {
      const ch = c[3 + i] ?? '';
      const row = rows[0] ?? t.record.rows.find((r) => r[i]?.chars.includes(ch));
      const axis = row?.[i];
      const at = axis ? axis.chars.indexOf(ch) : -1;
      if (axis && at >= 0) axes.push(this.axisDetail(section, axis, at, t));
    }
    const detail: PcsCodeDetail = { code: c, valid: rows.length > 0, table: t.prefix, axes };
    if (t.record.header >= 0) detail.tableTitle = this.str(t.record.header);
    if (detail.valid) {
      const rank = binarySearch(this.tableCodes(t), c);
      detail.long = this.title('long', t, rank);
      detail.short = this.title('short', t, rank);
    }
    return detail;
  }

  /** Valid codes in ascending order. */
  *codes(): Generator<string> {
    for (const t of this.ordered) yield* this.tableCodes(t);
  }

  /**
   * Valid codes with their titles, ascending (for search indexing).
   *
   * @example for (const { code, long } of pcs.entries()) index.add(code, long);
   */
  *entries(): Generator<{ code: string; long: string; short: string }> {
    for (const t of this.ordered) {
      const codes = this.tableCodes(t);
      for (let rank = 0; rank < codes.length; rank++) {
        yield { code: codes[rank] as string, long: this.title('long', t, rank), short: this.title('short', t, rank) };
      }
    }
  }

  /** The Alphabetic Index used for this year (its release year may be older: see `index.releaseYear`). */
  get index(): PcsIndex {
    if (!this.loadIndex) throw new BundleFormatError(`PCS bundle FY${this.fiscalYear} has no index block`);
    return (this.indexCache ??= new PcsIndex(this.loadIndex(), this));
  }

  /** The sorted valid codes of one table (internal). */
  tableCodes(t: LoadedPcsTable): string[] {
    if (t.sorted) return t.sorted;
    const out: string[] = [];
    for (const [a4, a5, a6, a7] of t.record.rows) {
      for (const c4 of a4.chars)
        for (const c5 of a5.chars)
          for (const c6 of a6.chars) for (const c7 of a7.chars) out.push(t.prefix + c4 + c5 + c6 + c7);
    }
    out.sort();
    if (out.length !== t.codeCount) throw new BundleFormatError(`PCS table ${t.prefix}: code count mismatch`);
    t.sorted = out;
    return out;
  }

  /** @internal Explains one value of an axis. */
  axisDetail(section: string, axis: PcsAxisRecord, at: number, t: LoadedPcsTable): PcsAxisDetail {
    // Details are immutable and an axis record belongs to one table: compute each once (get() and
    // options() then allocate almost nothing).
    let cached = this.details.get(axis);
    if (!cached) this.details.set(axis, (cached = []));
    return (cached[at] ??= Object.freeze(this.explain(section, axis, at, t)));
  }

  private explain(section: string, axis: PcsAxisRecord, at: number, t: LoadedPcsTable): PcsAxisDetail {
    const label = this.str(axis.labels[at] ?? -1);
    const detail: PcsAxisDetail = {
      position: axis.pos,
      name: this.str(axis.title),
      value: axis.chars[at] ?? '',
      label,
    };
    if (axis.definition >= 0) detail.definition = this.str(axis.definition);
    // Device Key entries are named "<device> in <body system>".
    const bodySystem = this.str(t.record.axes[1].labels[0] ?? -1);
    const term =
      axis.pos >= 3
        ? (this.definitions.lookup(section, axis.pos, label) ??
          this.definitions.lookup(section, axis.pos, `${label} in ${bodySystem}`))
        : undefined;
    if (term) {
      if (detail.definition === undefined && term.definition !== undefined) detail.definition = term.definition;
      if (term.explanation !== undefined) detail.explanation = term.explanation;
      if (term.includes.length > 0) detail.includes = Object.freeze([...term.includes]);
    }
    return detail;
  }

  private title(kind: 'long' | 'short', t: LoadedPcsTable, rank: number): string {
    if (this.longCoded === undefined || this.shortCoded === undefined) {
      const { long, short } = this.titles();
      this.longCoded = { text: long, starts: titleLineStarts(long, this.size) };
      this.shortCoded = { text: short, starts: titleLineStarts(short, this.size) };
    }
    const coded = kind === 'long' ? this.longCoded : this.shortCoded;
    const cache = kind === 'long' ? 'longTitles' : 'shortTitles';
    const list = (t[cache] ??= decodeTitleRange(coded.text, coded.starts, t.firstCode, t.codeCount));
    return list[rank] ?? '';
  }
}

/** Rows of a table whose axes 4.. hold the given characters (a prefix of characters 4-7). */
export function rowsMatching(
  rows: PcsTablesBlock['tables'][number]['rows'],
  rest: string,
): PcsTablesBlock['tables'][number]['rows'] {
  return rows.filter((row) => {
    for (let i = 0; i < rest.length; i++) {
      const axis = row[i];
      if (!axis || !axis.chars.includes(rest[i] ?? '')) return false;
    }
    return true;
  });
}

function binarySearch(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid] as string;
    if (v === value) return mid;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  throw new BundleFormatError(`code ${value} valid in its row but missing from the table's codes`);
}
