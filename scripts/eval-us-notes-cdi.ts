/**
 * CDI scoring on the US-notes evaluation set (`../shared/eval/us-notes/`, evaluation only: the
 * note texts are read at run time and never copied). Implements the CDI metric of that set's
 * README exactly:
 * - a fired opportunity is **correct** when its topic equals a gold query's topic, or the gold topic
 *   is `other:<name>` and the name contains the fired topic id (for a fired `other:<x>` topic the
 *   id compared is `<x>`); otherwise it is **wrong** (a topic listed under `not_queries` is simply
 *   one of the wrong ones, counted separately so the report shows them);
 * - precision = correct / fired;
 * - recall = gold queries matched by a fired topic / gold queries, for the 14 standard topics and
 *   over all gold queries;
 * - compliance: every draft is checked by engine/cdi/compliance.ts (`isCompliant`).
 *
 * Used by `npm run eval:us-notes` (one call: {@link scoreCdiUsNotes}) and runnable alone:
 * `npx tsx scripts/eval-us-notes-cdi.ts [--dir ../shared/eval/us-notes] [--verbose]`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeCdi, CDI_TOPICS, isCompliant } from '../engine/cdi/index';
import type { CareSetting } from '../engine/text/index';
import type { UsNotesEvaluator } from './eval-us-notes';

/** The CDI gold of one note (`cdi/<id>.json`). */
interface CdiGold {
  id: string;
  queries: { topic: string }[];
  not_queries: { topic: string }[];
}

/** Counts of one note or of a note type. */
export interface CdiCounts {
  notes: number;
  fired: number;
  correct: number;
  /** Fired topics the gold lists under `not_queries` (a subset of the wrong ones). */
  notQueries: number;
  gold: number;
  goldMatched: number;
  goldStandard: number;
  goldStandardMatched: number;
  drafts: number;
  compliantDrafts: number;
}

/** Per-note detail for `--verbose` and for the runner's own report. */
export interface CdiNoteResult {
  id: string;
  type: string;
  fired: { topic: string; correct: boolean; notQuery: boolean; compliant: boolean }[];
  missed: string[];
}

/** The whole report: totals, per note type, per note. */
export interface CdiReport {
  total: CdiCounts & CdiRates;
  byType: Record<string, CdiCounts & CdiRates>;
  notes: CdiNoteResult[];
}

/** Rates derived from {@link CdiCounts} (null when the denominator is 0). */
export interface CdiRates {
  precision: number | null;
  recallStandard: number | null;
  recallAll: number | null;
  compliance: number | null;
}

/**
 * The 14 standard topics the README names (recall is reported for them and over all): the engine's
 * topics that are not `other:<name>`.
 */
const STANDARD = new Set<string>(CDI_TOPICS.filter((t) => !t.startsWith('other:')));

/** README rule: fired topic `fired` matches gold topic `gold`. */
export function topicMatches(fired: string, gold: string): boolean {
  if (fired === gold) return true;
  if (!gold.startsWith('other:')) return false;
  const id = fired.startsWith('other:') ? fired.slice('other:'.length) : fired;
  return id.length > 0 && gold.slice('other:'.length).includes(id);
}

const zero = (): CdiCounts => ({
  notes: 0,
  fired: 0,
  correct: 0,
  notQueries: 0,
  gold: 0,
  goldMatched: 0,
  goldStandard: 0,
  goldStandardMatched: 0,
  drafts: 0,
  compliantDrafts: 0,
});

function add(a: CdiCounts, b: CdiCounts): void {
  for (const k of Object.keys(a) as (keyof CdiCounts)[]) a[k] += b[k];
}

const ratio = (n: number, d: number): number | null => (d === 0 ? null : Math.round((n / d) * 1000) / 1000);

function rates(c: CdiCounts): CdiCounts & CdiRates {
  return {
    ...c,
    precision: ratio(c.correct, c.fired),
    recallStandard: ratio(c.goldStandardMatched, c.goldStandard),
    recallAll: ratio(c.goldMatched, c.gold),
    compliance: ratio(c.compliantDrafts, c.drafts),
  };
}

/**
 * Scores one note: the topics fired by `analyzeCdi` (one per opportunity topic; several
 * opportunities of one topic count once, as the gold lists topics) against its CDI gold.
 */
export function scoreCdiNote(
  id: string,
  text: string,
  gold: CdiGold,
  setting?: CareSetting,
): { counts: CdiCounts; detail: CdiNoteResult } {
  const result = analyzeCdi({ text }, setting ? { setting } : {});
  const counts = zero();
  counts.notes = 1;
  const topics = new Map<string, boolean>();
  for (const o of result.opportunities) {
    counts.drafts++;
    const ok = isCompliant(o.compliance);
    if (ok) counts.compliantDrafts++;
    topics.set(o.opportunity.topic, (topics.get(o.opportunity.topic) ?? true) && ok);
  }
  const fired: CdiNoteResult['fired'] = [];
  for (const [topic, compliant] of topics) {
    const correct = gold.queries.some((q) => topicMatches(topic, q.topic));
    const notQuery = !correct && gold.not_queries.some((q) => topicMatches(topic, q.topic));
    counts.fired++;
    if (correct) counts.correct++;
    if (notQuery) counts.notQueries++;
    fired.push({ topic, correct, notQuery, compliant });
  }
  const missed: string[] = [];
  for (const q of gold.queries) {
    const matched = [...topics.keys()].some((t) => topicMatches(t, q.topic));
    counts.gold++;
    if (matched) counts.goldMatched++;
    if (STANDARD.has(q.topic)) {
      counts.goldStandard++;
      if (matched) counts.goldStandardMatched++;
    }
    if (!matched) missed.push(q.topic);
  }
  return { counts, detail: { id, type: id.split('_')[0] ?? '', fired, missed } };
}

