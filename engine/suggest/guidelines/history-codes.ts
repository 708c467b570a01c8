/**
 * Which personal history code codes a past condition, read once per table from the official
 * files: a history code's own Tabular inclusion term "Conditions classifiable to C50.-" (Z85.3),
 * and the Alphabetic Index's "History, personal (of), <condition> ..." lines whose condition,
 * read as its own Index entry, gives the condition's code ("History, personal, stroke without
 * residual deficits" Z86.73 <- "Stroke" I63.9). Only the reviewed categories of
 * {@link HISTORY_CATEGORIES} are read.
 */
import { noteRefs, refCovers, type CodeRef } from '../codes-in-note';
import { keyOf } from '../tokens';
import { bagKey } from './with-combination-index';

/**
 * History categories reported for a past condition, each with its guideline: Z85 (I.C.2.d: "When
 * a primary malignancy has been excised or eradicated from its site and there is no further
 * treatment directed to that site and there is no evidence of any existing primary malignancy, a
 * code from category Z85 ... should be used"), Z86.73 (I.C.9.d.3: a history of cerebrovascular
 * disease with no neurologic deficits present) and Z86.71 (venous thrombosis and embolism, which
 * keeps its anticoagulation relevant: I.C.21.c.4, "the history itself may have an impact on
 * patient care").
 */
export const HISTORY_CATEGORIES: readonly { prefix: string; guideline: string }[] = [
  { prefix: 'Z85', guideline: 'I.C.2.d' },
  { prefix: 'Z8673', guideline: 'I.C.9.d.3' },
  { prefix: 'Z8671', guideline: 'I.C.21.c.4' },
];

/** One way to a history code. */
export interface HistoryLink {
  /** History code (dotted, billable). */
  code: string;
  /** Condition codes it covers. */
  covers: (code: string) => boolean;
  /** How narrow the link is (fewer covered codes first). */
  width: number;
  source: string;
}

/**
 * A {@link HistoryLink} as plain data (what a bundle stores): the condition codes it covers as
 * Tabular ranges (`refs`, from an inclusion term) or as undotted codes (`codes`, from the Index).
 */
export interface HistoryLinkData {
  code: string;
  width: number;
  source: string;
  refs?: CodeRef[];
  codes?: string[];
}

/** What {@link historyLinksOf} reads (structurally `CmTable`). */
export interface HistorySource {
  indexEntries(source?: 'index' | 'eindex'): Iterable<{ path: string; code: string; see: string }>;
  inclusionTerms(): Iterable<{ code: string; dotted: string; text: string }>;
  isBillable(code: string): boolean;
}

const undotted = (code: string): string => code.replace(/[.-]/g, '').toUpperCase();
const reviewed = (code: string): boolean => HISTORY_CATEGORIES.some((c) => undotted(code).startsWith(c.prefix));
const HISTORY_LINE = /^History, personal, (.+)$/;
const cache = new WeakMap<object, HistoryLink[]>();

/**
 * Every link from a condition code to its history code in the reviewed categories (cached per table).
 *
 * @example historyLinksOf(cm).find((l) => l.covers('C5091'))?.code // 'Z85.3'
 */
export function historyLinksOf(cm: HistorySource): HistoryLink[] {
  const hit = cache.get(cm);
  if (hit) return hit;
  const out = historyLinkData(cm).map(historyLink);
  cache.set(cm, out);
  return out;
}

/**
 * Uses `data` (what {@link historyLinkData} returned for this very table, e.g. read from a bundle
 * built at build time) as the table's links, unless they were built already.
 */
export function primeHistoryLinks(cm: HistorySource, data: readonly HistoryLinkData[]): void {
  if (!cache.has(cm)) cache.set(cm, data.map(historyLink));
}

/** The link a {@link HistoryLinkData} describes. */
function historyLink(d: HistoryLinkData): HistoryLink {
  const { code, width, source, refs } = d;
  if (refs) return { code, covers: (c) => refs.some((r) => refCovers(r, undotted(c))), width, source };
  const codes = new Set(d.codes);
  return { code, covers: (c) => codes.has(undotted(c)), width, source };
}

/**
 * The links of {@link historyLinksOf} as plain data, built from the table (not cached).
 *
 * @example historyLinkData(cm).find((l) => l.code === 'Z85.3')?.refs // [{ from: 'C50', to: 'C50' }]
 */
export function historyLinkData(cm: HistorySource): HistoryLinkData[] {
  const out: HistoryLinkData[] = [];
  for (const t of cm.inclusionTerms()) {
    if (!reviewed(t.code) || !cm.isBillable(t.code)) continue;
    const m = /^Conditions classifiable to (.+)$/i.exec(t.text);
    if (!m) continue;
    const refs: CodeRef[] = noteRefs(m[1]!);
    if (refs.length === 0) continue;
    out.push({
      code: t.dotted,
      refs,
      width: refs.reduce((n, r) => n + (r.from === r.to ? 10 / r.from.length : 100), 0),
      source: `${t.dotted} "${t.text}"`,
    });
  }
  // Index: the condition of a "History, personal" line (before its own "with"/"without") as an entry.
  const wanted = new Map<string, { code: string; path: string }[]>();
  for (const e of cm.indexEntries('index')) {
    const m = HISTORY_LINE.exec(e.path);
    if (!m || !e.code || e.see || !reviewed(e.code) || !cm.isBillable(e.code)) continue;
    const condition = m[1]!.split(/,| with\b| without\b/)[0]!;
    const bag = bagKey(condition);
    if (!bag) continue;
    const list = wanted.get(bag) ?? [];
    list.push({ code: e.code, path: e.path });
    wanted.set(bag, list);
  }
  const firstWords = new Set([...wanted.keys()].flatMap((b) => b.split(' ')));
  const codesOf = new Map<string, Set<string>>();
  for (const e of cm.indexEntries('index')) {
    if (!e.code || e.see || e.path.startsWith('History')) continue;
    // Most lines start with a word no wanted condition has: skip them before reading the whole path.
    if (!firstWords.has(keyOf(/^[A-Za-z]+/.exec(e.path)?.[0] ?? ''))) continue;
    const bag = bagKey(e.path);
    if (!wanted.has(bag)) continue;
    const set = codesOf.get(bag) ?? new Set<string>();
    set.add(undotted(e.code));
    codesOf.set(bag, set);
  }
  for (const [bag, lines] of wanted) {
    const codes = codesOf.get(bag);
    if (!codes) continue;
    for (const l of lines) out.push({ code: l.code, codes: [...codes], width: codes.size, source: l.path });
  }
  return out;
}
