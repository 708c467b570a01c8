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
import { z } from 'zod';
import { Grouper } from '../../engine/grouper/grouper';
import { formatGroupTsv, GROUP_OUTPUT_COLUMNS, parseGroupTsvLine } from '../../engine/grouper/fixture-format';
import type { GrouperClaim } from '../../engine/grouper/types';
import type { BundleReader } from '../../engine/bundle/reader';
import { buildInstalledCodesets, loadBundleReader } from '../../codesets/node/cache';
import { FsBundleStore } from '../../codesets/node/cache';
import { msdrgBuilder } from '../../codesets/msdrg/builder';
import { drgOrientation } from '../../engine/codes/drg-orientation';
import { parseArgs, readAll, UsageError, type CliCommand, type CliIo } from '../io';

const USAGE = `Usage: chartside group [--format tsv|jsonl] [--poa-exempt] < claims

Groups claims with the CMS MS-DRG v43 logic (v43.0 for discharges 2025-10-01..2026-03-31, v43.1
from 2026-04-01; outside FY2026 the newest, with a note).

--format tsv (default): columns id, grouper_version (430/431), age, sex (M/F), discharge_status,
  pdx, sdx, procedures (comma lists, '-' = none; a secondary may carry its POA as CODE:N, default Y).
  Output: id final_drg final_mdc med_surg final_severity return_code initial_drg final_base_drg
  sdx_severity_usage procedure_or_flags drg_title.
--format jsonl: one claim per line, e.g.
  {"id":"c1","pdx":"J18.9","sdx":[{"code":"I50.23","poa":"Y"},"E11.22"],"procedures":[],
   "age":70,"sex":"F","dischargeStatus":"01","dischargeDate":"2026-02-10"}
  (sdx items are codes or {code, poa}; optional: admissionDate, version "43.0"/"43.1",
  poaExemptHospital). Output: one JSON object per line: {"id", ...result} (finalDrg, initialDrg,
  finalMdc, medSurg, severity, returnCode, baseDrg, title, weight, gmlos, amlos, secondary[] with
  usage and exclusion reason, procedures[] with OR/NOR role, hacs[], trail[] of fired rows).
  A discharge on or after 2026-10-01 (FY2027) is grouped with v43.1 because MS-DRG v44 is not
  installed: its line carries "orientation" {message, unusable} (the result is for orientation
  only, not the payable FY2027 DRG; unusable = the codes v43.1 could not use), and stderr says how
  many lines are affected. TSV input names its grouper version and has no discharge date.
--poa-exempt: the hospital is exempt from POA reporting (no HAC step).
Exit code: 0, or 1 when any input line was malformed (reported on stderr with its line number).`;

/** Loads the installed MS-DRG bundles (building them when missing or built by an older importer). */
export async function loadMsdrgReaders(): Promise<{ grouper: BundleReader[]; mce: () => Promise<BundleReader> }> {
  const store = new FsBundleStore();
  const entry = store.readManifest()?.builders.find((b) => b.name === msdrgBuilder.name);
  if (!entry || entry.version !== msdrgBuilder.version) await buildInstalledCodesets({ only: [msdrgBuilder.name] });
  return {
    grouper: [await loadBundleReader('msdrg-43.0'), await loadBundleReader('msdrg-43.1')],
    mce: () => loadBundleReader('mce-43.1'),
  };
}

const sdxItem = z.union([z.string().min(1), z.object({ code: z.string().min(1), poa: z.string().max(1).optional() })]);
/** JSONL claim schema (trust boundary: user input). */
export const JsonClaim = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  pdx: z.string(),
  pdxPoa: z.string().max(1).optional(),
  sdx: z.array(sdxItem).max(24).default([]),
  procedures: z.array(z.string().min(1)).max(25).default([]),
  age: z.number().int(),
  sex: z.string(),
  dischargeStatus: z.union([z.string(), z.number()]).transform(String),
  admissionDate: z.string().regex(/^\d{4}-\d\d-\d\d$/).optional(),
  dischargeDate: z.string().regex(/^\d{4}-\d\d-\d\d$/).optional(),
  version: z.string().optional(),
  poaExemptHospital: z.boolean().optional(),
});
export type JsonClaimInput = z.infer<typeof JsonClaim>;

