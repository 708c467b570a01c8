/**
 * Derives a fiscal year's ICD-10-PCS code set, titles and tables when only its codes addenda are
 * available (FY2027: `icd10pcs_codes_addenda_2027.txt`, "79193 codes in icd10pcs_codes_2026.txt ->
 * 79256 in icd10pcs_codes_2027.txt").
 *
 * The addenda apply to the April 1 update of the previous year, whose code list no PCS file here
 * carries: it is taken from the MS-DRG grouper tables of that update (every valid procedure code
 * has a row in `pr_attributes.tsv`). Codes the previous order file lacks have no official title:
 * a title is composed from the PCS Tables' axis values where every value is printed in the tables,
 * and marked as composed; otherwise the code is valid with the plain label
 * {@link TITLE_NOT_AVAILABLE}. The tables are rewritten so their expansion is exactly the derived
 * code set (the same check an official release passes in `build.ts`).
 */
import { ReleaseFileError } from '../builder';
import type { PcsCodesAddenda } from './codes-addenda';
import { SHORT_TITLE_WIDTH, type PcsOrderEntry, type PcsOrderFile } from './order-file';
import { expandPcsTables, type PcsAxis, type PcsParsedTable, type PcsParsedTables } from './tables-xml';

/** Title of a valid code whose title no available file carries. */
export const TITLE_NOT_AVAILABLE = 'title not in the available files';
/** Suffix marking a title composed from axis values (not an official title). */
export const COMPOSED_MARK =
  '(title composed from the PCS Tables axis values; no official title in the available files)';
/** Label of an axis value that no available PCS Tables file prints. */
export const VALUE_NOT_AVAILABLE = 'value not in the available PCS Tables';

/** Inputs of {@link derivePcsYear}. */
export interface PcsDerivationInput {
  /** The previous year's order file and Tables XML (e.g. FY2026). */
  order: PcsOrderFile;
  tables: PcsParsedTables;
  /**
   * The code list the addenda apply to (e.g. the April 1, 2026 update, from the MS-DRG v43.1
   * procedure table); `undefined` when the addenda apply to the order file itself.
   */
  base?: { codes: ReadonlySet<string>; file: string };
  addenda: PcsCodesAddenda;
  addendaFile: string;
}

/** A derived year: order and tables that pass the usual checks, plus what was not official. */
export interface PcsDerivation {
  order: PcsOrderFile;
  tables: PcsParsedTables;
  /** Base codes (not in the previous order file) whose title was composed from axis values. */
  composed: string[];
  /** Base codes with no title in the available files. */
  untitled: string[];
  /** Codes of the base missing from the previous order file / order-file codes missing from the base. */
  baseAdded: string[];
  baseRemoved: string[];
  /**
   * Added or revised codes whose long title fits the order file's 60-character short-title column:
   * their short title is the long one, exactly, as CMS prints it for every such code (21,499 of
   * 21,499 codes in the FY2025 order file, 21,519 of 21,519 in FY2026; no longer title is ever
   * printed unchanged).
   */
  shortExact: number;
  /**
   * Added or revised codes with a longer title: CMS's abbreviation is in no available file (the
   * codes addenda print the long title only), so the long one stands in, and the notes say so.
   */
  shortFromLong: number;
}

/**
 * The short title of a code known only by its long title (an Add or Revise of the codes addenda):
 * the long title when it fits the short-title column (what CMS's order files do), else the long
 * title standing in for an abbreviation no available file gives (`exact` false).
 */
export function shortTitleOf(long: string): { short: string; exact: boolean } {
  return { short: long, exact: long.length <= SHORT_TITLE_WIDTH };
}

/**
 * Applies the addenda. Refused whole ({@link ReleaseFileError} naming the addenda) when a Delete
 * or Revise names no code of the base, an Add already exists, a Revise-from title disagrees with a
 * known title, or the counts differ from the addenda's summary.
 */
