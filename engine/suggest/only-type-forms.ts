/**
 * An Alphabetic Index subterm that names its condition with the one type the classification has
 * for it ("Leukemia > chronic lymphocytic, of B-cell type" C91.1-): the type is printed after a
 * comma on the subterm's own line, and no other subterm of the same parent names the condition
 * with another type or without one. A chart seldom writes the type ("chronic lymphocytic
 * leukemia"), and the Index offers the coder nothing else to choose for the condition: the one
 * line the Index gives the term is the code (Guidelines I.B.1, "locate each term in the Alphabetic
 * Index"; I.A.18, the code listed for a term is the one "most commonly associated" with it). Where
 * two types are listed ("prolymphocytic, of B-cell type" / "of T-cell type") the chart must say
 * which, and no form is added.
 */

/** A CmTable-like source of Index lines. */
export interface TypedIndexLines {
  indexEntries(source?: 'index' | 'eindex'): Iterable<{ path: string; title: string; code: string }>;
}

/** "<condition>, of <X> type" or "<condition>, <X> type" as one printed subterm. */
const TYPED = /^(.+?),\s*(?:of\s+)?[\w/-]+\s+type$/i;

/**
 * Coded subterms whose comma type is the only one the Index lists for the condition: full path
 * as printed -> the subterm without its type ("chronic lymphocytic").
 *
 * @example onlyTypeForms(cm).get('Leukemia, leukemic, chronic lymphocytic, of B-cell type') // 'chronic lymphocytic'
 */
export function onlyTypeForms(cm: TypedIndexLines): Map<string, string> {
  const typed: { path: string; parent: string; base: string }[] = [];
  const children = new Map<string, string[]>();
  for (const e of cm.indexEntries('index')) {
    if (e.path === e.title) continue;
    const parent = e.path.slice(0, e.path.length - e.title.length - 2);
    children.set(parent, [...(children.get(parent) ?? []), e.title.toLowerCase()]);
    const m = TYPED.exec(e.title);
    if (m && e.code) typed.push({ path: e.path, parent, base: m[1]!.trim() });
  }
  const out = new Map<string, string>();
  for (const t of typed) {
    const b = t.base.toLowerCase();
    const same = (children.get(t.parent) ?? []).filter(
      (c) => c === b || c.startsWith(`${b},`) || c.startsWith(`${b} `),
    );
    if (same.length === 1) out.set(t.path, t.base);
  }
  return out;
}
