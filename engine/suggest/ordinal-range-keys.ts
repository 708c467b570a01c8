/**
 * Ordinal numbers and ranges of them in a chart's words, read as the Index writes them.
 *
 * The Alphabetic Index names numbered structures by ordinal words ("Fracture, traumatic >
 * metatarsal bone > second", "> third", "> fifth"); a chart writes "2nd" as often as "second", and
 * one phrase often names a run of them ("second through fifth metatarsals", "3rd-5th ribs"). Each
 * bone of such a run is its own injury (Guideline I.C.19.b: "Code each injury separately unless a
 * combination code is provided"), so the run is read as every ordinal it covers, and, being more
 * than one, as "multiple" (the Index's own subterm where a code covers several: "Fracture,
 * traumatic > rib > multiple").
 */
import { ORDINAL_WORDS as WORDS } from '../search/number-forms';
import { keyOf, type SentenceKeys } from './tokens';

const WORD_KEYS = WORDS.map(keyOf);
/** Key of the Index subterm "multiple". */
const MULTIPLE_KEY = keyOf('multiple');

/** Value of an ordinal written as a word or as a figure with its suffix ("2nd"), else 0. */
function ordinalValue(word: string): number {
  const w = word.toLowerCase();
  const at = (WORDS as readonly string[]).indexOf(w);
  if (at >= 0) return at + 1;
  const m = /^(\d{1,2})(?:st|nd|rd|th)$/.exec(w);
  const n = m ? Number(m[1]) : 0;
  return n >= 1 && n <= WORDS.length ? n : 0;
}

/** What may stand between the two ends of a range: "through", "thru", "to", a hyphen or dash. */
const BETWEEN = /^\s*(?:through|thru|to|-|\u2013|\u2014)\s*$/i;

function addKey(sk: SentenceKeys, key: string, pos: number): void {
  const list = sk.positions.get(key);
  if (!list) sk.positions.set(key, [pos]);
  else if (!list.includes(pos)) {
    list.push(pos);
    list.sort((a, b) => a - b);
  }
}

/**
 * Adds, per sentence, the ordinal word's key at a figure's position ("2nd" -> `second`) and, for
 * a range ("second through fifth", "2nd-5th", "third to fifth"), the keys of the ordinals inside
 * it at the range's first position plus `multiple`. Mutates `keys`.
 *
 * @example addOrdinalRangeKeys(keys, text) // "2nd-4th metatarsal": positions also hold second, third, fourth, multiple
 */
export function addOrdinalRangeKeys(keys: readonly SentenceKeys[], text: string): void {
  for (const sk of keys) {
    const values = sk.tokens.map((t) => ordinalValue(text.slice(t.start, t.end)));
    if (!values.some((v) => v > 0)) continue;
    for (let i = 0; i < sk.tokens.length; i++) {
      const v = values[i]!;
      if (v === 0) continue;
      addKey(sk, WORD_KEYS[v - 1]!, i);
      // "through" and "thru" are tokens of their own; "to" is a stopword, so not a token.
      const word =
        sk.tokens[i + 1] && /^(?:through|thru)$/i.test(text.slice(sk.tokens[i + 1]!.start, sk.tokens[i + 1]!.end));
      const j = word ? i + 2 : i + 1;
      const next = sk.tokens[j];
      const w = values[j] ?? 0;
      if (!next || w <= v || !BETWEEN.test(text.slice(sk.tokens[i]!.end, next.start).replace(/through|thru/i, '-')))
        continue;
      for (let x = v + 1; x < w; x++) addKey(sk, WORD_KEYS[x - 1]!, i);
      addKey(sk, MULTIPLE_KEY, i);
    }
  }
}

const ORDINAL = `(?:${WORDS.join('|')}|\\d{1,2}(?:st|nd|rd|th))`;
const RANGE = new RegExp(`\\b${ORDINAL}\\s*(?:through|thru|to|-|\\u2013|\\u2014)\\s*${ORDINAL}\\b`, 'i');
const ORDINAL_WORD = new RegExp(`\\b(?:${WORDS.join('|')})\\b`, 'gi');

/**
 * `true` when `text` names a run of ordinals ("second through fifth", "3rd-5th").
 *
 * @example namesOrdinalRange('2nd-4th metatarsal fractures') // true
 */
export function namesOrdinalRange(text: string): boolean {
  return RANGE.test(text);
}

/**
 * The ordinal words of a title, lower case ("Displaced fracture of third metatarsal bone" -> third).
 *
 * @example ordinalWords('Fracture of second metatarsal bone') // ['second']
 */
export function ordinalWords(title: string): string[] {
  return (title.match(ORDINAL_WORD) ?? []).map((w) => w.toLowerCase());
}
