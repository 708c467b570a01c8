/**
 * The TSV notation of the CMS-oracle fixture files (`msdrg_v43x_expected.tsv`), used by
 * `chartside group --format tsv` and the golden suite: input columns in, `exp_*` columns (without
 * the prefix) out, so a fixture file and our output compare field by field.
 *
 * Lists are comma-separated, `-` = empty. A secondary diagnosis may carry its POA as `CODE:N`
 * (the first fixtures omit it: POA = Y); the principal may carry its own (`A41.51:Y`). Empty
 * cells, empty list items, an empty sex and a non-numeric discharge status are line errors, never
 * silent defaults.
 */
import type { GroupResult, GrouperClaim } from './types';
import { ChartsideError } from '../errors';

/** Input columns, in order. */
export const GROUP_INPUT_COLUMNS = [
  'id',
  'grouper_version',
  'age',
  'sex',
  'discharge_status',
  'pdx',
  'sdx',
  'procedures',
] as const;
/** Output columns, in order (the fixture's `exp_*` columns without the prefix). */
export const GROUP_OUTPUT_COLUMNS = [
  'id',
  'final_drg',
  'final_mdc',
  'med_surg',
  'final_severity',
  'return_code',
  'initial_drg',
  'final_base_drg',
  'sdx_severity_usage',
  'procedure_or_flags',
  'drg_title',
] as const;

/** Raised for a malformed input line. */
export class ChartsideClaimFormatError extends ChartsideError {
  override name = 'ChartsideClaimFormatError';
}

/**
 * Secondary diagnoses of a fixture cell: `code` or `code:POA`, comma separated, `-` = none. A
 * code without `:` has POA `Y`, as in the first CMS fixtures; `code:` is a blank POA (nothing
 * reported). Items are trimmed.
 *
 * @throws ChartsideClaimFormatError for an empty cell, an empty item or code, or a POA of more
 *   than one character.
 * @example splitSdx('I5023,N1832:N') // [{code:'I5023', poa:'Y'}, {code:'N1832', poa:'N'}]
 */
export function splitSdx(cell: string, column = 'sdx'): { code: string; poa: string }[] {
  return splitList(cell, column).map((item, i) => {
    const colon = item.indexOf(':');
    const code = colon < 0 ? item : item.slice(0, colon).trim();
    const poa = colon < 0 ? 'Y' : item.slice(colon + 1).trim();
    if (code === '') throw new ChartsideClaimFormatError(`${column} item ${i + 1} ("${item}") has no code`);
    if (poa.length > 1)
      throw new ChartsideClaimFormatError(
        `${column} item ${i + 1} ("${item}"): POA "${poa}" is not one character (Y, N, U, W, 1 or blank)`,
      );
    return { code, poa };
  });
}

/**
 * The eight input cells of a claim line (id, version or date, age, sex, status, pdx, sdx,
 * procedures), the grouper's and the MCE's fixtures alike; extra columns are ignored.
 *
 * @throws ChartsideClaimFormatError when fewer columns than `columns` are present.
 */
export function claimCells(
  line: string,
  columns: readonly string[],
): [string, string, string, string, string, string, string, string] {
  const cells = line.split('\t');
  if (cells.length < columns.length) {
    throw new ChartsideClaimFormatError(
      `expected ${columns.length} tab-separated columns (${columns.join(', ')}), got ${cells.length}`,
    );
  }
  return cells.slice(0, 8) as [string, string, string, string, string, string, string, string];
}

/**
 * A comma list cell: `-` = none; items trimmed.
 *
 * @throws ChartsideClaimFormatError for an empty cell (write `-` for none) or an empty item.
 */
export function splitList(cell: string, column = 'list'): string[] {
  if (cell === '-') return [];
  if (cell.trim() === '') throw new ChartsideClaimFormatError(`${column} is empty: write - for none`);
  const items = cell.split(',').map((c) => c.trim());
  const empty = items.findIndex((c) => c === '');
  if (empty >= 0)
    throw new ChartsideClaimFormatError(`${column} item ${empty + 1} of ${items.length} is empty ("${cell}")`);
  return items;
}

/**
 * The principal diagnosis cell: a code, `code:POA` (the principal's POA, e.g. `A41.51:Y`), or `-`
 * for none.
 *
 * @throws ChartsideClaimFormatError for an empty cell or a malformed POA.
 */
