/**
 * Query side of the compact index: parse the query, match words to terms (exact, stem, reviewed
 * synonym, prefix while typing, near spelling), accumulate scores per text over typed-array
 * postings, then per code.
 *
 * Ranking, in one formula per text (all factors in 0..1):
 *
 *   score = queryCoverage² × (0.3 + 0.7 × textCoverage) × kind × mainTerm × billable
 *
 * - queryCoverage: idf-weighted share of the query's words found in the text (a coder's words
 *   must be there: "acute systolic heart failure" puts I50.21 above I50.20).
 * - textCoverage: idf-weighted share of the text's essential words that the query matched;
 *   nonessential words in parentheses and filler words ("unspecified", "initial encounter") are
 *   free, so the code whose words the query says, no more, no less, comes first and "systolic
 *   heart failure" finds I50.20, not I50.21.
 * - kind: Index lines and titles lead; External Cause Index lines slightly behind.
 * - mainTerm: an Index line whose main term the query does not name is incidental (x0.85).
 * - billable: a header or a partial PCS code yields to billable codes (x0.9).
 */
import { normalizeCode, formatCmCode } from '../codes/normalize';
import { idfOf } from './build';
import { cmContext, queryContext } from './context';
import { ACRONYM_MARK } from './acronym';
import { contractionsOf } from './contraction';
import { numberForms } from './number-forms';
import { TrigramIndex, allowedEdits, singleEdits } from './fuzzy';
import { TextStore } from './text-store';
import { AUX, ENTRY_KINDS, FIELD, SYSTEMS, TEXT_FLAG, type SearchIndexData } from './layout';
import { FILLER, foldCase, stem, STOPWORDS } from './text';
import type { EntryKind, SearchHit, SearchMatch, SearchOptions, SearchSystem } from './types';
import { buildVocabulary, type Vocabulary } from './vocabulary';

const KIND_WEIGHT: Record<EntryKind, number> = {
  index: 1,
  'pcs-index': 1,
  title: 0.97,
  inclusion: 0.93,
  drug: 0.96,
  neoplasm: 0.96,
  eindex: 0.88,
};
const KIND_WEIGHTS = Float32Array.from(ENTRY_KINDS.map((k) => KIND_WEIGHT[k]));
const INDEX_LIKE = Uint8Array.from(
  ENTRY_KINDS.map((k) => (k === 'index' || k === 'eindex' || k === 'pcs-index' ? 1 : 0)),
);
const AGREEING = Uint8Array.from(
  ENTRY_KINDS.map((k) => (k === 'index' || k === 'eindex' || k === 'inclusion' ? 1 : 0)),
);
const PCS_INDEX_KIND = ENTRY_KINDS.indexOf('pcs-index');
const LATERAL = new Set(['right', 'left', 'bilateral'].map((w) => stem(w)));
/** Words by which a query asks for part of a body part (PCS Excision rather than Resection). */
const PARTIAL_WORDS = new Set(
  ['partial', 'biopsy', 'excision', 'portion', 'part', 'wedge', 'segmental', 'lesion'].map((w) => stem(w)),
);

/** One query word after rewriting. */
interface QueryToken {
  key: string;
  /** Word as typed (folded), for prefix matching. */
  raw: string;
  /** Last word of the query and the user may still be typing it. */
  open: boolean;
  /** Came from an abbreviation / lay-term rewrite (never fuzzed, never a prefix). */
  rewritten: boolean;
}

/** One reading of the query. */
interface Alternative {
  tokens: QueryToken[];
  expandedFrom?: SearchMatch['expandedFrom'];
  /** Multiplier for rewritten readings (a literal reading wins a tie). */
  weight: number;
}

interface TermMatch {
  term: number;
  quality: number;
  /** An acronym term (acronym.ts): it stands for the words of the text it was derived from. */
  acronym?: boolean;
  corrected?: string;
  via?: { typed: string; expansion: string; source: string };
}

interface CodeBest {
  score: number;
  doc: number;
  alt: Alternative;
  /** Bit 1: a reviewed synonym matched; bit 2: a near spelling matched. */
  flags: number;
}

/** Per-query state shared by the readings of one query. */
interface QueryState {
  alts: Alternative[];
  /** Per alternative: synonym reason and corrections. */
  via: ({ typed: string; expansion: string; source: string } | undefined)[];
  corrected: string[][];
  touched: number;
  /** Words a text may miss beyond the default (raised when nothing matched at all). */
  relax: number;
  /** The query asks for part of a body part. */
  partial: boolean;
  /** {@link CONTEXT} bits the query names (neonatal, obstetric, rheumatic). */
  context: number;
  /** 7th character the query names ("7thD"), upper case, or ''. */
  seventh: string;
}

/** Words that start or end a negation in a query; never a part of a split word ("t1no"). */
const NEGATION_WORDS = new Set(['no', 'without', 'wo', 'with', 'w']);

/** "7thD", "7th D", "7th character D": a 7th character named in the query. */
const SEVENTH = /(?:^|[\s,;])7th\s*(?:char(?:acter)?\s+)?([a-z0-9])(?![a-z0-9])/i;

/**
 * Weight of a code whose patient context (newborn, pregnancy, rheumatic) the query does not name:
 * behind the general code, still listed (see context.ts for the guideline).
 */
const UNNAMED_CONTEXT = 0.8;

const MAX_ALTERNATIVES = 8;
const PREFIX_TERMS = 24;

/**
 * A loaded search index. Construction is cheap (views over the arrays plus an idf table);
 * the trigram table for misspellings is built on the first query that needs it.
 *
 * @example
 * const index = new SearchIndex(buildSearchIndex(corpus));
 * index.search('chf')[0]; // { code: 'I50.9', system: 'cm', match: { kind: 'abbreviation', ... } }
 */
