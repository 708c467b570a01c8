/**
 * Word keys shared by the lexicon (Index lines, Tabular titles) and the chart text. The same
 * normalisation as the search engine (`engine/search/text.ts`: fold case, stopwords, light stem),
 * so that a title and a sentence that read the same meet; plus the search engine's reviewed
 * abbreviations and synonyms (`engine/search/data/terms.ts`) applied to the chart text.
 */
import { TERM_ROWS } from '../search/data/terms';
import { cachedStem, foldCase, stem, STOPWORDS } from '../search/text';
import { SUGGEST_TERMS } from './vocabulary';
import type { ResolvedAbbreviation } from '../text';

/** Words that never make a match on their own and are not required of a lexicon entry. */
const WEAK = new Set(
  [
    'nos',
    'unspecified',
    'specified',
    'other',
    'elsewhere',
    'classified',
    'site',
    'due',
    'use',
    'additional',
    'code',
    'not',
    'part',
    'without',
    'mention',
    'stated',
    'as',
    'sequelae',
  ].map((w) => stem(w)),
);

/** Key of one word (folded, stemmed). */
export function keyOf(word: string): string {
  return cachedStem(foldCase(word));
}

/** `true` when a key is a stopword or a weak word: not required, never an anchor. */
export function isWeak(key: string): boolean {
  return WEAK.has(key) || STOPWORDS.has(key);
}

/** Keys of a lexicon phrase: words folded, stemmed, stopwords and weak words removed, in order. */
export function phraseKeys(text: string): string[] {
  const hit = phraseCache.get(text);
  if (hit) return hit;
  const out: string[] = [];
  for (const w of foldCase(text)
    .replace(/['\u2019]s\b/g, '')
    .split(/[^a-z0-9]+/)) {
    if (w.length === 0 || STOPWORDS.has(w)) continue;
    const k = cachedStem(w);
    if (!WEAK.has(k)) out.push(k);
  }
  if (phraseCache.size > 300_000) phraseCache.clear();
  phraseCache.set(text, out);
  return out;
}

const phraseCache = new Map<string, string[]>();

/** One word of the chart text. */
export interface TextToken {
  /** Stemmed key. */
  key: string;
  /** Offsets in the original text. */
  start: number;
  end: number;
}

/** A sentence made ready for matching: its tokens and, per key, the token positions holding it. */
export interface SentenceKeys {
  tokens: TextToken[];
  /** Key -> token positions (a rewritten abbreviation contributes its expansion keys at its own position). */
  positions: Map<string, number[]>;
}

interface Rewrite {
  typed: string[];
  keys: string[];
  /** Consumer wording (a `lay` source row of the search vocabulary), not the classification's. */
  lay: boolean;
}

let rewrites: Map<string, Rewrite[]> | undefined;

/** Abbreviation / lay-term / synonym rewrites by first typed word (built once). */
function rewriteTable(): Map<string, Rewrite[]> {
  if (rewrites) return rewrites;
  const map = new Map<string, Rewrite[]>();
  const rows: [string, string, boolean][] = [
    ...TERM_ROWS.filter((r) => r[2] !== 'brand').map((r) => [r[0], r[1], r[3] === 'lay'] as [string, string, boolean]),
    ...SUGGEST_TERMS.map((r) => [r[0], r[1], false] as [string, string, boolean]),
  ];
  for (const [typed, expansion, lay] of rows) {
    const words = foldCase(typed)
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 0);
    const first = words[0];
    if (!first) continue;
    const keys = phraseKeys(expansion);
    if (keys.length === 0) continue;
    let list = map.get(first);
    if (!list) map.set(first, (list = []));
    list.push({ typed: words, keys, lay });
  }
  // Longest typed phrase first, so "acute kidney injury" beats "acute".
  for (const list of map.values()) list.sort((a, b) => b.typed.length - a.typed.length);
  rewrites = map;
  return map;
}

/**
 * `true` when `key` reaches the chart word `word` only through consumer wording (a `lay` row of
 * the search vocabulary: "clot" -> thrombosis), not as the word's own key or a clinical
 * abbreviation or synonym.
 *
 * @example onlyLayRewrite('clot', keyOf('thrombosis')) // true
 */
export function onlyLayRewrite(word: string, key: string): boolean {
  const w = foldCase(word);
  if (cachedStem(w) === key) return false;
  const rows = (rewriteTable().get(w) ?? []).filter((r) => r.keys.includes(key));
  return rows.length > 0 && rows.every((r) => r.lay);
}

const WORD = /[A-Za-z0-9\u00C0-\u024F]+/g;

/**
 * Tokens of `text[from, to)` with their keys, abbreviations expanded in place, plus the
 * lexicon's `aliases` of a key at the same position (e.g. the Neoplasm Table behaviour a
 * histology word names).
 *
 * @example sentenceKeys('CHF exacerbation', 0, 16).positions.has(keyOf('heart')) // true
 */
export function sentenceKeys(
  text: string,
  from: number,
  to: number,
  aliases?: ReadonlyMap<string, readonly string[]>,
  abbreviations?: readonly ResolvedAbbreviation[],
): SentenceKeys {
  const tokens: TextToken[] = [];
  const raw: string[] = [];
  const slice = text.slice(from, to);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(slice); m; m = WORD.exec(slice)) {
    const w = foldCase(m[0]);
    if (STOPWORDS.has(w)) continue;
    raw.push(w);
    tokens.push({ key: cachedStem(w), start: from + m.index, end: from + m.index + m[0].length });
  }
  const positions = new Map<string, number[]>();
  const addOne = (key: string, pos: number): void => {
    const list = positions.get(key);
    if (!list) positions.set(key, [pos]);
    else if (list[list.length - 1] !== pos) list.push(pos);
  };
  const add = (key: string, pos: number): void => {
    addOne(key, pos);
    const extra = aliases?.get(key);
    if (extra) for (const k of extra) addOne(k, pos);
  };
  const table = rewriteTable();
  // Inventory abbreviations (engine/text sense inventory) in this sentence: read as their sense,
  // or as nothing when the sense names no condition or no cue decided it.
  const inSentence = abbreviations?.filter((ab) => ab.end > from && ab.start < to) ?? [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const ab = inSentence.find((x) => t.start >= x.start && t.end <= x.end);
    if (ab) {
      if (ab.codable && ab.sense && t.start === ab.start) for (const k of phraseKeys(ab.sense)) add(k, i);
      continue;
    }
    add(tokens[i]!.key, i);
    const candidates = table.get(raw[i]!);
    if (!candidates) continue;
    // Short abbreviations only when written in capitals ("MR" is mitral regurgitation, "Mr." is not).
    const original = text.slice(tokens[i]!.start, tokens[i]!.end);
    const capitalsOnly = original.length <= 3 && original !== original.toUpperCase();
    for (const r of candidates) {
      let ok = true;
      for (let k = 1; k < r.typed.length; k++) if (raw[i + k] !== r.typed[k]) ok = false;
      if (!ok || (capitalsOnly && r.typed.length === 1)) continue;
      // Expansion keys are spread over the typed words' positions (all at the first when shorter).
      for (let k = 0; k < r.keys.length; k++) add(r.keys[k]!, i + Math.min(k, r.typed.length - 1));
    }
  }
  for (const list of positions.values()) list.sort((a, b) => a - b);
  return { tokens, positions };
}
