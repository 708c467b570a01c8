/**
 * `chartside codesets build|info [--json]`: builds the code tables from the official release files
 * into `.cache/codesets/`, and shows what is installed with its provenance.
 */
import type { BundleHeader } from '../../engine/bundle/format';
import { buildInstalledCodesets, installedBundles } from '../../codesets/node/cache';
import { CACHE_DIR, findCodesetsSource } from '../../codesets/node/source';
import { buildSearchIndexStep } from '../../codesets/node/search-index';
import {
  buildSuggestModelStep,
  suggestModelRequested,
  type SuggestModelReport,
} from '../../codesets/node/suggest-model';
import { searchIndexBuilder } from '../../codesets/search-index/builder';
import { buildSuggestLexiconStep } from '../../codesets/node/suggest-lexicon';
import { suggestLexiconBuilder } from '../../codesets/suggest-lexicon/builder';
import { suggestModelBuilder } from '../../codesets/suggest-model/builder';
import type { BuilderReport } from '../../codesets/build';
import { parseArgs, UsageError, type CliCommand } from '../io';

const USAGE = `Usage: chartside codesets build [--force] [--only <builder>] [--model] [--json]
       chartside codesets info [--json]

build  Builds every code system's bundles from the official release files ($CODESETS_SRC, else
       ../shared/codesets) into ${CACHE_DIR}. Builders whose input files did not change are
       skipped (--force rebuilds). A release file that cannot be parsed is reported with its name
       and line and the previously built bundles are kept. Exit code 1 when a builder failed.
       Then builds the code-search index of each installed year (search-index: search-<FY>)
       and the suggestion lexicon (suggest-lexicon: suggest-lexicon-<FY>, the Index and Tabular
       terms the suggestions match, loaded instead of rebuilt in every process).
       With --model (or --only suggest-model, or CHARTSIDE_SUGGEST_MODEL=1) it then trains the
       suggestion model (suggest-model, off by default in the extension) on the CodiEsp train split
       ($CODIESP_DIR, else ../shared/eval/codiesp) with the newest ICD-10-CM/PCS tables; without
       the request a model already built is kept; without the corpus it is skipped (the message says what to
       download) and suggestions use the Index alone. One line per step, then the total size.
info   Lists, per code system and fiscal year, the release files used (sha256), the counts
       (billable/valid codes, notes, index terms ...) and notes on substitutions; a year derived
       from an older release and that year's addenda (FY2027 today) says so on its first line.`;

const fmt = (n: number): string => n.toLocaleString('en-US');

/** One installed bundle as `codesets info` prints it: a derived year's derivation is its second line. */
export function describeBundle(h: BundleHeader): string {
  const lines = [`${h.id}  ${h.release}  effective ${h.effectiveFrom}..${h.effectiveTo}`];
  // A derived table is not an official release file set: said first, before its files.
  if (h.derivation) lines.push(`  ${h.derivation}`);
  lines.push('  files:');
  for (const p of h.provenance) {
    lines.push(`    ${p.role.padEnd(11)} FY${p.releaseYear}  ${p.file}  ${fmt(p.bytes)} bytes  sha256 ${p.sha256}`);
  }
  lines.push('  counts:');
  for (const [k, v] of Object.entries(h.counts)) lines.push(`    ${k.padEnd(34)} ${fmt(v).padStart(10)}`);
  if (h.notes.length > 0) {
    lines.push('  notes:');
    for (const n of h.notes) lines.push(`    - ${n}`);
  }
  const size = h.blocks.reduce((s, b) => s + b.length, 0);
  lines.push(`  blocks: ${h.blocks.map((b) => b.name).join(', ')} (${fmt(size)} bytes compressed)`);
  return lines.join('\n');
}

