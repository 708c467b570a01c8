/**
 * The TSV notation of the CMS-oracle fixture files (`msdrg_v43x_expected.tsv`), used by
 * `chartside group --format tsv` and the golden suite: input columns in, `exp_*` columns (without
 * the prefix) out, so a fixture file and our output compare field by field.
 *
 * Lists are comma-separated, `-` = empty. A secondary diagnosis may carry its POA as `CODE:N`
 * (the fixtures omit it: POA = Y).
 */
import type { GroupResult, GrouperClaim } from './types';
import { ChartsideError } from '../errors';

/** Input columns, in order. */
export const GROUP_INPUT_COLUMNS = ['id', 'grouper_version', 'age', 'sex', 'discharge_status', 'pdx', 'sdx', 'procedures'] as const;
/** Output columns, in order (the fixture's `exp_*` columns without the prefix). */
export const GROUP_OUTPUT_COLUMNS = [
  'id', 'final_drg', 'final_mdc', 'med_surg', 'final_severity', 'return_code', 'initial_drg', 'final_base_drg',
  'sdx_severity_usage', 'procedure_or_flags', 'drg_title',
] as const;

/** Raised for a malformed input line. */
export class ChartsideClaimFormatError extends ChartsideError {
  override name = 'ChartsideClaimFormatError';
}

/** Splits a `-`-or-comma list. */
/**
 * Secondary diagnoses of a fixture cell: `code` or `code:POA`, comma separated; POA defaults to
 * `Y` as in the CMS fixtures.
 *
 * @example splitSdx('I5023,N1832:N') // [{code:'I5023', poa:'Y'}, {code:'N1832', poa:'N'}]
 */
export function splitSdx(cell: string): { code: string; poa: string }[] {
  return splitList(cell).map((s) => {
    const [code, poa] = s.split(':') as [string, string | undefined];
    return { code, poa: poa ?? 'Y' };
  });
}

export function splitList(cell: string): string[] {
  return cell === '-' || cell === '' ? [] : cell.split(',').map((c) => c.trim());
}

/**
 * Parses one TSV line of the fixture's input columns (extra columns after them are ignored, so a
 * fixture line with its expected columns is accepted).
 *
 * @throws ChartsideClaimFormatError when a column is missing or malformed.
 */
export function parseGroupTsvLine(line: string): { id: string; claim: GrouperClaim } {
  const cells = line.split('\t');
  if (cells.length < GROUP_INPUT_COLUMNS.length) {
    throw new ChartsideClaimFormatError(`expected ${GROUP_INPUT_COLUMNS.length} tab-separated columns (${GROUP_INPUT_COLUMNS.join(', ')}), got ${cells.length}`);
  }
  const [id, version, age, sex, status, pdx, sdx, procedures] = cells as [string, string, string, string, string, string, string, string];
  if (!/^\d{3}$|^\d\d\.\d$|^$/.test(version)) throw new ChartsideClaimFormatError(`grouper_version "${version}" is not like 431`);
  if (!/^-?\d+$/.test(age)) throw new ChartsideClaimFormatError(`age "${age}" is not an integer`);
  if (sdx !== '-' && sdx.split(',').length > 24) throw new ChartsideClaimFormatError('more than 24 secondary diagnoses');
  if (procedures !== '-' && procedures.split(',').length > 25) throw new ChartsideClaimFormatError('more than 25 procedures');
  const claim: GrouperClaim = {
    pdx: pdx === '-' ? '' : pdx,
    sdx: splitSdx(sdx),
    procedures: splitList(procedures),
    age: Number(age),
    sex,
    dischargeStatus: status,
  };
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
    r.procedures.length ? r.procedures.map((p) => `${p.code}=${p.role}`).join(',') : '-',
    r.title,
  ].join('\t');
}
