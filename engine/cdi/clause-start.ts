/**
 * Where the clause holding an offset begins, found by walking back from the offset: the CDI
 * engine asks this for every value and mention of a chart (hundreds in a long note), and scanning
 * the 160 characters before each with a regular expression was a visible share of the analysis.
 *
 * A clause ends at `.`, `;`, `!`, `?`, a line break, or one of the words "but", "however",
 * "although", "except", "though" (any case; contrastive conjunctions end the scope of a negation,
 * NegEx termination terms, Chapman et al. 2001). A period between two digits ("1.5") does not end
 * one. Only the `window` characters before the offset are looked at, and they are read as if
 * nothing came before them (a word cut by the window's start counts from the cut).
 */

const BREAK_WORDS = new Set(['but', 'however', 'although', 'except', 'though']);
// Longest break word: a word longer than this is never one.
const LONGEST = 8;
// First letters of the break words, lower case.
const FIRST = new Set([...BREAK_WORDS].map((w) => w.charCodeAt(0)));

function isWordChar(c: number): boolean {
  // \w of a non-unicode regular expression: ASCII letters, digits and underscore.
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Offset where the clause holding offset `start` begins: just after the last clause break in
 * `text.slice(start - window, start)`, or the window's start when there is none.
 *
 * @example clauseStartAt('No fever but cough', 13) // 12 (just after "but")
 */
export function clauseStartAt(text: string, start: number, window = 160): number {
  const from = Math.max(0, start - window);
  let i = start - 1;
  while (i >= from) {
    const c = text.charCodeAt(i);
    if (c === 46 /* . */) {
      // "1.5": a period with a digit on each side (the character after the window is the offset's own).
      const prevDigit = i > from && isDigit(text.charCodeAt(i - 1));
      if (!(prevDigit && isDigit(text.charCodeAt(i + 1)))) return i + 1;
      i--;
    } else if (c === 59 || c === 33 || c === 63 || c === 10 /* ; ! ? \n */) {
      return i + 1;
    } else if (isWordChar(c)) {
      // A whole word ending here (the window's edges count as word boundaries).
      const end = i + 1;
      let j = i;
      while (j > from && isWordChar(text.charCodeAt(j - 1))) j--;
      const atEnd = end === start || !isWordChar(text.charCodeAt(end));
      const len = end - j;
      // Only words of a break word's length and first letter are compared (no slice for the rest).
      if (atEnd && len >= 3 && len <= LONGEST && FIRST.has(text.charCodeAt(j) | 32)) {
        if (BREAK_WORDS.has(text.slice(j, end).toLowerCase())) return end;
      }
      i = j - 1;
    } else i--;
  }
  return from;
}