/** The one line of a build step: name, outcome, seconds, and what it installed or why not. */
export function stepLine(r: BuilderReport | SuggestModelReport): string {
  const what =
    'message' in r
      ? r.message
      : r.error
        ? `${r.error.message}${r.error.file ? ` (${r.error.file}${r.error.line === undefined ? '' : `:${r.error.line}`})` : ''}; the previously installed bundles are kept`
        : r.bundles.map((b) => `${b.id} ${fmt(b.bytes)} B`).join(', ');
  return `${r.name.padEnd(15)} ${r.status.padEnd(7)} ${(r.ms / 1000).toFixed(1).padStart(6)} s  ${what}`;
}

export const codesetsCommand: CliCommand = {
  name: 'codesets',
  summary: 'build the code tables from official release files, or show what is installed (build|info)',
  usage: USAGE,
  async run(args, io) {
    const [verb, ...rest] = args;
    if (verb === 'build') {
      const opts = parseArgs(rest, { strings: ['only'], booleans: ['json', 'force', 'model'] });
      const json = opts.booleans.has('json');
      const source = findCodesetsSource();
      const only = opts.strings.has('only') ? opts.strings.get('only')!.split(',') : undefined;
      // No progress log is passed to the steps: each step's report below is its one line
      // (failures included), which their "building from <mounts> ..." / "built ..." lines repeated.
      const reports: (BuilderReport | SuggestModelReport)[] = await buildInstalledCodesets({
        sourceDir: source,
        force: opts.booleans.has('force'),
        ...(only ? { only } : {}),
      });
      // After the code tables: the search index of each installed year, so the extension ships it
      // and the first search does not build it.
      if (!only || only.includes(searchIndexBuilder.name)) {
        reports.push(await buildSearchIndexStep({ force: opts.booleans.has('force') }));
      }
      // The suggestion lexicon of each installed year, for the same reason: the worker and
      // `chartside suggest` load it instead of building it in every process.
      if (!only || only.includes(suggestLexiconBuilder.name)) {
        reports.push(await buildSuggestLexiconStep({ force: opts.booleans.has('force') }));
      }
      // Then the suggestion model, fitted with them, only on request: it is off by default and
      // training it is the slowest step (skipped, with what to download, when the corpus is absent).
      if (!only || only.includes(suggestModelBuilder.name)) {
        reports.push(
          await buildSuggestModelStep({
            sourceDir: source,
            // Naming the step in --only asks for it too.
            requested:
              suggestModelRequested(opts.booleans.has('model')) || (only?.includes(suggestModelBuilder.name) ?? false),
            force: opts.booleans.has('force'),
          }),
        );
      }
      if (json) io.stdout.write(`${JSON.stringify({ source, cache: CACHE_DIR, builders: reports }, null, 2)}\n`);
      else {
        for (const r of reports) io.stdout.write(`${stepLine(r)}\n`);
        const total = reports.flatMap((r) => r.bundles).reduce((n, b) => n + b.bytes, 0);
        io.stdout.write(`bundles in ${CACHE_DIR}: ${fmt(total)} bytes\n`);
      }
      return reports.some((r) => r.status === 'failed') ? 1 : 0;
    }
    if (verb === 'info') {
      const opts = parseArgs(rest, { booleans: ['json'] });
      const headers = installedBundles();
      if (opts.booleans.has('json')) {
        io.stdout.write(`${JSON.stringify({ cache: CACHE_DIR, bundles: headers }, null, 2)}\n`);
        return 0;
      }
      if (headers.length === 0) {
        io.stdout.write(`No code tables installed in ${CACHE_DIR}. Run: npx chartside codesets build\n`);
        return 1;
      }
      const systems = [...new Set(headers.map((h) => h.system))];
      for (const system of systems) {
        io.stdout.write(`== ${system} ==\n`);
        for (const h of headers.filter((x) => x.system === system).sort((a, b) => a.fiscalYear - b.fiscalYear)) {
          io.stdout.write(`${describeBundle(h)}\n\n`);
        }
      }
      return 0;
    }
    throw new UsageError(verb ? `unknown sub-command "${verb}"` : 'build or info?');
  },
};
