/**
 * `chartside code <code> [--year FY | --date YYYY-MM-DD] [--json]`: one ICD-10-CM code with its
 * titles, billable flag, ancestors, every instructional note that applies (inherited ones with
 * where they come from), the 7th-character table and index lines.
 */
import { normalizeCode } from '../../engine/codes/normalize';
import { pickRelease } from '../../engine/codes/release';
import type { CmCodeDetail } from '../../engine/icd10cm/types';
import { CM_NOTE_LABEL } from '../../engine/icd10cm/note-labels';
import { loadInstalledTables } from '../../codesets/node/cache';
import { parseArgs, UsageError, type CliCommand } from '../io';

const USAGE = `Usage: chartside code <code> [--year <FY>] [--date <YYYY-MM-DD>] [--json]

Shows an ICD-10-CM code (with or without the dot, any case): titles, billable flag, chapter,
section, ancestors, every instructional note that applies (inherited ones say where from), the
7th-character table, POA exemption, whether it is new this fiscal year, and index lines leading
to it. --year picks the fiscal year (e.g. 2025 or FY2025), --date the year covering a date of
service; default: the newest installed year. Exit code 1 when the code does not exist that year.`;

function render(d: CmCodeDetail, releaseLine: string): string {
  const out: string[] = [];
  out.push(
    `${d.dotted}  ${d.billable ? 'billable' : 'header (not billable)'}${d.requiresSeventh ? ', requires a 7th character' : ''}`,
  );
  out.push(`  long:  ${d.long}`);
  if (d.short !== d.long) out.push(`  short: ${d.short}`);
  out.push(`  ${releaseLine}`);
  const flags = [
    d.poaExempt ? 'POA exempt' : '',
    d.newInYear ? `new in FY${d.fiscalYear}` : '',
    d.revisedInYear ? `title revised in FY${d.fiscalYear}` : '',
    d.billableChangedInYear ? `${d.billable ? 'became billable' : 'became a header'} in FY${d.fiscalYear}` : '',
  ].filter(Boolean);
  if (flags.length) out.push(`  ${flags.join('; ')}`);
  if (d.chapter) out.push(`  chapter ${d.chapter.name}: ${d.chapter.desc}`);
  if (d.section) out.push(`  section ${d.section.id}: ${d.section.desc}`);
  for (const a of d.ancestors) out.push(`  < ${a.dotted.padEnd(8)} ${a.long}`);
  if (d.notes.length) {
    out.push('  notes:');
    for (const n of d.notes) {
      const where = n.level === 'code' ? '' : ` [from ${n.from}]`;
      const stale = n.staleRefs.length ? ` (not codes this year: ${n.staleRefs.join(', ')})` : '';
      out.push(`    ${CM_NOTE_LABEL[n.kind]}: ${n.text}${where}${stale}`);
    }
  }
  if (d.seventh) {
    out.push(`  7th characters [from ${d.seventh.from}]:`);
    for (const n of d.seventh.note) out.push(`    ${n}`);
    for (const c of d.seventh.chars)
      out.push(`    ${c.char}  ${c.meaning.padEnd(50)} ${c.code}${c.valid ? '' : ' (not a code this year)'}`);
  }
  if (d.indexEntries.length) {
    out.push('  index:');
    for (const e of d.indexEntries.slice(0, 20))
      out.push(`    ${e.path}${e.nemod ? ` ${e.nemod}` : ''} ${e.code}${e.manif ? ` [${e.manif}]` : ''}`);
    if (d.indexEntries.length > 20) out.push(`    ... ${d.indexEntries.length - 20} more`);
  }
  return out.join('\n');
}

export const codeCommand: CliCommand = {
  name: 'code',
  summary: 'show an ICD-10-CM code: titles, billable flag, ancestors and every note that applies',
  usage: USAGE,
  async run(args, io) {
    const opts = parseArgs(args, { strings: ['year', 'date'], booleans: ['json'] });
    const [input] = opts.positionals;
    if (!input || opts.positionals.length > 1) throw new UsageError('give exactly one code');
    const tables = await loadInstalledTables();
    const years = [...tables.icd10cm.keys()].sort();
    let year: number;
    let fallback: string | undefined;
    if (opts.strings.has('year')) {
      year = Number(opts.strings.get('year')!.replace(/^FY/i, ''));
      if (!tables.icd10cm.has(year))
        throw new UsageError(
          `no ICD-10-CM FY${opts.strings.get('year')} tables installed (have: ${years.map((y) => `FY${y}`).join(', ')})`,
        );
    } else if (opts.strings.has('date')) {
      const picked = pickRelease(
        opts.strings.get('date')!,
        [...tables.icd10cm.values()].map((t) => t.release),
        'ICD-10-CM',
      );
      year = picked.release.fiscalYear;
      fallback = picked.fallback;
    } else {
      year = years[years.length - 1]!;
    }
    const table = tables.icd10cm.get(year)!;
    const detail = table.get(input);
    if (opts.booleans.has('json')) {
      io.stdout.write(
        `${JSON.stringify({ query: input, fiscalYear: year, release: table.release.id, fallback, found: detail !== undefined, code: detail }, (_key: string, value: unknown) => (value === undefined ? null : value), 2)}\n`,
      );
      return detail ? 0 : 1;
    }
    if (fallback) io.stderr.write(`${fallback}\n`);
    if (!detail) {
      const deleted = table.deletedThisYear().find((d) => d.code === normalizeCode(input));
      io.stdout.write(
        deleted
          ? `${deleted.dotted} was deleted in FY${year} (was: ${deleted.title}).\n`
          : `${input}: not an ICD-10-CM code in FY${year}.\n`,
      );
      return 1;
    }
    const tabular = table.release.provenance.find((p) => p.role === 'tabular');
    const releaseLine = `${table.release.release}${tabular && tabular.releaseYear !== year ? `; notes from the FY${tabular.releaseYear} Tabular List (newest available)` : ''}`;
    io.stdout.write(`${render(detail, releaseLine)}\n`);
    return 0;
  },
};
