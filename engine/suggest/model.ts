/**
 * The suggestion model: what Chartside learns from a coded collection (the CodiEsp training split,
 * CC BY 4.0) at build time and ships as a versioned bundle beside the code tables.
 *
 * - `associations`: word -> code associations ({@link trainAssociations}), extra candidates with
 *   their evidence spans;
 * - `calibration`: per suggested code, how often the engine was right about it on the training
 *   documents (smoothed towards the engine's overall precision), which re-weights the score.
 *
 * The Index/Tabular engine still finds, completes and checks every code; the model only adds
 * candidates and re-orders. Everything is plain data (JSON-able after {@link encodeSuggestModel}),
 * so the build (Node), the worker and the evaluation use the same model.
 */
import { z } from 'zod';
import { analyzeText, type TextAnalysis } from '../text';
import {
  LEARNED_MODEL_VERSION,
  trainAssociations,
  type LearnedModel,
  type TrainOptions,
  type TrainingDocument,
} from './learned';
import {
  RERANK_FEATURES,
  codeFrequencies,
  documentSignals,
  fitLogistic,
  rerankFeatures,
  rerankResult,
  type CodeFrequencies,
  type RerankModel,
  type RerankTables,
} from './rerank';
import { fitBoostedTrees, type BoostOptions } from './boost';
import { buildNeighbourIndex, neighbourIndex, type NeighbourIndex } from './neighbours';
import type { Suggester } from './suggester';
import type { SuggestOptions, SuggestResult, Suggestion } from './types';
import { ChartsideError } from '../errors';

/** Version of {@link SuggestModel} and of its encoded form. Bump when either changes. */
export const SUGGEST_MODEL_VERSION = 2;

/** Where a model was learned from (shown in the UI and by `chartside codesets info`). */
export interface SuggestModelProvenance {
  /** Collection name, e.g. `CodiEsp train (English translations)`. */
  corpus: string;
  license: string;
  citation: string;
  documents: number;
  /** Fiscal year of the collection's gold codes (CodiEsp: 2018). */
  goldCodeYear: number;
  /** Files read, with checksums. */
  files: { file: string; sha256: string; bytes: number }[];
}

/** Per-code precision of the engine on the training documents. */
export interface Calibration {
  /** Suggestion id (`cm:E11.22`, `pcs:0W993ZZ`) -> smoothed precision 0..1. */
  byId: Map<string, number>;
  /** Suggestion id -> times the engine suggested it in training. */
  seen: Map<string, number>;
  /** Overall precision per system (used for codes never suggested in training). */
  prior: { cm: number; pcs: number };
  /** New score = score x (base + precision). */
  base: number;
}

/** A trained suggestion model. */
export interface SuggestModel {
  version: typeof SUGGEST_MODEL_VERSION;
  provenance: SuggestModelProvenance;
  associations: LearnedModel;
  calibration: Calibration;
  /** Gold-code frequencies of the collection (a feature of the re-ranker). */
  frequencies: CodeFrequencies;
  /** The training documents for nearest-neighbour votes (see neighbours.ts). */
  neighbours: NeighbourIndex;
  /** The re-ranker (see rerank.ts). */
  rerank: RerankModel;
}

/** How a training document's gold codes are written, to compare a suggestion with them. */
export type GoldForm = (suggestion: Pick<Suggestion, 'code' | 'system'>) => string;

/** Options of {@link trainSuggestModel}. */
export interface TrainSuggestModelOptions {
  suggester: Suggester;
  /** Gold codes of every document must be written as `goldForm` writes a suggestion. */
  goldForm: GoldForm;
  provenance: SuggestModelProvenance;
  /** Suggest options while fitting (the collection's annotation conventions). */
  suggestOptions?: SuggestOptions;
  /** Calibration score base (default 0.2, tuned on a CodiEsp train hold-out: 0.1 / 0.2 / 0.35 / 0.6). */
  calibrationBase?: number;
  /** Pseudo-count pulling a code's precision towards the prior (default 3). */
  smoothing?: number;
  /** Association training options (see {@link trainAssociations}). */
  associations?: TrainOptions;
  /** Re-ranker kind (default `trees`; see {@link RerankModel}). */
  reranker?: 'trees' | 'linear';
  /** Options of the boosted trees (defaults of {@link fitBoostedTrees}, not tuned). */
  trees?: BoostOptions;
  /** Folds of the cross-fitting that gives the re-ranker honest features (default 5). */
  folds?: number;
}

