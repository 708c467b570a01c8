/**
 * `chartside edits [--format tsv|jsonl]`: Medicare Code Editor v43.1 edits of claims on stdin.
 *
 * TSV takes the MCE fixture's input columns (`id discharge_date age sex discharge_status pdx sdx
 * procedures`) and prints `id edit_type mce_component_version edit_counts code_edits` in the
 * fixture's notation. JSONL: one claim per line in (as for `group`, `dischargeDate` required),
 * one result per line out.
 */
import {
  EDITS_OUTPUT_COLUMNS,
  formatEditsTsv,
  Mce,
  mceReleaseFor,
  parseEditsTsvLine,
  type MceClaim,
} from '../../engine/mce';
import type { BundleReader } from '../../engine/bundle/reader';
import { parseArgs, UsageError, type CliCommand, type CliIo } from '../io';
import { processStream } from './claims-stream';
import { loadMsdrgReaders } from './msdrg-readers';

const USAGE = `Usage: chartside edits [--format tsv|jsonl] < claims

Runs every Medicare Code Editor edit on each claim, with the editor of the discharge date's fiscal
year: MCE v43.1 for FY2026, MCE v44 for discharges from 2026-10-01 once its tables are installed
(put msdrg/FY2027/tables/mce-v440/ with the v44 grouper tables in $CODESETS_SRC).

--format tsv (default): columns id, discharge_date (yyyyMMdd), age, sex, discharge_status, pdx,
  sdx, procedures (comma lists, '-' = none). Output: id edit_type mce_component_version
  edit_counts (EDIT=n,...) code_edits (CODE=[EDIT, EDIT];... for diagnoses).
--format jsonl: one claim per line (same fields as chartside group --format jsonl; dischargeDate
  required). Output per line: {"id", "version", "editType", "edits": [{edit, number, editType,
  target, message}], "counts": [[edit, n]], "poa": [POA findings]}.
A discharge date the editor cannot edit (month 00 or 13, day 00 or 32, after 2026-09-30) gives
edit type INVALID_DISCHARGE_DATE and no edits, as CMS's MCE 43.1 does (without MCE v44, an FY2027
discharge gets this answer).
Input is read and answered line by line (any length, bounded memory). Malformed lines are
reported on stderr as "line N: reason" and skipped; the others are processed.
Exit code: 0, or 1 when any input line was malformed.`;

/** `make()` on first call, then its value. */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

function formatOf(args: string[]): 'tsv' | 'jsonl' {
  const opts = parseArgs(args, { strings: ['format'] });
  if (opts.positionals.length > 0) throw new UsageError(`unexpected argument ${opts.positionals[0]!}`);
  const format = opts.strings.get('format') ?? 'tsv';
  if (format !== 'tsv' && format !== 'jsonl') throw new UsageError(`--format must be tsv or jsonl, not ${format}`);
  return format;
}

/**
 * The command body over the given MCE bundles (tests pass ones built from the release files): each
 * claim is edited by the release of its discharge date's fiscal year (`mceReleaseFor`).
 */
export async function runEdits(
  args: string[],
  io: CliIo,
  readers: BundleReader | readonly BundleReader[],
): Promise<number> {
  const format = formatOf(args);
  const editors = (Array.isArray(readers) ? readers : [readers]).map((r: BundleReader) => ({
    effectiveFrom: r.header.effectiveFrom,
    load: once(() => Mce.fromBundle(r)),
  }));
  if (editors.length === 0) throw new Error('chartside edits: no MCE release given');
  const mce = {
    edit: (claim: MceClaim) => mceReleaseFor(editors, claim.dischargeDate).load().edit(claim),
  };
  if (format === 'tsv') {
    return processStream(io.stdin, io, {
      header: EDITS_OUTPUT_COLUMNS.join('\t'),
      isHeader: (l) => l.startsWith('id\t'),
      handle(line) {
        const { id, claim } = parseEditsTsvLine(line);
        return formatEditsTsv(id, mce.edit(claim));
      },
    });
  }
  const { parseJsonLine, toGrouperClaim } = await import('./claim-json');
  return processStream(io.stdin, io, {
    handle(line) {
      const j = parseJsonLine(line);
      if (!j.dischargeDate) throw new Error('dischargeDate: required by the code editor');
      const claim: MceClaim = { ...toGrouperClaim(j), dischargeDate: j.dischargeDate };
      if (j.poaExemptHospital) claim.poaExemptHospital = true;
      return JSON.stringify({ id: j.id ?? null, ...mce.edit(claim) });
    },
  });
}

export const editsCommand: CliCommand = {
  name: 'edits',
  summary:
    'Medicare Code Editor edits (v43.1, v44 when installed) of claims on stdin (TSV like the CMS fixture, or JSONL)',
  usage: USAGE,
  async run(args, io) {
    formatOf(args);
    return runEdits(args, io, await (await loadMsdrgReaders()).mce());
  },
};
