/**
 * Re-ranking of the engine's suggestions by a small logistic model learned from a coded
 * collection: each suggestion is described by a few numbers (the engine's own score and evidence,
 * how its mentions are qualified, the learned word associations pointing at it, how often the
 * engine was right about this code and how often annotators used it in training), and the model
 * turns them into the probability that a coder would assign the code.
 *
 * Why a linear model: it is a few hundred numbers that anyone can read (every weight has a named
 * feature), trains in milliseconds, and cannot memorise a document. The features are computed from
 * the suggestion alone plus the model's tables, so the worker, the CLI and the evaluation rank
 * identically.
 */
import { normalizeCode } from '../codes/normalize';
import type { TextAnalysis } from '../text';
import { boostedPredict, type BoostedTrees } from './boost';
import type { Calibration } from './model';
import { textFeatures, type LearnedModel } from './learned';
import { neighbourVotes, type NeighbourIndex } from './neighbours';
import type { SuggestResult, Suggestion } from './types';

/** Names of the features, in vector order (stored with the model; a mismatch refuses the model). */
export const RERANK_FEATURES = [
  'score',
  'evidence-count',
  'learned-only',
  'assoc-max-p',
  'assoc-features',
  'assoc-support',
  'calibration-precision',
  'calibration-seen',
  'gold-code-frequency',
  'gold-category-frequency',
  'negated-share',
  'family-share',
  'hypothetical-share',
  'historical-share',
  'uncertain-share',
  'needs-specificity',
  'partial-code',
  'combination',
  'excludes1-conflict',
  'first-mention-position',
  'rank',
  'diagnosis-section',
  'history-section',
  'symptom-chapter',
  'status-chapter',
  'external-cause-chapter',
  'neighbour-vote',
  'neighbour-category-vote',
  'score-x-calibration',
  'score-x-vote',
  'calibration-x-vote',
  'assoc-x-vote',
  'learned-only-x-assoc',
] as const;

/** Logistic regression over standardised features. */
export interface LinearModel {
  /** Per feature: mean and scale used to standardise. */
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
}

/** Gold-code frequencies of the training collection, keyed by normalised code (`N2889`, `BW03ZZZ`). */
export interface CodeFrequencies {
  documents: number;
  /** Normalised gold code -> documents coded with it. */
  codes: Map<string, number>;
  /** First 3 (CM) or 4 (PCS) characters -> documents coded with any code of it. */
  categories: Map<string, number>;
}

/** Everything a suggestion's features are read from, besides the suggestion. */
export interface RerankTables {
  associations: LearnedModel;
  neighbours: NeighbourIndex;
  /** The engine's per-code precision in training (the score base is not a feature). */
  calibration: Pick<Calibration, 'byId' | 'seen' | 'prior'>;
  frequencies: CodeFrequencies;
}

/**
 * The re-ranking model, one per code system: boosted trees (the default: when chosen, CodiEsp dev
 * MAP 0.540 / 0.441 against 0.515 / 0.429 for the linear model, train hold-out 0.546 / 0.386
 * against 0.538 / 0.394; at the end of session 2, 0.554 / 0.446 against 0.541 / 0.432) or a
 * logistic regression (every weight readable against its feature).
 */
export type RerankModel = { features: string[] } & (
  { kind: 'trees'; cm: BoostedTrees; pcs: BoostedTrees } | { kind: 'linear'; cm: LinearModel; pcs: LinearModel }
);

/** Association evidence of one document, by normalised associated code. */
export type DocumentAssociations = Map<string, { maxP: number; features: number; support: number }>;

/** What the re-ranker reads from one chart besides its suggestions. */
export interface DocumentSignals {
  assoc: DocumentAssociations;
  /** Normalised code -> vote of the nearest training documents (see neighbours.ts). */
  votes: Map<string, number>;
  /** Category (3 characters CM, 4 PCS) -> summed votes of its codes. */
  categoryVotes: Map<string, number>;
}

/** Computes a chart's {@link DocumentSignals}. */
export function documentSignals(text: string, tables: RerankTables, analysis?: TextAnalysis): DocumentSignals {
  const features = [...textFeatures(text, analysis).keys()];
  const votes = neighbourVotes(features, tables.neighbours);
  const categoryVotes = new Map<string, number>();
  for (const [code, v] of votes) {
    // One map for both systems: a CM category is read with 3 characters, a PCS one with 4.
    for (const n of [3, 4]) {
      const k = code.slice(0, n);
      categoryVotes.set(k, (categoryVotes.get(k) ?? 0) + v);
    }
  }
  return { assoc: documentAssociations(features, tables.associations), votes, categoryVotes };
}

