/**
 * Acronyms from word initials, derived at build time from the classification's own wording, so
 * that "rbbb", "bppv" or "wpw" find the code whose words they abbreviate without anyone typing a
 * list of abbreviations in (data/terms.ts stays the reviewed list for those that are not
 * initials: "afib", "chf" as congestive heart failure, "pna").
 *
 * - An Alphabetic Index line reads as a clinician says it, subterms first and the main term last
 *   ("Block, bundle-branch, right" is a right bundle-branch block): its acronym is the initials
 *   of its subterms in reverse order, then the main term's.
 * - A title or an inclusion term reads in order: the initials of its head, the words before the
 *   first comma or linking word ("Systemic inflammatory response syndrome of non-infectious
 *   origin" -> "sirs").
 * Hyphenated words give one initial per part ("Wolff-Parkinson-White" -> "wpw"); words in
 * parentheses (nonessential) are read both with and without; the classification's residual words
 * ("other", "unspecified") and function words are never part of an acronym. An acronym is
 * indexed as a term marked with {@link ACRONYM_MARK} (search-index.ts reads it only for a word
 * that is no word of the classification, and below the words it does have).
 */
import { STOPWORDS, foldCase } from './text';

/** First character of an acronym term; no word of the classification starts with it. */
export const ACRONYM_MARK = '~';

/** Shortest acronym indexed (letters): two letters are too ambiguous ("ra", "pe"). */
export const ACRONYM_MIN = 3;
/** Longest acronym indexed (letters): longer initials are not what anyone types. */
export const ACRONYM_MAX = 6;

/** Words never abbreviated by an initial. */
const SKIPPED = new Set([...STOPWORDS, 'other', 'unspecified', 'nos', 'nec']);

/** Words that end the head of a title: what follows qualifies it. */
const HEAD_END = new Set([
  'with',
  'without',
  'due',
  'in',
  'of',
  'following',
  'complicating',
  'during',
  'after',
  'associated',
  'not',
  'except',
]);

/** Initials of a phrase: [without parenthesised words, with them]. */
function initials(phrase: string): [string, string] {
  let plain = '';
  let all = '';
  let depth = 0;
  for (const m of foldCase(phrase).matchAll(/[a-z0-9]+|[()[\]]/g)) {
    const w = m[0];
    if (w === '(' || w === '[') depth++;
    else if (w === ')' || w === ']') depth = Math.max(0, depth - 1);
    else if (!SKIPPED.has(w)) {
      all += w[0];
      if (depth === 0) plain += w[0];
    }
  }
  return [plain, all];
}

/** One acronym of a text. */
export interface Acronym {
  /** The initials, without the {@link ACRONYM_MARK}. */
  initials: string;
  /** For an Index line: the acronym spells the main term too (the line's head is named). */
  main: boolean;
}

/**
 * Acronyms of one indexed text.
 *
 * @param text the text as indexed (an Index path "Main, sub, sub (nonessential)", or a title).
 * @param indexLine `true` for an Alphabetic Index line (read subterms first, main term last).
 * @param altLength characters of `text` holding the main term and its alternate forms
 *   ("Block, blocked"): the alternate forms are not read.
 * @example acronymsOf('Block, blocked, bundle-branch, right', true, 14) // rbbb (main), rbb
 * @example acronymsOf('Wolff-Parkinson-White syndrome', false, 0) // wpws, wpw
 */
export function acronymsOf(text: string, indexLine: boolean, altLength: number): Acronym[] {
  const out = new Map<string, boolean>();
  const keep = (a: string, main = false): void => {
    if (a.length >= ACRONYM_MIN && a.length <= ACRONYM_MAX) out.set(a, main || (out.get(a) ?? false));
  };
  // A "see" reference is the Index's pointer to another line, not words of this one.
  const clean = text.replace(/\s*\(see [^)]*\)/g, '');
  if (indexLine) {
    const main = clean.split(',')[0]!;
    const rest = clean
      .slice(Math.min(clean.length, Math.max(altLength, main.length)))
      .split(',')
      .filter((s) => s.trim() !== '');
    const subs = rest.reverse().map(initials);
    const sub = [subs.map((s) => s[0]).join(''), subs.map((s) => s[1]).join('')];
    const [m] = initials(main);
    for (const s of sub) {
      keep(s + m, true);
      keep(s);
    }
    return [...out].map(([initials, main]) => ({ initials, main }));
  }
  const head: string[] = [];
  let depth = 0;
  for (const m of clean.matchAll(/[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*|[()[\],;]/g)) {
    const w = m[0];
    if (w === ',' || w === ';') {
      if (depth === 0) break;
    } else if (w === '(' || w === '[') depth++;
    else if (w === ')' || w === ']') depth = Math.max(0, depth - 1);
    else if (depth === 0 && HEAD_END.has(w.toLowerCase()) && head.length > 0) break;
    head.push(w);
  }
  const [plain, all] = initials(head.join(' ').replace(/-/g, ' '));
  for (const a of [plain, all]) {
    keep(a);
    // "Wolff-Parkinson-White syndrome" is "WPW": the head noun is often left out.
    if (a.length >= 4) keep(a.slice(0, -1));
  }
  return [...out].map(([initials, main]) => ({ initials, main }));
}
