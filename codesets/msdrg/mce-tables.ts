/**
 * Parses the MCE v43.1 table dump (`msdrg/FY2026/tables/mce-v431/`) into {@link McePayload}.
 */
import { ReleaseFileError, type ReleaseSource } from '../builder';
import { MCE_PAYLOAD_VERSION, type McePayload } from '../../engine/mce/payload';
import { NameInterner, SetTable } from './interner';
import { list, parseTsv, type TsvTable } from './tsv';

export const MCE_TABLE_FILES = [
  'mce_age_ranges.tsv',
  'mce_attributes.tsv',
  'mce_discharge_status.tsv',
  'mce_edits.tsv',
  'mce_icd10_dx.tsv',
  'mce_icd10_pr.tsv',
] as const;

function date(t: TsvTable, column: string) {
  const get = t.col(column);
  return (row: Parameters<typeof get>[0]) => {
    const v = get(row);
    if (!/^\d{8}$/.test(v)) t.fail(row, `column ${column}: "${v}" is not a yyyyMMdd date`);
    return Number(v);
  };
}

/**
 * Reads and checks the MCE tables.
 *
 * @throws ReleaseFileError for any malformed file (file and line named).
 */
export function parseMceTables(source: ReleaseSource, dir: string, version: string, poaExempt: string[]): McePayload {
  const read = (name: string) => source.read(`${dir}/${name}`);
  const aT = parseTsv(read('mce_attributes.tsv'), ['attribute', 'table_flag', 'icd10_dx_rows', 'icd10_pr_rows']);
  const aName = aT.col('attribute');
  const declared = new Set(aT.rows.map(aName));
  const names = new NameInterner(declared);
  const attrSets = new SetTable();
  // Periods are numbered in order of first appearance in the (sorted) dx then pr tables.
  const periods: [number, number][] = [];
  const periodIndex = new Map<string, number>();

  const codeTable = (name: string, codePattern: RegExp) => {
    const t = parseTsv(read(name), ['code', 'from_date', 'to_date', 'attributes']);
    const code = t.col('code');
    const from = date(t, 'from_date');
    const to = date(t, 'to_date');
    const attrs = t.col('attributes');
    const out = { codes: '', period: [] as number[], attrSet: [] as number[] };
    const codes: string[] = [];
    let prev = '';
    let prevFrom = 0;
    for (const row of t.rows) {
      const c = code(row);
      if (!codePattern.test(c)) t.fail(row, `bad code "${c}"`);
      const f = from(row);
      if (c < prev || (c === prev && f <= prevFrom)) t.fail(row, `row out of order (${c} ${f})`);
      if (to(row) < f) t.fail(row, 'to_date before from_date');
      prev = c;
      prevFrom = f;
      codes.push(c);
      const key = `${f}-${to(row)}`;
      let pi = periodIndex.get(key);
      if (pi === undefined) {
        pi = periods.length;
        periods.push([f, to(row)]);
        periodIndex.set(key, pi);
      }
      out.period.push(pi);
      out.attrSet.push(
        attrSets.add(
          list(attrs(row)).map((a) => {
            if (!declared.has(a)) t.fail(row, `attribute "${a}" is not in mce_attributes.tsv`);
            return names.id(a);
          }),
        ),
      );
    }
    out.codes = codes.join(' ');
    return out;
  };
  const dx = codeTable('mce_icd10_dx.tsv', /^[A-Z0-9]{3,7}$/);
  const pr = codeTable('mce_icd10_pr.tsv', /^[A-Z0-9]{7}$/);

  const gT = parseTsv(read('mce_age_ranges.tsv'), ['age_group', 'start_age', 'end_age', 'from_date', 'to_date']);
  const gName = gT.col('age_group');
  const gStart = gT.int('start_age');
  const gEnd = gT.int('end_age');
  const gFrom = date(gT, 'from_date');
  const gTo = date(gT, 'to_date');
  const ageRanges = gT.rows.map((row) => {
    const group = gName(row);
    if (!names.has(group.toUpperCase())) gT.fail(row, `age group "${group}" has no attribute list`);
    return { group, start: gStart(row), end: gEnd(row), from: gFrom(row), to: gTo(row) };
  });

  const sT = parseTsv(read('mce_discharge_status.tsv'), ['discharge_status', 'from_date', 'to_date']);
  const sCode = sT.col('discharge_status');
  const sFrom = date(sT, 'from_date');
  const sTo = date(sT, 'to_date');
  const dischargeStatus = sT.rows.map((row) => {
    if (!/^\d\d$/.test(sCode(row))) sT.fail(row, `bad discharge status "${sCode(row)}"`);
    return { code: sCode(row), from: sFrom(row), to: sTo(row) };
  });

  const eT = parseTsv(read('mce_edits.tsv'), [
    'edit_number',
    'edit',
    'code_type',
    'edit_type',
    'counter_applicability',
  ]);
  const eNum = eT.int('edit_number');
  const eName = eT.col('edit');
  const eCode = eT.col('code_type');
  const eType = eT.col('edit_type');
  const eApp = eT.col('counter_applicability');
  const edits = eT.rows.map((row) => {
    if (!['PREPAYMENT', 'POSTPAYMENT', 'NONE'].includes(eType(row))) eT.fail(row, `bad edit_type "${eType(row)}"`);
    if (!/^[A-Z0-9_]+$/.test(eName(row))) eT.fail(row, `bad edit name "${eName(row)}"`);
    return {
      number: eNum(row),
      edit: eName(row),
      codeType: eCode(row),
      editType: eType(row),
      applicability: eApp(row),
    };
  });
  if (edits.length === 0) throw new ReleaseFileError(`${dir}/mce_edits.tsv`, undefined, 'no edits');

  return {
    payloadVersion: MCE_PAYLOAD_VERSION,
    version,
    attributes: names.names,
    attrSets: attrSets.sets,
    periods,
    dx,
    pr,
    ageRanges,
    dischargeStatus,
    edits,
    poaExempt,
  };
}
