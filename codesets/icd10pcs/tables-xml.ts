/**
 * ICD-10-PCS Tables XML (`icd10pcs_tables_YYYY.xml`, root `ICD10PCS.tabular`).
 *
 * Each `pcsTable` has axes 1-3 (section, body system, root operation: one value each; the root
 * operation carries its definition) and one or more `pcsRow`s with axes 4-7 (body part, approach,
 * device, qualifier), every combination of which within a row is a valid code. Axis names vary by
 * section (e.g. "Body Region", "Substance"), so they are kept as printed.
 */
import { ReleaseFileError } from '../builder';
import { collapseWhitespace } from '../../engine/text/collapse-whitespace';
import { streamXml, type XmlElement } from '../xml/stream-xml';

/** One value of an axis. */
export interface PcsAxisValue {
  /** The code character. */
  char: string;
  label: string;
}

/** An axis as printed. */
export interface PcsAxis {
  pos: number;
  title: string;
  values: PcsAxisValue[];
  definition?: string;
}

/** A `pcsTable`. */
export interface PcsParsedTable {
  /** 3-character prefix (section + body system + root operation). */
  prefix: string;
  axes: [PcsAxis, PcsAxis, PcsAxis];
  rows: [PcsAxis, PcsAxis, PcsAxis, PcsAxis][];
  /** Line of the `pcsTable` start tag (for messages). */
  line: number;
}

/** The parsed Tables XML. */
export interface PcsParsedTables {
  version: string;
  tables: PcsParsedTable[];
}

const PCS_CHAR = /^[0-9A-HJ-NP-Z]$/;

/**
 * Parses the Tables XML. Pure: text in, data out.
 *
 * @throws ReleaseFileError (file and line) for malformed XML or a table that breaks the PCS
 *   structure (wrong axis positions, value counts not matching their `values`/`codes` attributes,
 *   duplicate values or tables).
 */
export function parsePcsTables(text: string, file: string): PcsParsedTables {
  const tables: PcsParsedTable[] = [];
  const prefixes = new Set<string>();
  let version = '';
  let table: { axes: PcsAxis[]; rows: PcsAxis[][]; line: number } | undefined;
  let row: { axes: PcsAxis[]; declared: number; line: number } | undefined;
  let axis: (PcsAxis & { declared: number; line: number }) | undefined;
  let label: { char: string } | undefined;

  const fail = (line: number, message: string): never => {
    throw new ReleaseFileError(file, line, message);
  };
  const intAttr = (el: XmlElement, name: string): number => {
    const raw = el.attrs[name];
    if (raw === undefined || !/^\d+$/.test(raw)) fail(el.line, `<${el.name}> needs a numeric "${name}" attribute`);
    return Number(raw);
  };

  streamXml(text, file, 'ICD10PCS.tabular', {
    open(el, stack) {
      const parent = stack[stack.length - 1]?.name;
      switch (el.name) {
        case 'pcsTable':
          if (parent !== 'ICD10PCS.tabular') fail(el.line, '<pcsTable> outside the root');
          table = { axes: [], rows: [], line: el.line };
          break;
        case 'pcsRow':
          if (!table || parent !== 'pcsTable') fail(el.line, '<pcsRow> outside a <pcsTable>');
          row = { axes: [], declared: intAttr(el, 'codes'), line: el.line };
          break;
        case 'axis':
          if (parent !== 'pcsTable' && parent !== 'pcsRow') fail(el.line, '<axis> outside a table or row');
          axis = { pos: intAttr(el, 'pos'), title: '', values: [], declared: intAttr(el, 'values'), line: el.line };
          break;
        case 'label': {
          if (!axis || parent !== 'axis') fail(el.line, '<label> outside an <axis>');
          const char = el.attrs.code ?? '';
          if (!PCS_CHAR.test(char)) fail(el.line, `invalid axis value "${char}"`);
          label = { char };
          break;
        }
        case 'ICD10PCS.tabular':
        case 'title':
        case 'definition':
        case 'version':
          break;
        default:
          fail(el.line, `unexpected element <${el.name}>`);
      }
    },
    close(el, stack) {
      const parent = stack[stack.length - 1]?.name;
      switch (el.name) {
        case 'version':
          version = collapseWhitespace(el.text);
          break;
        case 'title':
          if (parent === 'axis' && axis) axis.title = collapseWhitespace(el.text);
          break;
        case 'definition':
          if (parent !== 'axis' || !axis) fail(el.line, '<definition> outside an <axis>');
          else axis.definition = collapseWhitespace(el.text);
          break;
        case 'label': {
          if (!axis || !label) break;
          const text = collapseWhitespace(el.text);
          if (text === '') fail(el.line, `empty label for value ${label.char}`);
          if (axis.values.some((v) => v.char === label?.char))
            fail(el.line, `duplicate value ${label.char} in axis ${axis.pos}`);
          axis.values.push({ char: label.char, label: text });
          label = undefined;
          break;
        }
        case 'axis': {
          const a = axis;
          if (!a) break;
          if (a.title === '') fail(a.line, `axis ${a.pos} has no <title>`);
          if (a.values.length !== a.declared)
            fail(a.line, `axis ${a.pos} declares ${a.declared} values but lists ${a.values.length}`);
          const done: PcsAxis = { pos: a.pos, title: a.title, values: a.values };
          if (a.definition !== undefined) done.definition = a.definition;
          if (parent === 'pcsRow' && row) row.axes.push(done);
          else if (table) table.axes.push(done);
          axis = undefined;
          break;
        }
        case 'pcsRow': {
          if (!row || !table) break;
          const positions = row.axes.map((a) => a.pos).join(',');
          if (positions !== '4,5,6,7') fail(row.line, `row axes must be positions 4,5,6,7, found ${positions}`);
          const product = row.axes.reduce((n, a) => n * a.values.length, 1);
          if (product !== row.declared)
            fail(row.line, `row declares ${row.declared} codes but its axes give ${product}`);
          table.rows.push(row.axes);
          row = undefined;
          break;
        }
        case 'pcsTable': {
          if (!table) break;
          const t = table;
          const positions = t.axes.map((a) => a.pos).join(',');
          if (positions !== '1,2,3') fail(t.line, `table axes must be positions 1,2,3, found ${positions}`);
          if (t.axes.some((a) => a.values.length !== 1)) fail(t.line, 'table axes 1-3 must have exactly one value');
          if (t.rows.length === 0) fail(t.line, 'table has no rows');
          const prefix = t.axes.map((a) => a.values[0]?.char).join('');
          if (prefixes.has(prefix)) fail(t.line, `duplicate table ${prefix}`);
          prefixes.add(prefix);
          tables.push({
            prefix,
            axes: t.axes as PcsParsedTable['axes'],
            rows: t.rows as PcsParsedTable['rows'],
            line: t.line,
          });
          table = undefined;
          break;
        }
        default:
      }
    },
  });
  if (tables.length === 0) throw new ReleaseFileError(file, undefined, 'no <pcsTable> found');
  return { version, tables };
}

/**
 * Expands every row into its codes (Cartesian product of axes 4-7), in table and row order.
 * Codes appearing in two rows are yielded twice; callers compare sets.
 */
export function* expandPcsTables(tables: readonly PcsParsedTable[]): Generator<string> {
  for (const t of tables) {
    for (const [a4, a5, a6, a7] of t.rows) {
      for (const v4 of a4.values)
        for (const v5 of a5.values)
          for (const v6 of a6.values)
            for (const v7 of a7.values) yield t.prefix + v4.char + v5.char + v6.char + v7.char;
    }
  }
}
