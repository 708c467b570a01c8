/**
 * Which family history code (Z80-Z84) codes a relative's condition, read once per table from the
 * official files, never typed in:
 * - a family history code's own Tabular inclusion term, "Conditions classifiable to C50.-" (Z80.3),
 *   "Conditions classifiable to I00-I52, I65-I99" (Z82.4);
 * - under a subcategory such as Z82.6 ("Conditions classifiable to M00-M99"), the child the
 *   Alphabetic Index's "History, family (of), <condition>" line names ("arthritis" Z82.61), for
 *   the codes the Index reaches under that condition's own entry ("Arthritis, arthritic,
 *   rheumatoid" M06.9), or for a malignant neoplasm the child's site read in the Neoplasm Table
 *   ("Family history of malignant neoplasm of ovary" Z80.41 <- "ovary", Malignant Primary C56.-);
 * - the rest of the subcategory's range goes to its "other" child (Z82.69, Z82.49, Z80.49).
 * The family history codes are the Tabular codes titled "Family history of ..." (I.C.21.c.4).
 */
import { refCovers, type CodeRef } from '../codes-in-note';
import { phraseKeys } from '../tokens';

/** One way from a condition code to a family history code. */
export interface FamilyHistoryLink {
  /** Family history code (dotted, billable). */
  code: string;
  /** Whether the link covers a condition code (undotted or dotted). */
  covers: (code: string) => boolean;
  /** How narrow the link is (the narrowest covering link wins). */
  width: number;
  /** The official lines the link was read from, for the proposal's reason. */
  source: string;
}

/** What {@link familyHistoryLinksOf} reads (structurally `CmTable`). */
export interface FamilyHistorySource {
  inclusionTerms(): Iterable<{ code: string; dotted: string; text: string }>;
  isBillable(code: string): boolean;
  summary(code: string): { long: string; billable: boolean } | undefined;
  billableDescendants(code: string): { code: string; dotted: string; long: string }[];
  neoplasmRows(): Iterable<{ path: string; cells: { column: string; code: string }[] }>;
  /** The Alphabetic Index lines leading to a code (read from the table's code-to-line map, built once). */
  get(code: string): { indexEntries?: readonly { path: string; code: string; see: string }[] } | undefined;
}

const undotted = (code: string): string => code.replace(/[.-]/g, '').toUpperCase();
const FAMILY_TITLE = /^Family history of /;
const CLASSIFIABLE = /^Conditions classifiable (?:elsewhere )?(?:to|in) (.+)$/i;
const FAMILY_LINE = /^History, family, (.+)$/;
const NEOPLASM_SITE = /^Family history of malignant neoplasm of (.+)$/;
const NEOPLASM_LINE = /^malignant neoplasm NOS, (?:.+, )?([^,]+)$/;
const NEOPLASM_ROW = /^Neoplasm, neoplastic, (.+)$/;
/** Residual child of a subcategory: "... and other diseases of the circulatory system" (Z82.49). */
const OTHER = /\bother\b/i;
const UNSPECIFIED = /\bunspecified\b/i;
const cache = new WeakMap<object, FamilyHistoryLink[]>();
/** Each built link's code ranges and, for a link narrower than them, the categories it covers. */
const scopes = new WeakMap<FamilyHistoryLink, { refs: CodeRef[]; categories?: ReadonlySet<string> }>();

/**
 * A {@link FamilyHistoryLink} as plain data: it covers a code within `refs` (undotted ranges) and,
 * when `categories` or `codes` is given, only one of those categories (three characters) or of
 * those codes (undotted).
 */
export interface FamilyHistoryLinkData {
  code: string;
  width: number;
  source: string;
  refs: CodeRef[];
  categories?: string[];
  codes?: string[];
}

const REF = /^([A-Z]\d[0-9A-Z](?:\.[0-9A-Z]+)?)\.?-?(?:\s*-\s*([A-Z]\d[0-9A-Z](?:\.[0-9A-Z]+)?))?$/;