/**
 * Learns a {@link SuggestModel} from coded documents: associations from their texts and gold
 * codes, a calibration from running the Index/Tabular engine over them, and a re-ranker.
 *
 * The re-ranker must see features as they will be at run time, on charts the associations and
 * calibration were not learned from: so its training examples are cross-fitted (each fold's
 * suggestions are described with tables learned from the other folds), and the tables shipped
 * are then learned from every document.
 *
 * @example const model = trainSuggestModel(trainDocs, { suggester, goldForm, provenance });
 */
export function trainSuggestModel(docs: readonly TrainingDocument[], options: TrainSuggestModelOptions): SuggestModel {
  const folds = Math.max(2, options.folds ?? 5);
  const suggestOptions = { ...(options.suggestOptions ?? {}), calibrate: undefined, learned: undefined };
  const gold = docs.map((d) => new Set(d.codes.map((c) => `${c.system}:${c.code}`)));
  const label = (s: Suggestion, i: number): number => (gold[i]!.has(`${s.system}:${options.goldForm(s)}`) ? 1 : 0);
  // The Index engine alone, once per document: the calibration counts of any subset are sums of these.
  const plain = docs.map((d) => options.suggester.suggest(d.text, suggestOptions));
  const tablesOf = (keep: (i: number) => boolean): RerankTables & { calibration: Calibration } => ({
    associations: trainAssociations(
      docs.filter((_, i) => keep(i)),
      options.associations,
    ),
    calibration: fitCalibration(plain, label, keep, options),
    frequencies: codeFrequencies(docs.filter((_, i) => keep(i))),
    neighbours: buildNeighbourIndex(docs.filter((_, i) => keep(i))),
  });
  const X = { cm: [] as number[][], pcs: [] as number[][] };
  const Y = { cm: [] as number[], pcs: [] as number[] };
  for (let k = 0; k < folds; k++) {
    const tables = tablesOf((i) => i % folds !== k);
    for (let i = k; i < docs.length; i += folds) {
      const text = docs[i]!.text;
      const r = options.suggester.suggest(text, { ...suggestOptions, learned: tables.associations });
      const signals = documentSignals(text, tables);
      for (const [system, list] of [
        ['cm', r.diagnoses],
        ['pcs', r.procedures],
      ] as const)
        list.forEach((s, rank) => {
          X[system].push(rerankFeatures(s, rank, text.length, signals, tables));
          Y[system].push(label(s, i));
        });
    }
  }
  const all = tablesOf(() => true);
  return {
    version: SUGGEST_MODEL_VERSION,
    provenance: options.provenance,
    ...all,
    rerank:
      options.reranker === 'linear'
        ? {
            features: [...RERANK_FEATURES],
            kind: 'linear',
            cm: fitLogistic(X.cm, Y.cm, { dimensions: RERANK_FEATURES.length }),
            pcs: fitLogistic(X.pcs, Y.pcs, { dimensions: RERANK_FEATURES.length }),
          }
        : {
            features: [...RERANK_FEATURES],
            kind: 'trees',
            cm: fitBoostedTrees(X.cm, Y.cm, options.trees),
            pcs: fitBoostedTrees(X.pcs, Y.pcs, options.trees),
          },
  };
}

/** Per-code precision of the engine over the documents `keep` selects. */
function fitCalibration(
  runs: readonly SuggestResult[],
  label: (s: Suggestion, doc: number) => number,
  keep: (doc: number) => boolean,
  options: TrainSuggestModelOptions,
): Calibration {
  const strength = options.smoothing ?? 3;
  const counts = new Map<string, { n: number; hit: number }>();
  const total = { cm: { n: 0, hit: 0 }, pcs: { n: 0, hit: 0 } };
  runs.forEach((result, doc) => {
    if (!keep(doc)) return;
    // One verdict per gold form: several suggestions can map onto the same gold code.
    const seen = new Set<string>();
    for (const s of [...result.diagnoses, ...result.procedures]) {
      const form = `${s.system}:${options.goldForm(s)}`;
      if (seen.has(form)) continue;
      seen.add(form);
      const hit = label(s, doc);
      const c = counts.get(s.id) ?? { n: 0, hit: 0 };
      c.n++;
      c.hit += hit;
      counts.set(s.id, c);
      total[s.system].n++;
      total[s.system].hit += hit;
    }
  });
  const prior = {
    cm: total.cm.n === 0 ? 0 : total.cm.hit / total.cm.n,
    pcs: total.pcs.n === 0 ? 0 : total.pcs.hit / total.pcs.n,
  };
  const byId = new Map<string, number>();
  const seen = new Map<string, number>();
  for (const [id, c] of counts) {
    const p = id.startsWith('cm:') ? prior.cm : prior.pcs;
    byId.set(id, (c.hit + strength * p) / (c.n + strength));
    seen.set(id, c.n);
  }
  return { byId, seen, prior, base: options.calibrationBase ?? 0.2 };
}