/** One note to score: its id (the gold file name), its text and its care setting. */
export interface CdiEvalNote {
  id: string;
  text: string;
  setting?: CareSetting;
}

/**
 * Scores `notes` against the CDI gold in `dir/cdi/<id>.json`. A note without CDI gold is skipped;
 * a gold file without its note stops the run (a silent skip would inflate the figures).
 */
export function scoreCdiNotes(notes: readonly CdiEvalNote[], dir: string): CdiReport {
  const cdiDir = join(dir, 'cdi');
  if (!existsSync(cdiDir)) throw new Error(`eval-us-notes-cdi: no CDI gold folder at ${cdiDir}`);
  const byId = new Map(notes.map((n) => [n.id, n]));
  const total = zero();
  const byType: Record<string, CdiCounts> = {};
  const results: CdiNoteResult[] = [];
  for (const file of readdirSync(cdiDir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const id = file.slice(0, -'.json'.length);
    const note = byId.get(id);
    if (!note) throw new Error(`eval-us-notes-cdi: gold ${file} has no note ${id}`);
    const gold = JSON.parse(readFileSync(join(cdiDir, file), 'utf8')) as CdiGold;
    const { counts, detail } = scoreCdiNote(id, note.text, gold, note.setting);
    add(total, counts);
    add((byType[detail.type] ??= zero()), counts);
    results.push(detail);
  }
  return {
    total: rates(total),
    byType: Object.fromEntries(Object.entries(byType).map(([k, v]) => [k, rates(v)])),
    notes: results,
  };
}

/** Reads `dir/notes/*.txt` (with the setting of `dir/gold/<id>.json` when present) and scores them. */
export function scoreCdiUsNotes(dir: string): CdiReport {
  const notesDir = join(dir, 'notes');
  const notes: CdiEvalNote[] = readdirSync(notesDir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => {
      const id = f.slice(0, -'.txt'.length);
      const goldPath = join(dir, 'gold', `${id}.json`);
      const setting = existsSync(goldPath)
        ? ((JSON.parse(readFileSync(goldPath, 'utf8')) as { setting?: CareSetting }).setting ?? undefined)
        : undefined;
      return { id, text: readFileSync(join(notesDir, f), 'utf8'), ...(setting ? { setting } : {}) };
    });
  return scoreCdiNotes(notes, dir);
}

/** The CDI block of `npm run eval:us-notes` (scripts/eval-us-notes.ts), on the notes it read. */
export const cdiEvaluator: UsNotesEvaluator = (notes, dir) => {
  const report = scoreCdiNotes(
    notes.map((n) => {
      const setting = n.goldJson.setting;
      return {
        id: n.id,
        text: n.text,
        ...(setting === 'inpatient' || setting === 'outpatient' ? { setting } : {}),
      };
    }),
    dir,
  );
  return Promise.resolve({
    name: 'cdi',
    text: formatCdiReport(report, process.argv.includes('--verbose')).trimEnd(),
    json: report,
  });
};

const pct = (x: number | null): string => (x === null ? '  -  ' : x.toFixed(3));

/** Human-readable report lines (the runner prints them after its own figures). */
export function formatCdiReport(report: CdiReport, verbose = false): string {
  const lines: string[] = [];
  const row = (name: string, c: CdiCounts & CdiRates): string =>
    `${name.padEnd(6)} notes ${String(c.notes).padStart(2)}  fired ${String(c.fired).padStart(3)}  correct ${String(c.correct).padStart(3)}  ` +
    `not_queries ${String(c.notQueries).padStart(2)}  precision ${pct(c.precision)}  ` +
    `recall standard ${pct(c.recallStandard)} (${c.goldStandardMatched}/${c.goldStandard})  ` +
    `all ${pct(c.recallAll)} (${c.goldMatched}/${c.gold})  compliant ${c.compliantDrafts}/${c.drafts}`;
  lines.push('CDI (README "CDI gold" metric)');
  lines.push(row('all', report.total));
  for (const [type, c] of Object.entries(report.byType).sort()) lines.push(row(type, c));
  if (verbose) {
    for (const n of report.notes) {
      const fired = n.fired
        .map(
          (f) =>
            `${f.topic}${f.correct ? ' ✓' : f.notQuery ? ' ✗(not_query)' : ' ✗'}${f.compliant ? '' : ' NONCOMPLIANT'}`,
        )
        .join(', ');
      lines.push(`  ${n.id}: fired [${fired}] missed [${n.missed.join(', ')}]`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function main(argv: string[]): void {
  const dirArg = argv.indexOf('--dir');
  const dir = resolve(dirArg >= 0 && argv[dirArg + 1] ? argv[dirArg + 1]! : '../shared/eval/us-notes');
  const report = scoreCdiUsNotes(dir);
  if (argv.includes('--json')) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else process.stdout.write(formatCdiReport(report, argv.includes('--verbose')));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main(process.argv.slice(2));
