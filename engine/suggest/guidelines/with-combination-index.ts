/**
 * The Alphabetic Index's "with" lines as combination codes (Guidelines I.A.15, I.B.9), read once
 * per table: for "Diabetes, diabetic, type 2, with, peripheral angiopathy E11.51" the base line
 * ("Diabetes, diabetic, type 2" E11.9), the subterm after "with" ("peripheral angiopathy") and the
 * codes the Index gives that subterm read as its own entry ("Angiopathy, peripheral" I73.9 and the
 * lines under it). A "with" line that prints a "see" reference instead of a code takes the code of
 * the line it sends the reader to ("Calculus, gallbladder, with, bile duct calculus" -> see
 * "Calculus, gallbladder and bile duct" K80.70): the Index names the combination there.
 */
import { areWordForms } from '../index-main-forms';
import { phraseKeys } from '../tokens';

/** One "with" line of the Index. */
export interface WithLine {
  /** Full Index path, as printed (comma separated). */
  path: string;
  /** The combination code the line gives (dotted, billable or not). */
  code: string;
  /** Code of the line above "with" (the condition without the linked one), `""` when it has none. */
  baseCode: string;
  /** The words after "with", as printed. */
  subterm: string;
  /** Codes the Index gives the subterm read as a main term with its subterms (and the lines below it). */
  subtermCodes: ReadonlySet<string>;
}

/** What {@link withLinesOf} reads from the table (structurally `CmTable`). */
export interface IndexSource {
  indexEntries(
    source?: 'index' | 'eindex',
  ): Iterable<{ path: string; code: string; see: string; nemod: string; title?: string }>;
}

/** A subterm whose Index entry spreads over more codes than this names a class, not one condition. */
const MAX_SUBTERM_CODES = 60;
const WITH = /, with, /;
/** A last level "specified (type) NEC": the entry's "specified NEC" line, not the entry itself (I.A.9.a). */
const SPECIFIED = /,\s*specified(?: type)?(?: NEC)?$/i;

/** Order-free key of a phrase's content words ("peripheral angiopathy" = "Angiopathy, peripheral"). */
export function bagKey(text: string): string {
  const keys = phraseKeys(text.replace(/\([^)]*\)/g, ' ').replace(/\b(NEC|NOS)\b/g, ' '));
  return [...new Set(keys)].sort().join(' ');
}

/** Code of the line `path` or, when it prints none, of the nearest line above it. */
function codeAbove(path: string, codes: ReadonlyMap<string, string>): string {
  const segs = path.split(', ');
  for (let n = segs.length; n >= 1; n--) {
    const code = codes.get(segs.slice(0, n).join(', '));
    if (code) return code;
  }
  return '';
}

const category = (code: string): string => code.replace('.', '').slice(0, 3);

/**
 * Key of an Index path as a "see" reference prints it: the main term by its first form
 * ("Calculus" for "Calculus, calculi, calculous"), "with X" as the two levels "with", "X",
 * parenthesised modifiers left out.
 */
function seeKey(levels: readonly string[]): string {
  return levels
    .flatMap((l) => {
      const t = l
        .toLowerCase()
        .replace(/\([^)]*\)/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
      const w = /^with (.+)$/.exec(t);
      return w ? ['with', w[1]!] : [t];
    })
    .join('|');
}

const cache = new WeakMap<object, WithLine[]>();

/**
 * Uses `lines` (what {@link withLinesOf} returned for this very table, e.g. read from a bundle
 * built at build time) as the table's "with" lines, unless they were built already.
 */
export function primeWithLines(cm: IndexSource, lines: WithLine[]): void {
  if (!cache.has(cm)) cache.set(cm, lines);
}

/**
 * Every Index line with exactly one "with" whose subterm is itself an Index entry naming a few
 * codes, with its base code. Cached per table.
 *
 * @example withLinesOf(cm).find((l) => l.code === 'E11.51')?.subtermCodes.has('I73.9') // true
 */
