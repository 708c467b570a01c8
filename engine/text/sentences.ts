import type { TextList, TextSection, TextSentence } from './types';

/** Abbreviations whose trailing period does not end a sentence. */
const ABBREVIATIONS = new Set([
  'dr',
  'mr',
  'mrs',
  'ms',
  'prof',
  'vs',
  'e.g',
  'i.e',
  'etc',
  'approx',
  'no',
  'st',
  'sr',
  'jr',
  'fig',
  'mg',
  'ml',
  'dl',
  'q',
  'b.i.d',
  'bid',
  't.i.d',
  'tid',
  'q.d',
  'p.o',
  'po',
  'i.v',
  'iv',
  'a.m',
  'p.m',
  'pt',
  'hx',
  'dx',
  'tx',
  'sx',
  'fx',
  'e',
  'coli',
  'spp',
  'sp',
  'cf',
  'al',
  'min',
  'max',
  'resp',
  'temp',
  'wt',
  'ht',
  'u.s',
  'yr',
  'yrs',
  'mo',
  'wk',
  'wks',
]);

const LIST_MARKER = /^[ \t]*(?:[-*•·▪◦]|\(?\d{1,3}[.)]|\(?[a-zA-Z][.)])[ \t]+/;

/**
 * Splits the text into sentences. Lines are hard boundaries (charts are line oriented: list
 * items, table rows, headings); inside a line a `.`, `!` or `?` followed by space and an upper
 * case letter, digit or quote ends a sentence unless it closes a known abbreviation or sits
 * inside a number (`2.9`). Leading and trailing white space is excluded from each sentence.
 */
export function splitSentences(
  text: string,
  sections: readonly TextSection[],
): { sentences: TextSentence[]; lists: TextList[] } {
  const sentences: TextSentence[] = [];
  const lists: TextList[] = [];
  let sectionIdx = 0;
  let openList: TextList | undefined;
  const n = text.length;
  let lineStart = 0;
  while (lineStart <= n) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = n;
    while (sectionIdx + 1 < sections.length && sections[sectionIdx + 1]!.start <= lineStart) sectionIdx++;
    const section = sections[sectionIdx];
    // A heading line with text after the colon: the heading itself is not part of a sentence.
    let from = lineStart;
    if (section && section.start === lineStart && section.titleEnd > section.titleStart) {
      from = Math.min(lineEnd, section.titleEnd + 1);
    }
    const marker = LIST_MARKER.exec(text.slice(from, Math.min(lineEnd, from + 12)));
    const isItem = marker !== null && /\S/.test(text.slice(from + marker[0].length, lineEnd));
    const before = sentences.length;
    splitLine(text, from, lineEnd, sectionIdx, isItem, sentences);
    if (isItem && sentences.length > before) {
      const item = { start: sentences[before]!.start, end: sentences[sentences.length - 1]!.end };
      if (openList && openList.section === sectionIdx) {
        openList.items.push(item);
        openList.end = item.end;
      } else {
        openList = { start: item.start, end: item.end, section: sectionIdx, items: [item] };
        lists.push(openList);
      }
    } else if (sentences.length > before || /\S/.test(text.slice(from, lineEnd))) {
      openList = undefined;
    }
    if (lineEnd >= n) break;
    lineStart = lineEnd + 1;
  }
  return { sentences, lists };
}

function splitLine(
  text: string,
  from: number,
  to: number,
  section: number,
  isItem: boolean,
  out: TextSentence[],
): void {
  let start = from;
  let first = true;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // . ! ? ;(not) — only sentence terminators
    if (c !== 46 && c !== 33 && c !== 63) continue;
    const next = i + 1 < to ? text.charCodeAt(i + 1) : -1;
    if (next !== -1 && next !== 32 && next !== 9 && next !== 160) continue;
    if (c === 46 && isAbbreviation(text, start, i)) continue;
    // Next non-space must look like a sentence start (upper case, digit, quote, bracket) or end of line.
    let j = i + 1;
    while (j < to && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9 || text.charCodeAt(j) === 160)) j++;
    if (j < to && !/[A-Z0-9"'([¿¡]/.test(text[j]!)) continue;
    if (push(text, start, i + 1, section, isItem && first, out)) first = false;
    start = i + 1;
  }
  push(text, start, to, section, isItem && first, out);
}

function isAbbreviation(text: string, start: number, dot: number): boolean {
  let k = dot - 1;
  while (k >= start && /[A-Za-z.]/.test(text[k]!)) k--;
  const word = text.slice(k + 1, dot).toLowerCase();
  if (word.length === 0) return false;
  if (ABBREVIATIONS.has(word)) return true;
  // Single capital letter initial ("J. Smith").
  return word.length === 1 && /[A-Z]/.test(text[dot - 1]!);
}

function push(
  text: string,
  start: number,
  end: number,
  section: number,
  listItem: boolean,
  out: TextSentence[],
): boolean {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e <= s) return false;
  out.push({ start: s, end: e, section, listItem });
  return true;
}
