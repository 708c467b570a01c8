/**
 * Code references inside Tabular List notes ("(N18.1-N18.6)", "(I50.4-)", "(K85-K86.-)") and
 * index cells, and their validation against one fiscal year's codes.
 *
 * Note text is plain text (already extracted from the XML by the streaming parser), so a regular
 * expression over it is fine. Only parenthesised groups made of nothing but code references are
 * read, so "vitamin B12" or "type 2" never count as references.
 */

// Second character a digit, or a letter followed by a digit (QA0): never plain words like (HIV).
const TOKEN = '[A-Z](?:[0-9][0-9A-Z]|[A-Z][0-9])(?:\\.[0-9A-Z]{1,4})?(?:\\.?-)?';
const ITEM = `${TOKEN}(?:\\s*-\\s*${TOKEN})?`;
const GROUP = new RegExp(`^\\s*${ITEM}(?:\\s*(?:,|;|and|or)\\s*${ITEM})*\\s*$`);
const CODE = /[A-Z](?:[0-9][0-9A-Z]|[A-Z][0-9])(?:\.[0-9A-Z]{1,4})?/g;

/** Codes referenced in a note, as printed without a trailing dash (`N18.1`, `I50.4`, `K86`). */
export function noteReferences(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\(([^()]*)\)/g)) {
    const inner = m[1]!;
    if (!GROUP.test(inner)) continue;
    for (const c of inner.matchAll(CODE)) out.push(c[0]);
  }
  return out;
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
