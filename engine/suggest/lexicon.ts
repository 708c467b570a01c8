/**
 * The suggestion lexicon: every Alphabetic Index line (main term + subterms), every Tabular List
 * title, and every ICD-10-PCS Index line, flattened into word-key bags with the code they lead
 * to. Nothing here is typed in: entries come from the official tables of the bundles
 * ({@link CmTable}, {@link PcsTable}).
 *
 * An Index line `Failure, failed > heart > systolic > acute on chronic  I50.23` becomes one entry
 * per main-term form: required keys `failur heart systol acut chronic`. Subterms after a `with`
 * or `in` connective are kept apart ({@link LexEntry.withKeys}): the Index "with" presumes a causal
 * link (ICD-10-CM Official Guidelines I.A.15), so they may be documented anywhere in the chart.
 */
import type { CmTable } from '../icd10cm';
import type { PcsTable } from '../icd10pcs/pcs-table';
import { eponymNounForms } from './eponym-forms';
import { onlyTypeForms } from './only-type-forms';
import { areWordForms, defaultQualifiedMains } from './index-main-forms';
import { isWeak, keyOf, phraseKeys } from './tokens';

/** Where an entry comes from. */
export type LexSource = 'index' | 'eindex' | 'tabular' | 'pcs-index' | 'neoplasm' | 'inclusion';

/** One lexicon entry. */
export interface LexEntry {
  system: 'cm' | 'pcs';
  source: LexSource;
  /** Code as printed (CM dotted, may end in `-`; PCS full code or 3-6 character prefix); `""` when unresolved. */
  code: string;
  /** Readable path: `Failure, failed > heart > systolic` or the Tabular title. */
  path: string;
  /** Keys that must all appear in the sentence, rarest first. */
  req: string[];
  /** Keys after a with/in connective; may be satisfied by another sentence of the chart. */
  withKeys: string[];
  /** Lower-case main term (first form), for grouping combination codes. */
  mainTerm: string;
  /** Subterm depth of the line (0 = main term). */
  depth: number;
  /** Rarest required key, used to find candidate entries from a sentence. */
  anchor: string;
  /** Reached through a "see also" reference (a weaker lead than the line's own code or "see"). */
  seeAlso?: boolean;
  /**
   * A "Status" line (Z codes, I.C.21.c.3) whose main-term word is read from the mention's past
   * context ("status post", "s/p", a past surgical history) rather than written: it matches only
   * a mention in such a context.
   */
  pastOnly?: boolean;
}

/**
 * The entries of a lexicon, read by index. {@link buildLexicon} returns a plain array; the lexicon
 * loaded from its bundle (engine/suggest/compact-lexicon.ts) builds an entry object only when it
 * is first read, the same object every time (a chart reads a few thousand of 200,000).
 */
export interface LexEntries extends Iterable<LexEntry> {
  readonly length: number;
  /** Entry `index` (a negative index counts from the end, as `Array.prototype.at`). */
  at(index: number): LexEntry | undefined;
}

/**
 * Built lexicon. Plain data as {@link buildLexicon} returns it; the bundle's compact form
 * answers the same reads (engine/suggest/compact-lexicon.ts).
 */
export interface SuggestLexicon {
  entries: LexEntries;
  /** Anchor key -> second-rarest key (`""` for one-key entries) -> entry indexes. Two levels, so a sentence only visits entries whose two rarest keys it holds. */
  byAnchor: ReadonlyMap<string, Map<string, number[]>>;
  /** Normalised Index path (`hypertension|heart|with heart failure`) -> code as printed. */
  cmPaths: ReadonlyMap<string, string>;
  /** Number of key occurrences per key over all entries (rarity). */
  keyFreq: Map<string, number>;
  /**
   * Chart word key -> extra keys read at the same position (see {@link sentenceKeys}): histology
   * words carry their Neoplasm Table column (`carcinoma` -> `#neo:malignant`), as the Index's
   * "see Neoplasm, malignant, by site" says.
   */
  aliases: Map<string, string[]>;
  /** Keys naming a body site (the Neoplasm Table's site rows, one-word forms): "localized" findings. */
  siteKeys: Set<string>;
  /** Fiscal years of the tables used. */
  cmYear: number;
  pcsYear: number | undefined;
}

/**
 * An Index subterm naming a bone by its adjective and the noun "bone" ("metatarsal bone", "carpal
 * bones", "temporal bone"): the adjective alone names the bone in a chart ("fifth metatarsal
 * fracture"), so "bone" is not required of the chart. Adjective endings only (-al, -oid, -ous,
 * -ar, -ate): "long bones", "bent bone", "heel bone" keep their noun.
 */
const BONE_ADJECTIVE = /^[a-z]+(?:al|oid|ous|ar|ate) bones?$/i;
const BONE_KEY = keyOf('bone');
/**
 * An end of a long bone ("Fracture, traumatic > radius > distal end", "> tibia > upper end"):
 * the chart names it by the adjective alone ("distal radius fracture"), so "end" is not required.
 */
const BONE_END = /^(?:distal|proximal|upper|lower) end$/i;
const END_KEY = keyOf('end');

const CONNECTIVE = /^(with|in|due to|associated with|secondary to|because of|following|complicated by)(\s|$)/i;

