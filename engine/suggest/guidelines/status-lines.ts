/**
 * The status Z codes' own wording, read once per table (Guideline I.C.21.c.3): the Alphabetic
 * Index lines under "Dependence (on)", "Status (post)", "Presence (of)" and "Absence (of)", and the
 * Tabular titles and inclusion terms of the same codes ("Presence of coronary artery bypass
 * graft" at Z95.1, "Hemodialysis status" at Z99.2), each reduced to the words that name the
 * device, treatment or absent organ. A chart seldom writes the status word itself; the rule that
 * reads these lines ({@link ./status-current-state-i-c-21-c-3}) takes it from the sentence's
 * context instead.
 */
import { TERM_ROWS } from '../../search/data/terms';
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
  out.push(...replacementLines(cm));
  out.push(...coronaryStentLines(cm));
  out.push(...amputationLines(cm));
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

/** The Index main term naming a replaced organ's device ("Replacement by artificial or mechanical device or prosthesis of"). */
const REPLACEMENT_MAIN = /^Replacement by artificial or mechanical device or prosthesis of, /;

/**
 * Heart valves by name: the Index subterms printed with the nonessential modifiers "(heart)" and
 * "(valve)" ("Endocarditis > aortic (heart) (nonrheumatic) (valve)"), one word each.
 */
function heartValveNames(cm: StatusSource): string[] {
  const out = new Set<string>();
  for (const e of cm.indexEntries('index')) {
    const title = e.path.slice(e.path.lastIndexOf(', ') + 2);
    if (/^[a-z]+$/.test(title) && /\(heart\)/.test(e.nemod) && /\(valve\)/.test(e.nemod)) out.add(title);
  }
  return [...out].sort();
}

/**
 * An organ replaced by a device: the chart names the operation ("status post aortic valve
 * replacement", "s/p lens replacement"), the Index files its status under the main term
 * "Replacement by artificial or mechanical device or prosthesis of" (Z95.2 at "heart, valve",
 * Z96.1 at "lens"). One line per coded site of that main term, its words the site's and
 * "replacement"; a residual site (NEC) names no organ. A heart valve is written by its name, so
 * the valve names ({@link heartValveNames}) stand for "heart".
 */
function replacementLines(cm: StatusSource): StatusLine[] {
  const heart = keyOf('heart');
  const valves = heartValveNames(cm);
  const out: StatusLine[] = [];
  for (const e of cm.indexEntries('index')) {
    if (!e.code || e.see || !REPLACEMENT_MAIN.test(e.path) || !readable(e.code) || /\bNEC\b/.test(e.path)) continue;
    if (/\bunspecified\b/i.test(cm.get(e.code)?.long ?? '')) continue;
    const site = e.path.replace(REPLACEMENT_MAIN, '').replace(/,/g, ' ');
    // A kind of device the chart seldom names ("heart, valve, xenogenic") is the Index's own line.
    if (/\b(prosthetic|xenogenic)\b/.test(site)) continue;
    const l = line(e.code, 'presence', `${site} replacement`, '', e.path);
    if (!l) continue;
    if (l.words.includes(heart) && l.words.length > 2)
      for (const v of valves) (l.alternatives as Map<string, string>).set(keyOf(v), heart);
    out.push(l);
  }
  return out;
}

/**
 * A coronary stent placed at an earlier encounter: the Index's "Status, angioplasty, coronary
 * artery, with implant" (Z95.5), as a chart writes it ("status post coronary stent", "s/p PCI with
 * stent"). A stent is the angioplasty's implant: the Index files a coronary stent's complications
 * with the vascular implants ("Restenosis, stent, vascular, in stent, coronary vessel" T82.855, in
 * category T82, "Complications of cardiac and vascular prosthetic devices, implants and grafts").
 * The coronary site may be written as an abbreviation whose reviewed expansion names it (PCI,
 * PTCA, CAD: engine/search/data/terms.ts).
 */
function coronaryStentLines(cm: StatusSource): StatusLine[] {
  const e = [...cm.indexEntries('index')].find(
    (x) => x.code && /^Status, angioplasty, coronary artery, with implant$/.test(x.path),
  );
  if (!e || !readable(e.code)) return [];
  const coronary = keyOf('coronary');
  const alternatives = new Map<string, string>();
  for (const [typed, expansion, kind] of TERM_ROWS)
    if (kind === 'abbr' && /^[a-z]+$/.test(typed) && /\bcoronary\b/i.test(expansion))
      alternatives.set(keyOf(typed), coronary);
  return [
    {
      code: e.code,
      kind: 'presence',
      words: [coronary, keyOf('stent')],
      alternatives,
      source: `${e.path}, the stent its implant`,
    },
  ];
}

/**
 * A limb or part of one amputated at an earlier encounter (category Z89, "Acquired absence of
 * limb", Includes: "amputation status"): the chart names the operation and the level ("status
 * post below-knee amputation", "s/p amputation right forearm"), the Index the absence ("Absence,
 * leg, below knee" Z89.51-). One line per Index "Absence" line to a code of Z89 (a "see" reference
 * followed: "Absence, forearm - see Absence, arm, below elbow"), its words the site's and
 * "amputation"; also the shorter tail of the site ("below knee") when no other Z89 line shares it,
 * and a level printed as a nonessential modifier ("Absence, leg (acquired) (above knee)").
 */
function amputationLines(cm: StatusSource): StatusLine[] {
  const absence = [...cm.indexEntries('index')].filter((e) => /^Absence, /.test(e.path) && !/congenital/i.test(e.path));
  const codeOf = new Map(absence.filter((e) => e.code).map((e) => [e.path, e.code]));
  const sites = new Map<string, Set<string>>(); // site words (joined) -> codes
  const lines: { words: string; code: string; source: string }[] = [];
  for (const e of absence) {
    const code = e.code || (e.see && /^Absence, /.test(e.see) ? codeOf.get(e.see) : undefined);
    if (!code || !undotted(code).startsWith('Z89') || /\bunspecified\b/i.test(cm.get(code)?.long ?? '')) continue;
    const levels = e.path.split(', ').slice(1);
    const level = /\((above|below) (knee|elbow)\)/.exec(e.nemod)?.[0]?.slice(1, -1);
    const chains = [levels, ...(level ? [[...levels, level]] : [])];
    for (const chain of chains)
      for (let k = 0; k < chain.length; k++) {
        const words = chain.slice(k).join(' ');
        sites.set(words, (sites.get(words) ?? new Set()).add(code));
        lines.push({ words, code, source: e.path });
      }
  }
  const out: StatusLine[] = [];
  const seen = new Set<string>();
  for (const l of lines) {
    if (sites.get(l.words)!.size !== 1 || seen.has(l.words)) continue;
    seen.add(l.words);
    const s = line(l.code, 'presence', `${l.words} amputation`, '', `${l.source} (Z89 includes amputation status)`);
    if (s) out.push(s);
  }
  return out;
}
