/**
 * Text normalisation shared by the index builder and the query parser: the same function must run
 * on both sides, or a title and a query that read the same would not meet.
 *
 * Steps: Unicode NFD with diacritics removed (`Sjögren` -> `sjogren`), lower case, split on
 * anything that is not a letter or a digit, drop a short list of function words, then a light
 * English stemmer ({@link stem}). Numbers are kept as tokens (`type 2`, `stage 3`, `t4`).
 */

/** Derivational endings stripped by {@link stem}, longest first. */
const DERIVATIONAL = ['ation', 'ition', 'ical', 'ary', 'ity', 'ive', 'ion', 'ia', 'ic', 'al', 'y', 'e'];

/**
 * Function words that carry no meaning for a coder's lookup. `with`, `without`, `other` and
 * `unspecified` are deliberately NOT here: they separate sibling codes (E11.9 "without
 * complications" vs E11.8 "with unspecified complications").
 */
export const STOPWORDS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'and',
  'or',
  'the',
  'of',
  'to',
  'in',
  'on',
  'for',
  'by',
  'at',
  'as',
  'is',
  'from',
  'into',
  'its',
  'than',
  'be',
  'are',
  'was',
  'this',
  'that',
  'which',
  'per',
]);

/**
 * Words that say "nothing more specific": they are matched when typed but a title does not lose
 * score for carrying them (so "systolic heart failure" finds I50.20 "Unspecified systolic
 * (congestive) heart failure" as a full match). Compared after stemming.
 */
export const FILLER: ReadonlySet<string> = new Set(
  // "closed": a fracture not stated open or closed is coded closed (ICD-10-CM guideline I.C.19.c.1),
  // so "initial encounter for closed fracture" is the default, not an extra detail.
  // Laterality is an axis coded only when documented: "Tinnitus, bilateral" must not beat
  // "Tinnitus, unspecified ear" for a query that names no side.
  [
    'unspecified',
    'nos',
    'site',
    'encounter',
    'initial',
    'elsewhere',
    'classified',
    'not',
    'part',
    'closed',
    'right',
    'left',
    'bilateral',
    'uncomplicated',
  ].map((w) => stem(w)),
);

const DIACRITICS = /[\u0300-\u036f]/g;
const SPLIT = /[^a-z0-9]+/;

/** Lower case, no diacritics; every other character kept. @example foldCase('Sjögren') // 'sjogren' */
export function foldCase(text: string): string {
  // ASCII fast path: most titles need no NFD.
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(text) ? text.toLowerCase() : text.normalize('NFD').replace(DIACRITICS, '').toLowerCase();
}

/**
 * Splits text into raw lower-case words (no stemming, stopwords kept).
 * @example words("Alzheimer's disease, early onset") // ['alzheimer', 's', 'disease', 'early', 'onset']
 */
export function words(text: string): string[] {
  const out = foldCase(text).split(SPLIT);
  return out.filter((w) => w.length > 0);
}

/**
 * Light suffix stemmer for English clinical words, in the spirit of Porter step 1 plus a few
 * suffixes medical titles are full of. It only needs to map inflected forms to one key (both
 * sides use it), not to produce a dictionary word. Idempotent: `stem(stem(w)) === stem(w)`.
 *
 * @example stem('fractures') // 'fractur'
 * @example stem('fractured') // 'fractur'
 * @example stem('ischemic') // 'ischem'
 */
export function stem(word: string): string {
  if (word.length <= 3 || /[0-9]/.test(word)) return word;
  // Apply the rules to a fixed point so the function is idempotent (a property test checks it).
  let w = word;
  for (let round = 0; round < 4; round++) {
    const next = stemOnce(w);
    if (next === w) break;
    w = next;
  }
  return w;
}

function stemOnce(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  // Plurals and verb forms.
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is') && w.length > 4)
    w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 6) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 5) w = w.slice(0, -2);
  // Derivational endings common in titles (infection/infected, ischemia/ischemic, obese/obesity).
  for (const suffix of DERIVATIONAL) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 4) return w.slice(0, -suffix.length);
  }
  return w;
}

/** One token of a text: its stemmed key and whether it sat inside parentheses (nonessential). */
export interface Token {
  /** Stemmed key used in the index. */
  key: string;
  /** Position among the text's kept tokens (0-based). */
  pos: number;
  /** `true` inside parentheses: a nonessential modifier or supplementary word. */
  paren: boolean;
  /** `true` for the joined form of a hyphenated word (`pre-eclampsia` also gives `preeclampsia`). */
  alias?: boolean;
}

