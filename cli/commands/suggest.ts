/**
 * `chartside suggest <file|-> [--setting inpatient|outpatient] [--json]`: ranked ICD-10-CM and
 * ICD-10-PCS suggestions for a chart text, each with its evidence spans and Index path.
 */
import { join } from 'node:path';
import { installedBundles, loadBundleReader, loadInstalledTables } from '../../codesets/node/cache';
import { loadCachedLexiconFor } from '../../codesets/node/suggest-lexicon';
import type { SuggestLexicon } from '../../engine/suggest/lexicon';
import { CACHE_DIR } from '../../codesets/node/source';
import { icd10pcsBuilder } from '../../codesets/icd10pcs/build';
import { BUILDERS } from '../../codesets/builders';
import type { CmTable } from '../../engine/icd10cm';
import { primeGuidelineTables } from '../../engine/suggest/guideline-tables';
import { PcsTable } from '../../engine/icd10pcs/pcs-table';
import { severityOfBundle, Suggester, type Setting, type SuggestResult } from '../../engine/suggest';
import { loadCachedSuggestModel, type CachedSuggestModel } from '../../codesets/node/suggest-model';
import { suggestWithModel } from '../../engine/suggest/model';
import { describeSuggestModel, NO_SUGGEST_MODEL_NOTICE } from '../../engine/suggest/model-bundle';
import { suggestAbstract } from '../../engine/suggest/pipeline';
import { principalSelector } from '../../engine/suggest/sequence';
import { poaAssigner } from '../../engine/suggest/poa';
import type { AbstractEntry, CodedAbstract } from '../../engine/suggest/types';
import { parseArgs, UsageError, type CliCommand, type CliIo } from '../io';
import { readTextInput } from '../read-text-input';

const USAGE = `Usage: chartside suggest <file|-> [--setting inpatient|outpatient] [--json] [--year <FY>] [--model]

Reads a chart text (a file, or standard input with -) and suggests ICD-10-CM diagnoses and
ICD-10-PCS procedures through the Alphabetic Index and Tabular List, best first, each with the
words of the chart that support it (offsets into the text) and the Index path used.
--setting decides how uncertain diagnoses ("probable", "rule out") are coded: as established for
inpatients (default), not for outpatients. --year picks the ICD-10-CM fiscal year (default newest).
--json prints {abstract: {principal, secondary: [...], procedures: [...], alsoDocumented: [...],
suppressed: [...]}, diagnoses: [{code, score, evidence: [{start, end, text}], path, ...}],
procedures: [...]}: the abstract is what a coder would report by the Official Guidelines (each
entry with its quote, assertion and rule trail; suppressed candidates with the rule that
removed them), the lists every candidate the Index and Tabular found.
--why also prints the suppressed candidates and their rules in the readable output.
--model ranks with the learned suggestion model built by \`chartside codesets build\` (CodiEsp train
split, CC BY 4.0), which ranks like the CodiEsp annotators (every condition mentioned, symptoms and
unspecified codes included) rather than by the Official Guidelines; without it the Index and
Tabular rank alone (the default, as in the extension).`;

/** Tables for suggestions, loaded from the local codeset cache (built from the official files on first use). */
export interface SuggestTables {
  cm: CmTable;
  pcs: PcsTable | undefined;
  /**
   * The suggestion lexicon built at build time from exactly these tables (`suggest-lexicon-<FY>`),
   * for `new Suggester(cm, pcs, lexicon)`; absent when it could not be used (a notice says why, and
   * the Suggester builds it from the tables, which takes seconds).
   */
  lexicon: SuggestLexicon | undefined;
  /** Notices for the user (e.g. PCS tables not available). */
  notices: string[];
}

/**
 * Loads the newest (or the given fiscal year's) ICD-10-CM table and the ICD-10-PCS tables.
 * The PCS bundle is taken from the shared cache; while the PCS importer is not registered in
 * `codesets/builders.ts` it is built into a separate cache folder so the shared manifest is not touched.
 */