/**
 * The learned associations a text triggers, by normalised code: the best probability, how many
 * distinct features point at the code and their largest support.
 */
export function documentAssociations(features: Iterable<string>, associations: LearnedModel): DocumentAssociations {
  const out: DocumentAssociations = new Map();
  for (const f of features) {
    const list = associations.features.get(f);
    if (!list) continue;
    for (const a of list) {
      const key = normalizeCode(a.code);
      const cur = out.get(key);
      if (!cur) out.set(key, { maxP: a.p, features: 1, support: a.support });
      else {
        cur.maxP = Math.max(cur.maxP, a.p);
        cur.features++;
        cur.support = Math.max(cur.support, a.support);
      }
    }
  }
  return out;
}

/** Value of the longest key of `map` that is `code` or one of its prefixes (codes there may be less specific). */
function byPrefix<T>(map: Map<string, T>, code: string, minLength: number): T | undefined {
  for (let n = code.length; n >= minLength; n--) {
    const hit = map.get(code.slice(0, n));
    if (hit !== undefined) return hit;
  }
  return undefined;
}

/** Counts of gold codes per document, for {@link CodeFrequencies}. */
export function codeFrequencies(docs: readonly { codes: { code: string; system: 'cm' | 'pcs' }[] }[]): CodeFrequencies {
  const codes = new Map<string, number>();
  const categories = new Map<string, number>();
  for (const d of docs) {
    const seen = new Set<string>();
    const seenCat = new Set<string>();
    for (const c of d.codes) {
      const code = normalizeCode(c.code);
      seen.add(code);
      seenCat.add(code.slice(0, c.system === 'cm' ? 3 : 4));
    }
    for (const c of seen) codes.set(c, (codes.get(c) ?? 0) + 1);
    for (const c of seenCat) categories.set(c, (categories.get(c) ?? 0) + 1);
  }
  return { documents: docs.length, codes, categories };
}

const DIAGNOSIS_SECTIONS = new Set([
  'assessment-plan',
  'admission-diagnoses',
  'discharge-diagnoses',
  'chief-complaint',
]);
const HISTORY_SECTIONS = new Set(['past-history', 'past-surgical-history', 'family-history', 'social-history']);

/**
 * Feature vector of one suggestion (order: {@link RERANK_FEATURES}).
 *
 * @param rank 0-based position of the suggestion in the engine's list.
 * @param textLength Length of the chart text (for the position of the first mention).
 */
export function rerankFeatures(
  s: Suggestion,
  rank: number,
  textLength: number,
  signals: DocumentSignals,
  tables: RerankTables,
): number[] {
  const code = normalizeCode(s.code);
  const { assoc, votes, categoryVotes } = signals;
  const catLength = s.system === 'cm' ? 3 : 4;
  const a = byPrefix(assoc, code, s.system === 'cm' ? 3 : 4);
  const n = s.evidence.length || 1;
  const share = (k: 'negated' | 'family' | 'hypothetical' | 'historical' | 'uncertain'): number =>
    s.evidence.filter((e) => e.context[k]).length / n;
  const flag = (f: Suggestion['flags'][number]): number => (s.flags.includes(f) ? 1 : 0);
  const { frequencies: fq, calibration: cal } = tables;
  const codeDocs = byPrefix(fq.codes, code, s.system === 'cm' ? 3 : 4) ?? 0;
  const catDocs = fq.categories.get(code.slice(0, s.system === 'cm' ? 3 : 4)) ?? 0;
  let first = textLength;
  for (const e of s.evidence) if (e.start < first) first = e.start;
  const sections = s.evidence.map((e) => e.section);
  const letter = s.system === 'cm' ? code[0] : '';
  const vote = byPrefix(votes, code, catLength) ?? 0;
  const precision = cal.byId.get(s.id) ?? cal.prior[s.system];
  return [
    s.score,
    Math.log1p(s.evidence.length),
    s.path.startsWith('learned association') ? 1 : 0,
    a?.maxP ?? 0,
    Math.log1p(a?.features ?? 0),
    Math.log1p(a?.support ?? 0),
    precision,
    Math.log1p(cal.seen.get(s.id) ?? 0),
    Math.log1p(codeDocs) - Math.log1p(fq.documents),
    Math.log1p(catDocs) - Math.log1p(fq.documents),
    share('negated'),
    share('family'),
    share('hypothetical'),
    share('historical'),
    share('uncertain'),
    flag('needs-specificity'),
    flag('partial-code'),
    flag('combination'),
    flag('excludes1-conflict'),
    textLength > 0 ? first / textLength : 0,
    Math.log1p(rank),
    sections.some((k) => DIAGNOSIS_SECTIONS.has(k)) ? 1 : 0,
    sections.length > 0 && sections.every((k) => HISTORY_SECTIONS.has(k)) ? 1 : 0,
    letter === 'R' ? 1 : 0,
    letter === 'Z' ? 1 : 0,
    letter === 'V' || letter === 'W' || letter === 'X' || letter === 'Y' ? 1 : 0,
    vote,
    categoryVotes.get(code.slice(0, catLength)) ?? 0,
    // Interactions a linear model cannot form: agreement of two independent signals.
    s.score * precision,
    s.score * vote,
    precision * vote,
    (a?.maxP ?? 0) * vote,
    (s.path.startsWith('learned association') ? 1 : 0) * (a?.maxP ?? 0),
  ];
}

