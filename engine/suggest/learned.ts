/**
 * Word-to-code associations learned from a coded collection (e.g. the CodiEsp training split):
 * for each word or word pair of the chart text, the codes annotators assigned to documents holding
 * it, with P(code | feature) = documents with both / (documents with the feature + 1).
 *
 * This complements the Index lexicon with a collection's own conventions (which symptoms its
 * annotators code, its wording) and is only as good as the collection: it is an option of
 * {@link Suggester.suggest} (part of the suggestion model, model.ts, which the user turns on),
 * each code it proposes carries the words that triggered it as evidence and is checked against
 * the year's tables. Trained at build time into the `suggest-model` bundle (.cache, never
 * committed) and by the evaluation.
 */
import { analyzeText, type TextAnalysis } from '../text';
import { sentenceKeys } from './tokens';

/** Version of {@link LearnedModel}. */
export const LEARNED_MODEL_VERSION = 1;

/** One association. */
export interface Association {
  /** Code as in the training gold (e.g. `n28.89`, `bw03zzz`, `bw20`). */
  code: string;
  system: 'cm' | 'pcs';
  /** P(code | feature), smoothed. */
  p: number;
  /** Documents holding both. */
  support: number;
}

/** A trained model: feature (one key, or two adjacent keys joined by a space) -> associations. */
export interface LearnedModel {
  version: typeof LEARNED_MODEL_VERSION;
  documents: number;
  features: Map<string, Association[]>;
}

/** A coded training document. */
export interface TrainingDocument {
  text: string;
  codes: { code: string; system: 'cm' | 'pcs' }[];
}

/** Training options. */
export interface TrainOptions {
  /** Least number of documents holding both feature and code (default 2). */
  minSupport?: number;
  /** Least P(code | feature) kept (default 0.4, tuned on a CodiEsp train hold-out). */
  minP?: number;
  /** Most codes kept per feature (default 5). */
  perFeature?: number;
}

/**
 * Features of a text: unigram and adjacent-bigram keys with the span of each occurrence.
 *
 * @param analysis A precomputed {@link analyzeText} result for the same text (optional).
 */
export function textFeatures(text: string, analysis?: TextAnalysis): Map<string, { start: number; end: number }[]> {
  const out = new Map<string, { start: number; end: number }[]>();
  const a = analysis ?? analyzeText(text);
  const add = (f: string, start: number, end: number): void => {
    const list = out.get(f);
    if (!list) out.set(f, [{ start, end }]);
    else if (list.length < 8) list.push({ start, end });
  };
  for (const s of a.sentences) {
    const { tokens } = sentenceKeys(text, s.start, s.end);
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.key.length < 3 || /^[0-9]+$/.test(t.key)) continue;
      add(t.key, t.start, t.end);
      const n = tokens[i + 1];
      if (n && n.key.length >= 2) add(`${t.key} ${n.key}`, t.start, n.end);
    }
  }
  return out;
}

/**
 * Learns associations from coded documents.
 *
 * @example const model = trainAssociations(trainDocs); suggester.suggest(text, { learned: model })
 */
export function trainAssociations(docs: readonly TrainingDocument[], options: TrainOptions = {}): LearnedModel {
  const minSupport = options.minSupport ?? 2;
  const minP = options.minP ?? 0.4;
  const perFeature = options.perFeature ?? 5;
  const df = new Map<string, number>();
  const co = new Map<string, Map<string, number>>();
  const systemOf = new Map<string, 'cm' | 'pcs'>();
  for (const d of docs) {
    const feats = [...textFeatures(d.text).keys()];
    const codes = [...new Set(d.codes.map((c) => (systemOf.set(c.code, c.system), c.code)))];
    for (const f of feats) {
      df.set(f, (df.get(f) ?? 0) + 1);
      let m = co.get(f);
      if (!m) co.set(f, (m = new Map<string, number>()));
      for (const c of codes) m.set(c, (m.get(c) ?? 0) + 1);
    }
  }
  const features = new Map<string, Association[]>();
  for (const [f, m] of co) {
    const n = df.get(f)!;
    const list: Association[] = [];
    for (const [code, support] of m) {
      if (support < minSupport) continue;
      const p = support / (n + 1);
      if (p >= minP) list.push({ code, system: systemOf.get(code)!, p, support });
    }
    if (list.length === 0) continue;
    list.sort((x, y) => y.p - x.p);
    features.set(f, list.slice(0, perFeature));
  }
  return { version: LEARNED_MODEL_VERSION, documents: docs.length, features };
}