/**
 * Codes and ranges of an inclusion term's list, "C30-C32, C37-C39" or "C50.-": only a list whose
 * every part is a code or a range (`noteRefs` would also take the codes out of a sentence), else none.
 */
function rangesOf(list: string): CodeRef[] {
  const out: CodeRef[] = [];
  for (const part of list.split(',')) {
    const m = REF.exec(part.trim());
    if (!m) return [];
    const from = undotted(m[1]!);
    out.push({ from, to: m[2] ? undotted(m[2]) : from });
  }
  return out;
}

/** Number of three-character categories a range covers (A00 = 0, A01 = 1, ..., B00 = 100). */
function rangeWidth(refs: readonly CodeRef[]): number {
  const ord = (c: string): number => (c.charCodeAt(0) - 65) * 100 + Number.parseInt(c.slice(1, 3), 36);
  return refs.reduce((n, r) => n + (r.from === r.to ? 1 : ord(r.to) - ord(r.from) + 1), 0);
}

/** Order-free content keys of a phrase, with parenthesised and bracketed words and NEC/NOS removed. */
function keysOf(phrase: string): string[] {
  return [
    ...new Set(
      phraseKeys(
        phrase
          .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
          .replace(/\b(NEC|NOS)\b/g, ' ')
          .toLowerCase(),
      ),
    ),
  ];
}

/**
 * Every link from a condition code to its family history code (cached per table).
 *
 * @example familyHistoryLinksOf(cm).filter((l) => l.covers('M069')).sort((a, b) => a.width - b.width)[0]?.code // 'Z82.61'
 */