/** Converts a validated JSONL claim to the engine's claim. */
export function toGrouperClaim(j: JsonClaimInput): GrouperClaim {
  const claim: GrouperClaim = {
    pdx: j.pdx,
    sdx: j.sdx.map((s) => (typeof s === 'string' ? { code: s } : s.poa === undefined ? { code: s.code } : { code: s.code, poa: s.poa })),
    procedures: j.procedures,
    age: j.age,
    sex: j.sex,
    dischargeStatus: j.dischargeStatus,
  };
  if (j.pdxPoa !== undefined) claim.pdxPoa = j.pdxPoa;
  if (j.admissionDate) claim.admissionDate = j.admissionDate;
  if (j.dischargeDate) claim.dischargeDate = j.dischargeDate;
  if (j.version) claim.version = j.version;
  return claim;
}

/** Parses a JSONL line; throws an Error with a readable message when invalid. */
export function parseJsonLine(line: string): JsonClaimInput {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    throw new Error(`not JSON: ${(e as Error).message}`);
  }
  const parsed = JsonClaim.safeParse(value);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join('.') || 'claim'}: ${i.message}`).join('; '));
  return parsed.data;
}

/**
 * Runs a line-oriented command over text: skips blank lines (and a TSV header), reports bad lines
 * on stderr, returns the exit code.
 */
export function processLines(
  text: string,
  io: CliIo,
  opts: { header?: string; isHeader?: (line: string) => boolean; handle: (line: string) => string },
): number {
  if (opts.header !== undefined) io.stdout.write(`${opts.header}\n`);
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  let bad = 0;
  let out = '';
  lines.forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '' || (i === 0 && opts.isHeader?.(line))) return;
    try {
      out += `${opts.handle(line)}\n`;
    } catch (e) {
      bad++;
      io.stderr.write(`line ${i + 1}: ${e instanceof Error ? e.message : String(e)}\n`);
    }
    if (out.length > 65536) {
      io.stdout.write(out);
      out = '';
    }
  });
  if (out) io.stdout.write(out);
  return bad > 0 ? 1 : 0;
}

function formatOf(args: string[]): { format: 'tsv' | 'jsonl'; poaExempt: boolean } {
  const opts = parseArgs(args, { strings: ['format'], booleans: ['poa-exempt'] });
  if (opts.positionals.length > 0) throw new UsageError(`unexpected argument ${opts.positionals[0]!}`);
  const format = opts.strings.get('format') ?? 'tsv';
  if (format !== 'tsv' && format !== 'jsonl') throw new UsageError(`--format must be tsv or jsonl, not ${format}`);
  return { format, poaExempt: opts.booleans.has('poa-exempt') };
}

/** The command body over given bundles (tests pass readers built from the release files). */
export async function runGroup(args: string[], io: CliIo, readers: BundleReader[]): Promise<number> {
  const { format, poaExempt } = formatOf(args);
  const text = await readAll(io.stdin);
  const grouper = Grouper.fromBundles(readers);
  if (format === 'tsv') {
    return processLines(text, io, {
      header: GROUP_OUTPUT_COLUMNS.join('\t'),
      isHeader: (l) => l.startsWith('id\t'),
      handle(line) {
        const { id, claim } = parseGroupTsvLine(line);
        return formatGroupTsv(id, grouper.group(claim, { poaExemptHospital: poaExempt, explain: false }));
      },
    });
  }
  let oriented = 0;
  let newest = '';
  const code = processLines(text, io, {
    handle(line) {
      const j = parseJsonLine(line);
      const r = grouper.group(toGrouperClaim(j), { poaExemptHospital: poaExempt || j.poaExemptHospital === true });
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
  summary: 'MS-DRG v43 grouping of claims on stdin (TSV like the CMS fixtures, or JSONL)',
  usage: USAGE,
  async run(args, io) {
    formatOf(args); // usage errors before loading tables
    return runGroup(args, io, (await loadMsdrgReaders()).grouper);
  },
};
