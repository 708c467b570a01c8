/**
 * Chart text -> ranked ICD-10-CM and ICD-10-PCS suggestions, each with its evidence spans, the
 * Index path used and flags. Pure TypeScript over the official tables.
 *
 * Steps: analyse the text (sections, sentences, context), match lexicon entries sentence by
 * sentence (all required Index words within a short window), keep the most specific match of
 * overlapping ones, resolve each to a valid code through the Tabular (billable descendant chosen
 * from the sentence's words, 7th character from the encounter), score it (match tightness,
 * specificity, section, context), merge mentions per code, then apply the Tabular instructions
 * between codes (Excludes1, "use additional code") and the Guidelines' presumed links.
 */
import { normalizeCode as normalizeCodeUncached, formatCmCode } from '../codes/normalize';
import type { CmNote, CmTable } from '../icd10cm';
import type { PcsTable } from '../icd10pcs/pcs-table';
import { rowsMatching } from '../icd10pcs/pcs-table';
import {
  analyzeChart,
  analyzeText,
  everydaySenseAt,
  findingContext,
  findingEncounter,
  resolveAbbreviations,
  type ChartAnalysis,
  type FindingContext,
  type ResolvedAbbreviation,
  type Span,
  type SectionKind,
  type TextAnalysis,
} from '../text';
import { excludes1Names, FORM_AFTER_COMMA, noteRefs, refCovers, symptomInsideOfPair } from './codes-in-note';
import { codeProcedures, procedureSuggestions, withIndexMentions } from './procedures';
import type { LearnedModel } from './learned';
import { buildLexicon, isAllergyStatusPath, pathKey, resolveSee, type LexEntry, type SuggestLexicon } from './lexicon';
import { foldCase } from '../search/text';
import { isWeak, keyOf, onlyLayRewrite, phraseKeys, sentenceKeys, type SentenceKeys } from './tokens';
import { addEncounterReasonKeys } from './encounter-reason-keys';
import { addImplantStatusKeys } from './implant-status-keys';
import { addOrdinalRangeKeys } from './ordinal-range-keys';
import {
  DISPLAY_THRESHOLD,
  MAX_EVIDENCE_PER_SUGGESTION,
  type Evidence,
  type Setting,
  type SuggestOptions,
  type SuggestResult,
  type Suggestion,
  type SuggestionFlag,
} from './types';
import { ChartsideError } from '../errors';

/** Raised for programmer errors (bad options). */
export class ChartsideSuggestError extends ChartsideError {
  override name = 'ChartsideSuggestError';
}

/** Extra words allowed between the words of one Index line in a sentence. */
const WINDOW_SLACK = 4;

/** Extra words allowed between the words of a Tabular inclusion term (read as one phrase). */
const INCLUSION_SLACK = 1;

/** Weight of a mention reached through an Index "see also" (Necrosis -> Gangrene): another main term's code, a weaker lead. */
const SEE_ALSO_WEIGHT = 0.8;

/** Weight of a mention from the Index of External Causes: secondary codes, never principal (Guideline I.C.20). */
const EXTERNAL_CAUSE_WEIGHT = 0.7;

/** Weight of the unspecified sibling offered beside a specific code whose distinction the chart does not state. */
const UNSPECIFIED_ALTERNATIVE_WEIGHT = 0.3;

/** Weight of the "Localized" sibling of a finding named with a body site. */
const LOCALIZED_WEIGHT = 0.9;

/** Key of "generalized", which rules the localized reading out. */
const GENERALIZED_KEY = keyOf('generalized');

/** Weight of a match whose words straddle two items of a run-in list (a comma or semicolon between them). */
const CROSSES_ITEM_WEIGHT = 0.5;
/** No keys (shared empty list). */
const NO_KEYS: readonly string[] = [];

/** The Index line a "see" reference names: its path parts (main term first) and keys beyond the main term. */
interface SeeTarget {
  parts: readonly string[];
  keys: readonly string[];
}
const NO_TARGET: SeeTarget = { parts: [], keys: NO_KEYS };
/** Tokens either side of a mention read for a subterm of its "see" target. */
const SEE_SUBTERM_REACH = 3;

/** Weight of a match whose words lie inside a more specific match (e.g. "heart failure" inside "acute on chronic systolic heart failure"). */
const DOMINATED_WEIGHT = 0.3;

/** Weight of a mention by the section it sits in (discharge diagnoses and A/P are where coders look first). */
const SECTION_WEIGHT: Partial<Record<SectionKind, number>> = {
  'discharge-diagnoses': 1.15,
  'admission-diagnoses': 1.1,
  'assessment-plan': 1.1,
  procedures: 1.1,
  'hospital-course': 1.0,
  hpi: 1.0,
  'chief-complaint': 1.0,
  'past-history': 0.85,
  'past-surgical-history': 0.7,
  'physical-exam': 0.9,
  imaging: 0.95,
  ros: 0.8,
  medications: 0.45,
  allergies: 0.3,
  labs: 0.6,
  vitals: 0.5,
  'discharge-instructions': 0.6,
};

/** Chart words for a biopsy (a diagnostic excision, extraction or drainage). */
const BIOPSY = /\b(biops|fine[- ]needle aspiration|fna\b|aspiration cytolog)/i;

/** Approach words (PCS 5th character) as the PCS Definitions name them. */
const APPROACH_CUES: readonly [RegExp, string][] = [
  [/\b(laparoscop|thoracoscop|arthroscop|mediastinoscop|percutaneous endoscop)/i, 'Percutaneous Endoscopic'],
  [
    /\b(endoscop|colonoscop|bronchoscop|cystoscop|gastroscop|esophagogastroduodenoscop|ureteroscop|hysteroscop|sigmoidoscop|ercp|egd)/i,
    'Via Natural or Artificial Opening Endoscopic',
  ],
  [/\b(percutaneous|needle|puncture|ultrasound[- ]guided|ct[- ]guided|fine[- ]needle)/i, 'Percutaneous'],
  [/\b(open|laparotomy|thoracotomy|incision|craniotomy|sternotomy)\b/i, 'Open'],
  [/\b(external|transdermal|topical)\b/i, 'External'],
  [
    /\b(transurethral|transvaginal|per rectum|transanal|oral intubation|nasogastric)\b/i,
    'Via Natural or Artificial Opening',
  ],
];

interface Match {
  entry: LexEntry;
  sentence: number;
  positions: number[];
  start: number;
  end: number;
  combination: boolean;
  dominated?: boolean;
  /** Its words lie on both sides of a comma or semicolon (two items of a run-in list). */
  crossesItem?: boolean;
}

/** Chart-wide lookups built once per {@link Suggester.suggest} call. */
interface CallState {
  text: string;
  analysis: TextAnalysis;
  keys: SentenceKeys[];
  /** `with` keys joined -> the first two sentences holding them all, live (see `elsewhere`). */
  elsewhere: Map<string, number[]>;
  /** Per sentence: 0 not yet known, 1 live, 2 negated / family / hypothetical. */
  sentenceLive: Uint8Array;
}

function emptyCall(): CallState {
  return {
    text: '',
    analysis: { version: 1, length: 0, sections: [], sentences: [], lists: [] },
    keys: [],
    elsewhere: new Map(),
    sentenceLive: new Uint8Array(0),
  };
}

/** Where a mention is written, for the qualifiers read only when needed ({@link findingEncounter}). */
interface MentionAt {
  text: string;
  span: Span;
  analysis: TextAnalysis;
}

interface Mention {
  system: 'cm' | 'pcs';
  code: string;
  entry: LexEntry;
  evidence: Evidence;
  flags: SuggestionFlag[];
  notes: string[];
  /** From learned associations rather than the Index. */
  learned?: boolean;
}

/** A code's billable descendants prepared for completion ({@link Suggester} caches one per code). */
interface Completion {
  kids: {
    code: string;
    dotted: string;
    /** {@link phraseKeys} of the Tabular title. */
    keys: string[];
    /** Title says "unspecified", "uncomplicated" or "without" (a complication): the default pick. */
    unspecifiedOrUncomplicated: boolean;
    /** Title says "unspecified". */
    unspecified: boolean;
    /**
     * An own inclusion term ends in "NOS" ("Leukemia NOS" under C95.90): the code of the term
     * written without qualification (I.A.8).
     */
    nos: boolean;
  }[];
  /** Title keys of the code completed. */
  parentKeys: Set<string>;
}

const normalizedCodes = new Map<string, string>();

/** `normalizeCode` memoised: the same few hundred codes are normalised many times per chart (bounded cache). */
function normalizeCode(code: string): string {
  let n = normalizedCodes.get(code);
  if (n === undefined) {
    n = normalizeCodeUncached(code);
    if (normalizedCodes.size > 100_000) normalizedCodes.clear();
    normalizedCodes.set(code, n);
  }
  return n;
}

