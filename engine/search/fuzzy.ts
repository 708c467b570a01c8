/**
 * Misspelling tolerance: a trigram index over the vocabulary proposes candidates, a bounded
 * optimal-string-alignment distance (Damerau-Levenshtein with adjacent transpositions) confirms
 * them. Scanning the whole vocabulary with an edit distance would cost milliseconds per word;
 * trigram postings keep a lookup to the few hundred terms that share spelling with the typo.
 */

/**
 * Optimal string alignment distance between `a` and `b`, or `max + 1` as soon as it must exceed
 * `max` (so a rejected candidate costs a row or two, not the whole matrix).
 *
 * @example editDistance('pnemonia', 'pneumonia', 2) // 1
 * @example editDistance('hart', 'heart', 1) // 1
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb)
        v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return Math.min(prev[n]!, max + 1);
}

/** Padded trigrams of a word: `heart` -> `$he hea ear art rt$`. Words of 1-2 letters give one gram. */
export function trigrams(word: string): string[] {
  const w = `$${word}$`;
  if (w.length <= 3) return [w];
  const out: string[] = [];
  for (let i = 0; i + 3 <= w.length; i++) out.push(w.slice(i, i + 3));
  return out;
}

/** Maximum edits allowed for a word of this length: none below 4 letters, 1 up to 6, else 2. */
export function allowedEdits(length: number): number {
  return length < 4 ? 0 : length <= 6 ? 1 : 2;
}

/**
 * Trigram index over a sorted vocabulary. Built at load time from the vocabulary (a few tens of
 * milliseconds for ~50,000 terms), so it is not stored in the serialized index.
 */
export class TrigramIndex {
  private readonly grams = new Map<string, Uint32Array>();
  private readonly counts: Uint16Array;

  constructor(private readonly terms: readonly string[]) {
    const lists = new Map<string, number[]>();
    for (let t = 0; t < terms.length; t++) {
      const term = terms[t]!;
      // Numbers, tiny words and acronyms (acronym.ts: "~rbbb") are never fuzzed.
      if (term.length < 3 || /^[0-9~]/.test(term)) continue;
      for (const g of new Set(trigrams(term))) {
        let l = lists.get(g);
        if (!l) lists.set(g, (l = []));
        l.push(t);
      }
    }
    for (const [g, l] of lists) this.grams.set(g, Uint32Array.from(l));
    this.counts = new Uint16Array(terms.length);
  }

  /**
   * Terms within {@link allowedEdits} of `word`, closest first, as `[termId, distance]`.
   * @param limit at most this many candidates are returned.
   */
  near(word: string, limit = 8): [term: number, distance: number][] {
    const max = allowedEdits(word.length);
    if (max === 0) return [];
    const grams = [...new Set(trigrams(word))];
    // A term within `max` edits shares at least |grams| - 3*max trigrams with the word.
    const need = Math.max(1, grams.length - 3 * max);
    const touched: number[] = [];
    for (const g of grams) {
      const list = this.grams.get(g);
      if (!list) continue;
      for (let k = 0; k < list.length; k++) {
        const t = list[k]!;
        if (this.counts[t] === 0) touched.push(t);
        this.counts[t]!++;
      }
    }
    const out: [number, number][] = [];
    for (const t of touched) {
      if (this.counts[t]! >= need) {
        const d = editDistance(word, this.terms[t]!, max);
        if (d <= max) out.push([t, d]);
      }
      this.counts[t] = 0;
    }
    out.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
    return out.slice(0, limit);
  }
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * Every word one keyboard slip away from `word` (a letter dropped, doubled or added, two letters
 * swapped, one replaced): the candidates a misspelling of 5+ letters is checked against, as typed
 * and before stemming. Empty for shorter words or words with digits.
 *
 * @example singleEdits('caires').includes('caries') // true
 */
export function singleEdits(word: string): string[] {
  if (!/^[a-z]{5,}$/.test(word)) return [];
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail.length > 0) out.add(head + tail.slice(1));
    if (tail.length > 1) out.add(head + tail[1]! + tail[0]! + tail.slice(2));
    for (const c of LETTERS) {
      out.add(head + c + tail);
      if (tail.length > 0 && c !== tail[0]) out.add(head + c + tail.slice(1));
    }
  }
  out.delete(word);
  return [...out];
}