/** Path key used to resolve `see` references: lower case, nonessential parts removed. */
export function pathKey(parts: readonly string[]): string {
  return parts
    .map((p) =>
      p
        .toLowerCase()
        .replace(/\([^)]*\)/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .join('|');
}

interface Draft {
  system: 'cm' | 'pcs';
  source: LexSource;
  code: string;
  see: string;
  path: string;
  req: string[];
  withKeys: string[];
  mainTerm: string;
  depth: number;
  seeAlso?: boolean;
  pastOnly?: boolean;
}

/** Splits a title into its levels' keys, moving connective parts to `withKeys`. */
function levelKeys(titles: readonly string[], req: string[], withKeys: string[]): boolean {
  let inWith = false;
  for (let i = 0; i < titles.length; i++) {
    const t = titles[i]!.trim();
    if (/^without\b/i.test(t)) return false; // absence cannot be read from a chart
    const m = CONNECTIVE.exec(t);
    if (m) {
      inWith = true;
      const rest = t.slice(m[0].length);
      for (const k of phraseKeys(rest)) withKeys.push(k);
      continue;
    }
    const keys = phraseKeys(t);
    // A subterm made only of weak words ("type A" -> nothing) cannot be told from its parent.
    if (keys.length === 0) return false;
    for (const k of keys) (inWith ? withKeys : req).push(k);
  }
  return true;
}

/** Main-term forms: `Failure, failed` -> [`Failure`, `failed`]; `Computerized Tomography (CT Scan)` -> both. */
function mainForms(title: string): string[] {
  const forms: string[] = [];
  const paren = /\(([^)]*)\)/g;
  for (let m = paren.exec(title); m; m = paren.exec(title)) if (m[1]) forms.push(m[1]);
  const bare = title
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const parts = bare.split(/,\s*/).filter((p) => p.length > 0);
  // "Failure, failed" lists forms of one word; "Violence, physical" is one phrase.
  const variants = parts.length > 1 && areWordForms(parts[0]!, parts.slice(1));
  forms.unshift(...(variants ? parts : [bare]));
  return forms.filter((f) => f.length > 0);
}

/**
 * Builds the lexicon from the tables. Takes a few hundred milliseconds; build once per table
 * (the worker and the CLI keep it).
 *
 * @example const lex = buildLexicon(cmTable, pcsTable);
 */