export function derivePcsYear(input: PcsDerivationInput): PcsDerivation {
  const { order, addenda, addendaFile } = input;
  const refuse = (message: string): never => {
    throw new ReleaseFileError(addendaFile, undefined, message);
  };
  const base = input.base?.codes ?? new Set(order.valid.keys());
  const baseAdded = [...base].filter((c) => !order.valid.has(c)).sort();
  const baseRemoved = [...order.valid.keys()].filter((c) => !base.has(c)).sort();
  if (addenda.summary && addenda.summary.before !== base.size)
    refuse(
      `summary counts ${addenda.summary.before} codes before; ${input.base?.file ?? 'the order file'} has ${base.size}: not its addenda`,
    );

  // Titles of the base: the order file's; else (codes added by the update) from the addenda's
  // Revise lines, composed from axis values, or the plain label.
  const titles = new Map<string, { long: string; short: string }>();
  for (const c of base) {
    const e = order.valid.get(c);
    if (e) titles.set(c, { long: e.long, short: e.short });
  }
  const revisedTo = new Map(addenda.revised.map((r) => [r.code, r.to]));
  const lookup = axisLookup(input.tables.tables);
  const composed: string[] = [];
  const untitled: string[] = [];
  for (const c of baseAdded) {
    if (revisedTo.has(c)) continue; // titled by its Revise below
    const parts = lookup.compose(c);
    if (parts) {
      composed.push(c);
      const long = `${parts} ${COMPOSED_MARK}`;
      titles.set(c, { long, short: long });
    } else {
      untitled.push(c);
      titles.set(c, { long: TITLE_NOT_AVAILABLE, short: TITLE_NOT_AVAILABLE });
    }
  }

  const codes = new Set(base);
  for (const d of addenda.deleted) {
    if (!codes.has(d.code)) refuse(`Delete ${d.code}: not in the code set the addenda apply to`);
    const known = order.valid.get(d.code);
    if (known && known.long !== d.title)
      refuse(`Delete ${d.code}: title differs from the order file ("${known.long}")`);
    codes.delete(d.code);
    titles.delete(d.code);
  }
  let shortExact = 0;
  let shortFromLong = 0;
  const titled = (code: string, long: string): void => {
    const { short, exact } = shortTitleOf(long);
    titles.set(code, { long, short });
    if (exact) shortExact++;
    else shortFromLong++;
  };
  for (const r of addenda.revised) {
    if (!codes.has(r.code)) refuse(`Revise ${r.code}: not in the code set the addenda apply to`);
    const known = order.valid.get(r.code);
    if (known && known.long !== r.from)
      refuse(`Revise ${r.code}: "from" title differs from the order file ("${known.long}")`);
    titled(r.code, r.to);
  }
  for (const a of addenda.added) {
    if (codes.has(a.code)) refuse(`Add ${a.code}: already in the code set the addenda apply to`);
    codes.add(a.code);
    titled(a.code, a.title);
  }
  if (addenda.summary && addenda.summary.after !== codes.size)
    refuse(`derived code set has ${codes.size} codes, the summary says ${addenda.summary.after}`);

  const tables = rewriteTables(input.tables, codes, lookup);
  const valid = new Map<string, PcsOrderEntry>();
  for (const c of [...codes].sort()) {
    const t = titles.get(c)!;
    valid.set(c, { code: c, valid: true, long: t.long, short: t.short });
  }
  const headers = new Map([...order.headers].filter(([prefix]) => tables.tables.some((t) => t.prefix === prefix)));
  const entries = [...headers.values(), ...valid.values()].sort((a, b) =>
    a.code < b.code ? -1 : a.code > b.code ? 1 : 0,
  );
  return {
    order: { entries, valid, headers },
    tables,
    composed: composed.sort(),
    untitled: untitled.sort(),
    baseAdded,
    baseRemoved,
    shortExact,
    shortFromLong,
  };
}

/** Where axis titles and value labels for codes outside the printed rows are looked up. */
interface AxisLookup {
  /** Axis `pos` (1-7) of a code: title and label, or undefined when no table prints the value. */
  axis(code: string, pos: number): { title: string; label?: string; definition?: string } | undefined;
  /** "Operation, Body Part, Approach, Device, Qualifier" labels when all are printed, else undefined. */
  compose(code: string): string | undefined;
}

/**
 * Labels come from the code's own table, else a table of the same section and body system (the
 * body-part, device and qualifier values of a body system are shared), else, for section, body
 * system, root operation and approach only, a table of the same section (those values are
 * section-wide in the PCS Tables).
 */
