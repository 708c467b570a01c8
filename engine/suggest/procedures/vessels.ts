/**
 * Tubular body parts opened with a stent or balloon, and the coronary arteries counted:
 * - a stent is an Intraluminal Device (PCS Device Key: "Stent, intraluminal (cardiovascular)
 *   (gastrointestinal)(hepatobiliary)(urinary)"); placed to open the lumen of a vessel or duct it
 *   is the device of a Dilation (root operation definition: expanding an orifice or the lumen of a
 *   tubular body part; the Dilation rows, e.g. table 027, carry the Intraluminal Device values),
 *   not an Insertion;
 * - an angioplasty with a balloon or stent, or a percutaneous coronary intervention, is a Dilation
 *   (PCS Index: "Percutaneous transluminal coronary angioplasty (PTCA), see Dilation, Heart and
 *   Great Vessels 027");
 * - the coronary arteries are one body part specified by the number of arteries treated
 *   (Guideline B4.4): the value is the count of distinct coronary arteries the statement names.
 */
import type { RootCandidate } from './root-operation';

/** Words that a stent or balloon opened the lumen. */
const OPENED = /^(stent|stenting|balloon)$/;

/**
 * The Dilation tables in place of Insertion ones when the statement places a stent, or of an
 * angioplasty's other root operations when a balloon or stent is written; else the list unchanged.
 *
 * @example dilationForStent(insertionCandidates, new Set(['stent', 'intraluminal']), dilationTables)
 */
export function dilationForStent(
  list: readonly RootCandidate[],
  words: ReadonlySet<string>,
  dilationTables: readonly string[],
): RootCandidate[] {
  if (![...words].some((w) => OPENED.test(w))) return [...list];
  const ops = new Set(list.map((c) => c.operation));
  const angioplasty = ops.has('Dilation') && ops.size > 1;
  if (!ops.has('Insertion') && !angioplasty) return [...list];
  const why = 'a stent or balloon opens the lumen of a tubular body part: Dilation, the stent its Intraluminal Device';
  if (angioplasty)
    return list.filter((c) => c.operation === 'Dilation').map((c) => ({ ...c, reason: `${c.reason}; ${why}` }));
  return dilationTables.map((prefix) => ({ prefix, operation: 'Dilation', reason: `root operation Dilation; ${why}` }));
}

/**
 * Coronary arteries a statement names (abbreviations and names; a branch counts as its artery).
 * Also read by the status rule (a stent in a named coronary artery is a coronary stent, Z95.5).
 */
export const CORONARY_ARTERIES: readonly [string, RegExp][] = [
  ['left main', /\bleft main\b/i],
  ['left anterior descending', /\b(lad|left anterior descending|diagonal)\b/i],
  ['circumflex', /\b(lcx|circumflex|obtuse marginal|om\d?)\b/i],
  ['right coronary', /\b(rca|right coronary|posterior descending|pda)\b/i],
  ['ramus', /\bramus( intermedius)?\b/i],
];

const COUNT_LABEL = /^Coronary Artery, (One|Two|Three|Four or More) Arter/;
const COUNT: Readonly<Record<string, number>> = { One: 1, Two: 2, Three: 3, 'Four or More': 4 };

/**
 * Whether a "Coronary Artery, N Arteries" label agrees with the arteries named in `text`:
 * `undefined` for another label or when no artery is named (the count stays the coder's).
 *
 * @example coronaryCount('Coronary Artery, One Artery', 'stent to the proximal LAD') // { fits: true, named: ['left anterior descending'] }
 */
export function coronaryCount(label: string, text: string): { fits: boolean; named: string[] } | undefined {
  const m = COUNT_LABEL.exec(label);
  if (!m) return undefined;
  const named = CORONARY_ARTERIES.filter(([, re]) => re.test(text)).map(([name]) => name);
  if (named.length === 0) return undefined;
  return { fits: Math.min(named.length, 4) === COUNT[m[1]!], named };
}
