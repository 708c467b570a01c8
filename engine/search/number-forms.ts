/**
 * Other spellings of a number word. The classification writes numbers three ways, and coders
 * type whichever is quickest:
 * - ordinals in words in long titles ("third cervical vertebra") and in digits in CMS short
 *   titles and charts ("3rd cervcal vert");
 * - Roman numerals for types and grades ("open fracture type IIIA, IIIB, or IIIC", "type I or
 *   II") where a coder types "type 3a" or "type I/2".
 * A query word is matched to each other spelling as well (search-index.ts), so the form typed
 * does not decide which code comes first.
 */

/** Ordinal words from one to twelve, in order (index + 1 = value), as the classification writes them. */
export const ORDINAL_WORDS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
] as const;

const ORDINAL_DIGITS = ['1st', '2nd', '3rd', '4th', '5th', '6th', '7th', '8th', '9th', '10th', '11th', '12th'];

const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x'] as const;

/** A number from 1 to 10, optionally followed by one subtype letter a-c ("3a", "iiib"). */
const ARABIC_SUBTYPE = /^(10|[1-9])([a-c]?)$/;
const ROMAN_SUBTYPE = /^(i{1,3}|iv|vi{0,3}|ix|x)([a-c]?)$/;

/**
 * Other spellings of `word` (folded, unstemmed): `third` <-> `3rd`, `3` <-> `iii`, `3a` <-> `iiia`.
 * Empty for any other word.
 *
 * @example numberForms('3rd') // ['third']
 * @example numberForms('iiia') // ['3a']
 */
export function numberForms(word: string): string[] {
  const ord = ORDINAL_WORDS.indexOf(word as (typeof ORDINAL_WORDS)[number]);
  if (ord >= 0) return [ORDINAL_DIGITS[ord]!];
  const digits = ORDINAL_DIGITS.indexOf(word);
  if (digits >= 0) return [ORDINAL_WORDS[digits]!];
  const arabic = ARABIC_SUBTYPE.exec(word);
  if (arabic) return [ROMAN[Number(arabic[1]) - 1]! + arabic[2]!];
  const roman = ROMAN_SUBTYPE.exec(word);
  // A lone "v" or "x" is more often a letter (vitamin, X-linked) than five or ten.
  if (roman && roman[1] !== 'v' && roman[1] !== 'x') {
    const n = ROMAN.indexOf(roman[1] as (typeof ROMAN)[number]);
    return [`${n + 1}${roman[2]!}`];
  }
  return [];
}