export function buildLexicon(cm: CmTable, pcs?: PcsTable): SuggestLexicon {
  const drafts: Draft[] = [];
  const cmPaths = new Map<string, string>();
  const seeDrafts: number[] = [];
  /** Main term -> codes of the main terms that send the reader to it with "see also" (Illness R69 -> see also Disease). */
  const seeAlsoFrom = new Map<string, string[]>();

  // Alphabetic Index: rebuild each line's title chain from document order.
  const stack: { path: string; title: string; leads: boolean }[] = [];
  // "Fracture, traumatic": the bare word is a form of the main term that holds its default sense.
  const defaults = defaultQualifiedMains(cm);
  const eponyms = eponymNounForms(cm);
  const onlyTyped = onlyTypeForms(cm);
  for (const e of cm.indexEntries('index')) {
    while (stack.length > 0 && !e.path.startsWith(`${stack[stack.length - 1]!.path}, `)) stack.pop();
    const essential = essentialWord(e.nemod);
    const parentLeads = stack.length > 0 ? stack[stack.length - 1]!.leads : true;
    const grandLeads = stack.length > 1 && stack[stack.length - 2]!.leads;
    stack.push({ path: e.path, title: essential ? `${e.title} ${essential}` : e.title, leads: !!(e.code || e.see) });
    const titles = stack.map((s) => s.title);
    const forms = mainForms(titles[0]!);
    // Not for the main term's own line: the word alone names no site ("fracture" is not T14.8).
    const word = titles.length > 1 ? defaults.get(stack[0]!.path.toLowerCase()) : undefined;
    if (word && !forms.includes(word)) forms.push(word);
    const code = e.code;
    // A line without a code of its own whose only pointer is "see also" (Necrosis -> see also
    // Gangrene) leads where that reference leads.
    const see = e.see || (code ? '' : e.seeAlso);
    if (titles.length === 1 && code && e.seeAlso && !e.seeAlso.includes(',')) {
      const k = pathKey([e.seeAlso]);
      seeAlsoFrom.set(k, [...(seeAlsoFrom.get(k) ?? []), code]);
    }
    for (const form of forms) cmPaths.set(pathKey([form, ...titles.slice(1)]), code || `see:${see}`);
    if (!code && !see) continue;
    // An eponym the Index files under one general noun, as a chart may write it with another
    // (engine/suggest/eponym-forms.ts); not an Index path of its own, so kept out of cmPaths.
    for (const f of eponyms.get(stack[0]!.path.toLowerCase()) ?? []) if (!forms.includes(f)) forms.push(f);
    const chains = subtermChains(forms, drugClassSubterms(titles));
    // The one type the Index lists for the condition need not be written (engine/suggest/only-type-forms.ts).
    const untyped = onlyTyped.get(e.path);
    if (untyped) chains.push(...subtermChains(forms, [...titles.slice(1, -1), untyped]));
    for (const chain of residualChains(chains, parentLeads, grandLeads, !!code)) {
      const req: string[] = [];
      const withKeys: string[] = [];
      if (!levelKeys(chain, req, withKeys)) continue;
      if (req.length === 0) continue;
      const bone = req.indexOf(BONE_KEY);
      if (bone >= 0 && chain.some((t, i) => i > 0 && BONE_ADJECTIVE.test(t))) req.splice(bone, 1);
      const end = req.indexOf(END_KEY);
      if (end >= 0 && chain.some((t, i) => i > 0 && BONE_END.test(t))) req.splice(end, 1);
      if (!code) seeDrafts.push(drafts.length);
      drafts.push({
        system: 'cm',
        source: 'index',
        code,
        see,
        path: e.see || code ? titles.join(' > ') : `${titles.join(' > ')} (see also ${see})`,
        req,
        withKeys,
        mainTerm: forms[0]!.toLowerCase(),
        depth: titles.length - 1,
        ...(see && !e.see && !code ? { seeAlso: true } : {}),
      });
    }
  }
  // Index of External Causes (falls, accidents, assaults): coded lines only ("see" references
  // there point into that index, not this one's paths).
  const eStack: { path: string; title: string }[] = [];
  for (const e of cm.indexEntries('eindex')) {
    while (eStack.length > 0 && !e.path.startsWith(`${eStack[eStack.length - 1]!.path}, `)) eStack.pop();
    eStack.push({ path: e.path, title: e.title });
    if (!e.code) continue;
    const titles = eStack.map((x) => x.title);
    const forms = mainForms(titles[0]!);
    for (const form of forms) {
      const req: string[] = [];
      const withKeys: string[] = [];
      if (!levelKeys([form, ...titles.slice(1)], req, withKeys)) continue;
      // External-cause lines read as one phrase ("Fall, from, ladder"): all words in the sentence.
      req.push(...withKeys);
      if (req.length === 0) continue;
      drafts.push({
        system: 'cm',
        source: 'eindex',
        code: e.code,
        see: '',
        path: `External cause: ${titles.join(' > ')}`,
        req,
        withKeys: [],
        mainTerm: forms[0]!.toLowerCase(),
        depth: titles.length - 1,
      });
    }
  }

  // Resolve `see` references through the Index paths (a few hops at most).
  for (const i of seeDrafts) {
    const d = drafts[i]!;
    // "see condition", "see Injury, by site": a pointer to the reader, not to one code.
    d.code = /^condition\b|by site|by type|by body/i.test(d.see) ? '' : resolveSee(cmPaths, d.see);
    // A main term whose own reference leads to no code (Disease -> see also Syndrome) takes the
    // code of the one main term that refers to it with "see also" (Illness R69, see also Disease).
    if (!d.code && d.depth === 0) {
      const from = seeAlsoFrom.get(pathKey([d.mainTerm]));
      if (from && new Set(from).size === 1) {
        d.code = from[0]!;
        d.seeAlso = true;
      }
    }
  }

  // Inclusion terms of a code (Tabular "inclusionTerm" notes: "Fracture of tibial plateau NOS"
  // under S82.14): the clinical wording the Tabular itself lists for the code (Conventions I.A.11,
  // inclusion terms), read as a title is; a category's term leads to the category, completed from
  // the sentence like an Index code. Not under a residual ("Other ...") code, which the Index
  // reaches (as for titles), and not a term of one word: a word that names the condition alone
  // ("Anxiety state") leads through the Index to the condition's own code. The suggester reads a
  // term as one phrase (its words together, {@link LexSource} 'inclusion').
  for (const t of cm.inclusionTerms()) {
    if (/^other\b|\bother specified\b|\bcodes\b/i.test(t.text)) continue;
    const owner = cm.get(t.code, { indexEntries: false })?.long ?? '';
    if (!owner || /^other\b|\bother specified\b/i.test(owner)) continue;
    const req: string[] = [];
    const withKeys: string[] = [];
    if (!levelKeys([t.text.replace(/\([^)]*\)/g, ' ')], req, withKeys)) continue;
    req.push(...withKeys);
    if (new Set(req.filter((k) => !isWeak(k))).size < 2) continue;
    drafts.push({
      system: 'cm',
      source: 'inclusion',
      code: t.dotted,
      see: '',
      path: `${t.text} (inclusion term, ${t.dotted})`,
      req,
      withKeys: [],
      mainTerm: '',
      depth: 0,
    });
  }

  // Tabular List titles (nonessential parenthesised words dropped).
  for (const c of cm.all()) {
    // Residual categories ("Other specified ...") are reached through the Index, not by their title.
    if (/^other\b|\bother specified\b/i.test(c.long)) continue;
    // Headings ("Activity codes") name a kind of code, not a condition.
    if (/\bcodes\b/i.test(c.long)) continue;
    // "..., sequela" titles differ from the initial-encounter title only by a weak word: the 7th
    // character comes from the encounter context when the parent is completed (Guideline I.C.19.a).
    if (/,\s*sequelae?$/i.test(c.long)) continue;
    const title = c.long.replace(/\([^)]*\)/g, ' ');
    const req: string[] = [];
    const withKeys: string[] = [];
    if (!levelKeys([title], req, withKeys)) continue;
    if (withKeys.length > 0) {
      // In a title, "with" is part of the name: require it all in one sentence.
      req.push(...withKeys);
      withKeys.length = 0;
    }
    if (req.length === 0) continue;
    drafts.push({
      system: 'cm',
      source: 'tabular',
      code: c.dotted,
      see: '',
      path: c.long,
      req,
      withKeys,
      mainTerm: '',
      depth: 0,
    });
  }

  // ICD-10-PCS Index.
  if (pcs) {
    const pcsPaths = new Map<string, string>();
    const entries = pcs.index.entries();
    for (const e of entries) {
      const t = e.targets.find((x) => x.valid && (x.kind === 'code' || x.kind === 'codes' || x.kind === 'tab'));
      if (t) pcsPaths.set(pathKey(e.path), t.kind === 'code' ? t.code : (t.prefix ?? ''));
    }
    // Codes below each line: a line without a target of its own ("Ultrasonography > Kidney",
    // whose subterms are Right / Left / Bilateral) leads to what its subterms share, the table
    // then reads the rest from the sentence (unstated side -> the both-sides value).
    const below = new Map<string, string>();
    for (const e of entries) {
      const t = e.targets.find((x) => x.valid && (x.kind === 'code' || x.kind === 'codes' || x.kind === 'tab'));
      const c = t ? (t.kind === 'code' ? t.code : (t.prefix ?? '')) : '';
      if (!c || c.startsWith('X')) continue;
      for (let n = 1; n < e.path.length; n++) {
        const k = pathKey(e.path.slice(0, n));
        const prev = below.get(k);
        below.set(k, prev === undefined ? c : commonPrefix(prev, c));
      }
    }
    for (const e of entries) {
      if (e.path.length === 0) continue;
      const targets = e.targets.filter((t) => t.valid);
      if (targets.length === 0 && e.path.length >= 2) {
        const shared = below.get(pathKey(e.path)) ?? '';
        if (shared.length >= 3)
          for (const form of mainForms(e.path[0]!)) {
            const req: string[] = [];
            const withKeys: string[] = [];
            if (!levelKeys([form, ...e.path.slice(1)], req, withKeys)) continue;
            req.push(...withKeys);
            if (req.length === 0) continue;
            drafts.push({
              system: 'pcs',
              source: 'pcs-index',
              code: shared,
              see: '',
              path: e.path.join(' > '),
              req,
              withKeys: [],
              mainTerm: form.toLowerCase(),
              depth: e.depth,
            });
          }
      }
      for (const t of e.targets) {
        if (!t.valid) continue;
        // Section X (New Technology) codes name specific products; generic words must not reach them.
        if (t.kind !== 'see' && (t.kind === 'code' ? t.code : (t.prefix ?? '')).startsWith('X')) continue;
        let code = '';
        if (t.kind === 'code') code = t.code;
        else if (t.kind === 'codes' || t.kind === 'tab') code = t.prefix;
        else if (t.kind === 'see') code = pcsPaths.get(pathKey(t.text.split(/,\s*/))) ?? t.prefix ?? '';
        if (!code || code.startsWith('X')) continue;
        for (const form of mainForms(e.path[0]!)) {
          const req: string[] = [];
          const withKeys: string[] = [];
          if (!levelKeys([form, ...e.path.slice(1)], req, withKeys)) continue;
          req.push(...withKeys);
          if (req.length === 0) continue;
          const path = t.kind === 'see' ? `${e.path.join(' > ')} (see ${t.text})` : e.path.join(' > ');
          drafts.push({
            system: 'pcs',
            source: 'pcs-index',
            code,
            see: '',
            path,
            req,
            withKeys: [],
            mainTerm: form.toLowerCase(),
            depth: e.depth,
          });
        }
      }
    }
  }

  // Neoplasm Table: one entry per site row and behaviour column.
  const aliases = neoplasmDrafts(cm, drafts);
  for (const d of drafts) if (d.system === 'cm') d.req = behaviourKeys(d.req);
  historyLines(cm, drafts);
  statusLines(cm, drafts);
  encounterReasons(cm, drafts);

  // Rarity of keys, anchors, dedupe keys.
  const keyFreq = new Map<string, number>();
  for (const d of drafts) {
    // "site" is kept where a Neoplasm Table row made it the row's own noun (siteRowKeys).
    d.req = [...new Set(d.req)].filter((k) => !isWeak(k) || (k === SITE && d.source === 'neoplasm'));
    d.withKeys = [...new Set(d.withKeys)].filter((k) => !isWeak(k) && !d.req.includes(k));
    for (const k of d.req) keyFreq.set(k, (keyFreq.get(k) ?? 0) + 1);
  }
  const entries: LexEntry[] = [];
  const byAnchor = new Map<string, Map<string, number[]>>();
  for (const d of drafts) {
    if (!d.code || d.req.length === 0) continue;
    // Rarest key first: it anchors the entry and, checked first, rejects most candidates at once.
    d.req.sort((a, b) => (keyFreq.get(a) ?? 0) - (keyFreq.get(b) ?? 0));
    // A behaviour key (#neo:...) second: a sentence without a histology word then skips the
    // Neoplasm Table rows of its site words at the second-key lookup, without placing them.
    const synthetic = d.req.findIndex((k, i) => i > 1 && k.startsWith('#'));
    if (synthetic > 1) d.req.splice(1, 0, d.req.splice(synthetic, 1)[0]!);
    const anchor = d.req[0]!;
    const idx = entries.length;
    entries.push({
      system: d.system,
      source: d.source,
      code: d.code,
      path: d.path,
      req: d.req,
      withKeys: d.withKeys,
      mainTerm: d.mainTerm,
      depth: d.depth,
      anchor,
      ...(d.seeAlso ? { seeAlso: true } : {}),
      ...(d.pastOnly ? { pastOnly: true } : {}),
    });
    let second = byAnchor.get(anchor);
    if (!second) byAnchor.set(anchor, (second = new Map<string, number[]>()));
    const k2 = d.req[1] ?? '';
    let list = second.get(k2);
    if (!list) second.set(k2, (list = []));
    list.push(idx);
  }
  return {
    entries,
    byAnchor,
    cmPaths,
    keyFreq,
    aliases,
    siteKeys: siteKeysOf(cm),
    cmYear: cm.release.fiscalYear,
    pcsYear: pcs?.fiscalYear,
  };
}

