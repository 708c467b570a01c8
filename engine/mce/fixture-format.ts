/**
 * The TSV notation of the CMS-oracle MCE fixture (`mce_v431_expected.tsv`), used by
 * `chartside edits --format tsv` and the golden suite.
 *
 * `code_edits` lists the diagnosis codes (principal first, then secondaries in claim order) that
 * carry edits, as `CODE=[EDIT, EDIT]` joined by `;` — the fixture's notation, which leaves out
 * procedure edits (they appear only in `edit_counts`).
 */
import {
  ChartsideClaimFormatError,
  checkDischargeStatus,
  checkSex,
  claimCells,
  splitList,
  splitPdx,
  splitSdx,
} from '../grouper/fixture-format';
import type { MceClaim, MceResult } from './types';

export const EDITS_INPUT_COLUMNS = [
  'id',
  'discharge_date',
  'age',
  'sex',
  'discharge_status',
  'pdx',
  'sdx',
  'procedures',
] as const;
export const EDITS_OUTPUT_COLUMNS = ['id', 'edit_type', 'mce_component_version', 'edit_counts', 'code_edits'] as const;

/**
 * Parses one TSV line of the MCE fixture's input columns (extra columns are ignored).
 *
 * @throws ChartsideClaimFormatError when a column is missing or malformed.
 */
export function parseEditsTsvLine(line: string): { id: string; claim: MceClaim } {
  const [id, date, age, sex, status, pdx, sdx, procedures] = claimCells(line, EDITS_INPUT_COLUMNS);
  if (!/^\d{8}$|^\d{4}-\d\d-\d\d$/.test(date))
    throw new ChartsideClaimFormatError(`discharge_date "${date}" is not yyyyMMdd`);
  if (!/^-?\d+$/.test(age)) throw new ChartsideClaimFormatError(`age "${age}" is not an integer`);
  const sdxList = splitSdx(sdx);
  const procList = splitList(procedures, 'procedures');
  // No count limit: CMS's MCE edits every code it is given (the edge fixtures carry 27 procedures).
  const principal = splitPdx(pdx);
  const claim: MceClaim = {
    pdx: principal.pdx,
    sdx: sdxList,
    procedures: procList,
    age: Number(age),
    sex: checkSex(sex),
    dischargeStatus: checkDischargeStatus(status),
    dischargeDate: date,
  };
  if (principal.pdxPoa !== undefined) claim.pdxPoa = principal.pdxPoa;
  return { id, claim };
}

/** Formats a result as the output columns (without the trailing newline). */
export function formatEditsTsv(id: string, r: MceResult): string {
  const byCode: { code: string; edits: string[] }[] = [];
  const key = (kind: string, index: number) => `${kind}:${index}`;
  const slots = new Map<string, { code: string; edits: string[] }>();
  for (const e of r.edits) {
    if (e.target.kind !== 'pdx' && e.target.kind !== 'sdx') continue;
    if (e.edit === 'INVALID_POA') continue;
    const k = key(e.target.kind, e.target.index);
    let slot = slots.get(k);
    if (!slot) {
      slot = { code: e.target.code, edits: [] };
      slots.set(k, slot);
    }
    slot.edits.push(e.edit);
  }
  const pdxSlot = slots.get('pdx:0');
  if (pdxSlot) byCode.push(pdxSlot);
  const sdxKeys = [...slots.keys()]
    .filter((k) => k.startsWith('sdx:'))
    .sort((a, b) => Number(a.slice(4)) - Number(b.slice(4)));
  for (const k of sdxKeys) byCode.push(slots.get(k)!);
  if (r.editType === 'INVALID_DISCHARGE_DATE') return [id, r.editType, r.version, '-', '-'].join('\t');
  return [
    id,
    r.editType,
    r.version,
    r.counts.length ? r.counts.map(([e, n]) => `${e}=${n}`).join(',') : '-',
    // A missing principal is written `-`, as in the input column.
    byCode.length ? byCode.map((c) => `${c.code || '-'}=[${c.edits.join(', ')}]`).join(';') : '-',
  ].join('\t');
}