/** `true` when a key holds a digit (`/[0-9]/`). */
const hasDigit = (k: string): boolean => {
  for (let i = 0; i < k.length; i++) {
    const c = k.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
};

/** `true` when some position of the first `n` other than `positions[i]` lies within two tokens of it. */
function nearAnother(positions: number[], i: number, n: number): boolean {
  const at = positions[i]!;
  for (let j = 0; j < n; j++) if (j !== i && Math.abs(positions[j]! - at) <= 2) return true;
  return false;
}

/**
 * The position of sorted `ps` nearest to `at`, the lower one on a tie (binary search: a key
 * repeated thousands of times in one run-on sentence made a linear scan per anchor quadratic).
 */
function nearest(ps: number[], at: number): number {
  let lo = 0;
  let hi = ps.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ps[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  if (lo === 0) return ps[0]!;
  if (lo === ps.length) return ps[lo - 1]!;
  const below = ps[lo - 1]!;
  const above = ps[lo]!;
  return at - below <= above - at ? below : above;
}

/** `true` when a key starts with a digit (`/^[0-9]/`, without a regular expression: called per placement). */
const startsWithDigit = (k: string): boolean => {
  const c = k.charCodeAt(0);
  return c >= 48 && c <= 57;
};

/**
 * Per sentence, the abbreviations overlapping it (as `sentenceKeys` selects them), found in one
 * walk over both ordered lists instead of a scan of the whole chart's abbreviations per sentence
 * (quadratic on a long chart). `undefined` when the abbreviations are not ordered and
 * non-overlapping (as `resolveAbbreviations` returns them): `sentenceKeys` then scans them all.
 */
function abbreviationsBySentence(
  abbreviations: readonly ResolvedAbbreviation[],
  sentences: readonly Span[],
): (readonly ResolvedAbbreviation[])[] | undefined {
  for (let i = 1; i < abbreviations.length; i++)
    if (abbreviations[i]!.start < abbreviations[i - 1]!.end) return undefined;
  // Ordered and disjoint, so starts and ends both increase: the overlapping ones are a run.
  const out: (readonly ResolvedAbbreviation[])[] = [];
  let lo = 0;
  let hi = 0;
  let lastEnd = -Infinity;
  for (const s of sentences) {
    if (s.start < lastEnd || s.end < s.start) return undefined;
    lastEnd = s.end;
    while (lo < abbreviations.length && abbreviations[lo]!.end <= s.start) lo++;
    if (hi < lo) hi = lo;
    while (hi < abbreviations.length && abbreviations[hi]!.start < s.end) hi++;
    out.push(abbreviations.slice(lo, hi));
  }
  return out;
}

/** Key of the Index main term "History" (history of / family history of). */
const HISTORY_KEY = keyOf('history');
/** Key of its "family" subterm (Z80-Z84). */
const FAMILY_KEY = keyOf('family');

/** Words denying the word that follows them (the gap between two kept words of a sentence). */
const WITHOUT_BEFORE = /(?:^|[^a-z])(?:without|no|not|w\/o)\s+(?:any\s+|evidence\s+of\s+)?$/i;

/** Weight of a learned association's probability as a mention score. */
const LEARNED_WEIGHT = 0.3;

/**
 * Suggestion engine over one ICD-10-CM table and (optionally) one ICD-10-PCS table. Build once
 * (the lexicon takes a moment), then call {@link Suggester.suggest} per chart.
 *
 * @example
 * const s = new Suggester(cmTable, pcsTable);
 * s.suggest('Assessment: acute on chronic systolic heart failure.', { setting: 'inpatient' }).diagnoses[0].code // 'I50.23'
 */
export class Suggester {
  readonly lexicon: SuggestLexicon;
  /** Finding contexts of the chart being processed (cleared per call). */
  private contextCache = new Map<string, FindingContext>();
  /** Chart-wide tables of the call in progress (replaced per call). */
  private call: CallState = emptyCall();
  /** {@link SuggestOptions.demoteWeight} of the call in progress. */
  private demoteWeight = 0.2;
  /** {@link SuggestOptions.dominatedWeight} of the call in progress. */
  private dominatedWeight = DOMINATED_WEIGHT;
  /** Index code as printed -> billable code, for codes that needed no completion (table lifetime). */
  private readonly billableCache = new Map<string, { code: string; needsSpecificity: boolean; note?: string } | null>();
  /** Tabular notes by code (table lifetime). */
  private readonly notesCache = new Map<string, CmNote[]>();
  /** Code -> its billable descendants with their title keys, for completion (table lifetime). */
  private readonly completionCache = new Map<string, Completion>();
  /** Sentence -> completed code by `code|7th character` (lives as long as the sentence's keys). */
  private readonly pickCache = new WeakMap<
    SentenceKeys,
    Map<string, { code: string; needsSpecificity: boolean; note: string }>
  >();
  /** Code -> its unspecified sibling and the title words that distinguish it (table lifetime). */
  private readonly altCache = new Map<string, { code: string; distinct: string[] } | null>();
  /** Code -> its "Localized" sibling (table lifetime). */
  private readonly localizedCache = new Map<string, string | null>();
  /** Suggestion titles by `system:code` (table lifetime). */
  private readonly titleCache = new Map<string, string>();
  /** Index entry -> keys of the line its "see" reference names ({@link seeTargetKeys}; lexicon lifetime). */
  private readonly seeKeysCache = new WeakMap<LexEntry, SeeTarget>();
  /** Entry with `with` keys -> the same entry requiring them in the sentence (lexicon lifetime). */
  private readonly withEntryCache = new WeakMap<LexEntry, LexEntry>();
  /** "With" keys -> whether they name a condition by themselves ({@link namesCondition}; lexicon lifetime). */
  private readonly conditionKeysCache = new Map<string, boolean>();
  /** Scratch of {@link place}: each required key's positions in the sentence. */
  private readonly placeLists: number[][] = [];
  /** Scratch of {@link place}: the position chosen for each required key. */
  private readonly placePositions: number[] = [];
  /** Entry index -> {@link mayLinkElsewhere}: 0 not yet known, 1 yes, 2 no (lexicon lifetime). */
  private linkElsewhere: Uint8Array | undefined;
  /**
   * Chart words that name a neoplasm (histology nouns and "neoplasm" itself: the Neoplasm Table
   * aliases other than the column headings' adjectives), lexicon lifetime.
   */
  private neoplasmNouns: Set<string> | undefined;
  /** Entry -> keys after "with" / "without" in its path (lexicon lifetime). */
  private readonly connectiveCache = new WeakMap<LexEntry, { present: string[]; absent: string[] }>();

  constructor(
    readonly cm: CmTable,
    private readonly pcs?: PcsTable,
    lexicon?: SuggestLexicon,
  ) {
    this.lexicon = lexicon ?? buildLexicon(cm, pcs);
  }

  /**
   * Suggests codes for a chart's text.
   *
   * @param text Snapshot text; every evidence offset points into it.
   * @param options Setting (default inpatient), handling of excluded findings, calibration, limit.
   * @param analysis A precomputed {@link analyzeText} result for the same text (optional).
   */
  suggest(text: string, options: SuggestOptions = {}, analysis?: TextAnalysis): SuggestResult {
    const setting: Setting = options.setting ?? 'inpatient';
    if (setting !== 'inpatient' && setting !== 'outpatient')
      throw new ChartsideSuggestError(`unknown setting ${String(setting)}`);
    const excluded = options.excluded ?? 'drop';
    const a = analysis ?? analyzeText(text);
    this.contextCache = new Map();
    this.demoteWeight = options.demoteWeight ?? 0.2;
    this.dominatedWeight = options.dominatedWeight ?? DOMINATED_WEIGHT;
    const aliases = this.lexicon.aliases;
    // Abbreviations read by their context (engine/text sense inventory), once per chart.
    const abbreviations = 'abbreviations' in a ? (a as ChartAnalysis).abbreviations : resolveAbbreviations(text, a);
    const within = abbreviationsBySentence(abbreviations, a.sentences);
    const keys: SentenceKeys[] = a.sentences.map((s, si) =>
      sentenceKeys(text, s.start, s.end, aliases, within ? within[si] : abbreviations),
    );
    addEncounterReasonKeys(keys, a);
    addImplantStatusKeys(keys, a);
    addOrdinalRangeKeys(keys, text);
    this.call = {
      text,
      analysis: a,
      keys,
      elsewhere: new Map(),
      sentenceLive: new Uint8Array(keys.length),
    };
    // Key -> sentences holding it (for "with" subterms documented elsewhere in the chart).
    const keySentences = new Map<string, number[]>();
    keys.forEach((sk, si) => {
      for (const k of sk.positions.keys()) {
        const list = keySentences.get(k);
        if (!list) keySentences.set(k, [si]);
        else list.push(si);
      }
    });

    const mentions: Mention[] = [];
    for (let si = 0; si < keys.length; si++) {
      const matches = this.matchSentence(keys[si]!, si, keySentences);
      for (const m of matches) {
        const mention = this.toMention(m, keys[si]!, text, a, setting, excluded);
        if (!mention) continue;
        mentions.push(mention);
        const alt = mention.system === 'cm' ? this.unspecifiedAlternative(mention, keys[si]!) : undefined;
        if (alt) mentions.push(alt);
        const loc = mention.system === 'cm' ? this.localizedAlternative(mention, m, keys[si]!) : undefined;
        if (loc) mentions.push(loc);
      }
    }
    if (options.learned)
      mentions.push(
        ...this.learnedMentions(
          options.learned,
          options.learnedWeight ?? LEARNED_WEIGHT,
          keys,
          text,
          a,
          setting,
          excluded,
        ),
      );
    this.presumedLinks(mentions, text, a);
    placeActivityStatus(mentions);

    const diagnoses = this.merge(
      mentions.filter((m) => m.system === 'cm'),
      options,
    );
    // Procedures are proposed by the axis-by-axis PCS coder (engine/suggest/procedures); Index
    // words matched anywhere in the chart stay listed as documented only.
    const indexProcedures = this.merge(
      mentions.filter((m) => m.system === 'pcs'),
      options,
    );
    const procedures = this.pcs
      ? withIndexMentions(
          procedureSuggestions(
            codeProcedures(text, 'patient' in a ? (a as ChartAnalysis) : analyzeChart(text, { setting }), this.pcs),
            this.pcs,
          ),
          indexProcedures,
        )
      : indexProcedures;
    this.tabularInstructions(diagnoses);
    this.principal(diagnoses, setting);
    const limit = options.limit ?? 50;
    const order = (x: Suggestion, y: Suggestion): number => y.score - x.score || x.code.localeCompare(y.code);
    const result: SuggestResult = {
      version: 1,
      setting,
      diagnoses: diagnoses.sort(order).slice(0, limit),
      procedures: procedures.sort(order).slice(0, limit),
      tables: { cm: this.lexicon.cmYear, pcs: this.lexicon.pcsYear },
    };
    const capped = [...result.diagnoses, ...result.procedures].filter((x) => x.evidenceOmitted);
    if (capped.length > 0)
      result.warnings = [
        `evidence truncated: ${capped.length} suggestion(s) list only their best ${MAX_EVIDENCE_PER_SUGGESTION} evidence spans (${capped.reduce((n, x) => n + x.evidenceOmitted!, 0)} more mentions counted in the scores)`,
      ];
    this.call = emptyCall(); // the chart is not kept after the call
    return result;
  }

  // ---- matching ----

  private matchSentence(sk: SentenceKeys, si: number, keySentences: Map<string, number[]>): Match[] {
    const found: Match[] = [];
    const lex = this.lexicon;
    const groups: number[][] = [];
    for (const key of sk.positions.keys()) {
      const bysecond = lex.byAnchor.get(key);
      if (!bysecond) continue;
      // The entry groups whose second key the sentence holds: walk whichever side is smaller
      // (a frequent anchor such as a Neoplasm Table site has hundreds of second keys).
      groups.length = 0;
      const single = bysecond.get('');
      if (single) groups.push(single);
      if (bysecond.size <= sk.positions.size) {
        for (const [k2, list] of bysecond) if (k2 !== '' && sk.positions.has(k2)) groups.push(list);
      } else {
        for (const k2 of sk.positions.keys()) {
          const list = k2 === '' ? undefined : bysecond.get(k2);
          if (list) groups.push(list);
        }
      }
      for (const list of groups) {
        for (const idx of list) {
          const e = lex.entries.at(idx)!;
          if (e.source === 'neoplasm' && !this.namesNeoplasm(sk)) continue;
          // A "with" line whose words are not in this sentence and cannot be read from another
          // one is rejected before it is placed: most lines an anchor reaches are such lines, and
          // every test here is a pure function of the chart, so the order changes no outcome.
          const here =
            e.withKeys.length > 0 &&
            this.allAffirmed(sk, e.withKeys) &&
            this.place(this.withEntry(e), sk, si) !== undefined;
          if (
            e.withKeys.length > 0 &&
            !here &&
            (!this.mayLinkElsewhere(e, idx) || !this.elsewhere(e.withKeys, keySentences, si))
          )
            continue;
          const m = this.place(e, sk, si);
          if (!m) continue;
          if (!this.presenceAgrees(e, sk)) continue;
          if (e.source === 'inclusion' && qualifiedNos(e, m, sk)) continue;
          if (e.withKeys.length > 0) m.combination = true;
          found.push(m);
        }
      }
    }
    // The most specific of overlapping matches leads; a match whose words lie inside a more
    // specific one's is kept as "dominated" (a low-ranked alternative, below the display threshold).
    // (Plain loops over precomputed spans: this runs for every pair of matches of a sentence.)
    const n = found.length;
    const spec = new Array<number>(n);
    const lo = new Array<number>(n);
    const hi = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      const x = found[i]!;
      spec[i] = x.entry.req.length + x.entry.withKeys.length;
      lo[i] = x.positions[0]!;
      hi[i] = x.positions[x.positions.length - 1]!;
    }
    // A match whose words straddle a comma or semicolon joins two items of a run-in list
    // ("hypertension, coronary artery disease, renal disease on dialysis, seizure disorder"):
    // each item is one condition (Guideline I.B.1 reads the provider's list item by item), so
    // such a match neither hides the matches inside one item nor leads.
    const text = this.call.text;
    const cross = new Array<boolean>(n);
    for (let i = 0; i < n; i++) {
      const x = found[i]!;
      let c = false;
      for (let p = 1; p < x.positions.length && !c; p++) {
        const a = sk.tokens[x.positions[p - 1]!]!;
        const b = sk.tokens[x.positions[p]!]!;
        c = a.end < b.start && /[,;]/.test(text.slice(a.end, b.start));
        // "Tremor, <named> form": a form after the comma qualifies the condition before it (I.B.1).
        const last = sk.tokens[x.positions[x.positions.length - 1]!]!;
        if (c && FORM_AFTER_COMMA.test(text.slice(text.lastIndexOf(',', b.start) + 1, last.end))) c = false;
        // "Abscess, right thigh": a side and body site after the comma place the condition before
        // it, in the Index's own "condition, site" order (Conventions I.A: subterms name sites),
        // not a second list item.
        if (c && this.onlySiteWords(text.slice(text.lastIndexOf(',', b.start) + 1, last.end))) c = false;
      }
      cross[i] = c;
      if (c) x.crossesItem = true;
    }
    for (let i = 0; i < n; i++) {
      const m = found[i]!;
      let dominated = false;
      for (let j = 0; j < n && !dominated; j++) {
        const o = found[j]!;
        if (j === i || cross[j] || o.entry.system !== m.entry.system || spec[j]! <= spec[i]!) continue;
        // Positions are sorted, so "all of m's positions are among o's" implies o's span covers
        // m's: the span test alone decides (the former subset test never changed the outcome).
        dominated = lo[j]! <= lo[i]! && hi[i]! <= hi[j]!;
      }
      m.dominated = dominated;
    }
    return found;
  }

  /**
   * `true` when `words` name only a body site, with or without its side ("right thigh", "left
   * lower extremity"): every key a side or a body-site key of the Neoplasm Table's site rows.
   */
  private onlySiteWords(words: string): boolean {
    const keys = phraseKeys(words);
    if (keys.length === 0 || keys.length > 4) return false;
    let site = false;
    for (const k of keys) {
      if (SIDE_KEYS.has(k)) continue;
      if (!this.lexicon.siteKeys.has(k) && !(k === 'lower' || k === 'upper')) return false;
      site ||= this.lexicon.siteKeys.has(k);
    }
    return site;
  }

  /**
   * `true` when the sentence names a neoplasm by a noun (carcinoma, tumor, metastasis, neoplasm).
   * The Neoplasm Table's column headings are adjectives (malignant, secondary, benign, uncertain)
   * that qualify such a noun: the Index reaches the table from a histology main term ("see
   * Neoplasm, malignant, by site"), never from the adjective alone, so "secondary to a fall" or
   * "of uncertain cause" beside a body site is no neoplasm (ICD-10-CM Index, Neoplasm Table
   * introduction).
   */
  private namesNeoplasm(sk: SentenceKeys): boolean {
    if (!this.neoplasmNouns) {
      const headings = new Set(phraseKeys('malignant secondary situ benign uncertain unspecified'));
      this.neoplasmNouns = new Set([...this.lexicon.aliases.keys()].filter((k) => !headings.has(k)));
    }
    for (const k of sk.positions.keys()) if (this.neoplasmNouns.has(k)) return true;
    return false;
  }

  /**
   * `false` when the chart says the opposite of an entry's "with X" / "without X" wording:
   * "acute cystitis without hematuria" is not Cystitis > acute > with hematuria (N30.01), and
   * "acute cystitis with hematuria" is not the title "Acute cystitis without hematuria" (N30.00).
   * ("with" and "without" are stopwords, so the keys alone cannot tell them apart.)
   */
  private presenceAgrees(e: LexEntry, sk: SentenceKeys): boolean {
    const { present, absent } = this.connectiveKeys(e);
    for (const k of present) if (sk.positions.has(k) && !this.affirmed(sk, k)) return false;
    for (const k of absent) if (this.affirmed(sk, k)) return false;
    return true;
  }

  /** {@link affirmed} for every key. */
  private allAffirmed(sk: SentenceKeys, keys: readonly string[]): boolean {
    for (const k of keys) if (!this.affirmed(sk, k)) return false;
    return true;
  }

  /** `true` when the sentence holds key `k` at least once without a denying word before it. */
  private affirmed(sk: SentenceKeys, k: string): boolean {
    const ps = sk.positions.get(k);
    if (!ps) return false;
    for (const p of ps) if (!this.withoutBefore(sk, p)) return true;
    return false;
  }

  /** Keys an entry's path puts after "with" (present) and after "without" (absent); cached per entry. */
  private connectiveKeys(e: LexEntry): { present: string[]; absent: string[] } {
    let c = this.connectiveCache.get(e);
    if (!c) {
      c = { present: [], absent: [] };
      let mode: 'present' | 'absent' | undefined;
      for (const segment of e.path.split(' > ')) {
        for (const part of segment.split(/\b(with|without)\b/i)) {
          const w = part.trim().toLowerCase();
          if (w === 'with') mode = 'present';
          else if (w === 'without') mode = 'absent';
          else if (mode && w) c[mode].push(...phraseKeys(w).filter((k) => e.req.includes(k)));
        }
      }
      this.connectiveCache.set(e, c);
    }
    return c;
  }

  /**
   * `true` when the words just before token `p` (back over two kept words, which may be the
   * denying word itself) deny it: "without hematuria", "no evidence of hematuria", "w/o hematuria".
   */
  private withoutBefore(sk: SentenceKeys, p: number): boolean {
    const t = sk.tokens[p];
    if (!t) return false;
    const from = p > 1 ? sk.tokens[p - 2]!.end : Math.max(0, t.start - 24);
    return WITHOUT_BEFORE.test(this.call.text.slice(from, t.start));
  }

  /**
   * `true` when the words after an entry's "with"/"in" are by themselves an Index or Tabular
   * term with a code: a condition. The "with" presumption links two conditions (I.A.15: "The
   * classification presumes a causal relationship between the two conditions linked by these
   * terms"), so only a condition may be read from another sentence of the chart; a site or a
   * substance ("Blood > in > urine") belongs to the finding's own words and must be in its
   * sentence. Cached per key set (lexicon lifetime).
   */
  private namesCondition(keys: readonly string[]): boolean {
    const sig = keys.join('\u0001');
    let v = this.conditionKeysCache.get(sig);
    if (v === undefined) {
      v = false;
      const want = new Set(keys);
      const lex = this.lexicon;
      for (const k of want) {
        const bysecond = lex.byAnchor.get(k);
        if (!bysecond || v) continue;
        for (const [k2, list] of bysecond) {
          if (k2 !== '' && !want.has(k2)) continue;
          v = list.some((i) => {
            const x = lex.entries.at(i)!;
            return x.system === 'cm' && x.code !== '' && x.req.length === want.size && x.req.every((r) => want.has(r));
          });
          if (v) break;
        }
      }
      this.conditionKeysCache.set(sig, v);
    }
    return v;
  }

  /**
   * `true` when an entry's `with` words may be read from another sentence of the chart: they hold
   * no number (stage 5, type 2 must be read next to their words) and name a condition by
   * themselves ({@link namesCondition}). Depends on the entry alone: cached by entry index.
   */
  private mayLinkElsewhere(e: LexEntry, idx: number): boolean {
    const known = (this.linkElsewhere ??= new Uint8Array(this.lexicon.entries.length));
    let v = known[idx]!;
    if (v === 0) {
      v = !e.withKeys.some(hasDigit) && this.namesCondition(e.withKeys) ? 1 : 2;
      known[idx] = v;
    }
    return v === 1;
  }

  /** `e` with its `with` keys required in the sentence too (one object per entry, not one per match). */
  private withEntry(e: LexEntry): LexEntry {
    let w = this.withEntryCache.get(e);
    if (!w) {
      w = { ...e, req: [...e.req, ...e.withKeys] };
      this.withEntryCache.set(e, w);
    }
    return w;
  }

  /**
   * Places an entry's required keys in the sentence within the window, nearest to the anchor.
   * (Called for every entry an anchor reaches: the per-key lists and positions live in scratch
   * arrays, and only a placement that succeeds allocates its match.)
   */
  private place(e: LexEntry, sk: SentenceKeys, si: number): Match | undefined {
    const anchorPositions = sk.positions.get(e.anchor);
    if (!anchorPositions) return undefined;
    const req = e.req;
    const n = req.length;
    // Every required key's positions, looked up once (not once per anchor position).
    const lists = this.placeLists;
    for (let r = 0; r < n; r++) {
      const ps = sk.positions.get(req[r]!);
      if (!ps) return undefined;
      lists[r] = ps;
    }
    // A Tabular inclusion term is a phrase: its words together (one word between them at most,
    // "fracture of the right tibial plateau"), not spread over a sentence as an Index line's may be.
    const maxWidth = n + (e.source === 'inclusion' ? INCLUSION_SLACK : WINDOW_SLACK);
    const positions = this.placePositions;
    for (const ap of anchorPositions) {
      let ok = true;
      for (let r = 0; r < n; r++) {
        const best = nearest(lists[r]!, ap);
        if (Math.abs(best - ap) >= maxWidth) {
          ok = false;
          break;
        }
        positions[r] = best;
      }
      if (!ok) continue;
      // A number (stage 3, type 2) counts only next to another word of the entry.
      let loneNumber = false;
      for (let i = 0; i < n && !loneNumber; i++) loneNumber = startsWithDigit(req[i]!) && !nearAnother(positions, i, n);
      if (loneNumber) continue;
      let lo = positions[0]!;
      let hi = lo;
      for (let r = 0; r < n; r++) {
        const p = positions[r]!;
        if (p < lo) lo = p;
        if (p > hi) hi = p;
      }
      if (hi - lo + 1 > maxWidth) continue;
      // The distinct positions in order (insertion: an entry has a handful of keys).
      const uniq: number[] = [];
      for (let r = 0; r < n; r++) {
        const p = positions[r]!;
        let j = uniq.length;
        while (j > 0 && uniq[j - 1]! > p) j--;
        if (j > 0 && uniq[j - 1] === p) continue;
        uniq.splice(j, 0, p);
      }
      return {
        entry: e,
        sentence: si,
        positions: uniq,
        start: sk.tokens[lo]!.start,
        end: sk.tokens[hi]!.end,
        combination: false,
      };
    }
    return undefined;
  }

  /**
   * `true` when some sentence other than `si` holds every key, not negated (nor family, nor
   * hypothetical) there. Answered from a per-call table: for each distinct set of keys, the first
   * two such sentences (one of them may be `si` itself), found once by walking the rarest key's
   * sentences; each sentence's context is computed at most once. (Scanning every sentence holding
   * the first key, with a linear membership test, for every match made this quadratic in note
   * length: 65 s of 68 s on a 1 MB note.)
   */
  private elsewhere(withKeys: string[], keySentences: Map<string, number[]>, si: number): boolean {
    const call = this.call;
    const sig = withKeys.join('\u0001');
    let firstTwo = call.elsewhere.get(sig);
    if (!firstTwo) {
      firstTwo = [];
      let rarest: number[] | undefined;
      for (const k of withKeys) {
        const list = keySentences.get(k);
        if (!list) {
          rarest = undefined;
          break;
        }
        if (!rarest || list.length < rarest.length) rarest = list;
      }
      if (rarest)
        for (const sj of rarest) {
          const sk = call.keys[sj]!;
          if (!this.allAffirmed(sk, withKeys)) continue;
          if (!this.sentenceLive(sj)) continue;
          firstTwo.push(sj);
          if (firstTwo.length === 2) break;
        }
      call.elsewhere.set(sig, firstTwo);
    }
    return firstTwo.length === 2 || (firstTwo.length === 1 && firstTwo[0] !== si);
  }

  /** `true` when sentence `sj`, read whole, is not negated, family or hypothetical (memoised per call). */
  private sentenceLive(sj: number): boolean {
    const call = this.call;
    let v = call.sentenceLive[sj]!;
    if (v === 0) {
      const s = call.analysis.sentences[sj]!;
      const ctx = findingContext(call.text, { start: s.start, end: s.end }, call.analysis);
      v = !ctx.negated && !ctx.family && !ctx.hypothetical ? 1 : 2;
      call.sentenceLive[sj] = v;
    }
    return v === 1;
  }

  // ---- one mention ----

  private toMention(
    m: Match,
    sk: SentenceKeys,
    text: string,
    a: TextAnalysis,
    setting: Setting,
    excluded: 'drop' | 'demote',
  ): Mention | undefined {
    if (!this.bareTermWritten(m, text)) return undefined;
    // A word of an everyday phrase is not the condition it names alone ("as I see fit": the
    // Index's "Fit" is a seizure; "feels stressed", "stress test": not a stress disorder).
    if (m.positions.length === 1 && everydaySenseAt(text, m)) return undefined;
    const span = { start: m.start, end: m.end };
    // Context depends on where the finding starts in its sentence: shared by overlapping matches.
    const ctxKey = `${m.sentence}:${m.start}`;
    let ctx = this.contextCache.get(ctxKey);
    if (!ctx) {
      ctx = findingContext(text, span, a);
      this.contextCache.set(ctxKey, ctx);
    }
    // A "Status" line read without its word needs the mention's past context (lexicon statusLines).
    if (m.entry.pastOnly && !ctx.historical && ctx.section !== 'past-surgical-history') return undefined;
    const flags: SuggestionFlag[] = [];
    const notes: string[] = [];
    let code: string | undefined;
    if (m.entry.system === 'cm') {
      const sub = this.seeSubterm(m, sk, text);
      const r = this.resolveCm(sub?.code ?? m.entry.code, sk, { text, span, analysis: a }, this.seeTargetKeys(m.entry));
      if (!r) return undefined;
      code = r.code;
      if (sub) notes.push(`the "see" reference leads to ${sub.path} (the chart states the subterm)`);
      if (r.needsSpecificity) flags.push('needs-specificity');
      if (r.note) notes.push(r.note);
    } else {
      const r = this.resolvePcs(
        m.entry.code,
        sk,
        `${text.slice(m.start, m.end)} ${m.entry.path}`,
        text,
        a.sentences[m.sentence]!,
      );
      if (!r) return undefined;
      code = r.code;
      if (r.partial) flags.push('partial-code', 'needs-specificity');
    }
    if (m.combination) flags.push('combination');

    const e = m.entry;
    const width = m.positions.length > 0 ? m.positions[m.positions.length - 1]! - m.positions[0]! + 1 : 1;
    const spec = e.req.length + 0.5 * e.withKeys.length;
    const tight = Math.min(1, e.req.length / Math.max(1, width));
    // Specificity (how many words of the Index line were read), tightness, and rarity of the
    // anchor word (a line resting on a word found in thousands of titles is weak evidence).
    const freq = this.lexicon.keyFreq.get(e.anchor) ?? 1;
    const rarity = Math.max(e.req.length >= 2 ? 0.8 : 0.3, Math.min(1, 1.3 - Math.log10(freq) / 4));
    let score = (0.45 + 0.15 * Math.min(spec, 3)) * (0.5 + 0.5 * tight) * rarity;
    score *=
      e.source === 'index' || e.source === 'neoplasm'
        ? 1
        : e.source === 'tabular' || e.source === 'inclusion'
          ? 0.95
          : e.source === 'eindex'
            ? EXTERNAL_CAUSE_WEIGHT
            : 0.9;
    if (e.seeAlso) score *= SEE_ALSO_WEIGHT;
    // The allergy list is where an allergy status is documented (I.C.21.c.3): not a weak place for it.
    if (!(ctx.section === 'allergies' && isAllergyStatusPath(e.path))) score *= SECTION_WEIGHT[ctx.section] ?? 1;
    if (m.dominated) score *= this.dominatedWeight;
    if (m.crossesItem) score *= CROSSES_ITEM_WEIGHT;

    // Context, per the Official Guidelines: negated, family and hypothetical findings are not
    // coded; uncertain diagnoses are coded as established for inpatients (II.H, III.C) and not for
    // outpatients (IV.H); history-of findings go to history codes (the Index leads there with "history").
    // A "History" line codes the historical or family context itself (Z80-Z87): that context
    // is what it needs, not a reason to drop or lower it.
    const codesHistory = e.system === 'cm' && (e.req.includes(HISTORY_KEY) || e.pastOnly === true);
    const codesFamily = codesHistory && e.req.includes(FAMILY_KEY);
    let drop = false;
    for (const kind of ['negated', 'family', 'hypothetical'] as const) {
      if (!ctx[kind] || (kind === 'family' && codesFamily)) continue;
      flags.push(kind);
      drop = true;
    }
    if (ctx.uncertain) {
      flags.push('uncertain');
      if (setting === 'outpatient') drop = true;
      else score *= 0.9;
    }
    if (ctx.historical && !codesHistory) {
      flags.push('historical');
      score *= 0.6;
    }
    if (drop) {
      if (excluded === 'drop') return undefined;
      score *= this.demoteWeight;
    }
    const evidence: Evidence = {
      start: m.start,
      end: m.end,
      text: text.slice(m.start, m.end),
      section: ctx.section,
      context: {
        negated: ctx.negated,
        uncertain: ctx.uncertain,
        historical: ctx.historical,
        family: ctx.family,
        hypothetical: ctx.hypothetical,
      },
      score: Math.min(1, score),
    };
    return { system: e.system, code, entry: e, evidence, flags, notes };
  }

  /**
   * The unspecified sibling of a specific code whose distinguishing words the sentence does not
   * state (Index "Lymphadenopathy (generalized) R59.1" for "cervical lymphadenopathy": R59.9
   * "Enlarged lymph nodes, unspecified"), as a weaker alternative: the Index's nonessential
   * modifiers let it print a specific code the chart may not support (Guideline I.B.1: the
   * Tabular's title must be verified). `undefined` when the sentence states the distinction.
   */
  private unspecifiedAlternative(m: Mention, sk: SentenceKeys): Mention | undefined {
    const code = normalizeCode(m.code);
    let alt = this.altCache.get(code);
    if (alt === undefined) {
      alt = null;
      const own = this.cm.summary(code);
      const parent = code.length > 3 ? code.slice(0, -1) : '';
      if (own && parent && this.cm.has(parent) && !/\bunspecified\b/i.test(own.long)) {
        const sibs = this.cm.children(parent).filter((c) => c.code !== code && c.billable);
        const unspec = sibs.filter((c) => /\bunspecified\b/i.test(c.long) && !/\bwith\b/i.test(c.long));
        if (unspec.length === 1) {
          const parentKeys = new Set(phraseKeys(this.cm.summary(parent)?.long ?? ''));
          const unspecKeys = new Set(phraseKeys(unspec[0]!.long));
          const distinct = [...new Set(phraseKeys(own.long))].filter((k) => !parentKeys.has(k) && !unspecKeys.has(k));
          if (distinct.length > 0) alt = { code: unspec[0]!.dotted, distinct };
        }
      }
      this.altCache.set(code, alt);
    }
    if (!alt || alt.distinct.some((k) => sk.positions.has(k) || m.entry.req.includes(k))) return undefined;
    return {
      ...m,
      code: alt.code,
      evidence: { ...m.evidence, score: m.evidence.score * UNSPECIFIED_ALTERNATIVE_WEIGHT },
      flags: [...m.flags.filter((f) => f !== 'combination'), 'needs-specificity'],
      notes: [...m.notes, `${m.code} needs "${alt.distinct.join(' ')}", not stated: unspecified ${alt.code} offered`],
    };
  }

  /**
   * The "Localized" sibling of a finding whose sentence names a body site next to it ("edema of
   * the lower limbs", "axillary adenopathy": R60.0 / R59.0 "Localized ..."), when the Index led to
   * the unspecified or generalized code. `undefined` when no such sibling exists or no site is named.
   */
  private localizedAlternative(m: Mention, match: Match, sk: SentenceKeys): Mention | undefined {
    const code = normalizeCode(m.code);
    let loc = this.localizedCache.get(code);
    if (loc === undefined) {
      loc = null;
      const own = this.cm.summary(code);
      const parent = code.length > 3 ? code.slice(0, -1) : '';
      if (own && parent && !/\blocali[sz]ed\b/i.test(own.long) && this.cm.has(parent)) {
        const l = this.cm
          .children(parent)
          .filter((c) => c.billable && c.code !== code && /\blocali[sz]ed\b/i.test(c.long));
        if (l.length === 1) loc = l[0]!.dotted;
      }
      this.localizedCache.set(code, loc);
    }
    if (!loc || sk.positions.has(GENERALIZED_KEY)) return undefined;
    const sites = this.lexicon.siteKeys;
    const lo = match.positions[0]! - 3;
    const hi = match.positions[match.positions.length - 1]! + 3;
    let site = false;
    for (let i = Math.max(0, lo); i <= hi && i < sk.tokens.length && !site; i++)
      if (sites.has(sk.tokens[i]!.key) && !match.positions.includes(i)) site = true;
    if (!site) return undefined;
    return {
      ...m,
      code: loc,
      evidence: { ...m.evidence, score: m.evidence.score * LOCALIZED_WEIGHT },
      flags: m.flags.filter((f) => f !== 'combination'),
      notes: [...m.notes, `Body site named beside the finding: localized ${loc}`],
    };
  }

  /**
   * A bare Index main term (one word, no subterm) is not reached from a shorter word that its
   * forms all extend by a suffix: the shared stem let a base word reach a derived main term
   * (teeth -> Teething, pigment -> Pigmentation); inflections of the term itself still match.
   */
  private bareTermWritten(m: Match, text: string): boolean {
    const e = m.entry;
    if (e.source !== 'index' || e.depth !== 0 || e.req.length !== 1 || m.positions.length !== 1) return true;
    const word = foldCase(text.slice(m.start, m.end));
    // A bare main term is not read from consumer wording: "clot" finds "Thrombosis" in a search,
    // but the Index lists "Clot (blood)" itself, with no code of its own, sending a clot to
    // Embolism, Occlusion or Thrombosis by its site (I.A: the Index leads; a bare lay word names
    // no site).
    if (onlyLayRewrite(word, e.req[0]!)) return false;
    const forms = e.path
      .split(' > ')[0]!
      .replace(/\([^)]*\)/g, ' ')
      .split(/,\s*/);
    // Rejected only when every form extends the written word by a suffix (teeth -> teething).
    return !forms.every((f) => {
      const form = foldCase(f.trim());
      return form.startsWith(word) && form.length - word.length >= 2;
    });
  }

  /** Mentions from learned word-to-code associations (codes checked against the tables). */
  private learnedMentions(
    model: LearnedModel,
    weight: number,
    keys: SentenceKeys[],
    text: string,
    a: TextAnalysis,
    setting: Setting,
    excluded: 'drop' | 'demote',
  ): Mention[] {
    const out: Mention[] = [];
    const contexts = new Map<number, FindingContext>();
    const resolved = new Map<string, { code: string; system: 'cm' | 'pcs'; partial: boolean } | null>();
    const resolve = (
      code: string,
      system: 'cm' | 'pcs',
    ): { code: string; system: 'cm' | 'pcs'; partial: boolean } | null => {
      const hit = resolved.get(code);
      if (hit !== undefined) return hit;
      let r: { code: string; system: 'cm' | 'pcs'; partial: boolean } | null = null;
      if (system === 'cm') {
        const c = this.resolveCm(code, { tokens: [], positions: new Map() });
        if (c) r = { code: c.code, system, partial: false };
      } else if (this.pcs) {
        const c = code.toUpperCase();
        if (c.length === 7 ? this.pcs.isValid(c) : this.pcs.isValidPrefix(c))
          r = { code: c, system, partial: c.length < 7 };
      }
      resolved.set(code, r);
      return r;
    };
    for (let si = 0; si < keys.length; si++) {
      const { tokens } = keys[si]!;
      for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i]!;
        const n = tokens[i + 1];
        const feats: [string, number, number][] = [[t.key, t.start, t.end]];
        if (n) feats.push([`${t.key} ${n.key}`, t.start, n.end]);
        for (const [f, start, end] of feats) {
          const assoc = model.features.get(f);
          if (!assoc) continue;
          for (const as of assoc) {
            const r = resolve(as.code, as.system);
            if (!r) continue;
            // One context per word: a word and the pair it starts share their negation and section.
            let ctx = contexts.get(start);
            if (!ctx) contexts.set(start, (ctx = findingContext(text, { start, end }, a)));
            const flags: SuggestionFlag[] = [];
            let score = as.p * weight;
            let drop = false;
            for (const kind of ['negated', 'family', 'hypothetical'] as const) {
              if (!ctx[kind]) continue;
              flags.push(kind);
              drop = true;
            }
            if (ctx.uncertain) {
              flags.push('uncertain');
              if (setting === 'outpatient') drop = true;
            }
            if (drop) {
              if (excluded === 'drop') continue;
              score *= this.demoteWeight;
            }
            if (r.partial) flags.push('partial-code');
            const entry: LexEntry = {
              system: r.system,
              source: 'index',
              code: r.code,
              path: `learned association: "${text.slice(start, end)}" (${as.support} training documents)`,
              req: [f],
              withKeys: [],
              mainTerm: '',
              depth: 0,
              anchor: f,
            };
            out.push({
              system: r.system,
              code: r.code,
              entry,
              evidence: {
                start,
                end,
                text: text.slice(start, end),
                section: ctx.section,
                context: {
                  negated: ctx.negated,
                  uncertain: ctx.uncertain,
                  historical: ctx.historical,
                  family: ctx.family,
                  hypothetical: ctx.hypothetical,
                },
                score,
              },
              flags,
              notes: [],
              learned: true,
            });
          }
        }
      }
    }
    return out;
  }

  /**
   * Index code -> valid billable code. A category or subcategory is completed with the
   * billable descendant whose Tabular title shares most words with the sentence (else the
   * unspecified one, flagged `needs-specificity`); the 7th character follows the encounter.
   */
  private resolveCm(
    printed: string,
    sk: SentenceKeys,
    mention?: MentionAt,
    stated: readonly string[] = NO_KEYS,
  ): { code: string; needsSpecificity: boolean; note?: string } | undefined {
    const cached = this.billableCache.get(printed);
    if (cached !== undefined) return cached ?? undefined;
    const r = this.resolveCmUncached(printed, sk, mention, stated);
    // Only a code that needed no completion is the same for every sentence.
    if (!r || !r.note) this.billableCache.set(printed, r ?? null);
    return r;
  }

  private resolveCmUncached(
    printed: string,
    sk: SentenceKeys,
    mention?: MentionAt,
    stated: readonly string[] = NO_KEYS,
  ): { code: string; needsSpecificity: boolean; note?: string } | undefined {
    let code = normalizeCode(printed);
    if (!code) return undefined;
    // A code deleted since the Index release: climb to the nearest existing ancestor.
    while (code.length > 3 && !this.cm.has(code)) code = code.slice(0, -1);
    if (!this.cm.has(code)) return undefined;
    if (this.cm.isBillable(code)) return { code: formatCmCode(code), needsSpecificity: false };
    const { kids, parentKeys } = this.completion(code);
    if (kids.length === 0) return undefined;
    // The encounter (7th character) is read from the mention's sentence only when a code needs
    // completing: the one qualifier completion reads (Guideline I.C.19.a).
    const encounter = mention ? findingEncounter(mention.text, mention.span, mention.analysis)?.value : undefined;
    const want7 = encounter === 'subsequent' ? 'D' : encounter === 'sequela' ? 'S' : 'A';
    // The pick depends only on the sentence's keys and the 7th character: overlapping matches of
    // one sentence often complete the same code.
    let picks = this.pickCache.get(sk);
    if (!picks)
      this.pickCache.set(sk, (picks = new Map<string, { code: string; needsSpecificity: boolean; note: string }>()));
    const pickKey = stated.length > 0 ? `${code}|${want7}|${stated.join(' ')}` : `${code}|${want7}`;
    const has = (key: string): boolean => sk.positions.has(key) || stated.includes(key);
    const picked = picks.get(pickKey);
    if (picked) return picked;
    let best = kids[0]!;
    let bestScore = -Infinity;
    let bestHits = 0;
    for (const k of kids) {
      const tk = k.keys;
      let hits = 0;
      for (const key of tk) if (has(key)) hits++;
      let s = hits - 0.05 * tk.length;
      if (k.unspecifiedOrUncomplicated) s += 0.6;
      // The term written without any of the qualifier's words takes the code whose inclusion
      // term is the term "NOS" (I.A.8): "leukemia" is "not having achieved remission", not "in
      // remission". A sentence that states the qualifier's words is left to the title words.
      if (k.nos && !k.keys.some((key) => !parentKeys.has(key) && has(key))) s += 0.3;
      if (k.code.length === 7 && k.code.endsWith(want7)) s += 0.5;
      if (s > bestScore) {
        bestScore = s;
        best = k;
        bestHits = hits;
      }
    }
    const extra = best.keys.filter((k) => !parentKeys.has(k) && has(k)).length;
    const needsSpecificity = extra === 0 || best.unspecified;
    void bestHits;
    const r = {
      code: best.dotted,
      needsSpecificity,
      note: `${formatCmCode(code)} completed to ${best.dotted} from the Tabular`,
    };
    picks.set(pickKey, r);
    return r;
  }

  /**
   * A code's billable descendants with their title keys and wording flags, computed once per
   * code: completion runs for every match of a non-billable Index code, and recomputing the
   * descendants' keys each time was the suggester's hottest avoidable work (profile of the suggest bench).
   */
  private completion(code: string): Completion {
    let c = this.completionCache.get(code);
    if (!c) {
      c = {
        kids: this.cm.billableDescendants(code).map((k) => ({
          code: k.code,
          dotted: k.dotted,
          keys: [...new Set(phraseKeys(k.long))], // a word repeated in a title counts once
          // "Unspecified" after a "with" qualifies a complication ("with unspecified nicotine-induced
          // disorders", "with alcohol-induced psychotic disorder, unspecified"): not the default pick.
          // A title that states the absence of its complications ("without obstruction or
          // gangrene", "without hemorrhage or perforation") is the default when the sentence names
          // none of them, as "without complications" is.
          unspecifiedOrUncomplicated: /\bunspecified\b|\bwithout\b|\buncomplicated\b/i.test(
            k.long.replace(/\bwith\b.*$/i, ''),
          ),
          unspecified: /\bunspecified\b/i.test(k.long.replace(/\bwith\b.*$/i, '')),
          nos: (this.cm.get(k.code)?.notes ?? []).some(
            (n) => n.kind === 'inclusionTerm' && n.from === k.dotted && /\bNOS$/.test(n.text),
          ),
        })),
        parentKeys: new Set(phraseKeys(this.cm.summary(code)?.long ?? '')),
      };
      this.completionCache.set(code, c);
    }
    return c;
  }

  /**
   * PCS Index target (code or prefix) -> code. Each remaining character is taken from the
   * table when only one value is possible, from the sentence when a value's label is stated
   * (body part, approach, device), or `Z` (no device / no qualifier) for characters 6-7; when
   * body part or approach cannot be read the code stops at 4 characters, flagged partial.
   */
  private resolvePcs(
    prefix: string,
    sk: SentenceKeys,
    _evidence: string,
    text: string,
    sentence: { start: number; end: number },
  ): { code: string; partial: boolean } | undefined {
    const pcs = this.pcs;
    if (!pcs) return undefined;
    let code = prefix.toUpperCase();
    if (code.length === 7) return pcs.isValid(code) ? { code, partial: false } : undefined;
    const t = pcs.loaded(code.slice(0, 3));
    if (!t) return undefined;
    const sentenceText = text.slice(sentence.start, sentence.end);
    for (let pos = code.length; pos < 7; pos++) {
      const rows = rowsMatching(t.record.rows, code.slice(3));
      const values = new Map<string, string>();
      for (const r of rows) {
        const axis = r[pos - 3]!;
        for (let i = 0; i < axis.chars.length; i++) values.set(axis.chars[i]!, pcs.str(axis.labels[i]!));
      }
      if (values.size === 0) return undefined;
      let pick: string | undefined;
      if (values.size === 1) pick = [...values.keys()][0];
      else {
        // Stated in the sentence: the label with most of its words present (all but one
        // generic word, e.g. "Pleural Cavity, Right" from "right pleural effusion"), at least one
        // of them not a side; unstated side -> the both-sides value.
        let bestScore = 0;
        for (const [ch, label] of values) {
          const lk = phraseKeys(label);
          const hits = lk.filter((k) => sk.positions.has(k));
          const nonSide = hits.some((k) => k !== 'right' && k !== 'left' && k !== 'bilateral');
          if (!nonSide || hits.length < lk.length - 1 || (lk.length <= 2 && hits.length < lk.length && pos !== 3))
            continue;
          let sc = hits.length + hits.length / lk.length;
          if (/right and left|bilateral/i.test(label) && !sk.positions.has('right') && !sk.positions.has('left'))
            sc += 0.5;
          if (sc > bestScore) {
            bestScore = sc;
            pick = ch;
          }
        }
        if (!pick && pos === 4) {
          for (const [re, label] of APPROACH_CUES) {
            if (!re.test(sentenceText)) continue;
            for (const [ch, l] of values) if (l === label) pick = ch;
            if (pick) break;
          }
          // Measurement and monitoring (section 4) with no approach named is taken from outside
          // the body (EKG, EEG, pulse oximetry): the "External" value.
          if (!pick && code.startsWith('4') && values.get('X') === 'External') pick = 'X';
        }
        if (!pick && pos === 5) pick = compoundPick(values, sk, _evidence);
        // Biopsy: Excision, Extraction or Drainage with the qualifier Diagnostic (ICD-10-PCS
        // Official Guidelines B3.4a).
        if (!pick && pos === 6 && values.get('X') === 'Diagnostic' && BIOPSY.test(sentenceText)) pick = 'X';
        if (!pick && pos >= 5 && values.has('Z')) pick = 'Z';
        // Imaging contrast (5th character of section B): for plain radiography and ultrasonography
        // (type 0 and 4), where contrast is the exception, "None" when the only alternative is
        // "Other Contrast" and no contrast is mentioned. For CT, MRI and fluoroscopy, where contrast
        // is routine, an unstated contrast leaves the code at 4 characters (partial); so does a
        // table offering iodinated/gadolinium agents.
        if (
          !pick &&
          pos === 4 &&
          code.startsWith('B') &&
          (code[2] === '0' || code[2] === '4') &&
          values.has('Z') &&
          !/contrast|enhanced|gadolinium|iodinated/i.test(sentenceText)
        ) {
          if ([...values].every(([ch, label]) => ch === 'Z' || /^other contrast$/i.test(label))) pick = 'Z';
        }
      }
      if (!pick && pos === 3) {
        // Body part named only by the Index line's own words (the "see" text): whole-organ value.
        for (const [ch, label] of values)
          if (/right and left|bilateral/i.test(label) && evidenceHas(label, _evidence)) pick = ch;
      }
      if (!pick) {
        if (code.length < 4) return undefined;
        return { code: code.slice(0, 4), partial: true };
      }
      code += pick;
    }
    return pcs.isValid(code) ? { code, partial: false } : { code: code.slice(0, 4), partial: true };
  }

  // ---- chart-level rules ----

  /**
   * Guideline I.C.9.a: a causal relationship between hypertension and heart failure, and between
   * hypertension and chronic kidney disease, is presumed. When both are documented the
   * hypertension is coded through the Index's "Hypertension, heart / kidney / cardiorenal" lines.
   */
  private presumedLinks(mentions: Mention[], text: string, a: TextAnalysis): void {
    const live = mentions.filter(
      (m) =>
        m.system === 'cm' &&
        !m.flags.includes('negated') &&
        !m.flags.includes('family') &&
        !m.flags.includes('hypothetical'),
    );
    const htn = live.filter(
      (m) => m.entry.mainTerm.startsWith('hypertension') && /^I1[0-6]/.test(normalizeCode(m.code)),
    );
    if (htn.length === 0) return;
    const hf = live.some((m) => /^I50/.test(normalizeCode(m.code)));
    const ckd = live.filter((m) => /^N18/.test(normalizeCode(m.code)));
    const stage5 = ckd.some((m) => /^N18[56]/.test(normalizeCode(m.code)));
    let path: string[] | undefined;
    if (hf && ckd.length > 0)
      path = [
        'hypertension',
        'cardiorenal',
        'with heart failure',
        stage5 ? 'with stage 5 or end stage renal disease' : 'with stage 1 through stage 4 chronic kidney disease',
      ];
    // The Index prints these as "with" followed by its subterms (Hypertension > heart > with >
    // heart failure I11.0; Hypertension > kidney > with > stage 5 chronic kidney disease I12.0).
    else if (hf) path = ['hypertension', 'heart', 'with', 'heart failure'];
    else if (ckd.length > 0)
      path = [
        'hypertension',
        'kidney',
        'with',
        stage5 ? 'stage 5 chronic kidney disease' : 'stage 1 through stage 4 chronic kidney disease',
      ];
    if (!path) return;
    const printed = this.lookupIndex(path);
    if (!printed) return;
    const resolved = this.resolveCm(printed, { tokens: [], positions: new Map() });
    if (!resolved) return;
    const src = htn.sort((x, y) => y.evidence.score - x.evidence.score)[0]!;
    const entry: LexEntry = {
      ...src.entry,
      code: printed,
      path: path.map((p, i) => (i === 0 ? 'Hypertension, hypertensive' : p)).join(' > '),
      withKeys: ['presumed'],
    };
    const extra = [...(hf ? mentions.filter((m) => /^I50/.test(normalizeCode(m.code))) : []), ...ckd].map(
      (m) => m.evidence,
    );
    for (const ev of [src.evidence, ...extra]) {
      mentions.push({
        system: 'cm',
        code: resolved.code,
        entry,
        evidence: { ...ev },
        flags: ['combination'],
        notes: [
          'Hypertension with heart failure / chronic kidney disease: causal relationship presumed (ICD-10-CM Official Guidelines I.C.9.a)',
        ],
      });
    }
    // The hypertension codes read separately (I10, I11.x, I12.x) are replaced by the combination code.
    // (Compacted in place in one pass: a splice per removed mention was quadratic on long charts.)
    const combined = normalizeCode(resolved.code);
    let kept = 0;
    for (const m of mentions) {
      const c = normalizeCode(m.code);
      if (!(/^I1[0-3]/.test(c) && c !== combined)) mentions[kept++] = m;
    }
    mentions.length = kept;
    void text;
    void a;
  }

  /**
   * Keys of the Index line a "see" reference sends the reader to, beyond its main term: "Abscess,
   * thigh - see Abscess, lower limb" gives `lower limb`. The chart wrote the site the Index
   * words one way ("thigh"); the code the reference leads to (L02.41-) is completed with the
   * words of the line it names, which are the Tabular's (Conventions I.A.5: "see" directs to
   * another term, whose code is the one to use). Empty for a line with a code of its own.
   */
  private seeTargetKeys(e: LexEntry): readonly string[] {
    return this.seeTarget(e).keys;
  }

  /** The line an Index entry's "see" reference leads to: its path parts and keys beyond its main term (cached). */
  private seeTarget(e: LexEntry): SeeTarget {
    if (e.source !== 'index' || e.depth === 0) return NO_TARGET;
    let t = this.seeKeysCache.get(e);
    if (t) return t;
    t = NO_TARGET;
    const segments = e.path.split(' > ');
    const main = segments[0]!;
    let hit =
      this.lexicon.cmPaths.get(pathKey(segments)) ??
      this.lexicon.cmPaths.get(pathKey([main.split(/,\s*/)[0]!, ...segments.slice(1)]));
    for (let hops = 0; hit?.startsWith('see:') && hops < 4; hops++) {
      const parts = hit.slice(4).split(/,\s*/);
      if (parts.length > 1) t = { parts, keys: phraseKeys(parts.slice(1).join(' ')).filter((k) => !isWeak(k)) };
      let next: string | undefined;
      for (let n = parts.length; n >= 1 && next === undefined; n--)
        next = this.lexicon.cmPaths.get(pathKey(parts.slice(0, n)));
      hit = next;
    }
    this.seeKeysCache.set(e, t);
    return t;
  }

  /**
   * The code of a subterm of the "see" target that a word of the sentence names: "nontraumatic
   * acute subdural hematoma" reaches "Hematoma, subdural, nontraumatic - see Hemorrhage,
   * intracranial, subdural" (I62.00), whose subterm "acute" (I62.01) the chart states. The reader
   * goes on in the Index at the line the reference names (Conventions I.A: "see" directs to
   * another term), so its subterms apply. `undefined` when no word of the sentence is one.
   */
  private seeSubterm(m: Match, sk: SentenceKeys, text: string): { code: string; path: string } | undefined {
    const { parts } = this.seeTarget(m.entry);
    if (parts.length === 0 || m.positions.length === 0) return undefined;
    const own = new Set(phraseKeys(m.entry.path));
    // Words of the mention and the few around it, not the rest of a long sentence.
    const from = Math.max(0, m.positions[0]! - SEE_SUBTERM_REACH);
    const to = Math.min(sk.tokens.length, m.positions[m.positions.length - 1]! + SEE_SUBTERM_REACH + 1);
    for (const t of sk.tokens.slice(from, to)) {
      if (own.has(t.key) || isWeak(t.key)) continue;
      const word = text.slice(t.start, t.end).toLowerCase();
      const hit = this.lexicon.cmPaths.get(pathKey([...parts, word]));
      if (hit && !hit.startsWith('see:')) return { code: hit, path: [...parts, word].join(', ') };
    }
    return undefined;
  }

  /** Code printed at an Index path (main term first, case-insensitive; `""` when absent). */
  private lookupIndex(path: string[]): string {
    for (let n = path.length; n >= 2; n--) {
      const hit = this.lexicon.cmPaths.get(pathKey(path.slice(0, n)));
      if (hit === undefined) continue;
      return hit.startsWith('see:') ? resolveSee(this.lexicon.cmPaths, hit.slice(4)) : hit;
    }
    return '';
  }

  /** Merges mentions per code: noisy-or of mention scores, every evidence span kept. */
  private merge(mentions: Mention[], options: SuggestOptions): Suggestion[] {
    const by = new Map<string, Mention[]>();
    for (const m of mentions) {
      const list = by.get(m.code);
      if (!list) by.set(m.code, [m]);
      else list.push(m);
    }
    // A combination code from a main term replaces that main term's plain code (Guideline I.A.15 "with").
    const combinedMainTerms = new Set(
      mentions.filter((m) => m.flags.includes('combination') && m.entry.mainTerm).map((m) => m.entry.mainTerm),
    );
    const out: Suggestion[] = [];
    for (const [code, list] of by) {
      if (
        list.every(
          (m) =>
            combinedMainTerms.has(m.entry.mainTerm) &&
            !m.flags.includes('combination') &&
            m.entry.depth <= 1 &&
            m.entry.source === 'index',
        )
      )
        continue;
      list.sort(
        (x, y) => y.evidence.score - x.evidence.score || Number(x.learned ?? false) - Number(y.learned ?? false),
      );
      const evidence: Evidence[] = [];
      const spans = new Set<string>();
      let miss = 1;
      let learnedBest = 0;
      let omitted = 0;
      for (const m of list) {
        const k = `${m.evidence.start}:${m.evidence.end}`;
        if (spans.has(k)) continue;
        spans.add(k);
        if (evidence.length < MAX_EVIDENCE_PER_SUGGESTION) evidence.push(m.evidence);
        else omitted++;
        // Learned associations are already document-level probabilities: the best one counts, once.
        if (m.learned) learnedBest = Math.max(learnedBest, m.evidence.score);
        else miss *= 1 - m.evidence.score * 0.8;
      }
      // A loop, not Math.max(...scores): a long chart gives a code tens of thousands of mentions,
      // beyond the engine's argument limit.
      let bestIndex = 1 - miss;
      for (const m of list) if (!m.learned && m.evidence.score > bestIndex) bestIndex = m.evidence.score;
      const indexScore = miss < 1 ? Math.min(1, bestIndex) : 0;
      let score =
        options.calibrate && indexScore > 0
          ? options.calibrate(list[0]!.code, list[0]!.system, indexScore)
          : indexScore;
      score = Math.max(0, Math.min(1, 1 - (1 - score) * (1 - learnedBest)));
      const system = list[0]!.system;
      // Context flags hold only when every mention carries them.
      const flags = new Set<SuggestionFlag>();
      for (const f of list[0]!.flags)
        if (
          ['negated', 'family', 'hypothetical', 'uncertain', 'historical'].includes(f)
            ? list.every((m) => m.flags.includes(f))
            : true
        )
          flags.add(f);
      for (const m of list) for (const f of m.flags) if (f === 'combination' || f === 'partial-code') flags.add(f);
      if (system === 'cm' && options.severityOf) {
        const level = options.severityOf(code);
        if (level) flags.add(level);
      }
      const best = list.find((m) => !m.learned) ?? list[0]!;
      out.push({
        id: `${system}:${code}`,
        system,
        code,
        title: this.title(system, code),
        score,
        evidence,
        ...(omitted > 0 ? { evidenceOmitted: omitted } : {}),
        path: best.entry.path,
        flags: [...flags],
        notes: [...new Set(list.flatMap((m) => m.notes))],
      });
    }
    return out;
  }

  private title(system: 'cm' | 'pcs', code: string): string {
    // Cached: a PCS title is read from a compressed bundle block, which may have left the reader's cache.
    const key = `${system}:${code}`;
    const hit = this.titleCache.get(key);
    if (hit !== undefined) return hit;
    let title: string;
    if (system === 'cm') title = this.cm.summary(code)?.long ?? '';
    else if (!this.pcs) return '';
    else if (code.length === 7) title = this.pcs.get(code)?.long ?? '';
    else if (this.pcs.loaded(code.slice(0, 3))) title = this.pcs.get(code.padEnd(7, '0'))?.tableTitle ?? '';
    else return ''; // not cached: the table may be loaded later
    if (this.titleCache.size > 50_000) this.titleCache.clear();
    this.titleCache.set(key, title);
    return title;
  }

  /**
   * Tabular instructions between suggested codes: Excludes1 (never coded together, Guideline
   * I.A.12.a; the lower-scored code is flagged and lowered) and "use additional code" (the
   * referenced code is flagged as expected, or the note is shown when none was found).
   */
  private tabularInstructions(dx: Suggestion[]): void {
    const live = dx.filter(
      (s) => !s.flags.includes('negated') && !s.flags.includes('family') && !s.flags.includes('hypothetical'),
    );
    const codes = live.map((s) => normalizeCode(s.code));
    for (const s of live) {
      let notes = this.notesCache.get(s.code);
      if (!notes) {
        notes = this.cm.get(s.code)?.notes ?? [];
        this.notesCache.set(s.code, notes);
      }
      for (const note of notes) {
        if (note.kind === 'excludes1') {
          for (let j = 0; j < live.length; j++) {
            const other = live[j]!;
            if (other === s || !excludes1Names(note.text, codes[j]!, other.title)) continue;
            // A symptom stated inside the other code's longer mention yields (I.B.4-I.B.5).
            const less = symptomInsideOfPair(s, other);
            const loser = less === 'b' ? other : less === 'a' ? s : other.score <= s.score ? other : s;
            const winner = loser === other ? s : other;
            if (!loser.flags.includes('excludes1-conflict')) {
              loser.flags.push('excludes1-conflict');
              loser.score *= 0.5;
            }
            loser.notes.push(`Excludes1 with ${winner.code} (${note.from}: ${note.text})`);
          }
        } else if (note.kind === 'useAdditionalCode') {
          const refs = noteRefs(note.text);
          if (refs.length === 0) continue;
          const hit = live.find((o) => o !== s && refs.some((r) => refCovers(r, normalizeCode(o.code))));
          if (hit) hit.notes.push(`Use additional code per ${s.code} (${note.from}): ${note.text}`);
          else {
            if (!s.flags.includes('use-additional-code')) s.flags.push('use-additional-code');
            s.notes.push(`Use additional code (${note.from}): ${note.text}`);
          }
        }
      }
    }
    // Excludes1 lowered some scores: nothing else to do here; the caller sorts.
  }

  /** Possible principal diagnosis (inpatient): first listed discharge/admission diagnosis or first A/P item. */
  private principal(dx: Suggestion[], setting: Setting): void {
    if (setting !== 'inpatient') return;
    // The first diagnosis listed (its words within the first listed item), the most confident of those.
    const firstIn = (kinds: SectionKind[]): Suggestion | undefined => {
      const starts = new Map<Suggestion, number>();
      for (const s of dx) {
        if (
          s.score < DISPLAY_THRESHOLD ||
          s.flags.includes('negated') ||
          s.flags.includes('family') ||
          s.flags.includes('hypothetical')
        )
          continue;
        for (const e of s.evidence)
          if (kinds.includes(e.section)) starts.set(s, Math.min(starts.get(s) ?? Infinity, e.start));
      }
      if (starts.size === 0) return undefined;
      const first = Math.min(...starts.values());
      return [...starts].filter(([, st]) => st - first <= 40).sort((x, y) => y[0].score - x[0].score)[0]?.[0];
    };
    const p = firstIn(['discharge-diagnoses']) ?? firstIn(['admission-diagnoses']) ?? firstIn(['assessment-plan']);
    if (p && !p.flags.includes('possible-principal')) p.flags.push('possible-principal');
  }
}

