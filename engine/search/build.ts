/**
 * Builds a {@link SearchIndexData} from a {@link SearchCorpus} in two passes over flat arrays
 * (no object per token), so building in the worker stays within its memory budget.
 */
import { TERMS_VERSION } from './data/terms';
import {
  AUX,
  ENTRY_KINDS,
  FIELD,
  SEARCH_INDEX_FORMAT_VERSION,
  SYSTEMS,
  TEXT_FLAG,
  type SearchIndexData,
} from './layout';
import { ACRONYM_MARK, acronymsOf } from './acronym';
import { FILLER, tokenize } from './text';
import type { CorpusCode, CorpusEntry, SearchCorpus } from './types';
import { ChartsideError } from '../errors';

/** Raised for a corpus that cannot be indexed (an entry pointing to no code and no title). */
export class ChartsideSearchBuildError extends ChartsideError {
  override name = 'ChartsideSearchBuildError';
}

class Growable<T extends Uint32Array | Uint8Array | Int32Array> {
  length = 0;
  constructor(
    public data: T,
    private readonly make: (n: number) => T,
  ) {}
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = this.make(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  view(): T {
    return this.data.subarray(0, this.length) as T;
  }
}

const encoder = new TextEncoder();

function lowerBoundCode(
  rows: readonly CorpusCode[],
  system: number,
  code: string,
  rank: (s: string) => number,
): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const r = rows[mid]!;
    const s = rank(r.system);
    if (s < system || (s === system && r.code < code)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Inverse document frequency used everywhere: rare words weigh more. */
export function idfOf(df: number, texts: number): number {
  return Math.log(1 + texts / Math.max(1, df));
}

/**
 * Builds the index of one fiscal year.
 *
 * @example
 * const data = buildSearchIndex({ fiscalYear: 2026, sources: [], codes, entries });
 * const index = new SearchIndex(data);
 */
export function buildSearchIndex(corpus: SearchCorpus, builtAt = new Date(0).toISOString()): SearchIndexData {
  // ---- codes: sorted by system, then code ----
  const codeRows: CorpusCode[] = [];
  const seen = new Map<string, CorpusCode>();
  for (const c of corpus.codes) {
    const key = `${c.system}:${c.code}`;
    if (seen.has(key)) continue;
    seen.set(key, c);
    codeRows.push(c);
  }
  const entries: CorpusEntry[] = [];
  for (const e of corpus.entries) {
    const key = `${e.system}:${e.code}`;
    if (!seen.has(key)) {
      if (e.codeTitle === undefined) continue; // an index line to a code absent this year: not searchable
      const c: CorpusCode = { system: e.system, code: e.code, title: e.codeTitle, billable: false };
      seen.set(key, c);
      codeRows.push(c);
    }
    entries.push(e);
  }
  const sysRank = (s: string): number => SYSTEMS.indexOf(s as (typeof SYSTEMS)[number]);
  codeRows.sort((a, b) => sysRank(a.system) - sysRank(b.system) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const codeId = new Map<string, number>();
  codeRows.forEach((c, i) => codeId.set(`${c.system}:${c.code}`, i));

  // ---- texts (deduplicated) and docs ----
  const textId = new Map<string, number>();
  const texts: { text: string; main: number; alt: number }[] = [];
  const docText = new Growable(new Uint32Array(1 << 16), (n) => new Uint32Array(n));
  const docCode = new Growable(new Uint32Array(1 << 16), (n) => new Uint32Array(n));
  const docKind = new Growable(new Uint8Array(1 << 16), (n) => new Uint8Array(n));
  const docAux = new Growable(new Uint32Array(1 << 16), (n) => new Uint32Array(n));
  const columns: string[] = [];
  const columnId = new Map<string, number>();
  const intern = (text: string, main: number, alt = main): number => {
    const key = `${main}:${alt}\u0001${text}`;
    let t = textId.get(key);
    if (t === undefined) {
      t = texts.length;
      texts.push({ text, main, alt });
      textId.set(key, t);
    }
    return t;
  };
  const codeTitle = new Uint32Array(codeRows.length);
  // Numeric keys (text, code, kind) are much cheaper than strings for ~400,000 docs; the aux value
  // of a doc (table column) is already part of its text.
  const docSeen = new Set<number>();
  const addDoc = (t: number, c: number, kind: number, aux: number): void => {
    const k = (t * 262_144 + c) * 8 + kind;
    if (docSeen.has(k)) return;
    docSeen.add(k);
    docText.push(t);
    docCode.push(c);
    docKind.push(kind);
    docAux.push(aux);
  };
  const TITLE = ENTRY_KINDS.indexOf('title');
  codeRows.forEach((c, i) => {
    const t = intern(c.title, c.titleMain ?? 0);
    codeTitle[i] = t;
    addDoc(t, i, TITLE, 0);
  });
  for (const e of entries) {
    const c = codeId.get(`${e.system}:${e.code}`);
    if (c === undefined) throw new ChartsideSearchBuildError(`entry "${e.text}" leads to unknown code ${e.code}`);
    let aux = 0;
    if (e.column !== undefined) {
      let col = columnId.get(e.column);
      if (col === undefined) {
        col = columns.length;
        columns.push(e.column);
        columnId.set(e.column, col);
      }
      aux = col + 1;
    }
    const text = e.column !== undefined ? `${e.text} \u2014 ${e.column}` : e.text;
    addDoc(intern(text, e.mainLength, e.altLength ?? e.mainLength), c, ENTRY_KINDS.indexOf(e.kind), aux);
  }
  // PCS Index lines lead to partial codes (0FT4); a coder then picks the full code in the table.
  // Give each full code of a small partial-code family a text joining the Index line and the
  // code's title, so "laparoscopic cholecystectomy" meets 0FT44ZZ in one text.
  const PCS = SYSTEMS.indexOf('pcs');
  const PCS_INDEX = ENTRY_KINDS.indexOf('pcs-index');
  for (const e of entries) {
    if (e.kind !== 'pcs-index' || e.code.length < 4 || e.code.length >= 7) continue;
    const from = lowerBoundCode(codeRows, PCS, e.code, sysRank);
    let to = from;
    while (to < codeRows.length && codeRows[to]!.system === 'pcs' && codeRows[to]!.code.startsWith(e.code)) to++;
    const family = to - from - (codeRows[from]?.code === e.code ? 1 : 0);
    if (family < 1 || family > 12) continue;
    for (let i = from; i < to; i++) {
      const full = codeRows[i]!;
      if (full.code.length !== 7) continue;
      addDoc(intern(`${e.text} (${full.title})`, e.mainLength), i, PCS_INDEX, AUX.inferred);
    }
  }
  docSeen.clear();

  // ICD-10-CM Index lines, titles and inclusion terms also carry the acronyms of their words
  // (acronym.ts); the other systems write their abbreviations out.
  const CM = SYSTEMS.indexOf('cm');
  const acronymSource = new Uint8Array(texts.length); // 0 none, 1 title-like, 2 Index line
  {
    const dt0 = docText.view();
    const dc0 = docCode.view();
    const dk0 = docKind.view();
    const INDEX = ENTRY_KINDS.indexOf('index');
    const INCLUSION = ENTRY_KINDS.indexOf('inclusion');
    for (let d = 0; d < docText.length; d++) {
      if (sysRank(codeRows[dc0[d]!]!.system) !== CM) continue;
      const k = dk0[d]!;
      if (k === INDEX) acronymSource[dt0[d]!] = 2;
      else if ((k === TITLE || k === INCLUSION) && acronymSource[dt0[d]!] === 0) acronymSource[dt0[d]!] = 1;
    }
  }

  // ---- pass 1: tokens of every text into flat arrays ----
  const termOf = new Map<string, number>();
  const termKeys: string[] = [];
  const tokTerm = new Growable(new Uint32Array(1 << 20), (n) => new Uint32Array(n));
  const tokField = new Growable(new Uint8Array(1 << 20), (n) => new Uint8Array(n));
  const textTokStart = new Uint32Array(texts.length + 1);
  const textFlags = new Uint8Array(texts.length);
  const unspecifiedKeys = new Set(['unspecifi', 'nos']);
  const lateralKeys = new Set(['right', 'left', 'bilateral'].map((w) => tokenize(w)[0]!.key));
  for (let t = 0; t < texts.length; t++) {
    textTokStart[t] = tokTerm.length;
    const { text, main, alt } = texts[t]!;
    const tokens = tokenize(text);
    const mainCount = main > 0 ? tokenize(text.slice(0, main)).length : 0;
    const altCount = alt > main ? tokenize(text.slice(0, alt)).length : mainCount;
    // One posting per distinct term per text, with its best (lowest) field.
    const local = new Map<number, number>();
    for (const tok of tokens) {
      let id = termOf.get(tok.key);
      if (id === undefined) {
        id = termKeys.length;
        termKeys.push(tok.key);
        termOf.set(tok.key, id);
      }
      const field = tok.alias
        ? tok.paren
          ? FIELD.paren
          : FIELD.alias
        : tok.pos < mainCount
          ? FIELD.main
          : tok.paren || tok.pos < altCount
            ? FIELD.paren
            : FIELD.body;
      const prev = local.get(id);
      if (prev === undefined || field < prev) local.set(id, field);
    }
    if (acronymSource[t]! > 0) {
      for (const a of acronymsOf(text, acronymSource[t] === 2, alt)) {
        const key = ACRONYM_MARK + a.initials;
        let id = termOf.get(key);
        if (id === undefined) {
          id = termKeys.length;
          termKeys.push(key);
          termOf.set(key, id);
        }
        // An Index line's acronym that spells its main term too names the main term.
        const field = a.main ? FIELD.main : FIELD.alias;
        if (!local.has(id)) local.set(id, field);
      }
    }
    for (const [id, field] of local) {
      tokTerm.push(id);
      tokField.push(field);
      if (unspecifiedKeys.has(termKeys[id]!)) textFlags[t]! |= TEXT_FLAG.unspecified;
      if (field !== FIELD.paren && lateralKeys.has(termKeys[id]!)) textFlags[t]! |= TEXT_FLAG.lateral;
    }
    if (mainCount > 0) textFlags[t]! |= TEXT_FLAG.hasMain;
  }
  textTokStart[texts.length] = tokTerm.length;

  // ---- sort terms alphabetically and count postings ----
  const order = termKeys.map((_, i) => i).sort((a, b) => (termKeys[a]! < termKeys[b]! ? -1 : 1));
  const remap = new Uint32Array(termKeys.length);
  order.forEach((old, i) => (remap[old] = i));
  const terms = order.map((i) => termKeys[i]!);
  const df = new Uint32Array(terms.length);
  const tt = tokTerm.view();
  for (let k = 0; k < tt.length; k++) df[remap[tt[k]!]!]!++;
  const termStart = new Uint32Array(terms.length + 1);
  for (let i = 0; i < terms.length; i++) termStart[i + 1] = termStart[i]! + df[i]!;
  const postings = new Uint32Array(tt.length);
  const fill = termStart.slice(0, terms.length);
  const tf = tokField.view();
  for (let t = 0; t < texts.length; t++) {
    for (let k = textTokStart[t]!; k < textTokStart[t + 1]!; k++) {
      const term = remap[tt[k]!]!;
      postings[fill[term]!++] = (t << 2) | tf[k]!;
    }
  }

  // ---- text norms: sum of idf of essential, non-filler terms ----
  const filler = new Uint8Array(terms.length);
  // Acronyms restate words the text already has: they add nothing to its norm or agreement.
  terms.forEach((key, i) => (filler[i] = FILLER.has(key) || key.startsWith(ACRONYM_MARK) ? 1 : 0));
  const textNorm = new Float32Array(texts.length);
  const textMainNorm = new Float32Array(texts.length);
  for (let t = 0; t < texts.length; t++) {
    let sum = 0;
    let main = 0;
    for (let k = textTokStart[t]!; k < textTokStart[t + 1]!; k++) {
      const term = remap[tt[k]!]!;
      if (tf[k] === FIELD.paren || tf[k] === FIELD.alias || filler[term]) continue;
      const w = idfOf(df[term]!, texts.length);
      sum += w;
      if (tf[k] === FIELD.main) main += w;
    }
    textNorm[t] = sum;
    textMainNorm[t] = main;
  }

  // ---- agreement of Index / inclusion lines with the code's current title ----
  // The Alphabetic Index may be older than the code titles (see the bundle notes); a line whose
  // words the code's current title does not share is weaker evidence than one it does.
  const stamp = new Int32Array(terms.length).fill(-1);
  {
    const dt0 = docText.view();
    const dc0 = docCode.view();
    const dk0 = docKind.view();
    const da0 = docAux.view();
    const agreeKinds = new Set(
      ['index', 'eindex', 'inclusion'].map((k) => ENTRY_KINDS.indexOf(k as (typeof ENTRY_KINDS)[number])),
    );
    for (let d = 0; d < docText.length; d++) {
      const kind = dk0[d]!;
      if (kind === PCS_INDEX) {
        if (/\(see Excision\b/.test(texts[dt0[d]!]!.text)) da0[d]! |= AUX.excision;
        continue;
      }
      if (!agreeKinds.has(kind)) continue;
      const t = dt0[d]!;
      for (let k = textTokStart[t]!; k < textTokStart[t + 1]!; k++) stamp[remap[tt[k]!]!] = d;
      const title = codeTitle[dc0[d]!]!;
      let total = 0;
      let shared = 0;
      for (let k = textTokStart[title]!; k < textTokStart[title + 1]!; k++) {
        const term = remap[tt[k]!]!;
        if (tf[k] === FIELD.paren || filler[term]) continue;
        total++;
        if (stamp[term] === d) shared++;
      }
      da0[d] = total === 0 ? AUX.agreementMask : Math.round((shared / total) * AUX.agreementMask);
    }
  }

  // ---- texts as UTF-8, docs sorted by text (counting sort) ----
  // One encode of all texts; byte offsets from each text's UTF-8 length (ASCII fast path).
  const textStart = new Uint32Array(texts.length + 1);
  for (let t = 0; t < texts.length; t++) textStart[t + 1] = textStart[t]! + utf8Length(texts[t]!.text);
  const textBytes = encoder.encode(texts.map((x) => x.text).join(''));
  if (textBytes.length !== textStart[texts.length])
    throw new ChartsideSearchBuildError('text byte offsets do not add up');

  const nDocs = docText.length;
  const textDocStart = new Uint32Array(texts.length + 1);
  const dt = docText.view();
  for (let d = 0; d < nDocs; d++) textDocStart[dt[d]! + 1]!++;
  for (let t = 0; t < texts.length; t++) textDocStart[t + 1]! += textDocStart[t]!;
  const at = textDocStart.slice(0, texts.length);
  const outCode = new Uint32Array(nDocs);
  const outKind = new Uint8Array(nDocs);
  const outAux = new Uint16Array(nDocs);
  const dc = docCode.view();
  const dk = docKind.view();
  const da = docAux.view();
  for (let d = 0; d < nDocs; d++) {
    const slot = at[dt[d]!]!++;
    outCode[slot] = dc[d]!;
    outKind[slot] = dk[d]!;
    outAux[slot] = da[d]!;
  }

  const codeSystem = new Uint8Array(codeRows.length);
  const codeFlags = new Uint8Array(codeRows.length);
  codeRows.forEach((c, i) => {
    codeSystem[i] = sysRank(c.system);
    codeFlags[i] = c.billable ? 1 : 0;
  });

  return {
    header: {
      formatVersion: SEARCH_INDEX_FORMAT_VERSION,
      fiscalYear: corpus.fiscalYear,
      termsVersion: TERMS_VERSION,
      sources: corpus.sources.map((s) => ({ id: s.id, sha256: s.sha256, release: s.release })),
      columns,
      counts: {
        texts: texts.length,
        docs: nDocs,
        terms: terms.length,
        postings: postings.length,
        codes: codeRows.length,
      },
      builtAt,
    },
    terms,
    termStart,
    postings,
    textStart,
    textBytes,
    textNorm,
    textFlags,
    textMainNorm,
    textDocStart,
    docCode: outCode,
    docKind: outKind,
    docAux: outAux,
    codes: codeRows.map((c) => c.code),
    codeSystem,
    codeFlags,
    codeTitle,
  };
}