/**
 * Tokens of a title or index line: stemmed keys without stopwords, each marked when it sat in
 * parentheses (the Index's nonessential modifiers, the Tabular's "(congestive)").
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let depth = 0;
  let pos = 0;
  // Words after "without" (up to a comma, a parenthesis or "of") say what is absent: they are
  // keyed "no:<word>", so "nausea and vomiting" does not match "Nausea (without vomiting)" while
  // "without complications" still finds E11.9. "of" ends the absent thing: in "Laceration without
  // foreign body of left middle finger" the finger is the site of the laceration, not absent.
  let negated = false;
  const folded = foldCase(text).replace(APOSTROPHE_S, '').replace(DEFAULT_STATE, '($&)');
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(folded); m !== null; m = TOKEN.exec(folded)) {
    const w = m[0];
    if (w === '(' || w === '[') {
      depth++;
      negated = false;
    } else if (w === ')' || w === ']') {
      depth = depth > 0 ? depth - 1 : 0;
      negated = false;
    } else if (w === ',' || w === 'of') negated = false;
    else if (w === 'without') negated = true;
    else if (w === 'with') negated = false;
    else if (!STOPWORDS.has(w)) {
      const paren = depth > 0 || negated;
      out.push({ key: negated ? `no:${cachedStem(w)}` : cachedStem(w), pos: pos++, paren });
      // "pre-eclampsia", "gastro-esophageal": also the word as typed without the hyphen.
      const end = m.index + w.length;
      if (folded[end] === '-' && /[a-z]/.test(folded[end + 1] ?? '') && /^[a-z]+$/.test(w)) {
        const next = /^[a-z]+/.exec(folded.slice(end + 1))![0];
        const joined = cachedStem(w + next);
        out.push({ key: negated ? `no:${joined}` : joined, pos: pos++, paren, alias: true });
      }
    }
  }
  return out;
}

const TOKEN = /[a-z0-9]+|[()[\],]/g;

/**
 * Phrases by which the Tabular List names a condition's default state (what is coded when
 * nothing more is documented). In a title they are nonessential, like words in parentheses, so
 * "multiple myeloma" finds C90.00 "... not having achieved remission" before C90.01 "... in
 * remission", and "migraine" finds G43.909 "... not intractable, without status migrainosus".
 */
const DEFAULT_STATE = new RegExp(
  [
    'not having achieved remission',
    'without complications?',
    'uncomplicated',
    'not intractable',
    'without status (?:migrainosus|epilepticus)',
    'without mention of fluctuations',
    'without dyskinesia',
    'unspecified severity',
    'without behavioral disturbance, psychotic disturbance, mood disturbance,? and anxiety',
    // Up to a comma, or to "of" that names the site ("without foreign body of left finger").
    'without (?:(?! of )[a-z0-9 -])+',
    'without hepatic coma',
    'without coma',
    'not specified as recurrent',
    'without lower urinary tract symptoms',
    'without necrosis or infection',
    'without rupture',
    'without esophagitis',
    'without diarrhea',
    'unspecified (?:trimester|control|organism|ear|eye|side|species|type)',
  ].join('|'),
  'g',
);
const APOSTROPHE_S = /['\u2019]s\b/g;
const stemCache = new Map<string, string>();

/** {@link stem} with a bounded cache: the classification has a few tens of thousands of words. */
export function cachedStem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = stem(word);
    if (stemCache.size < 200_000) stemCache.set(word, s);
  }
  return s;
}

/**
 * Query keys: the words of a query, stemmed, stopwords removed. Apostrophe-s is dropped so
 * "Alzheimer's" and "alzheimers" meet.
 * @example queryKeys("Crohn's disease") // ['crohn', 'diseas']
 */
export function queryKeys(query: string): string[] {
  const raw = foldCase(query).replace(APOSTROPHE_S, '').split(SPLIT);
  const out: string[] = [];
  let negated = false;
  for (const w of raw) {
    if (w === 'without' || w === 'no') negated = true;
    else if (w === 'with' || w === 'of') negated = false;
    else if (w.length > 0 && !STOPWORDS.has(w)) out.push(negated ? `no:${cachedStem(w)}` : cachedStem(w));
  }
  return out;
}