export class SearchIndex {
  readonly fiscalYear: number;
  private readonly idf: Float32Array;
  private readonly vocab: Vocabulary;
  private trigram?: TrigramIndex;
  private readonly contractionMemo = new Map<string, number[]>();
  private readonly texts: TextStore;
  private readonly termId = new Map<string, number>();
  // Scratch space reused by every query (the index answers one query at a time).
  private readonly mask: Uint16Array;
  private readonly acc: Float32Array;
  private readonly docSide: Float32Array;
  private readonly mainHit: Uint8Array;
  private readonly mainSide: Float32Array;
  private readonly textFlags: Uint8Array;
  /** 1 for texts that are Index lines (their main term is judged with the whole path). */
  private readonly indexText: Uint8Array;
  private readonly codeScore: Float32Array;
  private readonly codeDoc: Uint32Array;
  private readonly codeAlt: Uint8Array;
  private readonly codeFlag: Uint8Array;
  private readonly codeTouched: Uint32Array;
  private readonly textTouched: Uint32Array;
  /** Per code, its {@link CONTEXT} bits (ICD-10-CM only). */
  private readonly codeContext: Uint8Array;
  /** 1 for terms a text's norm leaves out (filler words such as "right", "unspecified"). */
  private readonly fillerTerm: Uint8Array;

  constructor(readonly data: SearchIndexData) {
    this.texts = new TextStore(data);
    this.fiscalYear = data.header.fiscalYear;
    const nTexts = data.textNorm.length;
    this.idf = new Float32Array(data.terms.length);
    for (let k = 0; k < data.terms.length; k++) {
      this.idf[k] = idfOf(data.termStart[k + 1]! - data.termStart[k]!, nTexts);
      this.termId.set(data.terms[k]!, k);
    }
    this.vocab = buildVocabulary();
    this.indexText = new Uint8Array(nTexts);
    for (let t = 0; t < nTexts; t++) {
      for (let d = data.textDocStart[t]!; d < data.textDocStart[t + 1]!; d++)
        if (INDEX_LIKE[data.docKind[d]!]) this.indexText[t] = 1;
    }
    this.mask = new Uint16Array(nTexts);
    this.acc = new Float32Array(nTexts);
    this.docSide = new Float32Array(nTexts);
    this.mainHit = new Uint8Array(nTexts);
    this.mainSide = new Float32Array(nTexts);
    this.textFlags = new Uint8Array(nTexts);
    this.codeScore = new Float32Array(data.codes.length);
    this.codeDoc = new Uint32Array(data.codes.length);
    this.codeAlt = new Uint8Array(data.codes.length);
    this.codeFlag = new Uint8Array(data.codes.length);
    this.codeTouched = new Uint32Array(data.codes.length);
    this.textTouched = new Uint32Array(nTexts);
    this.fillerTerm = new Uint8Array(data.terms.length);
    for (let k = 0; k < data.terms.length; k++) if (FILLER.has(data.terms[k]!)) this.fillerTerm[k] = 1;
    this.codeContext = new Uint8Array(data.codes.length);
    for (let c = 0; c < data.codes.length; c++)
      if (data.codeSystem[c] === 0) this.codeContext[c] = cmContext(data.codes[c]!);
  }

  /** The trigram table for misspellings (built on first use; call early to warm it). */
  fuzzy(): TrigramIndex {
    this.trigram ??= new TrigramIndex(this.data.terms);
    return this.trigram;
  }

  /** Number of codes (all systems). */
  get codeCount(): number {
    return this.data.codes.length;
  }

  /**
   * Best codes for a query, best first.
   *
   * @param query what the user typed: words, abbreviations, an index path, or a code with or without its dot.
   * @example index.search('acute on chronic systolic heart failure', { system: 'cm', limit: 5 })
   */
  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const limit = Math.max(1, Math.min(200, options.limit ?? 20));
    const trimmed = query.trim();
    if (trimmed.length === 0) return [];
    const open = options.prefix ?? !/\s$/.test(query);
    const system = options.system === undefined ? -1 : SYSTEMS.indexOf(options.system);
    const codeHits = this.codeLookup(trimmed, system, limit);
    // One character is not yet a word to look up (type-ahead waits for the second key).
    if (trimmed.length < 2) return codeHits.slice(0, limit);
    // A query that is a code (or a code prefix) asks for that code and its family, not for titles
    // in which its digits happen to appear ("I50.23" is not "NIHSS score 23" or "BMI 23").
    // A prefix that is only part of some code ("dm2" starts PCS table DM2) may still be words.
    if (codeHits.some((h) => h.score === 3)) return this.withFamily(codeHits, system, limit);
    // "7thD" / "7th character D" names the code's 7th character (ICD-10-CM Official Guidelines
    // I.A.5, "7th Characters"; CMS short titles write it so): codes with another one yield.
    const seventhMatch = SEVENTH.exec(trimmed);
    const seventh = seventhMatch ? seventhMatch[1]!.toUpperCase() : '';
    const words = seventhMatch ? trimmed.replace(SEVENTH, ' ').trim() : trimmed;
    const alts = this.alternatives(words, open);
    const partial = alts.some((a) => a.tokens.some((t) => PARTIAL_WORDS.has(t.key)));
    const context = queryContext(alts.flatMap((a) => a.tokens.map((t) => t.key)));
    const state: QueryState = { alts, via: [], corrected: [], touched: 0, relax: 0, partial, context, seventh };
    alts.forEach((alt, a) => this.scoreAlternative(alt, a, system, state));
    // Nothing has every word: accept texts missing one more word at a time, rather than show
    // nothing (a contraction or a word the classification does not use must not hide the rest).
    for (let relax = 1; state.touched === 0 && relax < 12; relax++) {
      state.relax = relax;
      if (!alts.some((alt) => this.canRelax(alt, relax))) break;
      alts.forEach((alt, a) => this.scoreAlternative(alt, a, system, state));
    }