/** Follows an Index `see` reference to a code (`""` when it leads nowhere usable, e.g. "by site"). */
export function resolveSee(cmPaths: ReadonlyMap<string, string>, see: string, hops = 0): string {
  if (!see || hops > 3) return '';
  const parts = see.split(/,\s*/);
  // Try the longest prefix of the reference that is an Index path.
  for (let n = parts.length; n >= 1; n--) {
    const hit = cmPaths.get(pathKey(parts.slice(0, n)));
    if (hit === undefined) continue;
    if (hit.startsWith('see:')) return resolveSee(cmPaths, hit.slice(4), hops + 1);
    return n === parts.length ? hit : '';
  }
  return '';
}

/** Behaviour of a Neoplasm Table column, as its heading names it. */
type NeoplasmClass = 'malignant' | 'secondary' | 'situ' | 'benign' | 'uncertain' | 'unspecified';

/** Column heading -> behaviour (`Malignant Primary`, `Malignant Secondary`, `Ca in situ`, ...). */
function columnClass(heading: string): NeoplasmClass | undefined {
  if (/secondary/i.test(heading)) return 'secondary';
  if (/in situ/i.test(heading)) return 'situ';
  if (/malignant/i.test(heading)) return 'malignant';
  if (/benign/i.test(heading)) return 'benign';
  if (/uncertain/i.test(heading)) return 'uncertain';
  if (/unspecified/i.test(heading)) return 'unspecified';
  return undefined;
}

