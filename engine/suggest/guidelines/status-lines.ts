/**
 * The status Z codes' own wording, read once per table (Guideline I.C.21.c.3): the Alphabetic
 * Index lines under "Dependence (on)", "Status (post)", "Presence (of)" and "Absence (of)", and the
 * Tabular titles and inclusion terms of the same codes ("Presence of coronary artery bypass
 * graft" at Z95.1, "Hemodialysis status" at Z99.2), each reduced to the words that name the
 * device, treatment or absent organ. A chart seldom writes the status word itself; the rule that
 * reads these lines ({@link ./status-current-state-i-c-21-c-3}) takes it from the sentence's
 * context instead.
 */
import { keyOf, phraseKeys } from '../tokens';
import { ROUTINE_STATUS } from './data/routine-status';

/** How the chart states the status without its word. */
export type StatusKind = 'dependence' | 'presence';

/** One wording of a status code. */
export interface StatusLine {
  /** Code as printed (dotted; may end in `-` when the side decides the code). */
  code: string;
  kind: StatusKind;
  /** Word keys that must all be in the sentence (the device, treatment or organ). */
  words: string[];
  /** Chart word key -> the required key it stands for (a nonessential modifier: "hemodialysis" for "dialysis"). */
  alternatives: ReadonlyMap<string, string>;
  /** Where the wording comes from: the Index path or the Tabular text. */
  source: string;
}

/** What {@link statusLinesOf} reads (structurally `CmTable`). */
export interface StatusSource {
  indexEntries(source?: 'index' | 'eindex'): Iterable<{ path: string; code: string; see: string; nemod: string }>;
  inclusionTerms(): Iterable<{ code: string; dotted: string; text: string }>;
  get(code: string): { long: string } | undefined;
  billableDescendants(code: string): { dotted: string; long: string }[];
}

/**
 * Status categories read without their status word: the reviewed routine set (Z85 excluded: a
 * history of cancer is read by I.C.2.d, not from a device word) and, from category Z99
 * ("Dependence on enabling machines and devices", listed among the status codes in I.C.21.c.3),
 * the wheelchair code beside dialysis and oxygen. Not the respirator (Z99.11): a chart's "on the
 * ventilator" is most often this stay's mechanical ventilation, a procedure, not a status.
 */
const READ_PREFIXES: readonly string[] = [
  ...ROUTINE_STATUS.map((r) => r.prefix).filter((p) => p !== 'Z85' && p !== 'Z88'),
  'Z993',
];

const MAIN_TERM = /^(Dependence|Status|Presence|Transplant)\b/;
/** Words that only say "status" (the word the chart leaves out). */
const STATUS_WORDS = new Set(
  ['status', 'post', 'presence', 'dependence', 'on', 'of', 'absence', 'acquired', 'nos', 'nec', 'functional'].map(
    keyOf,
  ),
);

const undotted = (code: string): string => code.replace(/[.-]/g, '').toUpperCase();
/** Category Z99 is a dependence on a machine or device; the others are a presence or an absence. */
const kindOf = (code: string): StatusKind => (undotted(code).startsWith('Z99') ? 'dependence' : 'presence');
const readable = (code: string): boolean => READ_PREFIXES.some((p) => undotted(code).startsWith(p));

function line(code: string, kind: StatusKind, text: string, nemod: string, source: string): StatusLine | undefined {
  const words = [...new Set(phraseKeys(text.replace(/\([^)]*\)/g, ' ')).filter((k) => !STATUS_WORDS.has(k)))];
  if (words.length === 0) return undefined;
  const alternatives = new Map<string, string>();
  for (const m of nemod.toLowerCase().match(/[a-z]+/g) ?? []) {
    const stands = words.find((w) => m.length > w.length && m.endsWith(w));
    if (stands) alternatives.set(keyOf(m), stands);
  }
  return { code, kind, words, alternatives, source };
}

const cache = new WeakMap<object, StatusLine[]>();

/**
 * Uses `lines` (what {@link statusLinesOf} returned for this very table, e.g. read from a bundle
 * built at build time) as the table's status lines, unless they were built already.
 */
export function primeStatusLines(cm: StatusSource, lines: StatusLine[]): void {
  if (!cache.has(cm)) cache.set(cm, lines);
}

/**
 * Every wording of the status codes read without their word (cached per table). Lines to an
 * unspecified code are left out: they name no device or organ.
 *
 * @example statusLinesOf(cm).filter((l) => l.code === 'Z99.2').map((l) => l.words) // [['dialysi', 'renal'], ...]
 */
export function statusLinesOf(cm: StatusSource): StatusLine[] {
  const hit = cache.get(cm);
  if (hit) return hit;
  const out: StatusLine[] = [];
  const unspecified = (code: string): boolean => /\bunspecified\b/i.test(cm.get(code)?.long ?? '');
  for (const e of cm.indexEntries('index')) {
    if (!e.code || e.see || !MAIN_TERM.test(e.path) || !readable(e.code)) continue;
    if (!e.code.endsWith('-') && unspecified(e.code)) continue;
    const l = line(e.code, kindOf(e.code), e.path.replace(/,/g, ' '), e.nemod, e.path);
    if (l) out.push(l);
  }
  for (const t of cm.inclusionTerms()) {
    // An absence is read from its operation's word ("Status, mastectomy"), never from the organ's
    // name alone ("Acquired absence of arm NOS" would read every "arm").
    if (!readable(t.code) || !/\b(status|presence|dependence)\b/i.test(t.text)) continue;
    const l = line(t.dotted, kindOf(t.code), t.text, '', `${t.dotted} "${t.text}"`);
    if (l) out.push(l);
  }
  out.push(...jointReplacementLines(cm));
  cache.set(cm, out);
  return out;
}

/** The chart's words for the operation that leaves an artificial joint. */
const JOINT_OPERATIONS = ['replacement', 'arthroplasty'];

/**
 * A joint replaced by a prosthesis: the chart names the operation ("status post right knee
 * replacement", "history of total hip arthroplasty"), the Tabular its result ("Presence of right
 * artificial knee joint", Z96.651) and, for some joints, the operation itself ("Hip-joint
 * replacement (partial) (total)" at Z96.64, "Finger-joint replacement of right hand" at Z96.691).
 * One line per joint of subcategory Z96.6- ("Presence of orthopedic joint implants"), its site read
 * from the titles; the side decides the code (the line ends in `-`).
 */
function jointReplacementLines(cm: StatusSource): StatusLine[] {
  const sites = new Map<string, { site: string; source: string }>();
  for (const k of cm.billableDescendants('Z966')) {
    const site = /\bartificial (\w+) joint\b/i.exec(k.long)?.[1];
    const code = `${k.dotted.slice(0, 6)}-`;
    if (site && !sites.has(code)) sites.set(code, { site: site.toLowerCase(), source: `${k.dotted} "${k.long}"` });
  }
  const out: StatusLine[] = [];
  for (const [code, { site, source }] of sites)
    for (const op of JOINT_OPERATIONS) {
      const l = line(code, 'presence', `${site} ${op}`, '', `${source}, after a ${site} ${op}`);
      if (l) out.push(l);
    }
  return out;
}