/**
 * The suggest options that apply a model's associations and calibration without the re-ranker
 * (for comparison; the product uses {@link suggestWithModel}). Other options pass through.
 *
 * @example suggester.suggest(text, withSuggestModel(model, { setting: 'inpatient' }))
 */
export function withSuggestModel(model: SuggestModel, options: SuggestOptions = {}): SuggestOptions {
  const { byId, prior, base } = model.calibration;
  return {
    ...options,
    learned: model.associations,
    calibrate: (code, system, score) => score * (base + (byId.get(`${system}:${code}`) ?? prior[system])),
  };
}

/**
 * Suggestions for a chart with a model applied: the engine with the model's associations as extra
 * candidates, then re-ranked (scores become the re-ranker's probabilities).
 *
 * @example suggestWithModel(suggester, text, model, { setting: 'inpatient' }).diagnoses[0]
 */
export function suggestWithModel(
  suggester: Suggester,
  text: string,
  model: SuggestModel,
  options: SuggestOptions = {},
  analysis?: TextAnalysis,
): SuggestResult {
  // One text analysis for the engine and the re-ranker's features.
  const a = analysis ?? analyzeText(text);
  const result = suggester.suggest(text, { ...options, calibrate: undefined, learned: model.associations }, a);
  return rerankResult(result, text, model.rerank, model, a);
}

// ---- encoded form ----

const association = z.tuple([z.string(), z.enum(['cm', 'pcs']), z.number().min(0).max(1), z.number().int().min(1)]);

const finite = z.number().refine(Number.isFinite, 'not a finite number');
const linear = z.object({
  mean: z.array(finite),
  scale: z.array(finite.refine((x) => x > 0, 'scale must be positive')),
  weights: z.array(finite),
  bias: finite,
});

const tree = z
  .object({
    feature: z.array(
      z
        .number()
        .int()
        .min(-1)
        .max(RERANK_FEATURES.length - 1),
    ),
    threshold: z.array(finite),
    left: z.array(z.number().int().min(-1)),
    right: z.array(z.number().int().min(-1)),
    value: z.array(finite),
  })
  .refine(
    (t) =>
      [t.threshold, t.left, t.right, t.value].every((v) => v.length === t.feature.length) &&
      t.feature.length > 0 &&
      // Children come after their parent: walking a tree always ends.
      t.feature.every(
        (f, i) =>
          f < 0 ||
          (t.left[i]! > i && t.right[i]! > i && t.right[i]! < t.feature.length && t.left[i]! < t.feature.length),
      ),
    { message: 'malformed tree' },
  );
const boosted = z.object({ bias: finite, trees: z.array(tree) });

