/**
 * Which allergy status code (Z88 drugs, Z91.0- other substances) codes a substance named in the
 * allergy list, read once per table from the official files, never typed in:
 * - the Alphabetic Index's "History, personal, allergy (to), <class>" lines name the classes and
 *   their codes ("penicillin" Z88.0, "narcotic agent NEC" Z88.5, "latex" Z91.040);
 * - a drug's class is its Table of Drugs and Chemicals row's T-code read in the Tabular: the
 *   subcategory title for a named class ("T36.0 ... penicillins" -> penicillin), the category title
 *   for a residual "NEC" class ("T39 ... nonopioid analgesics" -> analgesic agent NEC); a drug of
 *   no class goes to the Index's "drugs, medicaments and biological substances, specified NEC"
 *   (Z88.8). Only rows whose T-code is in the Tabular block of the Z88 category's object ("drugs,
 *   medicaments and biological substances", T36-T50) are drugs: a noxious substance is not one;
 * - a non-drug substance is named by the Index line itself ("seafood"), or by a Tabular title or
 *   inclusion term of the same subcategory ("Allergy to shellfish" Z91.013, "Bee allergy status").
 * Z88.9 (unspecified) is never read: it is a nonspecific code (Guideline I.C.21.c.16).
 */

/** A substance name and the allergy status code it leads to. */
export interface AllergyTerm {
  /** Allergy status code (dotted, billable). */
  code: string;
  /** The official lines that lead from the name to the code, for the proposal's reason. */
  source: string;
}

/** Substance names by their key (see {@link allergyKey}), longest name first when looked up. */
export interface AllergyTerms {
  terms: ReadonlyMap<string, AllergyTerm>;
  /** Most words of a name. */
  maxWords: number;
}

/** What {@link allergyTermsOf} reads (structurally `CmTable`). */
export interface AllergySource {
  inclusionTerms(): Iterable<{ code: string; dotted: string; text: string }>;
  summary(code: string): { long: string; billable: boolean } | undefined;
  billableDescendants(code: string): { code: string; dotted: string; long: string }[];
  drugRows(): Iterable<{ path: string; title: string; see: string; cells: { column: string; code: string }[] }>;
  /** A code's Tabular block (`section`) and the Alphabetic Index lines leading to it. */
  get(
    code: string,
    options?: { indexEntries?: boolean },
  ):
    | {
        long: string;
        section?: { desc: string } | undefined;
        indexEntries?: readonly { path: string; code: string; see: string }[];
      }
    | undefined;
}

/**
 * The allergy status categories of Guideline I.C.21.c.3's list of status codes: "Z88 Allergy
 * status to drugs, medicaments and biological substances", "Z91.0- Allergy status, other than to
 * drugs and biological substances". Their Index lines are read through the codes they lead to.
 */
export const ALLERGY_STATUS_CATEGORIES: readonly string[] = ['Z88', 'Z91.0'];
const ALLERGY_LINE = /^History, personal, allergy, (.+)$/;
const ALLERGY_TITLE = /^Allergy status to (.+)$/;
/** A Tabular title or inclusion term naming one substance. */
const SUBSTANCE_TITLE = /^(?:Allergy (?:status )?to (.+?)|(.+?) (?:allergy|sensitivity) status)(?:, unspecified)?$/i;
const GENERIC = /\b(?:other|specified|unspecified|NEC|with|without|or|than|used)\b/;
const dotted = (code: string): string => (code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code);
const undotted = (code: string): string => code.replace(/[.-]/g, '').toUpperCase();
const cache = new WeakMap<object, AllergyTerms>();

/**
 * Uses `terms` (what {@link allergyTermsOf} returned for this very table, e.g. read from a bundle
 * built at build time) as the table's allergy terms, unless they were built already.
 */
export function primeAllergyTerms(cm: AllergySource, terms: AllergyTerms): void {
  if (!cache.has(cm)) cache.set(cm, terms);
}