/** Side words: the 6th character of a code below an NOS term, not a further kind of the condition. */
const SIDE_KEYS = new Set(phraseKeys('right left bilateral'));

/**
 * `true` when a Tabular inclusion term "X NOS" is matched with a further qualifier among its words
 * ("chronic lymphocytic leukemia" for "Chronic leukemia NOS"): NOS means the chart says X and no
 * more (Conventions I.A.8), so the qualified condition is coded elsewhere. A qualifier is a word
 * inside the matched words that the term does not have, or a word an abbreviation there expands to
 * ("CLL"); side words and a histology word's behaviour keys qualify nothing.
 */
function qualifiedNos(e: LexEntry, m: Match, sk: SentenceKeys): boolean {
  if (!/\bNOS\b/.test(e.path)) return false;
  const lo = m.positions[0]!;
  const hi = m.positions[m.positions.length - 1]!;
  for (let p = lo; p <= hi; p++) {
    const own = sk.tokens[p]!.key;
    if (SIDE_KEYS.has(own) || isWeak(own) || e.req.includes(own)) continue;
    if (!m.positions.includes(p)) return true;
    // A matched word that is not the term's own: an abbreviation read as its expansion.
    for (const [key, ps] of sk.positions)
      if (!e.req.includes(key) && !key.startsWith('#') && key !== own && ps.includes(p)) return true;
  }
  return false;
}