export function withLinesOf(cm: IndexSource): WithLine[] {
  const hit = cache.get(cm);
  if (hit) return hit;
  const raw: {
    path: string;
    code: string;
    see: string;
    base: string;
    subterm: string;
    bag: string;
    specified: boolean;
  }[] = [];
  const bases = new Set<string>();
  const seeTargets = new Set<string>();
  for (const e of cm.indexEntries('index')) {
    if (!e.code && !e.see) continue;
    const parts = e.path.split(WITH);
    if (parts.length !== 2) continue;
    const subterm = parts[1]!;
    // A subterm with its own connective ("due to", a second "with") is a chain, not one condition.
    if (/,\s*(with|without|due to|in)\b/.test(`, ${subterm}`)) continue;
    const specified = SPECIFIED.test(subterm);
    const bag = bagKey(subterm.replace(SPECIFIED, ''));
    if (!bag) continue;
    const see = e.code ? '' : seeKey(e.see.split(/,\s*/));
    if (see) seeTargets.add(see);
    raw.push({ path: e.path, code: e.code, see, base: parts[0]!, subterm, bag, specified });
    // The base line and the lines above it (a line without a code, "native vessel", takes its
    // parent's: the Index prints the code once at the entry it applies to).
    const segs = parts[0]!.split(', ');
    for (let n = 1; n <= segs.length; n++) bases.add(segs.slice(0, n).join(', '));
  }
  // A subterm may repeat a word its entry prints as a nonessential modifier ("angina pectoris,
  // unstable" is the entry "Angina (pectoris), unstable"): each subterm bag is also looked up
  // with up to two of its words left out, those words then required among the modifiers.
  const partial = new Map<string, { bag: string; left: string[] }[]>();
  for (const bag of new Set(raw.map((r) => r.bag))) {
    const words = bag.split(' ');
    const add = (left: string[]): void => {
      const key = words.filter((w) => !left.includes(w)).join(' ');
      if (!key) return;
      const list = partial.get(key) ?? [];
      list.push({ bag, left });
      partial.set(key, list);
    };
    add([]);
    for (let i = 0; i < words.length; i++) {
      add([words[i]!]);
      for (let j = i + 1; j < words.length; j++) add([words[i]!, words[j]!]);
    }
  }
  const needed = new Set([...partial.keys()].flatMap((k) => k.split(' ')));
  const segmentKeys = new Map<string, string[]>();
  const keysOf = (segment: string): string[] => {
    let keys = segmentKeys.get(segment);
    if (!keys) segmentKeys.set(segment, (keys = bagKey(segment).split(' ').filter(Boolean)));
    return keys;
  };
  const baseCode = new Map<string, string>();
  const codesOf = new Map<string, Set<string>>();
  /** Codes of each subterm entry's "specified NEC" line ("Angina, specified NEC" I20.8). */
  const specifiedOf = new Map<string, Set<string>>();
  const nemodOf = new Map<string, string>();
  const entryCode = new Map<string, string>();
  const seeCode = new Map<string, string>();
  const titles: { path: string; title: string }[] = [];
  for (const e of cm.indexEntries('index')) {
    // The line's levels from document order (a main term's title may hold commas of its own).
    while (titles.length > 0 && !e.path.startsWith(`${titles[titles.length - 1]!.path}, `)) titles.pop();
    titles.push({ path: e.path, title: e.title ?? e.path.slice(e.path.lastIndexOf(', ') + 2) });
    const main = titles[0]!.title.split(', ');
    if (e.code && seeTargets.size > 0) {
      const key = seeKey([main[0]!, ...titles.slice(1).map((t) => t.title)]);
      if (seeTargets.has(key)) seeCode.set(key, e.code);
    }
    if (bases.has(e.path) && e.code) baseCode.set(e.path, e.code);
    if (e.nemod) nemodOf.set(e.path, e.nemod);
    if (!e.code || WITH.test(e.path)) continue;
    // The entry and every line below it: each comma-prefix of the path read as a word bag (a
    // prefix holding a word no subterm has ends the walk: most lines stop at their main term).
    const segs = e.path.split(', ');
    const words = new Set<string>();
    // "Calculus, calculi, calculous" lists forms of one word: the first names the entry.
    const forms = main.length > 1 && areWordForms(main[0]!, main.slice(1)) ? main.length : 1;
    for (let n = 1; n <= segs.length; n++) {
      if (n > 1 && n <= forms) continue;
      const keys = keysOf(segs[n - 1]!);
      if (keys.some((k) => !needed.has(k))) break;
      for (const k of keys) words.add(k);
      const matches = partial.get([...words].sort().join(' '));
      if (!matches) continue;
      const prefix = segs.slice(0, n).join(', ');
      if (n === segs.length) entryCode.set(prefix, e.code);
      // A line below the entry is the same condition made specific only when it stays in the
      // entry's category ("Disease, kidney, chronic, stage 5" N18.5; not "Angina, cruris" I73.9).
      else if (category(entryCode.get(prefix) ?? '') !== category(e.code)) continue;
      const modifiers = new Set<string>();
      for (let m = 1; m <= n; m++)
        for (const k of phraseKeys(nemodOf.get(segs.slice(0, m).join(', ')) ?? '')) modifiers.add(k);
      const specifiedLine = n === segs.length - 1 && /^specified\b/i.test(segs[n]!);
      for (const { bag, left } of matches) {
        if (!left.every((w) => modifiers.has(w))) continue;
        if (specifiedLine) {
          let spec = specifiedOf.get(bag);
          if (!spec) specifiedOf.set(bag, (spec = new Set()));
          spec.add(e.code);
        }
        let set = codesOf.get(bag);
        if (!set) codesOf.set(bag, (set = new Set()));
        set.add(e.code);
      }
    }
  }
  const lines: WithLine[] = [];
  for (const r of raw) {
    const codes = (r.specified ? specifiedOf : codesOf).get(r.bag);
    if (!codes || codes.size === 0 || codes.size > MAX_SUBTERM_CODES) continue;
    const code = r.code || seeCode.get(r.see);
    if (!code) continue;
    lines.push({
      path: r.path,
      code,
      baseCode: codeAbove(r.base, baseCode),
      subterm: r.subterm,
      subtermCodes: codes,
    });
  }
  cache.set(cm, lines);
  return lines;
}
