/**
 * Code references in Tabular List notes, read as sets of codes: "(N18.1-N18.6)" is a range,
 * "(I50.4-)" every code under I50.4, "(E08-E13)" every code of the categories E08 to E13.
 * Used to test whether a note ("Excludes1", "Use additional code", "Code first") is satisfied by
 * or conflicts with the codes on a case.
 */

/** A referenced range of codes, undotted, inclusive; a single reference has `from === to`. */
export interface CodeRange {
  from: string;
  to: string;
  /** As printed, for messages. */
  printed: string;
}

const BASE = '[A-Z](?:[0-9][0-9A-Z]|[A-Z][0-9])(?:\\.[0-9A-Z]{1,4})?';
const TOKEN = `${BASE}(?:\\.?-)?`;
// A range first ("N18.1-N18.6"), so its dash is not read as the trailing dash of "N18.1-".
const ITEM = new RegExp(`(${BASE})\\s*-\\s*(${TOKEN})|(${TOKEN})`, 'g');
const GROUP = new RegExp(
  `^\\s*${TOKEN}(?:\\s*-\\s*${TOKEN})?(?:\\s*(?:,|;|and|or)\\s*${TOKEN}(?:\\s*-\\s*${TOKEN})?)*\\s*$`,
);

const undot = (token: string): string => token.replace(/\.?-$/, '').replace('.', '');

/**
 * Reads every parenthesised group of code references in a note.
 *
 * @example noteRanges('stage of chronic kidney disease (N18.1-N18.6)') // [{from:'N181', to:'N186', printed:'N18.1-N18.6'}]
 */
export function noteRanges(text: string): CodeRange[] {
  const out: CodeRange[] = [];
  for (const m of text.matchAll(/\(([^()]*)\)/g)) {
    const inner = m[1]!;
    if (!GROUP.test(inner)) continue;
    for (const item of inner.matchAll(ITEM)) {
      const from = undot(item[1] ?? item[3]!);
      const to = item[2] ? undot(item[2]) : from;
      out.push({ from, to, printed: item[0].trim() });
    }
  }
  return out;
}

/**
 * `true` when the undotted `code` falls in the range: its prefix of the bound's length lies
 * between the bounds (so `N1830` is in N18.1-N18.6 and `I5043` is in I50.4-).
 */
export function inRange(code: string, range: CodeRange): boolean {
  const lo = code.slice(0, range.from.length);
  const hi = code.slice(0, range.to.length);
  return lo >= range.from && hi <= range.to;
}
