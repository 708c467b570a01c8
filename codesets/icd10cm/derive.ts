/**
 * Derives a fiscal year's ICD-10-CM order file from the previous year's order file and the new
 * year's order addenda, for a year whose full order file is not available (FY2027: CMS publishes
 * the addenda in order-file format, `icd10cm_order_addenda_2027.txt`, "FY2026 -> FY2027").
 *
 * The result must pass the checks an official order file passes: every Delete and Revise line
 * names a line of the previous file with the same flag and title, no Add exists already (after
 * the deletions: a code whose billable flag changes is a Delete plus an Add), and the billable and
 * header counts equal the addenda's own summary. Any disagreement refuses the derivation whole.
 */
import { ReleaseFileError } from '../builder';
import type { OrderAddenda } from './addenda';
import type { OrderRecord } from './order-file';

/**
 * Applies `addenda` to `previous` (an order file, in its order). New lines go in code order within
 * their category (the addenda carry no order numbers; CMS's order file lists a category's codes in
 * code order), a new category before the first category of the same letter that sorts after it;
 * order numbers are renumbered from 1.
 *
 * @param file the addenda file, named in errors.
 * @throws ReleaseFileError when the addenda do not fit the previous file or their summary.
 * @example applyOrderAddenda(parseOrderFile(fy2026, 'icd10cm_order_2026.txt'), parseOrderAddenda(add, name), name)
 */
export function applyOrderAddenda(
  previous: readonly OrderRecord[],
  addenda: OrderAddenda,
  file: string,
): OrderRecord[] {
  const byCode = new Map(previous.map((r) => [r.code, r]));
  const refuse = (message: string): never => {
    throw new ReleaseFileError(file, undefined, message);
  };
  const deleted = new Set<string>();
  for (const d of addenda.deleted) {
    const was = byCode.get(d.code);
    if (!was) refuse(`Delete ${d.code}: not in the previous order file`);
    else if (was.billable !== d.billable || was.long !== d.title)
      refuse(`Delete ${d.code}: flag or title differs from the previous order file ("${was.long}")`);
    deleted.add(d.code);
  }
  const revised = new Map<string, { long: string; short: string }>();
  for (const r of addenda.revised) {
    const was = byCode.get(r.code);
    if (!was || deleted.has(r.code)) refuse(`Revise ${r.code}: not in the previous order file`);
    else if (was.long !== r.from)
      refuse(`Revise ${r.code}: "from" title differs from the previous order file ("${was.long}")`);
    revised.set(r.code, { long: r.to, short: r.toShort });
  }
  const lines: OrderRecord[] = previous
    .filter((r) => !deleted.has(r.code))
    .map((r) => {
      const rev = revised.get(r.code);
      return rev ? { ...r, long: rev.long, short: rev.short } : { ...r };
    });
  const present = new Set(lines.map((r) => r.code));
  const added = [...addenda.added].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  for (const a of added) {
    if (present.has(a.code)) refuse(`Add ${a.code}: already in the previous order file and not deleted`);
    present.add(a.code);
    lines.splice(insertionPoint(lines, a.code), 0, {
      order: 0,
      code: a.code,
      billable: a.billable,
      short: a.short,
      long: a.title,
    });
  }
  lines.forEach((r, i) => (r.order = i + 1));
  const billable = lines.filter((r) => r.billable).length;
  const { codes, headers } = addenda.summary;
  if (!codes || !headers) refuse('no summary block (codes and headers before/after): the result cannot be checked');
  const prevBillable = previous.filter((r) => r.billable).length;
  if (codes!.before !== prevBillable || headers!.before !== previous.length - prevBillable)
    refuse(
      `summary counts ${codes!.before} codes / ${headers!.before} headers before, the previous order file has ${prevBillable} / ${previous.length - prevBillable}: not its addenda`,
    );
  if (codes!.after !== billable || headers!.after !== lines.length - billable)
    refuse(
      `derived order file has ${billable} codes / ${lines.length - billable} headers, the summary says ${codes!.after} / ${headers!.after}`,
    );
  return lines;
}

/**
 * Index before which `code` goes: inside its category's run of lines, before the first code that
 * sorts after it (else after the run); a new category goes before the first line of a later
 * category with the same first letter (else after that letter's last line).
 */
function insertionPoint(lines: readonly OrderRecord[], code: string): number {
  const category = code.slice(0, 3);
  let start = -1;
  let end = -1;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.code.startsWith(category)) {
      if (start < 0) start = i;
      end = i + 1;
    } else if (start >= 0) break;
  }
  if (start >= 0) {
    for (let i = start; i < end; i++) if (lines[i]!.code > code) return i;
    return end;
  }
  let lastOfLetter = -1;
  for (let i = 0; i < lines.length; i++) {
    const c = lines[i]!.code;
    if (c[0] !== code[0]) continue;
    if (c.slice(0, 3) > category) return i;
    lastOfLetter = i + 1;
  }
  return lastOfLetter >= 0 ? lastOfLetter : lines.length;
}