/** Synthetic key a chart word carries when it names a neoplasm behaviour (never a word of a title). */
export const neoplasmKey = (c: NeoplasmClass): string => `#neo:${c}`;

/** An Index reference that leaves the site to the Neoplasm Table: `Neoplasm, malignant, by site`, `Neoplasm, by site, benign`. */
const BY_SITE_REF =
  /^Neoplasm,\s*(?:by site,\s*)?(malignant|secondary|in situ|benign|uncertain behavior|unspecified behavior)(?:,\s*by site)?$/i;

function refClass(ref: string): NeoplasmClass | undefined {
  const m = BY_SITE_REF.exec(ref.trim());
  return m ? columnClass(m[1]!) : undefined;
}

/**
 * Adds the Neoplasm Table's rows as lexicon drafts (site words + the column's behaviour key) and
 * returns the chart-word aliases that carry the behaviour keys. The behaviour words come from the
 * Index itself: a main term whose line says "see (also) Neoplasm, <behaviour>, by site"
 * (Carcinoma, Adenoma, Tumor), or whose general subterms all do (Metastasis: deposits, spread,
 * disease), the column headings' own words (malignant, secondary, in situ, benign, uncertain),
 * and the table's main term (neoplasm, neoplastic: unspecified behaviour). ICD-10-CM Index,
 * introduction to the Neoplasm Table.
 */