function axisLookup(tables: readonly PcsParsedTable[]): AxisLookup {
  const byPrefix = new Map(tables.map((t) => [t.prefix, t]));
  const axesOf = (t: PcsParsedTable, pos: number): PcsAxis[] =>
    pos <= 3 ? [t.axes[pos - 1]!] : t.rows.map((r) => r[pos - 4]!);
  const find = (candidates: readonly PcsParsedTable[], pos: number, char: string) => {
    for (const t of candidates) {
      for (const a of axesOf(t, pos)) {
        const v = a.values.find((x) => x.char === char);
        if (v)
          return {
            title: a.title,
            label: v.label,
            ...(a.definition === undefined ? {} : { definition: a.definition }),
          };
      }
    }
    return undefined;
  };
  const axis: AxisLookup['axis'] = (code, pos) => {
    const char = code[pos - 1]!;
    const own = byPrefix.get(code.slice(0, 3));
    const sameSystem = tables.filter((t) => t.prefix.slice(0, 2) === code.slice(0, 2));
    const sameSection = tables.filter((t) => t.prefix[0] === code[0]);
    const sectionWide = pos <= 3 || pos === 5;
    const sameOperation = sameSection.filter((t) => t.prefix[2] === code[2]);
    const hit =
      (own && find([own], pos, char)) ??
      find(sameSystem, pos, char) ??
      (sectionWide ? find(pos === 3 ? sameOperation : sameSection, pos, char) : undefined);
    if (hit) return hit;
    // No table prints the value: the axis title still comes from the table (or a sibling).
    const titled = own ?? sameOperation[0] ?? sameSection[0];
    return titled ? { title: axesOf(titled, pos)[0]!.title } : undefined;
  };
  return {
    axis,
    compose(code) {
      const labels: string[] = [];
      for (let pos = 3; pos <= 7; pos++) {
        const a = axis(code, pos);
        if (a?.label === undefined) return undefined;
        labels.push(a.label);
      }
      return labels.join(', ');
    },
  };
}

/**
 * Tables whose expansion is exactly `codes`: rows that hold removed codes are split around them;
 * codes no row holds get a one-code row (a new table when the prefix has none), labelled by
 * {@link axisLookup} or {@link VALUE_NOT_AVAILABLE}.
 */
function rewriteTables(previous: PcsParsedTables, codes: ReadonlySet<string>, lookup: AxisLookup): PcsParsedTables {
  const expanded = new Set(expandPcsTables(previous.tables));
  const missing = [...codes].filter((c) => !expanded.has(c)).sort();
  const tables = new Map<string, PcsParsedTable>();
  for (const t of previous.tables) {
    const rows = t.rows.flatMap((row) => splitRow(t.prefix, row, codes));
    if (rows.length > 0) tables.set(t.prefix, { ...t, rows });
  }
  const axisFor = (code: string, pos: number): PcsAxis => {
    const a = lookup.axis(code, pos);
    return {
      pos,
      title: a?.title ?? `Character ${pos}`,
      values: [{ char: code[pos - 1]!, label: a?.label ?? VALUE_NOT_AVAILABLE }],
      ...(a?.definition === undefined ? {} : { definition: a.definition }),
    };
  };
  for (const code of missing) {
    const prefix = code.slice(0, 3);
    let t = tables.get(prefix);
    if (!t) {
      t = { prefix, axes: [axisFor(code, 1), axisFor(code, 2), axisFor(code, 3)], rows: [], line: 0 };
      tables.set(prefix, t);
    }
    t.rows.push([axisFor(code, 4), axisFor(code, 5), axisFor(code, 6), axisFor(code, 7)]);
  }
  return { version: previous.version, tables: [...tables.values()].sort((a, b) => (a.prefix < b.prefix ? -1 : 1)) };
}

type Row = PcsParsedTable['rows'][number];

/** The row minus every code not in `keep`, as disjoint rows (none when nothing is kept). */
function splitRow(prefix: string, row: Row, keep: ReadonlySet<string>): Row[] {
  for (const v4 of row[0].values)
    for (const v5 of row[1].values)
      for (const v6 of row[2].values)
        for (const v7 of row[3].values) {
          const chars = [v4.char, v5.char, v6.char, v7.char];
          if (keep.has(prefix + chars.join(''))) continue;
          // Split around the first removed code: rows that differ from it at axis k and agree
          // with it before k; together they hold every code of the row but this one.
          const out: Row[] = [];
          for (let k = 0; k < 4; k++) {
            const rest = row[k]!.values.filter((v) => v.char !== chars[k]);
            if (rest.length === 0) continue;
            const parts = row.map((a, j) =>
              j < k
                ? { ...a, values: a.values.filter((v) => v.char === chars[j]) }
                : j === k
                  ? { ...a, values: rest }
                  : a,
            ) as Row;
            out.push(...splitRow(prefix, parts, keep));
          }
          return out;
        }
  return [row];
}
