import type { ChartRow, ChartTable } from '../../../engine/chart/snapshot';
import { collapseWhitespace } from '../../../engine/text/collapse-whitespace';
import type { TextBuilder } from './text-builder';

/** How to read one kind of table (HTML tables and div grids alike). */
export interface TableRule {
  selector: string;
  /** Rows inside the table element. */
  rows: string;
  /** Cells inside a row. */
  cells: string;
  /** `labs`, `vitals`, or decided per table from an attribute / the header. */
  kind: ChartTable['kind'] | ((table: Element, header: string[]) => ChartTable['kind']);
  /**
   * The table's caption when the page shows it outside the table (a report's "Issued" date beside a
   * component library's result table). Default: the `<caption>` element, else `aria-label`.
   */
  caption?: (table: Element) => string | undefined;
}

/** HTML tables and ARIA grids, whatever the page. */
export const GENERIC_TABLES: TableRule[] = [
  { selector: 'table', rows: 'tr', cells: 'th,td', kind: guessKind },
  {
    selector: '[role="table"],[role="grid"]',
    rows: '[role="row"]',
    cells: '[role="cell"],[role="gridcell"],[role="columnheader"],[role="rowheader"]',
    kind: guessKind,
  },
];

export const LAB_WORDS =
  /\b(sodium|potassium|creatinine|bun|glucose|wbc|hemoglobin|hgb|platelets?|lactate|bnp|troponin|albumin|a1c|chloride|bicarbonate|inr|lab|component|result)\b/i;
export const VITAL_WORDS =
  /\b(temp|temperature|hr|heart rate|pulse|rr|resp|bp|blood pressure|spo2|o2 sat|weight|bmi|vital)\b/i;

/** Kind of a table from its header and first column. */
export function guessKind(table: Element, header: string[]): ChartTable['kind'] {
  const hint = `${table.getAttribute('data-table') ?? ''} ${table.getAttribute('data-grid') ?? ''} ${table.getAttribute('aria-label') ?? ''}`;
  if (/lab|result/i.test(hint)) return 'labs';
  if (/vital|flowsheet/i.test(hint)) return 'vitals';
  const head = header.join(' ');
  if (VITAL_WORDS.test(head) && !LAB_WORDS.test(head)) return 'vitals';
  if (LAB_WORDS.test(head)) return 'labs';
  return 'other';
}

const cellText = (el: Element): string => collapseWhitespace(el.textContent ?? '').slice(0, 5000);

/** Reads a table as rows, writing one line per row ("cell | cell | ...") and recording each row's span. */
export function readTable(el: Element, rule: TableRule, out: TextBuilder): ChartTable | undefined {
  const rowEls = [...el.querySelectorAll(rule.rows)].slice(0, 10_000);
  if (rowEls.length === 0) return undefined;
  let header: string[] = [];
  const rows: ChartTable['rows'] = [];
  rowEls.forEach((row, i) => {
    const cellEls = [...row.querySelectorAll(rule.cells)].slice(0, 200);
    const cells = cellEls.map(cellText);
    const isHeader =
      i === 0 &&
      cellEls.length > 0 &&
      cellEls.every((c) => c.tagName === 'TH' || c.getAttribute('role') === 'columnheader');
    if (isHeader) {
      header = cells;
      out.write(cells.join(' | '));
      out.newline();
      return;
    }
    if (cells.every((c) => c === '')) return;
    const span = out.write(cells.join(' | '));
    out.newline();
    rows.push({ cells, start: span.start, end: span.end });
  });
  const kind = typeof rule.kind === 'function' ? rule.kind(el, header) : rule.kind;
  const caption = (
    rule.caption?.(el) ??
    (cellText(el.querySelector('caption') ?? el.ownerDocument.createElement('span')) ||
      (el.getAttribute('aria-label') ?? ''))
  ).slice(0, 500);
  return { kind, caption, header, rows };
}

const UNIT_IN_NAME = /^(.*?)\s+((?:[a-zA-Zµ%]+\/[a-zA-Z0-9]+)|%|mmHg|bpm|kg)$/;

/**
 * A value cell that carries its unit ("2.6 mg/dL", "89%", "17.9 10*3/uL", "118 /min"), as result
 * tables of component libraries print a FHIR Quantity: number, then the UCUM or display unit.
 */
const UNIT_IN_VALUE = /^([<>]=?\s*)?(-?\d+(?:\.\d+)?)\s*(%|[A-Za-zµ*/^\d][\w*/^.µ]*(?:\/[\w*^.µ]+)?)$/;

/** A caption that dates the whole table ("Issued 11/2/2026, 10:05:00 PM", "Collected 2026-11-02 22:05"). */
const DATED_CAPTION = /^(?:issued|collected|resulted|reported|effective|drawn|taken|recorded)\b[:\s]*(.+)$/i;

/** Splits "2.6 mg/dL" into value and unit when the table has no unit column of its own. */
function splitUnit(r: ChartRow): ChartRow {
  if (r.unit !== undefined) return r;
  const m = UNIT_IN_VALUE.exec(r.value.trim());
  // A bare number has no unit to split; a date or a blood pressure is left as shown.
  if (!m || !/[A-Za-zµ%]/.test(m[3]!)) return r;
  return { ...r, value: `${m[1] ?? ''}${m[2]!}`, unit: m[3]! };
}

/**
 * Results of a lab or vital table. Three layouts are recognised: one row per result with a
 * "Value" column; a flowsheet whose first column is the time and other columns are measures; a
 * grid whose first column names the measure and other columns are times.
 */
export function tableResults(t: ChartTable): ChartRow[] {
  const out: ChartRow[] = [];
  const h = t.header.map((x) => x.toLowerCase());
  const valueCol = h.findIndex((x) => /^(value|result)$/.test(x));
  const unitCol = h.findIndex((x) => /^(units?)$/.test(x));
  const timeCol = h.findIndex((x) => /(collected|time|date|taken)/.test(x));
  for (const row of t.rows) {
    const c = row.cells;
    if (valueCol >= 0) {
      const r: ChartRow = { name: c[0] ?? '', value: c[valueCol] ?? '', start: row.start, end: row.end };
      if (unitCol >= 0 && c[unitCol]) r.unit = c[unitCol];
      if (timeCol >= 0 && c[timeCol]) r.time = c[timeCol];
      if (r.name && r.value) out.push(r);
    } else if (timeCol === 0) {
      for (let j = 1; j < c.length; j++)
        if (c[j]) out.push({ name: t.header[j] ?? '', value: c[j]!, time: c[0] ?? '', start: row.start, end: row.end });
    } else {
      const m = UNIT_IN_NAME.exec(c[0] ?? '');
      const name = m ? m[1]! : (c[0] ?? '');
      for (let j = 1; j < c.length; j++) {
        if (!c[j]) continue;
        const r: ChartRow = { name, value: c[j]!, start: row.start, end: row.end };
        if (m) r.unit = m[2]!;
        if (t.header[j]) r.time = t.header[j]!;
        out.push(r);
      }
    }
  }
  const tableTime = DATED_CAPTION.exec(t.caption.trim())?.[1]?.trim();
  return out
    .filter((r) => r.name.length > 0)
    .map((r) =>
      splitUnit(tableTime !== undefined && r.time === undefined ? { ...r, time: tableTime.slice(0, 100) } : r),
    );
}
