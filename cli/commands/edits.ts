/**
 * `chartside edits [--format tsv|jsonl]`: Medicare Code Editor v43.1 edits of claims on stdin.
 *
 * TSV takes the MCE fixture's input columns (`id discharge_date age sex discharge_status pdx sdx
 * procedures`) and prints `id edit_type mce_component_version edit_counts code_edits` in the
 * fixture's notation. JSONL: one claim per line in (as for `group`, `dischargeDate` required),
 * one result per line out.
 */
import { Mce } from '../../engine/mce/mce';
import { EDITS_OUTPUT_COLUMNS, formatEditsTsv, parseEditsTsvLine } from '../../engine/mce/fixture-format';
import type { MceClaim } from '../../engine/mce/types';
import type { BundleReader } from '../../engine/bundle/reader';
import { parseArgs, readAll, UsageError, type CliCommand, type CliIo } from '../io';
import { loadMsdrgReaders, parseJsonLine, processLines, toGrouperClaim } from './group';

const USAGE = `Usage: chartside edits [--format tsv|jsonl] < claims

Runs every Medicare Code Editor v43.1 edit on each claim.

--format tsv (default): columns id, discharge_date (yyyyMMdd), age, sex, discharge_status, pdx,
  sdx, procedures (comma lists, '-' = none). Output: id edit_type mce_component_version
  edit_counts (EDIT=n,...) code_edits (CODE=[EDIT, EDIT];... for diagnoses).
--format jsonl: one claim per line (same fields as chartside group --format jsonl; dischargeDate
  required). Output per line: {"id", "version", "editType", "edits": [{edit, number, editType,
  target, message}], "counts": [[edit, n]], "poa": [POA findings]}.
Exit code: 0, or 1 when any input line was malformed (reported on stderr with its line number).`;

function formatOf(args: string[]): 'tsv' | 'jsonl' {
  const opts = parseArgs(args, { strings: ['format'] });
  if (opts.positionals.length > 0) throw new UsageError(`unexpected argument ${opts.positionals[0]!}`);
  const format = opts.strings.get('format') ?? 'tsv';
  if (format !== 'tsv' && format !== 'jsonl') throw new UsageError(`--format must be tsv or jsonl, not ${format}`);
  return format;
}

/** The command body over a given MCE bundle (tests pass one built from the release files). */
export async function runEdits(args: string[], io: CliIo, reader: BundleReader): Promise<number> {
  const format = formatOf(args);
  const text = await readAll(io.stdin);
  const mce = Mce.fromBundle(reader);
  if (format === 'tsv') {
    return processLines(text, io, {
      header: EDITS_OUTPUT_COLUMNS.join('\t'),
      isHeader: (l) => l.startsWith('id\t'),
      handle(line) {
        const { id, claim } = parseEditsTsvLine(line);
        return formatEditsTsv(id, mce.edit(claim));
      },
    });
  }
  return processLines(text, io, {
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
  summary: 'Medicare Code Editor v43.1 edits of claims on stdin (TSV like the CMS fixture, or JSONL)',
  usage: USAGE,
  async run(args, io) {
    formatOf(args);
    return runEdits(args, io, await (await loadMsdrgReaders()).mce());
  },
};