const encodedSchema = z.object({
  version: z.literal(SUGGEST_MODEL_VERSION),
  provenance: z.object({
    corpus: z.string(),
    license: z.string(),
    citation: z.string(),
    documents: z.number().int().min(0),
    goldCodeYear: z.number().int(),
    files: z.array(z.object({ file: z.string(), sha256: z.string(), bytes: z.number().int().min(0) })),
  }),
  associations: z.object({
    version: z.literal(LEARNED_MODEL_VERSION),
    documents: z.number().int().min(0),
    features: z.array(z.tuple([z.string(), z.array(association)])),
  }),
  calibration: z.object({
    byId: z.array(z.tuple([z.string(), z.number().min(0).max(1)])),
    seen: z.array(z.tuple([z.string(), z.number().int().min(0)])),
    prior: z.object({ cm: z.number().min(0).max(1), pcs: z.number().min(0).max(1) }),
    base: z.number().min(0),
  }),
  frequencies: z.object({
    documents: z.number().int().min(0),
    codes: z.array(z.tuple([z.string(), z.number().int().min(1)])),
    categories: z.array(z.tuple([z.string(), z.number().int().min(1)])),
  }),
  neighbours: z
    .object({
      postings: z.array(z.tuple([z.string(), z.array(z.number().int().min(0))])),
      codes: z.array(z.array(z.string())),
    })
    .refine(
      (n) => n.postings.every(([, ids]) => ids.every((d, i) => d < n.codes.length && (i === 0 || d > ids[i - 1]!))),
      {
        message: 'neighbour postings must be ascending ids of stored documents',
      },
    ),
  rerank: z
    .union([
      z.object({ features: z.array(z.string()), kind: z.literal('trees'), cm: boosted, pcs: boosted }),
      z.object({ features: z.array(z.string()), kind: z.literal('linear'), cm: linear, pcs: linear }),
    ])
    .refine((r) => r.features.join() === RERANK_FEATURES.join(), {
      message: `re-ranker features differ from this build's (${RERANK_FEATURES.length} features)`,
    })
    .refine(
      (r) =>
        r.kind === 'trees' ||
        [r.cm, r.pcs].every((m) => [m.mean, m.scale, m.weights].every((v) => v.length === r.features.length)),
      { message: 're-ranker vectors do not match its feature list' },
    ),
});

/** Encoded (JSON) form of a {@link SuggestModel}. */
export type EncodedSuggestModel = z.infer<typeof encodedSchema>;

/** Raised for a model that is not a valid {@link EncodedSuggestModel} of this version. */
export class ChartsideSuggestModelError extends ChartsideError {
  override name = 'ChartsideSuggestModelError';
}

/**
 * JSON-able form of a model, deterministic (features and codes sorted) so that the same training
 * gives byte-identical bundles.
 */
export function encodeSuggestModel(model: SuggestModel): EncodedSuggestModel {
  const byKey = <T>(a: [string, T], b: [string, T]): number => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  return {
    version: SUGGEST_MODEL_VERSION,
    provenance: model.provenance,
    associations: {
      version: LEARNED_MODEL_VERSION,
      documents: model.associations.documents,
      features: [...model.associations.features]
        .map(([f, list]): [string, [string, 'cm' | 'pcs', number, number][]] => [
          f,
          list.map((a) => [a.code, a.system, a.p, a.support]),
        ])
        .sort(byKey),
    },
    calibration: {
      byId: [...model.calibration.byId].sort(byKey),
      seen: [...model.calibration.seen].sort(byKey),
      prior: model.calibration.prior,
      base: model.calibration.base,
    },
    frequencies: {
      documents: model.frequencies.documents,
      codes: [...model.frequencies.codes].sort(byKey),
      categories: [...model.frequencies.categories].sort(byKey),
    },
    neighbours: {
      postings: [...model.neighbours.postings].sort(byKey),
      codes: model.neighbours.docs.map((d) => d.codes),
    },
    rerank: model.rerank,
  };
}

/**
 * Parses an encoded model (read from a bundle: a trust boundary). Throws
 * {@link ChartsideSuggestModelError} naming the first problem, or an unknown version.
 */
export function decodeSuggestModel(json: unknown): SuggestModel {
  const version = (json as { version?: unknown } | null)?.version;
  if (version !== SUGGEST_MODEL_VERSION)
    throw new ChartsideSuggestModelError(
      `suggestion model version ${String(version)} is not supported (this build reads version ${SUGGEST_MODEL_VERSION}); rebuild the codesets`,
    );
  const parsed = encodedSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ChartsideSuggestModelError(
      `suggestion model is malformed at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}`,
    );
  }
  const m = parsed.data;
  return {
    version: SUGGEST_MODEL_VERSION,
    provenance: m.provenance,
    associations: {
      version: LEARNED_MODEL_VERSION,
      documents: m.associations.documents,
      features: new Map(
        m.associations.features.map(([f, list]) => [
          f,
          list.map(([code, system, p, support]) => ({ code, system, p, support })),
        ]),
      ),
    },
    calibration: {
      byId: new Map(m.calibration.byId),
      seen: new Map(m.calibration.seen),
      prior: m.calibration.prior,
      base: m.calibration.base,
    },
    frequencies: {
      documents: m.frequencies.documents,
      codes: new Map(m.frequencies.codes),
      categories: new Map(m.frequencies.categories),
    },
    neighbours: neighbourIndex(new Map(m.neighbours.postings), m.neighbours.codes),
    rerank: m.rerank,
  };
}