/**
 * Key of a name as the allergy list is read: lower case, parenthesised words and NEC/NOS removed,
 * a plural "s" dropped (`"Penicillin (any)"` and `"penicillins"` agree). No stemming: drug names
 * are matched as written, and thousands of Table of Drugs names are keyed at once.
 *
 * @example allergyKey('Narcotic agent NEC') === allergyKey('narcotic agents') // true
 */
export function allergyKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/\b(nec|nos)\b/g, ' ')
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w))
    .join(' ');
}

/** The billable code a line names: itself, or its "unspecified" child (Z91.011 -> Z91.0110). */
function billableOf(cm: AllergySource, code: string): string | undefined {
  const own = cm.summary(undotted(code));
  if (own?.billable) return dotted(undotted(code));
  return cm.billableDescendants(undotted(code)).find((k) => /\bunspecified\b/i.test(k.long))?.dotted;
}

/**
 * Every substance name of the allergy status codes (cached per table).
 *
 * @example allergyTermsOf(cm).terms.get(allergyKey('amoxicillin'))?.code // 'Z88.0'
 */
export function allergyTermsOf(cm: AllergySource): AllergyTerms {
  const hit = cache.get(cm);
  if (hit) return hit;
  const terms = new Map<string, AllergyTerm>();
  const put = (name: string, term: AllergyTerm): void => {
    const key = allergyKey(name);
    if (key.length < 3 || terms.has(key)) return;
    terms.set(key, term);
  };
  // The drug category and its object ("drugs, medicaments and biological substances").
  const drugObject = (code: string): string | undefined =>
    ALLERGY_TITLE.exec(cm.summary(undotted(code).slice(0, 3))?.long ?? '')?.[1];
  const classes: { keys: string[]; code: string; line: string; residual: boolean }[] = [];
  const substances: { name: string; code: string; line: string }[] = [];
  let specified: { code: string; line: string } | undefined;
  let object: string | undefined;
  // The codes of the categories and their non-billable parents (an Index line may name Z91.011).
  const codes = new Set<string>();
  for (const cat of ALLERGY_STATUS_CATEGORIES)
    for (const k of cm.billableDescendants(undotted(cat)))
      for (let n = k.dotted.length; n >= cat.length; n--) if (k.dotted[n - 1] !== '.') codes.add(k.dotted.slice(0, n));
  const lines = new Map<string, { path: string; code: string; see: string }>();
  for (const code of codes) for (const e of cm.get(code)?.indexEntries ?? []) lines.set(e.path, e);
  for (const e of [...lines.values()].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    if (!e.code || e.see || !e.path.startsWith('History, personal, allergy, ')) continue;
    const what = ALLERGY_LINE.exec(e.path)![1]!;
    const code = billableOf(cm, e.code);
    if (!code || /\bunspecified\b/i.test(cm.summary(undotted(code))?.long ?? '')) continue;
    const drug = drugObject(code);
    const last = what.split(', ').pop()!;
    if (drug) {
      object = drug;
      if (what === `${drug}, specified NEC`) {
        specified = { code, line: e.path };
        continue;
      }
      if (what.includes(', ')) continue;
      // "narcotic agent NEC": the class word ("agent" names none).
      const keys = allergyKey(what)
        .split(' ')
        .filter((k) => k !== allergyKey('agent'));
      if (keys.length > 0) classes.push({ keys, code, line: e.path, residual: /\bNEC\b/.test(what) });
      put(what.replace(/\bagent\b/, ''), { code, source: e.path });
      continue;
    }
    if (GENERIC.test(last) || /\bagents?\b/.test(last)) continue;
    substances.push({ name: last, code, line: e.path });
  }
  // Non-drug substances: the Index line's own words, then the Tabular titles and inclusion terms
  // of the same subcategories.
  const subcategories = new Set(substances.map((s) => undotted(s.code).slice(0, 4)));
  // A line with lines under it names a class ("food", "insect"), not one substance.
  const heads = new Set(substances.map((s) => s.line.slice(0, s.line.lastIndexOf(', '))));
  for (const s of substances) if (!heads.has(s.line)) put(s.name, { code: s.code, source: s.line });
  for (const sub of subcategories)
    for (const k of cm.billableDescendants(sub)) {
      const m = SUBSTANCE_TITLE.exec(k.long);
      const name = m?.[1] ?? m?.[2];
      if (name && !GENERIC.test(name)) put(name, { code: k.dotted, source: `${k.dotted} "${k.long}"` });
    }
  for (const t of cm.inclusionTerms()) {
    if (!subcategories.has(t.code.slice(0, 4))) continue;
    const m = SUBSTANCE_TITLE.exec(t.text);
    const name = m?.[1] ?? m?.[2];
    const code = billableOf(cm, t.code);
    if (name && code && !GENERIC.test(name)) put(name, { code, source: `${t.dotted} "${t.text}"` });
  }
  // Drugs: the Table of Drugs and Chemicals' main terms (and their "see" names) with a T-code in
  // the block of drugs, medicaments and biological substances.
  if (object && specified) {
    const residual = specified;
    const classOf = new Map<string, { code: string; line: string } | null>();
    const classAt = (level: string, residualClasses: boolean): { code: string; line: string } | null => {
      const key = `${level}:${residualClasses}`;
      let hit = classOf.get(key);
      if (hit !== undefined) return hit;
      const title = new Set(allergyKey(cm.summary(undotted(level))?.long ?? '').split(' '));
      const c = classes.find((x) => x.residual === residualClasses && x.keys.every((k) => title.has(k)));
      hit = c ? { code: c.code, line: `${level} "${cm.summary(undotted(level))?.long}" -> ${c.line}` } : null;
      classOf.set(key, hit);
      return hit;
    };
    const objectKey = allergyKey(object);
    const rows = new Map<string, string>();
    const sees: [string, string][] = [];
    for (const r of cm.drugRows()) {
      if (r.path !== r.title) continue;
      if (r.see) {
        sees.push([r.title, r.see]);
        continue;
      }
      const t = r.cells.map((c) => c.code).find((c) => /^T\d/.test(c));
      if (t) rows.set(r.title, t);
    }
    const isDrug = new Map<string, boolean>();
    const drugTerm = (name: string, t: string): AllergyTerm | undefined => {
      const sub = undotted(t).slice(0, 4);
      let drug = isDrug.get(sub);
      if (drug === undefined) {
        // In the block of drugs, and not its residual subcategory ("T50.9 ... other and unspecified
        // drugs, medicaments and biological substances": "Drug NEC" names no drug).
        drug =
          allergyKey(cm.get(undotted(t), { indexEntries: false })?.section?.desc ?? '').includes(objectKey) &&
          !allergyKey(cm.summary(sub)?.long ?? '').includes(objectKey);
        isDrug.set(sub, drug);
      }
      if (!drug) return undefined;
      // A named class by the subcategory's title, a residual ("NEC") class by the category's.
      const cls = classAt(dotted(sub), false) ?? classAt(sub.slice(0, 3), true);
      const found = cls ?? residual;
      return {
        code: found.code,
        source: `Table of Drugs and Chemicals "${name}" ${t} -> ${cls ? cls.line : residual.line}`,
      };
    };
    for (const [name, t] of rows) {
      const term = drugTerm(name, t);
      if (term) put(name, term);
    }
    for (const [name, see] of sees) {
      const t = rows.get(see) ?? rows.get(see.split(',')[0]!.trim()) ?? rows.get(see.split(/[ ,]/)[0]!);
      const term = t ? drugTerm(see, t) : undefined;
      if (term) put(name, { ...term, source: `"${name}" see ${term.source}` });
    }
  }
  let maxWords = 1;
  for (const k of terms.keys()) maxWords = Math.max(maxWords, k.split(' ').length);
  const out = { terms, maxWords };
  cache.set(cm, out);
  return out;
}
