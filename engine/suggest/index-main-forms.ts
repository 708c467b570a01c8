/**
 * How a chart writes an Alphabetic Index main term. The Index prints a main term with its word
 * forms after a comma ("Failure, failed", "Tear, torn", "Body, bodies") and sometimes with a
 * qualifier that names the main term's default sense ("Fracture, traumatic", "Wound, open"): the
 * Index files the unqualified word's detail under that one ("Fracture, burst - see Fracture,
 * traumatic"; cross-references inside it omit the qualifier: "see Fracture, tibia, upper end"), so a
 * chart that writes the bare word ("tibial plateau fracture") means it. Read from the Index itself:
 * of the main terms sharing a first word, the one with the most lines is the default, unless the
 * bare word is a main term of its own ("Effect" beside "Effect, adverse").
 */

/** A CmTable-like source of Index lines (full path and the line's own title). */
export interface IndexLines {
  indexEntries(source?: 'index' | 'eindex'): Iterable<{ path: string; title: string }>;
}

/**
 * Main terms whose comma qualifier is the word's default sense, so the bare first word is one of
 * their forms. Lower-case main term as printed -> the bare word.
 *
 * @example defaultQualifiedMains(cm).get('fracture, traumatic') // 'Fracture'
 */
export function defaultQualifiedMains(cm: IndexLines): Map<string, string> {
  const lines = new Map<string, number>();
  let main = '';
  for (const e of cm.indexEntries('index')) {
    if (e.path === e.title) main = e.title;
    lines.set(main, (lines.get(main) ?? 0) + 1);
  }
  const byWord = new Map<string, string[]>();
  for (const m of lines.keys()) {
    const word = bare(m).split(',')[0]!.trim().toLowerCase();
    byWord.set(word, [...(byWord.get(word) ?? []), m]);
  }
  const out = new Map<string, string>();
  for (const [word, mains] of byWord) {
    if (mains.length < 2) continue;
    // The bare word printed as its own main term is the unqualified sense.
    if (mains.some((m) => bare(m).toLowerCase() === word)) continue;
    const best = mains.reduce((a, b) => (lines.get(b)! > lines.get(a)! ? b : a));
    const parts = bare(best).split(/,\s*/);
    // Exactly one one-word qualifier ("Fracture, traumatic"): a longer tail is a phrase of its own.
    if (parts.length !== 2 || parts[1]!.includes(' ')) continue;
    out.set(best.toLowerCase(), parts[0]!);
  }
  return out;
}

/** Main term without its nonessential modifiers. */
function bare(title: string): string {
  return title
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * `true` when the segments after a main term's first word are that word's forms: the same first
 * four letters ("Failure, failed"), or, for a word of at most four letters, a one-word form with
 * the same first letter ("Tear, torn", "Wear, worn", "Body, bodies") that a shared prefix cannot
 * show.
 *
 * @example areWordForms('Tear', ['torn']) // true
 * @example areWordForms('Fracture', ['traumatic']) // false
 */
export function areWordForms(head: string, rest: readonly string[]): boolean {
  if (rest.length === 0) return false;
  const h = head.toLowerCase();
  if (rest.every((p) => p.toLowerCase().slice(0, 4) === h.slice(0, 4) && !p.includes(' '))) return true;
  const only = rest.length === 1 ? rest[0]!.toLowerCase() : '';
  return h.length <= 4 && only.length >= 4 && !only.includes(' ') && only[0] === h[0];
}
