/**
 * `chartside group [--format tsv|jsonl] [--poa-exempt]`: MS-DRG grouping of claims on standard input.
 *
 * TSV (default) takes exactly the input columns of the CMS-oracle fixture files
 * (`id grouper_version age sex discharge_status pdx sdx procedures`; extra columns ignored, an
 * `id…` header line skipped) and prints a header plus `id` and every `exp_*` column without the
 * prefix, in the fixture's notation, so `cut`-ing a fixture and diffing gives nothing.
 *
 * JSONL: one claim object per line in, one result object per line out (see USAGE).
 *
 * Malformed lines are reported on stderr with their line number; processing continues; the exit
 * code is 1 when any line was bad.
 */
import { Grouper } from '../../engine/grouper/grouper';
import {
  ChartsideClaimFormatError,
  formatGroupTsv,
  GROUP_OUTPUT_COLUMNS,
  parseGroupTsvLine,
} from '../../engine/grouper/fixture-format';
import type { BundleReader } from '../../engine/bundle/reader';
import { parseArgs, UsageError, type CliCommand, type CliIo } from '../io';
import { processStream } from './claims-stream';
import { loadMsdrgReaders } from './msdrg-readers';
import { drgOrientation } from '../../engine/codes/drg-orientation';

const USAGE = `Usage: chartside group [--format tsv|jsonl] [--poa-exempt] < claims

Groups claims with the CMS MS-DRG logic of the discharge date: v43.0 for discharges
2025-10-01..2026-03-31, v43.1 from 2026-04-01, v44.0 from 2026-10-01 once its tables are installed
(put msdrg/FY2027/tables/v440/, mce-v440/, drgstable-2027.csv, appendix_A.txt and
icd10cm/FY2027/POAexemptCodesFY27.txt in $CODESETS_SRC); outside the installed versions the
newest, with a note.

--format tsv (default): columns id, grouper_version (430/431/440), age, sex (M/F), discharge_status,
  pdx, sdx, procedures (comma lists, '-' = none; a secondary may carry its POA as CODE:N, default
  Y, CODE: = blank; the principal may carry its own, A41.51:Y).
  Output: id final_drg final_mdc med_surg final_severity return_code initial_drg final_base_drg
  sdx_severity_usage procedure_or_flags drg_title.
--format jsonl: one claim per line, e.g.
  {"id":"c1","pdx":"J18.9","sdx":[{"code":"I50.23","poa":"Y"},"E11.22"],"procedures":[],
   "age":70,"sex":"F","dischargeStatus":"01","dischargeDate":"2026-02-10"}
  (sdx items are codes or {code, poa}; optional: admissionDate, version "43.0"/"43.1"/"44.0",
  poaExemptHospital). Output: one JSON object per line: {"id", ...result} (finalDrg, initialDrg,
  finalMdc, medSurg, severity, returnCode, baseDrg, title, weight, gmlos, amlos, secondary[] with
  usage and exclusion reason, procedures[] with OR/NOR role, hacs[], trail[] of fired rows).
  While MS-DRG v44 is not installed, a discharge on or after 2026-10-01 (FY2027) is grouped with
  v43.1: its line carries "orientation" {message, unusable} (the result is for orientation only,
  not the payable FY2027 DRG; unusable = the codes v43.1 could not use), and stderr says how many
  lines are affected. With v44 installed such a line is a v44.0 result without "orientation". TSV input names its grouper version and has no discharge date.
--poa-exempt: the hospital is exempt from POA reporting (no HAC step).
Input is read and answered line by line (any length, bounded memory). Malformed lines (missing
columns, empty cells or list items, empty sex, non-numeric discharge status, a version that is not
installed) are reported on stderr as "line N: reason" and skipped; the others are processed.
Exit code: 0, or 1 when any input line was malformed.`;

function formatOf(args: string[]): { format: 'tsv' | 'jsonl'; poaExempt: boolean } {
  const opts = parseArgs(args, { strings: ['format'], booleans: ['poa-exempt'] });
  if (opts.positionals.length > 0) throw new UsageError(`unexpected argument ${opts.positionals[0]!}`);
  const format = opts.strings.get('format') ?? 'tsv';
  if (format !== 'tsv' && format !== 'jsonl') throw new UsageError(`--format must be tsv or jsonl, not ${format}`);
  return { format, poaExempt: opts.booleans.has('poa-exempt') };
}

/** Refuses a claim naming a grouper version that is not installed (never grouped by another one silently). */
function checkVersion(grouper: Grouper, version: string | undefined): void {
  if (version !== undefined && !grouper.hasVersion(version)) {
    throw new ChartsideClaimFormatError(
      `grouper version ${version} is not installed (${grouper.versions.map((v) => v.version).join(', ')})`,
    );
  }
}

/** The command body over given bundles (tests pass readers built from the release files). */
export async function runGroup(args: string[], io: CliIo, readers: BundleReader[]): Promise<number> {
  const { format, poaExempt } = formatOf(args);
  const grouper = Grouper.fromBundles(readers);
  if (format === 'tsv') {
    return processStream(io.stdin, io, {
      header: GROUP_OUTPUT_COLUMNS.join('\t'),
      isHeader: (l) => l.startsWith('id\t'),
      handle(line) {
        const { id, claim } = parseGroupTsvLine(line);
        checkVersion(grouper, claim.version);
        return formatGroupTsv(id, grouper.group(claim, { poaExemptHospital: poaExempt, explain: false }));
      },
    });
  }
  const { parseJsonLine, toGrouperClaim } = await import('./claim-json');
  let oriented = 0;
  let newest = '';
  const code = await processStream(io.stdin, io, {
    handle(line) {
      const j = parseJsonLine(line);
      const claim = toGrouperClaim(j);
      checkVersion(grouper, claim.version);
      const r = grouper.group(claim, { poaExemptHospital: poaExempt || j.poaExemptHospital === true });
      // A field of the line, so the JSONL stays one object per claim (stdout format unchanged otherwise).
      const orientation = drgOrientation(r, j.dischargeDate);
      if (orientation) {
        oriented++;
        newest = `MS-DRG v${orientation.dischargeYear - 1983} (FY${orientation.dischargeYear})`;
      }
      return JSON.stringify({
        id: j.id ?? null,
        ...r,
        ...(orientation ? { orientation: { message: orientation.message, unusable: orientation.unusable } } : {}),
      });
    },
  });
  if (oriented > 0) {
    io.stderr.write(
      `${oriented} claim${oriented === 1 ? '' : 's'} discharged after the installed grouper's fiscal year: ${newest} is not available, ` +
        `so their results are for orientation only and are not the payable DRG (see "orientation" on each line).\n`,
    );
  }
  return code;
}

export const groupCommand: CliCommand = {
  name: 'group',
  summary: 'MS-DRG grouping (v43, v44 when installed) of claims on stdin (TSV like the CMS fixtures, or JSONL)',
  usage: USAGE,
  async run(args, io) {
    formatOf(args); // usage errors before loading tables
    return runGroup(args, io, (await loadMsdrgReaders()).grouper);
  },
};