function neoplasmDrafts(cm: CmTable, drafts: Draft[]): Map<string, string[]> {
  const aliases = new Map<string, string[]>();
  const alias = (word: string, c: NeoplasmClass): void => {
    // The word and its Greek/Latin plural (metastasis -> metastases, carcinoma -> carcinomata),
    // which the light stemmer does not fold.
    const variants = [word, word.replace(/is$/i, 'es'), word.replace(/a$/i, 'ata')];
    for (const v of new Set(variants)) {
      const keys = phraseKeys(v);
      if (keys.length !== 1) continue;
      const k = keys[0]!;
      const list = aliases.get(k) ?? [];
      if (!list.includes(neoplasmKey(c))) list.push(neoplasmKey(c));
      aliases.set(k, list);
    }
  };
  const heads = cm.tableHeads('neoplasm').slice(1);
  if (heads.length === 0) return aliases;
  for (const h of heads) {
    const c = columnClass(h);
    if (!c || c === 'unspecified') continue;
    // The heading word that names the behaviour ("Ca in situ" -> situ; "Uncertain Behavior" -> uncertain).
    const word = c === 'situ' ? 'situ' : c === 'malignant' ? 'malignant' : c;
    if (new RegExp(word, 'i').test(h)) alias(word, c);
  }
  // Index main terms leading to the table "by site".
  let main: { forms: string[]; own: NeoplasmClass | undefined; subs: (NeoplasmClass | 'other')[] } | undefined;
  const flush = (): void => {
    if (!main) return;
    let c = main.own;
    if (!c) {
      // Most of the main term's references are to one behaviour "by site" (at least two).
      const classes = main.subs.filter((x): x is NeoplasmClass => x !== 'other');
      const first = classes[0];
      if (first && classes.length >= 2 && classes.every((x) => x === first) && classes.length > main.subs.length / 2)
        c = first;
    }
    if (c) for (const f of main.forms) alias(f, c);
  };
  let mainPath = '';
  for (const e of cm.indexEntries('index')) {
    if (!mainPath || !e.path.startsWith(`${mainPath}, `)) {
      flush();
      mainPath = e.path;
      main = { forms: mainForms(e.title), own: refClass(e.see || e.seeAlso), subs: [] };
      continue;
    }
    // Only the main term's direct subterms ("Metastasis, metastatic > deposits").
    if (e.path !== `${mainPath}, ${e.title}` || !main) continue;
    const ref = e.see || e.seeAlso;
    if (!ref) continue;
    main.subs.push(refClass(ref) ?? 'other');
  }
  flush();

  // Table rows: rebuild each row's levels from document order, as for the Index.
  const rows = [...cm.neoplasmRows()];
  const levelsOf: string[][] = [];
  const stack: { path: string; title: string }[] = [];
  for (const r of rows) {
    while (stack.length > 0 && !r.path.startsWith(`${stack[stack.length - 1]!.path}, `)) stack.pop();
    stack.push({ path: r.path, title: r.title });
    levelsOf.push(stack.slice(1).map((s) => s.title));
  }
  // A reference names each level by its first form: "Neoplasm, intestine, large".
  const cellsByPath = new Map<string, { column: string; code: string }[]>();
  rows.forEach((r, i) => {
    if (r.cells.length > 0)
      cellsByPath.set(pathKey(['neoplasm', ...levelsOf[i]!.map((t) => mainForms(t)[0] ?? t)]), r.cells);
  });
  const refCells = (ref: string): { column: string; code: string }[] | undefined =>
    cellsByPath.get(pathKey(['neoplasm', ...ref.split(/,\s*/).slice(1)]));
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const levels = levelsOf[i]!;
    if (levels.length === 0) {
      for (const f of mainForms(r.title)) alias(f, 'unspecified');
      continue;
    }
    let cells = r.cells.length > 0 ? r.cells : r.see ? refCells(r.see) : undefined;
    if (!cells) continue;
    // A dash under a row with "see also" (colon: benign "-", see also intestine, large): that row's cell.
    const also = r.seeAlso ? refCells(r.seeAlso) : undefined;
    if (also) {
      const own = cells;
      cells = also.map((a) => {
        const mine = own.find((x) => x.column === a.column);
        return mine && /^[A-Z][0-9]/.test(mine.code) ? mine : a;
      });
    }
    // The site's first level lists its forms ("abdomen, abdominal"); deeper levels are phrases.
    const rest = levels.slice(1).flatMap((t) => siteRowKeys(t.replace(/\bNEC\b/g, ' ')));
    for (const form of mainForms(levels[0]!)) {
      const site = [...siteRowKeys(form.replace(/\bNEC\b/g, ' ')), ...rest];
      if (site.length === 0) continue;
      for (const cell of cells) {
        const c = columnClass(cell.column);
        if (!c || !/^[A-Z][0-9]/.test(cell.code)) continue;
        drafts.push({
          system: 'cm',
          source: 'neoplasm',
          code: cell.code,
          see: '',
          path: `Neoplasm, neoplastic > ${levels.join(' > ')} > ${cell.column}`,
          req: [...site, neoplasmKey(c)],
          withKeys: [],
          mainTerm: '',
          depth: levels.length,
        });
      }
    }
  }
  return aliases;
}

/** Words before "site" that qualify it ("specified site", "overlapping sites"): "site" stays weak there. */
const SITE_QUALIFIER =
  /\b(?:specified|unspecified|other|multiple|overlapping|contiguous|ill-defined|any|primary|secondary|by|or|NEC)\s+sites?\b/i;
const SITE = keyOf('site');

/**
 * Keys of a Neoplasm Table row's words. "Site" is a weak word of titles ("other specified
 * sites"), but after a procedure it is the row's own noun: "mastectomy site" is a neoplasm at the
 * scar of a mastectomy (the skin, C44.501), not any chart naming a mastectomy ("mastectomy for
 * breast cancer" is the breast, C50.-). The word is required there.
 *
 * @example siteRowKeys('mastectomy site') // [keyOf('mastectomy'), keyOf('site')]
 */
function siteRowKeys(text: string): string[] {
  const keys = phraseKeys(text);
  if (!/\b[a-z]+\s+sites?\b/i.test(text) || SITE_QUALIFIER.test(text) || keys.includes(SITE)) return keys;
  return [...keys, SITE];
}

const MALIGNANT = phraseKeys('malignant')[0]!;
const NEOPLASM = phraseKeys('neoplasm')[0]!;
const SECONDARY = phraseKeys('secondary')[0]!;
const BENIGN = phraseKeys('benign')[0]!;
const UNCERTAIN = phraseKeys('uncertain')[0]!;
const BEHAVIOR = phraseKeys('behavior')[0]!;

/**
 * "Malignant neoplasm (of)" in an Index line or Tabular title names a behaviour, which a chart
 * states with any histology word the Index sends to that column (carcinoma, cancer, metastasis...):
 * the words are replaced by the behaviour key those chart words carry (see {@link neoplasmDrafts}).
 */