/**
 * The one value whose label's distinctive word starts a compound word of the sentence or of the
 * Index evidence ("Electrical Activity" from electrocardiogram / electroencephalogram): the
 * function or device a compound clinical term names by its first element. `undefined` unless
 * exactly one value qualifies.
 */
function compoundPick(values: Map<string, string>, sk: SentenceKeys, evidence: string): string | undefined {
  const words = [...sk.positions.keys(), ...phraseKeys(evidence)].filter((k) => k.length >= 9);
  if (words.length === 0) return undefined;
  let found: string | undefined;
  for (const [ch, label] of values) {
    const hit = phraseKeys(label).some(
      (k) => k.length >= 5 && words.some((w) => w.length > k.length + 3 && w.startsWith(k)),
    );
    if (!hit) continue;
    if (found) return undefined;
    found = ch;
  }
  return found;
}

/**
 * Place of occurrence, activity and external cause status codes (Y92, Y93, Y99) accompany an
 * injury or another external cause code (Official Guidelines I.C.20.b, c, k): without one in the
 * chart, a word like "active" or "home" is not an activity or a place of injury. Removed in place.
 */
function placeActivityStatus(mentions: Mention[]): void {
  const companion = mentions.some(
    (m) =>
      m.system === 'cm' &&
      /^([STVWX]|Y[0-3])/.test(m.code) &&
      !m.flags.includes('negated') &&
      !m.flags.includes('family') &&
      !m.flags.includes('hypothetical'),
  );
  if (companion) return;
  let kept = 0;
  for (const m of mentions) if (!(m.system === 'cm' && /^Y9[239]/.test(m.code))) mentions[kept++] = m;
  mentions.length = kept;
}

/** `true` when the non-side words of a label are present in the evidence or the Index path. */
function evidenceHas(label: string, evidence: string): boolean {
  const ev = new Set(phraseKeys(evidence));
  return phraseKeys(label)
    .filter((k) => k !== 'right' && k !== 'left' && k !== 'bilateral')
    .every((k) => ev.has(k));
}
