/**
 * Code references inside Tabular List notes ("(N18.1-N18.6)", "(I50.4-)", "(K85-K86.-)") and
 * index cells, and their validation against one fiscal year's codes.
 *
 * Note text is plain text (already extracted from the XML by the streaming parser), so a regular
 * expression over it is fine. Two shapes are read, so "vitamin B12" or "type 2" never count:
 * - parenthesised groups made of nothing but code references, possibly after "e.g." / "i.e." /
 *   "such as" ("(N18.1-N18.6)", "(i.e. E05.8, E16-E31)");
 * - anywhere else, only dotted codes ("subcategories S06.1- to S06.6-", "E11.22").
 */

// Second character a digit, or a letter followed by a digit (QA0): never plain words like (HIV).
const TOKEN = '[A-Z](?:[0-9][0-9A-Z]|[A-Z][0-9])(?:\\.[0-9A-Z]{1,4})?(?:\\.?-)?';
const ITEM = `${TOKEN}(?:\\s*-\\s*${TOKEN})?`;
const LEAD = '(?:[eE]\\.g\\.|[iI]\\.e\\.|[sS]uch as)';
const GROUP = new RegExp(`^\\s*(?:${LEAD}\\s*)?${ITEM}(?:\\s*(?:,|;|and|or)\\s*${ITEM})*\\s*$`);
const CODE = /[A-Z](?:[0-9][0-9A-Z]|[A-Z][0-9])(?:\.[0-9A-Z]{1,4})?/g;
const DOTTED = /(?<![0-9A-Za-z.])[A-Z](?:[0-9][0-9A-Z]|[A-Z][0-9])\.[0-9A-Z]{1,4}(?![0-9A-Za-z])/g;

/** Codes referenced in a note, in text order, as printed without a trailing dash (`N18.1`, `I50.4`, `K86`). */
export function noteReferences(text: string): string[] {
  const found: [at: number, code: string][] = [];
  let rest = text;
  for (const m of text.matchAll(/\(([^()]*)\)/g)) {
    const inner = m[1]!;
    if (!GROUP.test(inner)) continue;
    // The i.e./e.g. words are not codes: read codes only after them.
    const body = inner.replace(new RegExp(`^\\s*${LEAD}`), (w) => ' '.repeat(w.length));
    for (const c of body.matchAll(CODE)) found.push([m.index + 1 + c.index, c[0]]);
    rest = rest.slice(0, m.index) + ' '.repeat(m[0].length) + rest.slice(m.index + m[0].length);
  }
  for (const c of rest.matchAll(DOTTED)) found.push([c.index, c[0]]);
  return found.sort((a, b) => a[0] - b[0]).map(([, code]) => code);
}

/** Code printed in an index line or table cell without its trailing `-` / `.-`; `""` for none (`--`). */
export function cellReference(printed: string): string {
  const t = printed.trim();
  if (!/^[A-Z][0-9A-Z]{2}/.test(t)) return '';
  return t.replace(/\.?-$/, '');
}

/**
 * `true` when a reference names a code (header or billable) of the year: `I50.4` is valid when
 * `I504` exists. `codes` holds undotted codes.
 */
export function isValidReference(ref: string, codes: ReadonlySet<string>): boolean {
  return codes.has(ref.replace('.', ''));
}
