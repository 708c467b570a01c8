/**
 * Contractions: words shortened by keeping their first letter and some of the rest in order, the
 * way NCHS abbreviates ICD-10-CM short titles ("unsp" unspecified, "encntr" encounter, "rtnop"
 * retinopathy, "femr" femur) and CMS abbreviates HCPCS short descriptors ("cncrns" concerns,
 * "scrn" screen). Coders write the same way. Nothing here is learned from a table: a typed word
 * that the classification does not use is read as any of the classification's words it can be a
 * contraction of, and the other words of the query decide which one (the text that has them all
 * wins), as a reader does.
 */

/**
 * `true` when `abbr` can be a contraction of `term`: same first letter, `term` longer, and the
 * letters of `abbr` found in `term` in order. Index terms are stems ("encount" for encounter), so
 * the last letter of a contraction of 5+ letters may fall in the cut ending ("encntr").
 *
 * @example isContraction('encntr', 'encount') // true
 * @example isContraction('fx', 'fracture') // false (no x in fracture)
 */
export function isContraction(abbr: string, term: string): boolean {
  if (abbr.length < 2 || term.length <= abbr.length || abbr[0] !== term[0]) return false;
  let j = 1;
  for (let i = 1; i < term.length && j < abbr.length; i++) if (term[i] === abbr[j]) j++;
  return j === abbr.length || (abbr.length >= 5 && j === abbr.length - 1);
}

/**
 * Terms `abbr` may be a contraction of, best first: words that start with it ("subs" subsequent)
 * before words that merely contain its letters in order, then the words the classification uses
 * most. At most `limit` (a contraction read as too many words would match everything).
 *
 * @param terms sorted term keys (the index's `terms`).
 * @param df number of texts containing term `t`.
 * @example contractionsOf(['encount', 'enema'], 'encntr', () => 1) // [0]
 */
export function contractionsOf(terms: readonly string[], abbr: string, df: (t: number) => number, limit = 8): number[] {
  if (!/^[a-z]{2,}$/.test(abbr)) return [];
  // Terms are sorted: those starting with the first letter are one range.
  const first = abbr[0]!;
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid]! < first) lo = mid + 1;
    else hi = mid;
  }
  const found: { t: number; prefix: boolean; df: number }[] = [];
  for (let t = lo; t < terms.length && terms[t]![0] === first; t++) {
    const term = terms[t]!;
    if (!isContraction(abbr, term) || !/^[a-z]+$/.test(term)) continue;
    found.push({ t, prefix: term.startsWith(abbr), df: df(t) });
  }
  found.sort((a, b) => Number(b.prefix) - Number(a.prefix) || b.df - a.df);
  return found.slice(0, limit).map((f) => f.t);
}