/** Probability of one standardised feature vector under a linear model. */
export function predict(model: LinearModel, x: readonly number[]): number {
  let z = model.bias;
  for (let i = 0; i < model.weights.length; i++) z += model.weights[i]! * ((x[i]! - model.mean[i]!) / model.scale[i]!);
  return 1 / (1 + Math.exp(-z));
}

/** Options of {@link fitLogistic}. */
export interface FitOptions {
  /** L2 penalty (default 1e-3). */
  l2?: number;
  /** Gradient steps (default 400). */
  iterations?: number;
  /** Step size (default 0.5). */
  rate?: number;
  /** Features per example (default: the first example's length; needed when there may be none). */
  dimensions?: number;
}

/**
 * Fits a logistic regression by full-batch gradient descent on standardised features
 * (deterministic: same data, same weights). Without examples every weight is 0 (probability 0.5).
 */
export function fitLogistic(X: readonly number[][], y: readonly number[], options: FitOptions = {}): LinearModel {
  const d = options.dimensions ?? X[0]?.length ?? 0;
  const n = X.length;
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(0);
  for (const x of X) for (let j = 0; j < d; j++) mean[j]! += x[j]! / n;
  for (const x of X) for (let j = 0; j < d; j++) scale[j]! += (x[j]! - mean[j]!) ** 2 / n;
  for (let j = 0; j < d; j++) scale[j] = Math.sqrt(scale[j]!) || 1;
  const Z = X.map((x) => x.map((v, j) => (v - mean[j]!) / scale[j]!));
  const w = new Array<number>(d).fill(0);
  let b = 0;
  const l2 = options.l2 ?? 1e-3;
  const rate = options.rate ?? 0.5;
  const iterations = options.iterations ?? 400;
  for (let it = 0; it < iterations; it++) {
    const gw = new Array<number>(d).fill(0);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      const z = Z[i]!;
      let s = b;
      for (let j = 0; j < d; j++) s += w[j]! * z[j]!;
      const err = 1 / (1 + Math.exp(-s)) - y[i]!;
      gb += err;
      for (let j = 0; j < d; j++) gw[j]! += err * z[j]!;
    }
    b -= (rate * gb) / Math.max(1, n);
    for (let j = 0; j < d; j++) w[j]! -= rate * (gw[j]! / Math.max(1, n) + l2 * w[j]!);
  }
  return { mean, scale, weights: w, bias: b };
}

/**
 * Re-scores and re-sorts a result: each suggestion's score becomes the model's probability that
 * the code is assigned. Evidence, flags, notes and paths are kept; the engine's own score is the
 * first feature of that probability.
 *
 * @example rerankResult(suggester.suggest(text, { learned }), text, model, tables)
 */
export function rerankResult(
  result: SuggestResult,
  text: string,
  model: RerankModel,
  tables: RerankTables,
  analysis?: TextAnalysis,
): SuggestResult {
  const signals = documentSignals(text, tables, analysis);
  const rescore = (list: Suggestion[], system: 'cm' | 'pcs'): Suggestion[] =>
    list
      .map((s, rank) => {
        const x = rerankFeatures(s, rank, text.length, signals, tables);
        return {
          ...s,
          score: model.kind === 'trees' ? boostedPredict(model[system], x) : predict(model[system], x),
        };
      })
      .sort((x, y) => y.score - x.score || x.code.localeCompare(y.code));
  return {
    ...result,
    diagnoses: rescore(result.diagnoses, 'cm'),
    procedures: rescore(result.procedures, 'pcs'),
  };
}