export function familyHistoryLinksOf(cm: FamilyHistorySource): FamilyHistoryLink[] {
  const hit = cache.get(cm);
  if (hit) return hit;
  const out: FamilyHistoryLink[] = [];
  // Subcategories whose children are told apart by their condition or site.
  const refine: {
    header: string;
    text: string;
    refs: CodeRef[];
    kids: { code: string; dotted: string; long: string }[];
  }[] = [];
  for (const t of cm.inclusionTerms()) {
    const m = CLASSIFIABLE.exec(t.text);
    if (!m || !FAMILY_TITLE.test(cm.summary(t.code)?.long ?? '')) continue;
    const refs = rangesOf(m[1]!);
    if (refs.length === 0) continue;
    if (cm.isBillable(t.code)) {
      const link: FamilyHistoryLink = {
        code: t.dotted,
        covers: (code) => refs.some((r) => refCovers(r, undotted(code))),
        width: rangeWidth(refs),
        source: `${t.dotted} "${t.text}"`,
      };
      scopes.set(link, { refs });
      out.push(link);
      continue;
    }
    refine.push({ header: t.dotted, text: t.text, refs, kids: cm.billableDescendants(t.code) });
  }
  if (refine.length === 0) {
    cache.set(cm, out);
    return out;
  }
  // The residual "other" child of each subcategory covers what its siblings do not: its own
  // Index lines ("disease or disorder, cardiovascular NEC") name body systems, not conditions.
  const residual = (r: (typeof refine)[number]): { code: string; dotted: string; long: string } | undefined =>
    r.kids.find((k) => undotted(k.code).length === undotted(r.header).length + 1 && OTHER.test(k.long));
  const residuals = new Set(refine.map((r) => residual(r)?.code).filter((c) => c !== undefined));
  const kidCodes = new Set(
    refine.flatMap((r) => r.kids.filter((k) => !residuals.has(k.code)).map((k) => undotted(k.code))),
  );
  // A line naming a non-billable code means its "unspecified" child (Z83.71 -> Z83.719).
  const target = (code: string): string | undefined => {
    const u = undotted(code);
    if (kidCodes.has(u)) return u;
    for (const r of refine)
      for (const k of r.kids) if (undotted(k.code).startsWith(u) && UNSPECIFIED.test(k.long)) return undotted(k.code);
    return undefined;
  };
  const conditions = new Map<string, { keys: string[]; line: string }[]>();
  const sites = new Map<string, { keys: string; line: string }[]>();
  const add = <T>(map: Map<string, T[]>, code: string, v: T): void => {
    const list = map.get(code) ?? [];
    list.push(v);
    map.set(code, list);
  };
  // The "History, family" lines naming a child or its non-billable parent.
  const named = new Set<string>();
  for (const r of refine)
    for (const k of r.kids) {
      if (residuals.has(k.code)) continue;
      named.add(k.dotted);
      if (k.dotted.length > r.header.length + 1) named.add(k.dotted.slice(0, -1));
    }
  const familyLines = [...named].flatMap((code) => cm.get(code)?.indexEntries ?? []);
  for (const e of familyLines) {
    if (!e.code || e.see || !e.path.startsWith('History, family, ')) continue;
    const m = FAMILY_LINE.exec(e.path)!;
    const kid = target(e.code);
    if (!kid) continue;
    const site = NEOPLASM_LINE.exec(m[1]!);
    if (site) add(sites, kid, { keys: keysOf(site[1]!).sort().join(' '), line: e.path });
    else add(conditions, kid, { keys: keysOf(m[1]!), line: e.path });
  }
  for (const r of refine)
    for (const k of r.kids) {
      const site = NEOPLASM_SITE.exec(k.long);
      if (site)
        add(sites, undotted(k.code), { keys: keysOf(site[1]!).sort().join(' '), line: `${k.dotted} "${k.long}"` });
    }
  // A condition code is a phrase's when an Index line leading to it sits under a main term naming
  // one of the phrase's words and holds all of them ("Arthritis, arthritic, rheumatoid" M06.9 for
  // "arthritis"). Read per code asked for, from the lines the table indexes by code.
  const pathKeys = new Map<string, { main: string[]; all: Set<string> }[]>();
  const linesOf = (code: string): { main: string[]; all: Set<string> }[] => {
    let hit = pathKeys.get(code);
    if (!hit) {
      hit = (cm.get(code)?.indexEntries ?? [])
        .filter((e) => !e.see)
        .map((e) => ({ main: keysOf(e.path.split(', ')[0]!), all: new Set(keysOf(e.path)) }));
      pathKeys.set(code, hit);
    }
    return hit;
  };
  const isCondition = (code: string, phrases: readonly { keys: string[] }[]): boolean =>
    linesOf(code).some((l) =>
      phrases.some(
        (p) => p.keys.length > 0 && l.main.some((k) => p.keys.includes(k)) && p.keys.every((k) => l.all.has(k)),
      ),
    );
  const wantedSites = new Set([...sites.values()].flat().map((s) => s.keys));
  const siteCategories = new Map<string, Set<string>>();
  for (const row of cm.neoplasmRows()) {
    const m = NEOPLASM_ROW.exec(row.path);
    if (!m) continue;
    const keys = keysOf(m[1]!).sort().join(' ');
    if (!wantedSites.has(keys)) continue;
    const primary = row.cells[0]?.code ?? '';
    if (!/^C\d/.test(primary)) continue;
    const set = siteCategories.get(keys) ?? new Set<string>();
    set.add(undotted(primary).slice(0, 3));
    siteCategories.set(keys, set);
  }
  for (const r of refine) {
    const inRange = (code: string): boolean => r.refs.some((ref) => refCovers(ref, undotted(code)));
    for (const k of r.kids) {
      const u = undotted(k.code);
      const phrases = conditions.get(u) ?? [];
      const lines = phrases.map((c) => c.line);
      const categories = new Set<string>();
      for (const s of sites.get(u) ?? []) {
        const found = siteCategories.get(s.keys);
        if (!found) continue;
        for (const x of found) if (inRange(x)) categories.add(x);
        lines.push(s.line);
      }
      if (phrases.length + categories.size === 0) continue;
      const dottedOf = (c: string): string => (c.length > 3 ? `${c.slice(0, 3)}.${c.slice(3)}` : c);
      const link: FamilyHistoryLink = {
        code: k.dotted,
        covers: (code) => {
          const c = undotted(code);
          if (!inRange(c)) return false;
          return categories.has(c.slice(0, 3)) || (phrases.length > 0 && isCondition(dottedOf(c), phrases));
        },
        // Narrower than the subcategory's range: a named condition, then a site's categories.
        width: phrases.length > 0 ? 0.001 : categories.size / 100,
        source: `${lines.join('; ')} (under ${r.header} "${r.text}")`,
      };
      scopes.set(link, { refs: r.refs, categories });
      out.push(link);
    }
    // The residual child: a direct child titled "other".
    const other = residual(r);
    if (other) {
      const link: FamilyHistoryLink = {
        code: other.dotted,
        covers: inRange,
        width: rangeWidth(r.refs),
        source: `${other.dotted} "${other.long}" (under ${r.header} "${r.text}")`,
      };
      scopes.set(link, { refs: r.refs });
      out.push(link);
    }
  }
  cache.set(cm, out);
  return out;
}