    // Select the best codes: a threshold from the top score keeps the sort small.
    const { codeScore, codeTouched } = this;
    const { codeFlags, codes } = this.data;
    let top = 0;
    for (let k = 0; k < state.touched; k++) top = Math.max(top, codeScore[codeTouched[k]!]!);
    // Keep what can make the list: above a floor relative to the best, and at most a few hundred
    // (raising the floor until they fit), so the sort stays small whatever the query.
    let floor = top * 0.3;
    let kept: number[] = [];
    for (;;) {
      kept = [];
      for (let k = 0; k < state.touched; k++) if (codeScore[codeTouched[k]!]! >= floor) kept.push(codeTouched[k]!);
      if (kept.length <= Math.max(300, limit * 3) || floor >= top) break;
      floor = floor + (top - floor) * 0.5;
    }
    // Ties: billable first, then the code whose own title says least (the plain code before its
    // "hand-assisted" or "with ..." variants), then classification order.
    const { codeTitle, textNorm } = this.data;
    const order = (a: number, b: number): number =>
      codeScore[b]! - codeScore[a]! ||
      (codeFlags[b]! & 1) - (codeFlags[a]! & 1) ||
      textNorm[codeTitle[a]!]! - textNorm[codeTitle[b]!]! ||
      (codes[a]! < codes[b]! ? -1 : 1);
    kept.sort(order);
    // A header the words lead to stands for its default billable code (the descendant that adds
    // the fewest words: "Cancer, breast C50.91-" -> C50.919): offer that code just above it.
    const viaHeader = new Map<number, number>();
    for (const c of kept.slice(0, 25)) {
      if (this.data.codeSystem[c] !== 0 || (codeFlags[c]! & 1) === 1) continue;
      const child = this.defaultChild(c);
      if (child < 0) continue;
      const score = Math.min(1, (codeScore[c]! / 0.9) * 0.995);
      if (score <= codeScore[child]!) continue;
      if (codeScore[child] === 0) codeTouched[state.touched++] = child;
      codeScore[child] = score;
      this.codeDoc[child] = this.codeDoc[c]!;
      this.codeAlt[child] = this.codeAlt[c]!;
      this.codeFlag[child] = this.codeFlag[c]!;
      viaHeader.set(child, c);
    }
    if (viaHeader.size > 0) {
      kept = [...new Set([...kept, ...viaHeader.keys()])].sort(order);
    }
    const out: SearchHit[] = codeHits;
    const taken = new Set(codeHits.map((h) => `${h.system}:${h.code}`));
    for (const c of kept) {
      if (out.length >= limit) break;
      const a = this.codeAlt[c]!;
      const hit = this.hitFor(
        c,
        { score: codeScore[c]!, doc: this.codeDoc[c]!, alt: state.alts[a]!, flags: this.codeFlag[c]! },
        state.via[a],
        state.corrected[a] ?? [],
      );
      const header = viaHeader.get(c);
      if (header !== undefined) hit.match.viaHeader = this.display(header);
      const key = `${hit.system}:${hit.code}`;
      if (taken.has(key)) continue;
      taken.add(key);
      out.push(hit);
    }
    for (let k = 0; k < state.touched; k++) {
      const c = codeTouched[k]!;
      codeScore[c] = 0;
      this.codeFlag[c] = 0;
    }
    return out.slice(0, limit);
  }

  /** Title of a code (undotted or dotted), or `undefined`. */
  titleOf(code: string, system: SearchSystem): string | undefined {
    const c = this.findCode(normalizeCode(code), SYSTEMS.indexOf(system));
    return c < 0 ? undefined : this.text(this.data.codeTitle[c]!);
  }

  // ---------------------------------------------------------------------------------------------

  private text(t: number): string {
    return this.texts.text(t);
  }

  private display(c: number): string {
    const code = this.data.codes[c]!;
    return this.data.codeSystem[c] === 0 ? formatCmCode(code) : code;
  }

  private hitFor(
    c: number,
    b: CodeBest,
    synonym: { typed: string; expansion: string; source: string } | undefined,
    corrected: string[],
  ): SearchHit {
    const kind = ENTRY_KINDS[this.data.docKind[b.doc]!]!;
    const aux = this.data.docAux[b.doc]!;
    const text = this.text(this.docTextOf(b.doc));
    const column = aux > 0 ? this.data.header.columns[aux - 1] : undefined;
    const shown = column !== undefined ? text.slice(0, text.length - column.length - 3) : text;
    const via = b.alt.expandedFrom ?? (b.flags & 1 ? synonym : undefined);
    const match: SearchMatch = {
      kind: b.alt.expandedFrom ? 'abbreviation' : kind === 'eindex' ? 'index' : kind,
      text: shown,
    };
    if (kind === 'index' || kind === 'eindex' || kind === 'pcs-index' || kind === 'drug' || kind === 'neoplasm')
      match.path = shown;
    if (column !== undefined) match.column = column;
    if (via) match.expandedFrom = via;
    if (b.flags & 2 && corrected.length > 0) match.corrected = corrected;
    if (match.kind === 'abbreviation') match.entry = kind;
    return {
      code: this.display(c),
      system: SYSTEMS[this.data.codeSystem[c]!]!,
      title: this.text(this.data.codeTitle[c]!),
      billable: (this.data.codeFlags[c]! & 1) === 1,
      score: Math.round(b.score * 10000) / 10000,
      match,
    };
  }

  /**
   * The billable descendant a header stands for, or -1 (also -1 when the header has more than 64
   * descendants: the user must narrow down). When the query's own words already reached some
   * descendants, the best of them ("Sepsis, Escherichia coli A41.5-" with "e coli" typed: A41.51,
   * whose title says E. coli); otherwise the classification's default, the descendant whose title
   * adds the fewest essential words, an "unspecified" one first (nothing more specific was
   * written), a side last (laterality is coded only when documented).
   */
  private defaultChild(c: number): number {
    const { codes, codeFlags, codeTitle, textNorm } = this.data;
    const prefix = codes[c]!;
    let bestChild = -1;
    let bestNorm = Infinity;
    let scored = -1;
    let n = 0;
    for (let i = c + 1; i < codes.length && this.data.codeSystem[i] === 0 && codes[i]!.startsWith(prefix); i++) {
      if (++n > 64) return -1;
      if ((codeFlags[i]! & 1) === 0) continue;
      if (this.codeScore[i]! > 0 && (scored < 0 || this.codeScore[i]! > this.codeScore[scored]!)) scored = i;
      const ti = codeTitle[i]!;
      const f = this.data.textFlags[ti]!;
      const norm = textNorm[ti]! + (f & TEXT_FLAG.lateral ? 0.5 : 0) - (f & TEXT_FLAG.unspecified ? 0.25 : 0);
      if (norm < bestNorm - 1e-6) {
        bestNorm = norm;
        bestChild = i;
      }
    }
    return scored >= 0 ? scored : bestChild;
  }

  /**
   * Code hits followed by the code's family: the exact code and the codes under it (already in
   * `hits`), then the categories above it, then its siblings, in classification order.
   */
  private withFamily(hits: SearchHit[], system: number, limit: number): SearchHit[] {
    const out = [...hits];
    const taken = new Set(out.map((h) => `${h.system}:${h.code}`));
    const exact = hits.find((h) => h.score === 3);
    if (!exact) return out.slice(0, limit);
    const s = SYSTEMS.indexOf(exact.system);
    if (system >= 0 && s !== system) return out.slice(0, limit);
    const code = normalizeCode(exact.code);
    const push = (i: number, score: number): void => {
      const key = `${exact.system}:${this.display(i)}`;
      if (taken.has(key)) return;
      taken.add(key);
      out.push({
        code: this.display(i),
        system: exact.system,
        title: this.text(this.data.codeTitle[i]!),
        billable: (this.data.codeFlags[i]! & 1) === 1,
        score,
        match: { kind: 'code', text: this.display(i) },
      });
    };
    // Ancestors: the longest prefixes that are codes of the same system (I50.2, then I50).
    for (let len = code.length - 1; len >= 3 && out.length < limit; len--) {
      const i = this.findCode(code.slice(0, len), s);
      if (i >= 0) push(i, 2 - (code.length - len) * 0.01);
    }
    // Siblings: the other codes under the nearest ancestor.
    for (let len = code.length - 1; len >= 3 && out.length < limit; len--) {
      const parent = code.slice(0, len);
      if (this.findCode(parent, s) < 0) continue;
      for (
        let i = this.lowerBound(parent, s);
        i < this.data.codes.length &&
        this.data.codeSystem[i] === s &&
        this.data.codes[i]!.startsWith(parent) &&
        out.length < limit;
        i++
      ) {
        if (this.data.codes[i]!.length === code.length) push(i, 1.5);
      }
      break;
    }
    return out.slice(0, limit);
  }

  private docTextOf(doc: number): number {
    // Binary search in textDocStart: the text whose doc range holds `doc`.
    const s = this.data.textDocStart;
    let lo = 0;
    let hi = s.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (s[mid]! <= doc) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** First code index whose code is >= `code` within a system's range. */
  private lowerBound(code: string, system: number): number {
    const codes = this.data.codes;
    const sys = this.data.codeSystem;
    let lo = 0;
    let hi = codes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const s = sys[mid]!;
      if (s < system || (s === system && codes[mid]! < code)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private findCode(code: string, system: number): number {
    const i = this.lowerBound(code, system);
    return i < this.data.codes.length && this.data.codeSystem[i] === system && this.data.codes[i] === code ? i : -1;
  }

  /** Codes typed with or without the dot, and code prefixes: `I50.2`, `i5023`, `0DTJ`, `E0601`. */
  private codeLookup(query: string, system: number, limit: number): SearchHit[] {
    if (!/^[A-Za-z0-9]{1,3}(\.?[A-Za-z0-9]{1,4})?\.?-?$/.test(query.replace(/\s+/g, ''))) return [];
    const code = normalizeCode(query);
    if (code.length < 2 || !/[0-9]/.test(code)) return [];
    const out: SearchHit[] = [];
    for (let s = 0; s < SYSTEMS.length; s++) {
      if (system >= 0 && s !== system) continue;
      let i = this.lowerBound(code, s);
      let rank = 0;
      while (
        i < this.data.codes.length &&
        this.data.codeSystem[i] === s &&
        this.data.codes[i]!.startsWith(code) &&
        rank < limit
      ) {
        const exact = this.data.codes[i] === code;
        const title = this.text(this.data.codeTitle[i]!);
        out.push({
          code: this.display(i),
          system: SYSTEMS[s]!,
          title,
          billable: (this.data.codeFlags[i]! & 1) === 1,
          score: exact ? 3 : 2.5 - rank * 0.001,
          match: { kind: 'code', text: this.display(i) },
        });
        rank++;
        i++;
      }
    }
    // Exact codes first, then prefixes; within each, the order of the classification.
    return out.sort((a, b) => b.score - a.score);
  }

  /** Readings of the query: as typed, and with each abbreviation / lay phrase rewritten. */
  private alternatives(query: string, open: boolean): Alternative[] {
    // Words and the punctuation that ends a negation, as the index reads titles (text.ts).
    const pieces =
      foldCase(query)
        .replace(/['\u2019]s\b/g, '')
        // "w/o" is "without" (CMS short titles and chart shorthand): it negates the words after it.
        .replace(/\bw\/o\b/g, ' without ')
        .match(/[a-z0-9]+|[,;()[\]]/g) ?? [];
    const raw: string[] = [];
    // Words after "without" / "no" ask for the absence: they match "without ..." in a title,
    // up to a comma or parenthesis, where the index ends a negation too.
    const negated = new Set<number>();
    let neg = false;
    // A word joining a number and letters that the classification does not use ("60m", "1ml",
    // "fts2") is read as its parts, as the titles write them ("60 minutes", "fetus 2").
    const split = pieces.flatMap((w) =>
      /[0-9]/.test(w) && /[a-z]/.test(w) && !this.termId.has(w) && !numberForms(w).some((f) => this.termId.has(f))
        ? (w.match(/[0-9]+|[a-z]+/g) ?? []).filter((p) => !NEGATION_WORDS.has(p))
        : [w],
    );
    for (const w of split) {
      if (!/^[a-z0-9]/.test(w)) {
        neg = false;
        continue;
      }
      if (w === 'without' || w === 'no' || w === 'wo') neg = true;
      // "of" ends a negation as it does in titles (text.ts): "w/o fb of finger" keeps the finger.
      else if (w === 'with' || w === 'w' || w === 'of') neg = false;
      else if (neg) negated.add(raw.length);
      raw.push(w);
    }
    const literal: QueryToken[] = [];
    // A single letter still being typed ("heart f") narrows nothing yet: wait for the next key.
    if (open && raw.length > 1 && raw[raw.length - 1]!.length === 1) raw.pop();
    const keyOf = (w: string, i: number): string => (negated.has(i) ? `no:${stem(w)}` : stem(w));
    // "with" / "w" only end a negation: the index keeps no term for them either (text.ts).
    const skip = (w: string): boolean =>
      STOPWORDS.has(w) ||
      w === 'without' ||
      w === 'wo' ||
      ((w === 'no' || w === 'with' || w === 'w') && raw.length > 1);
    raw.forEach((w, i) => {
      if (skip(w)) return;
      literal.push({
        key: keyOf(w, i),
        raw: negated.has(i) ? `no:${w}` : w,
        open: open && i === raw.length - 1,
        rewritten: false,
      });
    });
    const out: Alternative[] = [{ tokens: literal, weight: 1 }];
    // Rewrites: at each position, every phrase row whose typed words follow.
    const partial: {
      tokens: QueryToken[];
      next: number;
      via?: Alternative['expandedFrom'];
      weight: number;
      rewrites: number;
    }[] = [{ tokens: [], next: 0, weight: 1, rewrites: 0 }];
    const done: Alternative[] = [];
    while (partial.length > 0 && done.length < MAX_ALTERNATIVES * 2) {
      const p = partial.pop()!;
      if (p.next >= raw.length) {
        if (p.via) done.push({ tokens: p.tokens, expandedFrom: p.via, weight: p.weight });
        continue;
      }
      const w = raw[p.next]!;
      const isLast = p.next === raw.length - 1;
      // Literal reading of this word.
      const lit = skip(w)
        ? p.tokens
        : [
            ...p.tokens,
            { key: keyOf(w, p.next), raw: negated.has(p.next) ? `no:${w}` : w, open: open && isLast, rewritten: false },
          ];
      partial.push({
        tokens: lit,
        next: p.next + 1,
        ...(p.via ? { via: p.via } : {}),
        weight: p.weight,
        rewrites: p.rewrites,
      });
      if (p.rewrites >= 3) continue; // a few rewrites per reading keep the number of readings small
      for (const rw of this.vocab.phrases.get(w) ?? []) {
        const n = rw.typed.length;
        if (p.next + n > raw.length) continue;
        let ok = true;
        for (let k = 1; k < n; k++) if (raw[p.next + k] !== rw.typed[k]) ok = false;
        if (!ok) continue;
        // A phrase still being typed ("lap cho") is not rewritten until its last word is complete.
        if (open && p.next + n === raw.length && rw.typed.length > 1 && raw[raw.length - 1] !== rw.typed[n - 1])
          continue;
        const toks = rw.keys.map((key) => ({
          key: negated.has(p.next) ? `no:${key}` : key,
          raw: key,
          open: false,
          rewritten: true,
        }));
        const via = p.via
          ? {
              typed: `${p.via.typed}, ${rw.typed.join(' ')}`,
              expansion: `${p.via.expansion}; ${rw.expansion}`,
              source: p.via.source,
            }
          : { typed: rw.typed.join(' '), expansion: rw.expansion, source: rw.source };
        partial.push({
          tokens: [...p.tokens, ...toks],
          next: p.next + n,
          via,
          weight: p.weight * 0.98,
          rewrites: p.rewrites + 1,
        });
      }
    }
    // Readings with more rewrites first (they explain more of what was typed), then fewer.
    done.sort((a, b) => (b.expandedFrom?.typed.length ?? 0) - (a.expandedFrom?.typed.length ?? 0));
    for (const d of done.slice(0, MAX_ALTERNATIVES)) out.push(d);
    return out;
  }

  /** Terms a query word matches, best first. */
  private termMatches(tok: QueryToken): TermMatch[] {
    const out: TermMatch[] = [];
    const seen = new Set<number>();
    const add = (m: TermMatch): void => {
      if (seen.has(m.term)) return;
      seen.add(m.term);
      out.push(m);
    };
    const exact = this.termId.get(tok.key);
    if (exact !== undefined) add({ term: exact, quality: 1 });
    else if (tok.key.startsWith('no:')) {
      // No title says "without" this word: the words still name what the text is about
      // ("no assess bone loss": "Patients not assessed for risk of bone loss"), as a guess.
      const plain = this.termId.get(tok.key.slice(3));
      if (plain !== undefined) add({ term: plain, quality: 0.7, corrected: `${tok.raw} \u2192 ${tok.key.slice(3)}` });
    }
    // "3rd" also reads "third", "3a" also "IIIA" (number-forms.ts), a little behind the form typed.
    const negatedWord = tok.raw.startsWith('no:');
    for (const form of numberForms(negatedWord ? tok.raw.slice(3) : tok.raw)) {
      const t = this.termId.get(`${negatedWord ? 'no:' : ''}${stem(form)}`);
      if (t !== undefined) add({ term: t, quality: 0.9 });
    }
    for (const alt of this.vocab.words.get(tok.key) ?? []) {
      const t = this.termId.get(alt.to);
      if (t !== undefined)
        add({ term: t, quality: alt.quality, via: { typed: tok.raw, expansion: alt.expansion, source: alt.source } });
    }
    let completions = false;
    if (tok.open && !tok.rewritten && tok.raw.length >= 2) {
      for (const t of this.prefixTerms(tok.raw, tok.key)) add({ term: t, quality: 0.8 });
      // A word being typed that some term starts with is not a misspelling (yet).
      completions = this.hasPrefix(tok.raw);
    }
    if (tok.rewritten || /[0-9]/.test(tok.raw)) return out;
    const df = (t: number): number => this.data.termStart[t + 1]! - this.data.termStart[t]!;
    // A rare exact word next to a common near spelling ("migrane": "migrans" vs "migraine") is
    // more likely a typo of the common one: offer both, the common one first.
    const rareExact =
      exact !== undefined && out.length === 1 && df(exact) <= 20 && tok.raw.length >= 5 && !tok.key.startsWith('no:');
    if (
      (out.length === 0 || rareExact) &&
      !completions &&
      allowedEdits(tok.key.length) > 0 &&
      !tok.key.startsWith('no:')
    ) {
      // ... unless the rare word is itself an Alphabetic Index main term ("Amelia", "Amyelia"):
      // the coder typed a word the Index files, not a slip; near spellings are offered behind it.
      const headword = rareExact && this.isIndexMainTerm(exact);
      const near = new Map<number, number>();
      for (const w of tok.raw === tok.key ? [tok.key] : [tok.key, tok.raw]) {
        for (const [t, d] of this.fuzzy().near(w, 64)) near.set(t, Math.min(d, near.get(t) ?? d));
      }
      // One slip in the word as typed, then stemmed: the stem of a misspelled word may be far from
      // the stem of the word meant ("caires" -> "cair", "caries" -> "cary").
      // Only when no stem is one edit away; then all of them are offered, however rare: the
      // query's other words choose.
      const slips: number[] = [];
      let oneAway = false;
      for (const [t, d] of near) if (d <= 1 && t !== exact) oneAway = true;
      for (const e of singleEdits(tok.raw)) {
        const t = this.termId.get(stem(e));
        if (t !== undefined && t !== exact && !slips.includes(t)) slips.push(t);
      }
      if (exact !== undefined) near.delete(exact);
      const sorted = [...near].sort((a, b) => a[1] - b[1] || df(b[0]) - df(a[0]));
      const closest = sorted.length > 0 ? sorted[0]![1] : 0;
      let commonest = sorted.length > 0 ? df(sorted[0]![0]) : 0;
      // One more edit is allowed for a spelling 20 times as common as the nearest ones
      // ("anxeity": "ande" is one edit away, "anxiety" two, and far more common).
      const common = sorted.filter(([t, d]) => d === closest + 1 && df(t) >= 20 * commonest);
      if (common.length > 0) commonest = Math.max(...common.map(([t]) => df(t)));
      for (const [t, d] of [...sorted.filter(([, d]) => d <= closest), ...common]) {
        if (df(t) * 10 < commonest) continue; // and of those, the words the classification uses
        if (rareExact && df(t) < 10 * df(exact)) continue;
        const term = this.data.terms[t]!;
        const quality = (d === 1 ? 0.75 : 0.6) * (term[0] === tok.key[0] ? 1 : 0.85);
        add({ term: t, quality: rareExact && !headword ? 0.9 : quality, corrected: `${tok.raw} \u2192 ${term}` });
      }
      for (const t of slips)
        add({
          term: t,
          quality: rareExact && !headword ? 0.9 : oneAway ? 0.6 : 0.75,
          corrected: `${tok.raw} \u2192 ${this.data.terms[t]!}`,
        });
      if (rareExact && !headword && out.length > 1) out[0]!.quality = 0.8;
      out.sort((x, y) => y.quality - x.quality);
    }
    const rareWord = exact !== undefined && out.length === 1 && df(exact) <= 20;
    if (
      exact !== undefined &&
      !rareWord &&
      out.length === 1 &&
      !tok.open &&
      /^[a-z]{3,5}$/.test(tok.raw) &&
      tok.raw === tok.key
    ) {
      // A short word may be the start of a word the classification uses ten times as often
      // ("gel cap" gelatin capsule, "med" medial): offer the commonest few as well.
      const longer = this.prefixTerms(tok.raw, tok.key)
        .filter((t) => t !== exact && df(t) >= 10 * df(exact))
        .sort((x, y) => df(y) - df(x))
        .slice(0, 3);
      for (const t of longer) add({ term: t, quality: 0.7, corrected: `${tok.raw} \u2192 ${this.data.terms[t]!}` });
    }
    // A word the reviewed vocabulary rewrites ("vre") means what the vocabulary says: no guessing.
    const known = (this.vocab.phrases.get(tok.raw) ?? []).some((rw) => rw.typed.length === 1);
    if ((exact === undefined || rareWord) && !known && !tok.open && out.every((m) => m.corrected || m.term === exact)) {
      // A word the classification does not use (or hardly uses: "mid") may be a contraction of
      // one it uses ("unsp", "encntr", "scrn", "mid" middle): offer each reading; the query's other
      // words pick the one (contraction.ts). After "without" the reading is negated as well.
      const negated = tok.key.startsWith('no:');
      const typed = negated ? tok.raw.slice(3) : tok.raw;
      for (const t of this.contractions(typed, df)) {
        const term = this.data.terms[t]!;
        const id = negated ? this.termId.get(`no:${term}`) : t;
        if (id === undefined || (rareWord && df(id) < 10 * df(exact))) continue;
        add({ term: id, quality: term.startsWith(typed) ? 0.7 : 0.65, corrected: `${typed} \u2192 ${term}` });
      }
    }
    if (out.length === 0 && !completions && !tok.open && !tok.key.startsWith('no:')) {
      // Nothing near: an inflected word misspelled in its ending ("resectioon", "extractino").
      // The longest term of 5+ letters it starts with, when at most 4 letters follow.
      for (let n = tok.raw.length - 1; n >= 5 && n >= tok.raw.length - 4; n--) {
        const t = this.termId.get(tok.raw.slice(0, n));
        if (t === undefined) continue;
        add({ term: t, quality: 0.75, corrected: `${tok.raw} \u2192 ${this.data.terms[t]!}` });
        break;
      }
    }
    if (exact === undefined && !known && !tok.rewritten && /^[a-z][a-z0-9]{2,5}$/.test(tok.raw)) {
      // A word the classification does not have may be the initials of words it has ("rbbb":
      // "Block, bundle-branch, right"; acronym.ts). A guess, behind any near spelling found, and
      // never tried for a word the reviewed vocabulary reads.
      const t = this.termId.get(ACRONYM_MARK + tok.raw);
      if (t !== undefined)
        add({
          term: t,
          // A word without a vowel is shorthand, not a slip of a real word: initials come first.
          quality: out.length === 0 || !/[aeiouy]/.test(tok.raw) ? 0.8 : 0.6,
          acronym: true,
          corrected: `${tok.raw} \u2192 initials`,
        });
    }
    return out;
  }

  private hasPrefix(p: string): boolean {
    let lo = 0;
    let hi = this.data.terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.data.terms[mid]! < p) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.data.terms.length && this.data.terms[lo]!.startsWith(p);
  }

  /** Terms starting with the typed word or its stem, most frequent first (at most {@link PREFIX_TERMS}). */
  private prefixTerms(raw: string, key: string): number[] {
    const found: number[] = [];
    for (const p of raw === key ? [raw] : [raw, key]) {
      let lo = 0;
      let hi = this.data.terms.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (this.data.terms[mid]! < p) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < this.data.terms.length && this.data.terms[i]!.startsWith(p); i++) found.push(i);
    }
    // Short prefixes expand to fewer words (the most frequent ones): "he" is not yet a query.
    // A completion found in over 15,000 texts ("approach" in every PCS title) is left out: it
    // would cost a scan of its postings on every keystroke, and it matches once typed in full.
    const cap = raw.length <= 2 ? 0 : raw.length === 3 ? 8 : PREFIX_TERMS;
    const df = (t: number): number => this.data.termStart[t + 1]! - this.data.termStart[t]!;
    const usable = found.filter((t) => df(t) <= 15_000 || this.data.terms[t] === key);
    if (usable.length <= cap) return usable;
    return usable.sort((a, b) => df(b) - df(a)).slice(0, cap);
  }

  /** `true` when term `t` is the main term of some Alphabetic Index line (field 0 of an Index text). */
  private isIndexMainTerm(t: number): boolean {
    const { postings, termStart } = this.data;
    for (let p = termStart[t]!; p < termStart[t + 1]!; p++) {
      const v = postings[p]!;
      if ((v & 3) === FIELD.main && this.indexText[v >>> 2]) return true;
    }
    return false;
  }

  /**
   * {@link contractionsOf} a word, remembered: type-ahead asks again for every earlier word on
   * each keystroke, and the scan covers every term with the word's first letter.
   */
  private contractions(word: string, df: (t: number) => number): number[] {
    let found = this.contractionMemo.get(word);
    if (found === undefined) {
      if (this.contractionMemo.size >= 512) this.contractionMemo.clear();
      found = contractionsOf(this.data.terms, word, df);
      this.contractionMemo.set(word, found);
    }
    return found;
  }

  /** `false` when a reading already accepted texts matching one word at `relax - 1`. */
  private canRelax(alt: Alternative, relax: number): boolean {
    const n = Math.min(12, alt.tokens.length);
    return (n <= 2 ? n : n - 1) - (relax - 1) > 1;
  }

  private scoreAlternative(alt: Alternative, a: number, system: number, state: QueryState): void {
    // A word typed twice ("Hypertrophy, hypertrophic" reads one stem twice) counts once: it
    // names one thing and must not cover a text twice.
    const tokens = alt.tokens.filter((x, i) => alt.tokens.findIndex((y) => y.key === x.key) === i).slice(0, 12);
    if (tokens.length === 0) return;
    const matches = tokens.map((t) => this.termMatches(t));
    state.via[a] = matches.flat().find((m) => m.via)?.via;
    state.corrected[a] = matches.flatMap((ms) => ms.filter((m) => m.corrected).map((m) => m.corrected!)).slice(0, 3);
    const matchable = matches.filter((m) => m.length > 0).length;
    if (matchable === 0) return;
    // Words read only as a guess (a contraction or a near spelling) do not have to be there: a
    // text needs the words the classification surely has, all but one when there are 3 or more.
    const sure = matches.filter((ms) => ms.some((m) => !m.corrected)).length;
    const counted = sure > 0 ? sure : matchable;
    const required = Math.max(1, (counted <= 2 ? counted : counted - 1) - state.relax);
    // Weight a query word by the best idf it can earn; an unknown word still counts (weight 4),
    // so a query with a word nothing contains ranks below one fully matched.
    // A word's weight is the idf of the word itself when the classification has it (a synonym
    // earns the same weight times its quality), else the best it can earn.
    const qMax = matches.map((ms) =>
      ms.length === 0
        ? 4
        : ms[0]!.quality === 1
          ? this.idf[ms[0]!.term]!
          : Math.max(...ms.map((m) => this.idf[m.term]! * m.quality)),
    );
    const qTotal = qMax.reduce((x, y) => x + y, 0);

    const { mask, acc, docSide, mainHit, mainSide, textTouched, textFlags } = this;
    const { postings, termStart } = this.data;
    // A text can miss at most (matchable - required) words, so it contains at least one of the
    // (matchable - required + 1) rarest words: only those generate candidates. Common words
    // ("with", "type", "encounter") then only add to texts already found, by binary search in
    // their postings when that is cheaper than a scan.
    const size = (ms: TermMatch[]): number => ms.reduce((n, m) => n + termStart[m.term + 1]! - termStart[m.term]!, 0);
    const byRarity = matches
      .map((ms, i) => ({ i, n: size(ms) }))
      .filter((x) => matches[x.i]!.length > 0)
      .sort((x, y) => x.n - y.n);
    const generators = matchable - required + 1;
    let touched = 0;
    byRarity.forEach(({ i }, rank) => {
      const bit = 1 << i;
      const generate = rank < generators;
      for (const m of matches[i]!) {
        const w = qMax[i]! * m.quality;
        const own = this.idf[m.term]!;
        const acronym = m.acronym === true;
        const filler = this.fillerTerm[m.term] === 1;
        const flag = (m.via ? 1 : 0) | (m.corrected ? 2 : 0);
        const from = termStart[m.term]!;
        const to = termStart[m.term + 1]!;
        const apply = (t: number, field: number): void => {
          acc[t]! += w;
          textFlags[t]! |= flag;
          // An acronym covers the words it abbreviates: the text's essential words.
          // A filler word ("right", "unspecified") is not in the norm either: matching it covers
          // nothing, so "chloasma eyelid right" does not fully cover "Chloasma, eyelid, right, lower".
          if (field !== FIELD.paren) docSide[t]! += acronym ? this.data.textNorm[t]! : filler ? 0 : own;
          if (field === FIELD.main) {
            mainHit[t] = 1;
            mainSide[t]! += own;
          }
        };
        if (generate || to - from < touched * 12) {
          for (let p = from; p < to; p++) {
            const v = postings[p]!;
            const t = v >>> 2;
            const cur = mask[t]!;
            if (cur & bit) continue;
            if (cur === 0) {
              if (!generate) continue;
              textTouched[touched++] = t;
            }
            mask[t] = cur | bit;
            apply(t, v & 3);
          }
        } else {
          for (let k = 0; k < touched; k++) {
            const t = textTouched[k]!;
            if (mask[t]! & bit) continue;
            // Lower bound of t << 2 in the sorted postings.
            let lo = from;
            let hi = to;
            const key = t * 4;
            while (lo < hi) {
              const mid = (lo + hi) >>> 1;
              if (postings[mid]! < key) lo = mid + 1;
              else hi = mid;
            }
            if (lo < to && postings[lo]! >>> 2 === t) {
              mask[t]! |= bit;
              apply(t, postings[lo]! & 3);
            }
          }
        }
      }
    });

    const { textNorm, textDocStart, docCode, docKind, docAux, codeSystem, codeFlags } = this.data;
    const flagsOfText = this.data.textFlags;
    const textMainNorm = this.data.textMainNorm;
    const INDEX_TEXT = this.indexText;
    const lateralQuery = alt.tokens.some((x) => LATERAL.has(x.key));
    const { codeScore, codeDoc, codeAlt, codeFlag, codeTouched } = this;
    for (let k = 0; k < touched; k++) {
      const t = textTouched[k]!;
      const m = mask[t]!;
      let count = 0;
      for (let x = m; x; x &= x - 1) count++;
      if (count >= required) {
        const qc = acc[t]! / qTotal;
        const norm = textNorm[t]!;
        let tc = norm <= 0 ? 1 : Math.min(1, docSide[t]! / norm);
        // A descriptor with a head ("Crutches, forearm, includes ...") is judged mostly on its head.
        const mainNorm = textMainNorm[t]!;
        if (mainNorm > 0 && !INDEX_TEXT[t]) tc = 0.3 * tc + 0.7 * Math.min(1, mainSide[t]! / mainNorm);
        const base = qc * qc * (0.3 + 0.7 * tc) * alt.weight;
        for (let d = textDocStart[t]!; d < textDocStart[t + 1]!; d++) {
          const c = docCode[d]!;
          if (system >= 0 && codeSystem[c] !== system) continue;
          const kind = docKind[d]!;
          let s = base * KIND_WEIGHTS[kind]!;
          const tf = flagsOfText[t]!;
          // A line whose main term (or descriptor head) the query does not name is incidental.
          if ((INDEX_LIKE[kind] || tf & TEXT_FLAG.hasMain) && !mainHit[t]) s *= 0.85;
          // The unspecified code is what words without more detail mean.
          if (tf & TEXT_FLAG.unspecified) s *= 1.04;
          // A side the query does not name is a detail the coder has not got.
          if (tf & TEXT_FLAG.lateral && !lateralQuery) s *= 0.97;
          if (AGREEING[kind]) s *= 0.85 + (0.15 * (docAux[d]! & AUX.agreementMask)) / AUX.agreementMask;
          // "-ectomy" without "partial": the whole body part (Resection) before Excision.
          if (kind === PCS_INDEX_KIND && docAux[d]! & AUX.excision && !state.partial) s *= 0.98;
          // Newborn, pregnancy and rheumatic codes only when the query says so (context.ts).
          if (this.codeContext[c]! & ~state.context) s *= UNNAMED_CONTEXT;
          if (state.seventh !== '' && codeSystem[c] === 0) {
            const code = this.data.codes[c]!;
            if (code.length !== 7 || code[6] !== state.seventh) s *= 0.5;
          }
          // A code inferred from an Index line's partial code is as uncertain as the partial code.
          if ((codeFlags[c]! & 1) === 0 || (kind === PCS_INDEX_KIND && docAux[d]! & AUX.inferred)) s *= 0.9;
          const cur = codeScore[c]!;
          if (s > cur) {
            if (cur === 0) codeTouched[state.touched++] = c;
            codeScore[c] = s;
            codeDoc[c] = d;
            codeAlt[c] = a;
            codeFlag[c] = textFlags[t]!;
          }
        }
      }
      mask[t] = 0;
      acc[t] = 0;
      docSide[t] = 0;
      mainHit[t] = 0;
      mainSide[t] = 0;
      textFlags[t] = 0;
    }
  }
}
