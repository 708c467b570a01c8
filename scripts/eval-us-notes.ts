/**
 * `npm run eval:us-notes [-- --json] [--notes]`
 *
 * Scores Chartside on the expert-coded US notes (default `../shared/eval/us-notes`, or
 * $US_NOTES_DIR): every note is suggested in process with one load of the tables, the coded
 * abstract (principal, secondary, procedures, POA) is compared with the gold by the README's
 * metric (engine/suggest/eval/us-notes-metric.ts), for all notes and per note type (the id prefix:
 * DS, HP, OP, PN, ED). `--notes` adds one line per note (its errors and missed items); `--json`
 * prints everything as one JSON object instead of tables.
 *
 * The notes are evaluation data: this script reads them and prints figures and codes, and writes
 * nothing (no file derived from the notes goes into the repository).
 *
 * Other evaluations of the same notes (the CDI scoring) plug in as one {@link UsNotesEvaluator}
 * in {@link EVALUATORS}; they receive the notes already read.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadSuggestTables } from '../cli/commands/suggest';
import { suggestAbstract } from '../engine/suggest/pipeline';
import { poaAssigner } from '../engine/suggest/poa';
import { principalSelector } from '../engine/suggest/sequence';
import { Suggester } from '../engine/suggest';
import { cdiEvaluator } from './eval-us-notes-cdi';
import type { CodedAbstract } from '../engine/suggest/types';
import {
  addUsNoteCounts,
  emptyUsNoteCounts,
  scoreUsNote,
  usNoteRatios,
  type UsNoteCounts,
  type UsNoteDetail,
  type UsNoteGold,
  type UsNotePrediction,
} from '../engine/suggest/eval/us-notes-metric';

/** One note as read from the evaluation folder. */
export interface LoadedUsNote {
  id: string;
  /** Note type: the id prefix (DS, HP, OP, PN, ED). */
  type: string;
  text: string;
  gold: UsNoteGold;
  /** The gold file's whole JSON (other evaluations read their own fields). */
  goldJson: Record<string, unknown>;
}

/** A block of the report: a readable text and its JSON form. */
export interface UsNotesSection {
  name: string;
  text: string;
  json: unknown;
}

/** An evaluation run over the notes (read once). */
export type UsNotesEvaluator = (notes: readonly LoadedUsNote[], dir: string) => Promise<UsNotesSection>;

/** The evaluation folder: $US_NOTES_DIR, else ../shared/eval/us-notes beside the worktree. */
export function usNotesDir(): string {
  const dir = process.env.US_NOTES_DIR ?? resolve(process.cwd(), '..', 'shared', 'eval', 'us-notes');
  if (!existsSync(join(dir, 'notes')) || !existsSync(join(dir, 'gold')))
    throw new Error(`no US notes at ${dir} (expected notes/ and gold/; set US_NOTES_DIR)`);
  return dir;
}

function asStrings(v: unknown, what: string): string[] {
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new Error(`${what}: expected a list of codes`);
  return v as string[];
}

/** Reads and checks one gold file (a malformed file stops the run with its name). */
export function parseUsNoteGold(id: string, json: Record<string, unknown>): UsNoteGold {
  const setting = json.setting;
  if (setting !== 'inpatient' && setting !== 'outpatient')
    throw new Error(`${id}: setting must be inpatient or outpatient`);
  const items = (v: unknown, what: string): string[][] => {
    if (!Array.isArray(v)) throw new Error(`${id}: ${what} must be a list`);
    return v.map((x, i) => asStrings(x, `${id}: ${what}[${i}]`));
  };
  const record = (v: unknown, what: string): Record<string, string> => {
    if (v === undefined) return {};
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error(`${id}: ${what} must be an object`);
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, String(x)]));
  };
  return {
    id,
    setting,
    principal: asStrings(json.principal ?? [], `${id}: principal`),
    secondary: items(json.secondary ?? [], 'secondary'),
    procedures: items(json.procedures ?? [], 'procedures'),
    acceptable: asStrings(json.acceptable ?? [], `${id}: acceptable`),
    wrong: record(json.wrong, 'wrong'),
    poa: record(json.poa, 'poa'),
  };
}

/** Every note with its gold, sorted by id. */
export function loadUsNotes(dir: string): LoadedUsNote[] {
  return readdirSync(join(dir, 'gold'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const id = f.slice(0, -'.json'.length);
      const goldJson = JSON.parse(readFileSync(join(dir, 'gold', f), 'utf8')) as Record<string, unknown>;
      const notePath = join(dir, 'notes', `${id}.txt`);
      if (!existsSync(notePath)) throw new Error(`${id}: gold without a note (${notePath})`);
      return {
        id,
        type: id.split('_')[0]!,
        text: readFileSync(notePath, 'utf8'),
        gold: parseUsNoteGold(id, goldJson),
        goldJson,
      };
    });
}

/** The prediction the metric scores: the abstract's principal, secondary and procedures. */
export function predictionOf(abstract: CodedAbstract): UsNotePrediction {
  return {
    ...(abstract.principal ? { principal: { code: abstract.principal.code, poa: abstract.principal.poa } } : {}),
    secondary: abstract.secondary.map((e) => ({ code: e.code, poa: e.poa })),
    procedures: abstract.procedures.map((e) => ({ code: e.code })),
  };
}