function behaviourKeys(req: string[]): string[] {
  if (!req.includes(NEOPLASM)) return req;
  let c: NeoplasmClass | undefined;
  if (req.includes(SECONDARY) && req.includes(MALIGNANT)) c = 'secondary';
  else if (req.includes(MALIGNANT)) c = 'malignant';
  else if (req.includes(BENIGN)) c = 'benign';
  else if (req.includes(UNCERTAIN) && req.includes(BEHAVIOR)) c = 'uncertain';
  if (!c) return req;
  const drop = new Set([
    NEOPLASM,
    MALIGNANT,
    c === 'secondary' ? SECONDARY : '',
    c === 'benign' ? BENIGN : '',
    ...(c === 'uncertain' ? [UNCERTAIN, BEHAVIOR] : []),
  ]);
  const rest = req.filter((k) => !drop.has(k));
  // A title of the behaviour alone ("Malignant (primary) neoplasm, unspecified") keeps its words:
  // any histology word of the chart would otherwise reach it.
  return rest.length === 0 ? req : [...rest, neoplasmKey(c)];
}

const PERSONAL = phraseKeys('personal')[0]!;

/**
 * Whether an Index path is an allergy status line ("History, personal (of) > allergy > <agent>",
 * Z88): the allergy list is where such a status is documented (Guideline I.C.21.c.3).
 *
 * @example isAllergyStatusPath('History > personal > allergy > penicillin') // true
 */
export function isAllergyStatusPath(path: string): boolean {
  return /^History\b[^>]* > personal\b[^>]* > allergy\b/i.test(path);
}
const HISTORY = phraseKeys('history')[0]!;

/** Whether a printed code's Tabular title is an unspecified one. */
function unspecifiedCode(cm: CmTable, printed: string): boolean {
  const code = printed.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  return /\bunspecified\b/i.test(cm.get(code, { indexEntries: false })?.long ?? '');
}

const STATUS = phraseKeys('status')[0]!;

/**
 * "Status (post) > X" (Z codes of a past procedure or a device, Guideline I.C.21.c.3): a chart
 * writes "s/p X", "X" under the past surgical history, or "status post X"; the word "status" is
 * read from that past context, so the line matches only a mention in it ({@link LexEntry.pastOnly}).
 * A line to an unspecified code keeps the word: it names no procedure or device.
 */
function statusLines(cm: CmTable, drafts: Draft[]): void {
  for (const d of drafts) {
    if (d.system !== 'cm' || d.source !== 'index' || !/^status\b/.test(d.mainTerm) || d.depth < 1) continue;
    if (!/^Z/i.test(d.code) || unspecifiedCode(cm, d.code)) continue;
    const rest = d.req.filter((k) => k !== STATUS);
    if (rest.length === 0 || rest.length === d.req.length) continue;
    d.req = rest;
    d.pastOnly = true;
  }
}

/**
 * "History, personal (of) > X": a chart says "history of X", seldom "personal": the word is not
 * required (a "History, family (of)" line keeps "family", so it is the more specific match when
 * the chart names a relative, and the personal line is dominated).
 */
function historyLines(cm: CmTable, drafts: Draft[]): void {
  for (const d of drafts) {
    if (d.source !== 'index' || !/^history\b/.test(d.mainTerm) || d.depth < 2) continue;
    if (!/^History(?:, [^>]*)? > personal\b/.test(d.path)) continue;
    d.req = d.req.filter((k) => k !== PERSONAL);
    // "History > personal > allergy > <agent>" (Z88) is an allergy status (Guideline
    // I.C.21.c.3, status codes): a chart documents it as "allergic to <agent>" or an allergy list
    // naming the agent, never "history of". The agent line keeps "allergy" and the agent's words;
    // a line to the unspecified code names no agent (a class heading) and keeps "history".
    if (d.depth >= 3 && isAllergyStatusPath(d.path) && !unspecifiedCode(cm, d.code)) {
      d.req = d.req.filter((k) => k !== HISTORY);
    }
  }
}

/**
 * Reasons for an encounter (Tabular sections "Persons encountering health services for
 * examinations" and "... in other circumstances": Z00-Z13, Z69-Z76) are coded when the chart
 * states that reason, not from a routine word ("physical examination", "observed", "admission"):
 * their bare main-term lines are dropped and their "with" words must be in the same sentence.
 * (ICD-10-CM Official Guidelines I.C.21.c: Z codes as reason for encounter.)
 */
function encounterReasons(cm: CmTable, drafts: Draft[]): void {
  const bySection = new Map<string, boolean>();
  const isReason = (printed: string): boolean => {
    const cat = printed
      .replace(/[^A-Za-z0-9]/g, '')
      .slice(0, 3)
      .toUpperCase();
    if (!cat.startsWith('Z')) return false;
    let r = bySection.get(cat);
    if (r === undefined) {
      const desc = cm.get(cat, { indexEntries: false })?.section?.desc ?? '';
      r = /encountering health services/i.test(desc);
      bySection.set(cat, r);
    }
    return r;
  };
  for (const d of drafts) {
    if (d.system !== 'cm' || d.source !== 'index' || !d.code || !isReason(d.code)) continue;
    if (d.depth === 0) {
      d.code = '';
      continue;
    }
    d.req.push(...d.withKeys);
    d.withKeys = [];
  }
}

/**
 * A word printed between a line's nonessential modifiers is essential ("Plus (and minus) hand
 * (intrinsic)": hand), though the release file keeps it with the modifiers. Only a single
 * leftover word is taken (nested parentheses and "or" lists are not words of the term).
 */