export function splitPdx(cell: string): { pdx: string; pdxPoa?: string } {
  const c = cell.trim();
  if (c === '-') return { pdx: '' };
  if (c === '') throw new ChartsideClaimFormatError('pdx is empty: write - for no principal diagnosis');
  const colon = c.indexOf(':');
  if (colon < 0) return { pdx: c };
  const pdx = c.slice(0, colon).trim();
  const pdxPoa = c.slice(colon + 1).trim();
  if (pdx === '') throw new ChartsideClaimFormatError(`pdx "${cell}" has no code`);
  if (pdxPoa.length > 1)
    throw new ChartsideClaimFormatError(`pdx "${cell}": POA "${pdxPoa}" is not one character (Y, N, U, W, 1 or blank)`);
  return { pdx, pdxPoa };
}

/**
 * Checks the sex cell: any non-empty notation (M/F/U, 1/2/0; the grouper and the editor judge the
 * value and report an invalid one as CMS does).
 *
 * @throws ChartsideClaimFormatError for an empty cell.
 */
export function checkSex(sex: string): string {
  const s = sex.trim();
  if (s === '') throw new ChartsideClaimFormatError('sex is empty: M, F or U');
  return s;
}

/**
 * Checks the discharge status cell: a UB-04 patient status of one or two digits (`1`, `01`,
 * `20`). A number that is not a valid status is passed on: the grouper and the editor report it
 * (INVALID_DISCHARGE_STATUS).
 *
 * @throws ChartsideClaimFormatError for an empty or non-numeric cell.
 */
export function checkDischargeStatus(status: string): string {
  const s = status.trim();
  if (!/^\d{1,2}$/.test(s))
    throw new ChartsideClaimFormatError(
      s === ''
        ? 'discharge_status is empty: a UB-04 patient status such as 01'
        : `discharge_status "${status}" is not a UB-04 patient status (one or two digits)`,
    );
  return s;
}

/**
 * Parses one TSV line of the fixture's input columns (extra columns after them are ignored, so a
 * fixture line with its expected columns is accepted).
 *
 * @throws ChartsideClaimFormatError when a column is missing or malformed.
 */
export function parseGroupTsvLine(line: string): { id: string; claim: GrouperClaim } {
  const [id, version, age, sex, status, pdx, sdx, procedures] = claimCells(line, GROUP_INPUT_COLUMNS);
  if (!/^\d{3}$|^\d\d\.\d$|^$/.test(version))
    throw new ChartsideClaimFormatError(`grouper_version "${version}" is not like 431`);
  if (!/^-?\d+$/.test(age)) throw new ChartsideClaimFormatError(`age "${age}" is not an integer`);
  const sdxList = splitSdx(sdx);
  const procList = splitList(procedures, 'procedures');
  if (sdxList.length > 24) throw new ChartsideClaimFormatError('more than 24 secondary diagnoses');
  if (procList.length > 25) throw new ChartsideClaimFormatError('more than 25 procedures');
  const principal = splitPdx(pdx);
  const claim: GrouperClaim = {
    pdx: principal.pdx,
    sdx: sdxList,
    procedures: procList,
    age: Number(age),
    sex: checkSex(sex),
    dischargeStatus: checkDischargeStatus(status),
  };
  if (principal.pdxPoa !== undefined) claim.pdxPoa = principal.pdxPoa;
  if (version) claim.version = version;
  return { id, claim };
}

/** Formats a result as the output columns (without the trailing newline). */
export function formatGroupTsv(id: string, r: GroupResult): string {
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return [
    id,
    pad(r.finalDrg, 3),
    pad(r.finalMdc, 2),
    r.medSurg,
    r.severity,
    r.returnCode,
    pad(r.initialDrg, 3),
    pad(r.baseDrg, 3),
    r.secondary.length ? r.secondary.map((s) => `${s.code}=${s.usage}`).join(',') : '-',
    // CMS marks a procedure its grouper does not recognise (README-poa-hac.md: `!invalid`).
    r.procedures.length ? r.procedures.map((p) => `${p.code}=${p.role}${p.valid ? '' : '!invalid'}`).join(',') : '-',
    r.title,
  ].join('\t');
}