const fmt = (x: number | undefined): string => (x === undefined ? '   - ' : x.toFixed(3));

function table(rows: [string, UsNoteCounts][]): string {
  const head = `${'notes'.padEnd(8)} ${'n'.padStart(3)}  dx-P   dx-R   pdx@1  px-P   px-R   POA    harmful  dx c/n/e     px c/n/e`;
  const lines = rows.map(([name, c]) => {
    const r = usNoteRatios(c);
    return `${name.padEnd(8)} ${String(c.notes).padStart(3)}  ${fmt(r.dxPrecision)}  ${fmt(r.dxRecall)}  ${fmt(r.principalAt1)}  ${fmt(r.pxPrecision)}  ${fmt(r.pxRecall)}  ${fmt(r.poaAgreement)}  ${String(r.harmful).padStart(7)}  ${`${c.dx.correct}/${c.dx.neutral}/${c.dx.errors}`.padEnd(11)}  ${c.px.correct}/${c.px.neutral}/${c.px.errors}`;
  });
  return [head, ...lines].join('\n');
}

/** The coding evaluation: the abstract of every note against its gold. */
export const codingEvaluator: UsNotesEvaluator = async (notes) => {
  const t0 = performance.now();
  const tables = await loadSuggestTables();
  for (const n of tables.notices) process.stderr.write(`note: ${n}\n`);
  const suggester = new Suggester(tables.cm, tables.pcs, tables.lexicon);
  const stages = { selectPrincipal: principalSelector({ cm: tables.cm }), assignPoa: poaAssigner({ cm: tables.cm }) };
  const loadMs = performance.now() - t0;
  const perNote: { id: string; type: string; detail: UsNoteDetail; abstract: CodedAbstract; ms: number }[] = [];
  for (const note of notes) {
    const t = performance.now();
    const { abstract } = suggestAbstract(suggester, note.text, { setting: note.gold.setting, ...stages });
    const ms = performance.now() - t;
    perNote.push({
      id: note.id,
      type: note.type,
      detail: scoreUsNote(note.gold, predictionOf(abstract)),
      abstract,
      ms,
    });
  }
  const byType = new Map<string, UsNoteCounts>();
  let all = emptyUsNoteCounts();
  for (const n of perNote) {
    all = addUsNoteCounts(all, n.detail.counts);
    byType.set(n.type, addUsNoteCounts(byType.get(n.type) ?? emptyUsNoteCounts(), n.detail.counts));
  }
  const rows: [string, UsNoteCounts][] = [['all', all], ...[...byType].sort(([a], [b]) => a.localeCompare(b))];
  const noteLines = perNote.map(({ id, detail: d, abstract: a }) =>
    [
      `${id.padEnd(8)} pdx ${a.principal?.code ?? '-'}`,
      d.dxHarmful.length ? `  HARMFUL ${d.dxHarmful.join(' ')}` : '',
      d.dxErrors.length ? `  dx errors ${d.dxErrors.join(' ')}` : '',
      d.dxMissed.length ? `  dx missed ${d.dxMissed.map((i) => i.join('|')).join(' ')}` : '',
      d.pxErrors.length ? `  px errors ${d.pxErrors.join(' ')}` : '',
      d.pxMissed.length ? `  px missed ${d.pxMissed.map((i) => i.join('|')).join(' ')}` : '',
    ].join(''),
  );
  const ms = perNote.map((n) => n.ms).sort((a, b) => a - b);
  const timing = `tables + lexicon ${loadMs.toFixed(0)} ms; per note median ${ms[Math.floor(ms.length / 2)]?.toFixed(0)} ms, max ${ms.at(-1)?.toFixed(0)} ms`;
  const text = [
    'Coding (dx-P/R: diagnosis precision/recall; pdx@1: principal; c/n/e: correct/neutral/errors)',
    table(rows),
    ...(process.argv.includes('--notes') ? ['', ...noteLines] : []),
    '',
    timing,
  ].join('\n');
  return {
    name: 'coding',
    text,
    json: {
      all: { counts: all, ...usNoteRatios(all) },
      byType: Object.fromEntries([...byType].map(([t, c]) => [t, { counts: c, ...usNoteRatios(c) }])),
      notes: perNote.map((n) => ({
        id: n.id,
        principal: n.abstract.principal?.code ?? null,
        ...n.detail,
      })),
    },
  };
};

/**
 * Evaluations run over the notes, in order. The CDI scoring adds itself here (one import from
 * `./eval-us-notes-cdi` and one entry).
 */
export const EVALUATORS: UsNotesEvaluator[] = [codingEvaluator, cdiEvaluator];

async function main(): Promise<void> {
  const dir = usNotesDir();
  const notes = loadUsNotes(dir);
  const sections: UsNotesSection[] = [];
  for (const evaluate of EVALUATORS) sections.push(await evaluate(notes, dir));
  if (process.argv.includes('--json'))
    process.stdout.write(
      `${JSON.stringify({ dir, notes: notes.length, ...Object.fromEntries(sections.map((s) => [s.name, s.json])) }, null, 2)}\n`,
    );
  else process.stdout.write(`US notes: ${notes.length} from ${dir}\n\n${sections.map((s) => s.text).join('\n\n')}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    process.stderr.write(`eval-us-notes: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
