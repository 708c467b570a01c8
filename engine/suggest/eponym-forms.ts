/**
 * How a chart writes an eponym the Alphabetic Index lists under one general noun. The Index prints
 * an eponym as its own main term with the noun it files it under ("Kawasaki's syndrome",
 * "Hashimoto's disease or thyroiditis"), while a chart may write the name with another general
 * noun and without the possessive ("Kawasaki disease"). The Index itself ties those nouns: its
 * general main terms send the reader from one to the other with "see also" ("Disease, diseased -
 * see also Syndrome", "Syndrome - see also Disease", "Disorder - see also Disease"; Guidelines
 * I.A.16: a "see also" instruction names another main term that "may provide additional
 * Alphabetic Index entries"). So an eponym the Index files under exactly one line of those nouns
 * is reached by the name with any of them. Nothing is invented: the eponym is the Index's own, and
 * an eponym the Index lists under two nouns or with two codes ("Paget's disease" beside another
 * "Paget's" line under "Syndrome") keeps its own wording.
 */

/** A CmTable-like source of Index lines. */
export interface EponymIndexLines {
  indexEntries(
    source?: 'index' | 'eindex',
  ): Iterable<{ path: string; title: string; code: string; see: string; seeAlso: string }>;
}

/** An eponym main term: one capitalised name (hyphens allowed), possessive or not, then its nouns. */
const EPONYM = /^([A-Z\u00C0-\u00DE][\w\u00C0-\u024F-]*?)(?:['\u2019]s|['\u2019])?\s+([a-z]+)(?:\s+or\s+([a-z]+))?$/;

const lower = (s: string): string => s.toLowerCase();
/** First word of a main term as a noun ("Disease, diseased" -> "disease"). */
const headNoun = (title: string): string => lower(title.split(/[,\s]/)[0] ?? '');

/**
 * The general nouns the Index ties by "see also": the codeless, unreferenced one-word main terms
 * whose "see also" is another such main term, closed from the pair that refer to each other and
 * that most main terms refer to ("Disease" and "Syndrome"); of those, the ones a reader is sent to ("Disorder" from "Reaction"),
 * not the ones that only send ("Complaint", "Trouble").
 */
function tiedNouns(mains: readonly { title: string; code: string; see: string; seeAlso: string }[]): Set<string> {
  const refers = new Map<string, string>();
  for (const m of mains) {
    if (m.code || m.see || !m.seeAlso || m.seeAlso.includes(',') || m.seeAlso.includes(' ')) continue;
    refers.set(headNoun(m.title), lower(m.seeAlso));
  }
  // Of the pairs that refer to each other ("Stenosis" and "Stricture" are one too), the one most
  // main terms refer to: the Index's general condition nouns.
  let pair = new Set<string>();
  let most = -1;
  for (const [a, b] of refers) {
    if (refers.get(b) !== a) continue;
    const into = [...refers.values()].filter((x) => x === a || x === b).length;
    if (into > most) [pair, most] = [new Set([a, b]), into];
  }
  const closure = new Set(pair);
  for (let grew = true; grew;) {
    grew = false;
    for (const [a, b] of refers)
      if (!closure.has(a) && closure.has(b)) {
        closure.add(a);
        grew = true;
      }
  }
  const referred = new Set([...refers].filter(([a]) => closure.has(a)).map(([, b]) => b));
  return new Set([...closure].filter((n) => pair.has(n) || referred.has(n)));
}

/**
 * Eponym main terms that a chart may write with another general noun: lower-case main term as
 * printed -> the extra forms ("kawasaki's syndrome" -> ["Kawasaki disease", "Kawasaki disorder"]).
 *
 * @example eponymNounForms(cm).get("kawasaki's syndrome") // ['Kawasaki disease', 'Kawasaki disorder']
 */
export function eponymNounForms(cm: EponymIndexLines): Map<string, string[]> {
  const mains: { title: string; code: string; see: string; seeAlso: string }[] = [];
  /** Eponym (lower case) -> the lines that file it under a noun. */
  const lines = new Map<string, { main: string; nouns: string[]; lead: string }[]>();
  const all = [...cm.indexEntries('index')];
  for (const e of all) if (e.path === e.title) mains.push(e);
  const mainTitles = new Set(mains.map((m) => m.title));
  const nouns = tiedNouns(mains);
  const add = (name: string, main: string, ns: string[], lead: string): void => {
    const k = lower(name);
    lines.set(k, [...(lines.get(k) ?? []), { main, nouns: ns, lead }]);
  };
  for (const e of all) {
    if (e.path === e.title) {
      const m = EPONYM.exec(e.title);
      if (m && nouns.has(m[2]!)) add(m[1]!, e.title, [m[2]!, ...(m[3] ? [m[3]] : [])], e.code || e.see);
      continue;
    }
    const main = e.path.slice(0, e.path.length - e.title.length - 2);
    if (!mainTitles.has(main)) continue; // only a main term's direct subterms
    // A noun under the eponym's own main term ("Cushing's > syndrome or disease").
    const own = /^([A-Z][\w\u00C0-\u024F-]*?)(?:['\u2019]s|['\u2019])?$/.exec(main);
    const sub = /^([a-z]+)(?:\s+or\s+([a-z]+))?$/.exec(e.title);
    if (own && sub && nouns.has(sub[1]!)) add(own[1]!, main, [sub[1]!, ...(sub[2] ? [sub[2]] : [])], e.code || e.see);
    // The eponym as a subterm of a general noun ("Disease, diseased > Crohn's").
    const under = EPONYM_SUBTERM.exec(e.title);
    if (under && nouns.has(headNoun(main))) add(under[1]!, main, [headNoun(main)], e.code || e.see);
  }
  const out = new Map<string, string[]>();
  for (const [, ls] of lines) {
    // One main term of its own, leading somewhere; any other line of the eponym files it under the
    // same nouns ("Marfan's syndrome - see Syndrome, Marfan's").
    const own = ls.filter((l) => EPONYM.test(l.main));
    if (own.length !== 1) continue;
    const l = own[0]!;
    const m = EPONYM.exec(l.main)!;
    const same = (x: string[]): boolean => x.length === l.nouns.length && x.every((n) => l.nouns.includes(n));
    if (!l.lead || !ls.every((x) => same(x.nouns))) continue;
    const extra = [...nouns].filter((n) => !l.nouns.includes(n)).sort();
    if (extra.length > 0)
      out.set(
        lower(l.main),
        extra.map((n) => `${m[1]!} ${n}`),
      );
  }
  return out;
}

/** An eponym written as a subterm: a capitalised name, possessive or not. */
const EPONYM_SUBTERM = /^([A-Z\u00C0-\u00DE][\w\u00C0-\u024F-]*?)(?:['\u2019]s|['\u2019])?$/;