export async function loadSuggestTables(year?: number, log: (line: string) => void = () => {}): Promise<SuggestTables> {
  // Only the year asked for (default the newest) is loaded: a fresh process should not pay for the others.
  let years: number[] = [];
  const { icd10cm } = await loadInstalledTables({
    fiscalYears: (installed) => {
      years = [...installed].sort((a, b) => b - a);
      return [year ?? years[0]!];
    },
  });
  const fy = year ?? years[0]!;
  const cm = icd10cm.get(fy);
  if (!cm) throw new UsageError(`ICD-10-CM FY${fy} is not installed (installed: ${years.join(', ')})`);
  const notices: string[] = [];
  let pcs: PcsTable | undefined;
  const pcsId = `icd10pcs-${fy}`;
  try {
    const registered = BUILDERS.some((b) => b.name === icd10pcsBuilder.name);
    const reader = registered
      ? await loadBundleReader(pcsId)
      : await loadBundleReader(pcsId, {
          builders: [icd10pcsBuilder],
          cacheDir: join(CACHE_DIR, '..', 'codesets-suggest-pcs'),
          log,
        });
    pcs = PcsTable.fromBundle(reader);
  } catch (e) {
    notices.push(`ICD-10-PCS tables unavailable, no procedure suggestions: ${(e as Error).message}`);
  }
  const cached = await loadCachedLexiconFor(`icd10cm-${fy}`, pcs ? pcsId : undefined);
  if (!cached.lexicon)
    notices.push(
      `the suggestion lexicon and guideline tables are built from the tables (slow) because the cached ones are unusable: ${cached.reason}`,
    );
  // The guideline tables built with that lexicon from this very table (the loader checked its
  // sha256): the first suggestion reads them instead of walking the Index (about a second).
  else if (cached.guidelines) primeGuidelineTables(cm, cached.guidelines);
  else
    notices.push(
      `the guideline tables are built from the tables (about a second) because the cached ones are unusable: ${cached.guidelinesReason}`,
    );
  return { cm, pcs, lexicon: cached.lexicon, notices };
}

/**
 * CC/MCC lookup from the installed MS-DRG release of fiscal year `year` (its newest version: v44.0
 * for FY2027 once imported), or the newest release when no year is asked for or none matches (said
 * on stderr); absent: said on stderr, flags omitted.
 */
async function loadSeverity(
  io: CliIo,
  year: number | undefined,
): Promise<((code: string) => 'cc' | 'mcc' | undefined) | undefined> {
  const byNewest = installedBundles()
    .filter((h) => h.system === 'msdrg')
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1));
  const newest = byNewest[0];
  if (!newest) {
    io.stderr.write('chartside suggest: no MS-DRG release installed, CC/MCC flags omitted\n');
    return undefined;
  }
  const picked = (year === undefined ? newest : byNewest.find((h) => h.fiscalYear === year)) ?? newest;
  if (year !== undefined && picked.fiscalYear !== year)
    io.stderr.write(
      `chartside suggest: no MS-DRG release for FY${year} installed, CC/MCC flags from ${picked.release}\n`,
    );
  // The bundle's small CC/MCC block, not the whole grouper tables (a quarter of a second).
  const { lookup, notice } = severityOfBundle(await loadBundleReader(picked.id));
  if (notice) io.stderr.write(`chartside suggest: ${notice}\n`);
  return lookup;
}

/**
 * The cached suggestion model, or why there is none (a malformed bundle is refused with its
 * reason and suggestions go on with the Index alone).
 */
function pickModel(enabled: boolean): { model?: CachedSuggestModel; line: string } {
  if (!enabled)
    return { line: 'Ranked by the Index and Tabular alone (--model ranks with the learned CodiEsp model).' };
  try {
    const model = loadCachedSuggestModel();
    return model
      ? { model, line: `${describeSuggestModel(model.info)}, ${model.info.id}.` }
      : { line: `${NO_SUGGEST_MODEL_NOTICE} (build it: npx chartside codesets build --model).` };
  } catch (error) {
    return {
      line: `The suggestion model was refused (${error instanceof Error ? error.message : String(error)}): ranked by the Index alone. Rebuild it: npx chartside codesets build --force --only suggest-model`,
    };
  }
}

function entryLine(e: AbstractEntry): string {
  const code = e.kind === 'pcs-table-row' ? `Table ${e.code} row (choose ${e.chooseAxes})` : e.code;
  const poa = e.poa ? ` POA ${e.poa}` : '';
  const trail = e.rules.map((r) => `${r.rule}: ${r.reason}`).join('; ');
  return `  ${code.padEnd(9)} ${e.title}${poa}
             "${e.quote}" @${e.start} (${e.assertion})${
               trail
                 ? `
             ${trail}`
                 : ''
             }`;
}