function essentialWord(nemod: string): string {
  if (!nemod) return '';
  let t = nemod;
  for (let prev = ''; prev !== t;) {
    prev = t;
    t = t.replace(/\([^()]*\)/g, ' ');
  }
  const words = t
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0);
  return words.length === 1 && /^[a-z]{4,}$/i.test(words[0]!) ? words[0]! : '';
}

/** Longest common prefix of two codes. */
function commonPrefix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}

/** One-word site forms of the Neoplasm Table's first-level rows ("abdomen, abdominal", "liver", "axilla, axillary"). */
function siteKeysOf(cm: CmTable): Set<string> {
  const out = new Set<string>();
  for (const r of cm.neoplasmRows()) {
    const m = /^Neoplasm, neoplastic, (.*)$/.exec(r.path);
    if (!m || m[1] !== r.title) continue; // first-level rows only
    for (const f of mainForms(r.title)) {
      // "thigh NEC" names the site thigh ("not elsewhere classifiable" is no part of its name).
      const keys = phraseKeys(f.replace(/\s+NEC$/i, ''));
      if (keys.length === 1) out.add(keys[0]!);
    }
  }
  return out;
}

/**
 * Title chains of one Index line, one per form of each level: a subterm printed as word forms
 * ("Infection > cytomegalovirus, cytomegaloviral") is read as either form, not both (at most
 * eight chains; beyond that, the first form of the deeper levels).
 */
function subtermChains(mainForms: string[], subs: readonly string[]): string[][] {
  let chains = mainForms.map((f) => [f]);
  for (const t of subs) {
    const forms = subtermForms(t);
    const next: string[][] = [];
    for (const c of chains)
      for (const f of chains.length * forms.length <= 8 ? forms : forms.slice(0, 1)) next.push([...c, f]);
    chains = next;
  }
  return chains;
}

const RESIDUAL = /^specified (?:type )?NEC$/i;

/**
 * The chains by which a chart reaches a residual Index line ("specified type NEC", Guideline
 * I.A.9.a: "other" codes are for a condition the record specifies that has no code of its own).
 * Its words name no condition, so the chart reaches it by its parent's words plus what it says:
 * - under a subterm with no code of its own that qualifies a coded line ("Tear > meniscus >
 *   medial", whose types are listed below it), by the parent's words alone: the chart named the
 *   branch, and of its codes only the residual one asks for no detail the chart did not give
 *   (a codeless subterm of a codeless line, "History > personal", names no condition);
 * - a "specified type NEC" line under a line with its own code ("Tremor" R25.1), when the chart
 *   names a form or variant of the condition ("<word> form of tremor") that no listed subterm names.
 * Any other line keeps its chain.
 */
function residualChains(chains: string[][], parentLeads: boolean, grandLeads: boolean, coded: boolean): string[][] {
  if (!coded || chains.length === 0 || !RESIDUAL.test(chains[0]![chains[0]!.length - 1]!.trim())) return chains;
  if (!parentLeads && !grandLeads) return chains;
  const parents = chains.map((c) => c.slice(0, -1));
  if (!parentLeads) return parents;
  // A form or variant is a type: "specified NEC" alone ("Encounter > specified NEC") names none.
  if (!/\btype\b/i.test(chains[0]![chains[0]!.length - 1]!)) return chains;
  return parents.flatMap((c) => RESIDUAL_WORDS.map((w) => [...c, w]));
}

/** Words by which a chart says it names a form of a condition ("dystonic form", "a rare variant"). */
const RESIDUAL_WORDS = ['form', 'variant'];

/** `cytomegalovirus, cytomegaloviral` -> both forms; any other subterm -> itself. */
function subtermForms(title: string): string[] {
  const parts = title.split(/,\s*/);
  if (parts.length < 2) return [title];
  const head = parts[0]!.toLowerCase().slice(0, 4);
  return parts.every((p) => p.length >= 4 && !p.includes(' ') && p.toLowerCase().slice(0, 4) === head)
    ? parts
    : [title];
}

/** The Index path to a drug resistance ("Resistance, resistant > organism > to > drug > ..."). */
const RESISTANCE_PATH = ['organism', 'to', 'drug'];

/**
 * Subterms of a line as the chart reaches them. "Resistance, resistant > organism > to > drug >
 * <class>" (Z16): a chart writes the resistance with the drug class ("resistant to multiple
 * antibiotics", "vancomycin-resistant"), not the Index's "organism ... drug"; and the level "to"
 * alone has no word to match, so those lines never reached the chart. A line naming a class is
 * read by the main term and the class (Guidelines I.C.1.c: "identify all infections documented as
 * antibiotic resistant" and assign a code from category Z16); the bare "... > drug" line (Z16.30)
 * keeps its words: "resistant" alone names no drug.
 */
function drugClassSubterms(titles: readonly string[]): string[] {
  const subs = titles.slice(1);
  if (!/^Resistance\b/.test(titles[0]!) || subs.length <= RESISTANCE_PATH.length) return subs;
  const own = subs.slice(0, RESISTANCE_PATH.length).map((t) => t.trim().toLowerCase());
  return own.every((t, i) => t === RESISTANCE_PATH[i]) ? subs.slice(RESISTANCE_PATH.length) : subs;
}