/**
 * The links of {@link familyHistoryLinksOf} as plain data (for build time: a link that names
 * conditions is tested on every code of the table within its ranges, reading their Index lines).
 * The codes a link covers by its Index lines are listed; a code not in the table is covered by
 * the categories alone, as by the link itself.
 *
 * @example familyHistoryLinkData(cm).find((l) => l.code === 'Z82.61')?.codes?.includes('M069') // true
 */
export function familyHistoryLinkData(
  cm: FamilyHistorySource & { all(): Iterable<{ code: string }> },
): FamilyHistoryLinkData[] {
  const links = familyHistoryLinksOf(cm);
  const narrow = links.filter((l) => scopes.get(l)?.categories);
  const codes = new Map(narrow.map((l) => [l, [] as string[]]));
  for (const { code } of cm.all()) {
    const u = undotted(code);
    for (const l of narrow) if (!scopes.get(l)!.categories!.has(u.slice(0, 3)) && l.covers(u)) codes.get(l)!.push(u);
  }
  return links.map((l) => {
    const { refs, categories } = scopes.get(l)!;
    const { code, width, source } = l;
    return categories
      ? { code, width, source, refs, categories: [...categories], codes: codes.get(l)! }
      : { code, width, source, refs };
  });
}

/**
 * Uses `data` (what {@link familyHistoryLinkData} returned for this very table, e.g. read from a
 * bundle built at build time) as the table's links, unless they were built already.
 */
export function primeFamilyHistoryLinks(cm: FamilyHistorySource, data: readonly FamilyHistoryLinkData[]): void {
  if (cache.has(cm)) return;
  cache.set(
    cm,
    data.map(({ code, width, source, refs, categories, codes }) => {
      const inRange = (c: string): boolean => refs.some((r) => refCovers(r, c));
      if (!categories && !codes) return { code, width, source, covers: (c) => inRange(undotted(c)) };
      const cats = new Set(categories);
      const listed = new Set(codes);
      const covers = (c: string): boolean => {
        const u = undotted(c);
        return inRange(u) && (cats.has(u.slice(0, 3)) || listed.has(u));
      };
      return { code, width, source, covers };
    }),
  );
}

/**
 * The family history code of a condition code: the narrowest link covering it.
 *
 * @example familyHistoryCodeOf(cm, 'C50.919')?.code // 'Z80.3'
 */
export function familyHistoryCodeOf(cm: FamilyHistorySource, code: string): FamilyHistoryLink | undefined {
  let best: FamilyHistoryLink | undefined;
  for (const l of familyHistoryLinksOf(cm)) if (l.covers(code) && (!best || l.width < best.width)) best = l;
  return best;
}