function renderAbstract(a: CodedAbstract, why: boolean): string[] {
  const out = ['Report (Official Guidelines):'];
  out.push(a.principal ? entryLine(a.principal) : '  (no reportable diagnosis)');
  out.push(...a.secondary.map(entryLine), ...a.procedures.map(entryLine));
  out.push('', `Also documented (${a.alsoDocumented.length}):`, ...a.alsoDocumented.map(entryLine));
  if (why) out.push('', `Suppressed (${a.suppressed.length}):`, ...a.suppressed.map(entryLine));
  else out.push('', `Suppressed: ${a.suppressed.length} (--why lists them with their rules)`);
  return out;
}

function render(r: SuggestResult, modelLine: string, abstract: CodedAbstract, why: boolean): string {
  const out: string[] = [
    `Setting: ${r.setting}. ICD-10-CM FY${r.tables.cm}${r.tables.pcs ? `, ICD-10-PCS FY${r.tables.pcs}` : ''}.`,
    modelLine,
    '',
    ...renderAbstract(abstract, why),
    '',
    'All candidates (Index and Tabular):',
    '',
    'Diagnoses:',
  ];
  const line = (s: SuggestResult['diagnoses'][number]): string => {
    const ev = s.evidence
      .slice(0, 3)
      .map((e) => `"${e.text}" @${e.start}`)
      .join(', ');
    const flags = s.flags.length ? ` [${s.flags.join(', ')}]` : '';
    return `  ${s.code.padEnd(9)} ${s.score.toFixed(2)}  ${s.title}${flags}\n             via ${s.path}; evidence ${ev}`;
  };
  out.push(...(r.diagnoses.length ? r.diagnoses.map(line) : ['  (none)']), '', 'Procedures:');
  out.push(...(r.procedures.length ? r.procedures.map(line) : ['  (none)']));
  return `${out.join('\n')}\n`;
}

export const suggestCommand: CliCommand = {
  name: 'suggest',
  summary: 'Suggest ICD-10-CM/PCS codes for a chart text, with evidence',
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const { positionals, strings, booleans } = parseArgs(args, {
      strings: ['setting', 'year'],
      booleans: ['json', 'model', 'why'],
    });
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new UsageError('give one file, or - for standard input');
    const setting = (strings.get('setting') ?? 'inpatient') as Setting;
    if (setting !== 'inpatient' && setting !== 'outpatient')
      throw new UsageError('--setting must be inpatient or outpatient');
    const yearText = strings.get('year');
    const year = yearText ? Number(yearText.replace(/^FY/i, '')) : undefined;
    if (yearText && !Number.isInteger(year)) throw new UsageError(`bad --year ${yearText}`);
    const text = await readTextInput(file, io.stdin);
    const tables = await loadSuggestTables(year);
    for (const n of tables.notices) io.stderr.write(`chartside suggest: ${n}\n`);
    const severityOf = await loadSeverity(io, year);
    const chosen = pickModel(booleans.has('model'));
    const suggester = new Suggester(tables.cm, tables.pcs, tables.lexicon);
    const options = { setting, ...(severityOf ? { severityOf } : {}) };
    const abstracted = suggestAbstract(suggester, text, {
      ...options,
      selectPrincipal: principalSelector({ cm: tables.cm }),
      assignPoa: poaAssigner({ cm: tables.cm }),
    });
    const result = chosen.model
      ? suggestWithModel(suggester, text, chosen.model.model, options)
      : abstracted.suggestions;
    const abstract = abstracted.abstract;
    if (booleans.has('json')) {
      const slim = (s: SuggestResult['diagnoses'][number]) => ({
        code: s.code,
        title: s.title,
        score: Number(s.score.toFixed(4)),
        evidence: s.evidence.map((e) => ({ start: e.start, end: e.end, text: e.text })),
        path: s.path,
        flags: s.flags,
        notes: s.notes,
        ...(s.evidenceOmitted ? { evidenceOmitted: s.evidenceOmitted } : {}),
      });
      io.stdout.write(
        `${JSON.stringify({ setting: result.setting, tables: result.tables, model: chosen.model ? chosen.model.info : null, abstract, diagnoses: result.diagnoses.map(slim), procedures: result.procedures.map(slim), ...(result.warnings?.length ? { warnings: result.warnings } : {}) }, null, 2)}\n`,
      );
      // A truncated result must never look complete (a cut list read as the whole list would hide codes).
      for (const w of result.warnings ?? []) io.stderr.write(`chartside suggest: ${w}\n`);
      if (!chosen.model) io.stderr.write(`chartside suggest: ${chosen.line}\n`);
    } else {
      io.stdout.write(render(result, chosen.line, abstract, booleans.has('why')));
    }
    return 0;
  },
};
