// The suggestion model: training on a small synthetic coded collection, the encoded form
// (deterministic, decoded model ranks identically, malformed models refused), the re-ranker and
// the nearest-document votes.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSuggestTables } from '../../cli/commands/suggest';
import { Suggester } from '../../engine/suggest';
import { textFeatures, type TrainingDocument } from '../../engine/suggest/learned';
import {
  ChartsideSuggestModelError,
  decodeSuggestModel,
  encodeSuggestModel,
  suggestWithModel,
  trainSuggestModel,
  type EncodedSuggestModel,
  type SuggestModel,
} from '../../engine/suggest/model';
import { boostedPredict, fitBoostedTrees } from '../../engine/suggest/boost';
import { buildNeighbourIndex, neighbourVotes } from '../../engine/suggest/neighbours';
import { RERANK_FEATURES, fitLogistic, predict } from '../../engine/suggest/rerank';

/**
 * Fictional case summaries. "Glomangioma" is coded D18.00 by this collection's annotators while
 * the engine does not find it through the Index wording used here ("glomus lesion"): only the
 * learned associations can propose it.
 */
const TEMPLATES: { text: string; codes: string[] }[] = [
  { text: 'A 60-year-old man with acute kidney injury after dehydration. Creatinine rose.', codes: ['n17.9', 'e86.0'] },
  { text: 'Woman of 45 with essential hypertension, seen for headache.', codes: ['i10', 'r51.9'] },
  { text: 'Painful glomus lesion of the fingertip excised; pathology confirmed.', codes: ['d18.00'] },
  { text: 'Type 2 diabetes mellitus with hyperglycemia; started insulin.', codes: ['e11.65'] },
];

function corpus(n: number): TrainingDocument[] {
  const docs: TrainingDocument[] = [];
  for (let i = 0; i < n; i++) {
    const t = TEMPLATES[i % TEMPLATES.length]!;
    docs.push({
      text: `Case ${i + 1}. ${t.text} Follow-up visit ${(i % 3) + 1} was uneventful.`,
      codes: t.codes.map((code) => ({ code, system: 'cm' as const })),
    });
  }
  return docs;
}

const goldForm = (s: { code: string }): string => s.code.toLowerCase();
const provenance = {
  corpus: 'synthetic test collection',
  license: 'CC0',
  citation: 'Chartside unit test',
  documents: 24,
  goldCodeYear: 2026,
  files: [],
};

let suggester: Suggester;
let model: SuggestModel;
beforeAll(async () => {
  const t = await loadSuggestTables();
  if (!t.pcs) throw new Error(t.notices.join('; '));
  suggester = new Suggester(t.cm, t.pcs, t.lexicon);
  model = trainSuggestModel(corpus(24), { suggester, goldForm, provenance, suggestOptions: { limit: 20 } });
});

describe('fitLogistic', () => {
  it('separates separable data and is deterministic', () => {
    const X = Array.from({ length: 40 }, (_, i) => [i % 2, (i * 7) % 5]);
    const y = X.map((x) => x[0]!);
    const m = fitLogistic(X, y);
    expect(predict(m, [1, 2])).toBeGreaterThan(0.9);
    expect(predict(m, [0, 2])).toBeLessThan(0.1);
    expect(fitLogistic(X, y)).toEqual(m);
  });
});

describe('fitBoostedTrees', () => {
  it('learns an interaction a weighted sum cannot (exclusive or) and is deterministic', () => {
    // Unequal cell sizes, so that the first split already gains (a perfectly balanced XOR gives a
    // greedy learner no first split).
    const cells: [number, number, number][] = [
      [1, 0, 60],
      [0, 1, 20],
      [0, 0, 40],
      [1, 1, 80],
    ];
    const X = cells.flatMap(([a, b, n]) => Array.from({ length: n }, () => [a, b]));
    const y = X.map(([a, b]) => (a === b ? 0 : 1));
    // A small least leaf weight: the default (5) stops refining a 20-example cell near 0.75.
    const m = fitBoostedTrees(X, y, { minWeight: 0.5 });
    for (const [a, b] of cells) {
      const p = boostedPredict(m, [a, b]);
      if (a === b) expect(p).toBeLessThan(0.1);
      else expect(p).toBeGreaterThan(0.9);
    }
    expect(fitBoostedTrees(X, y, { minWeight: 0.5 })).toEqual(m);
    const linear = fitLogistic(X, y);
    const wrong = cells.filter(([a, b]) => predict(linear, [a, b]) > 0.5 !== (a !== b));
    expect(wrong.length).toBeGreaterThan(0);
  });
  it('predicts the base rate without examples', () => {
    expect(boostedPredict(fitBoostedTrees([], []), [])).toBeCloseTo(0.5, 1);
  });
});

describe('neighbour votes', () => {
  it('gives the codes of the most similar documents the largest vote', () => {
    const index = buildNeighbourIndex(corpus(8));
    const votes = neighbourVotes(textFeatures('Acute kidney injury after dehydration, creatinine rose.').keys(), index);
    const best = [...votes].sort((a, b) => b[1] - a[1])[0]!;
    expect(['N179', 'E860']).toContain(best[0]);
    for (const v of votes.values()) expect(v).toBeLessThanOrEqual(1 + 1e-9);
  });
  it('gives no votes to a text sharing nothing with the collection', () => {
    expect(neighbourVotes(textFeatures('Zzyzx qwerty.').keys(), buildNeighbourIndex(corpus(8))).size).toBe(0);
  });
});

describe('trained model', () => {
  it('proposes a code only the collection associates with the words, with its evidence', () => {
    const text = 'Painful glomus lesion of the thumb.';
    const r = suggestWithModel(suggester, text, model, { limit: 20 });
    const hit = r.diagnoses.find((s) => s.code === 'D18.00');
    expect(hit, r.diagnoses.map((s) => s.code).join(' ')).toBeDefined();
    expect(hit!.evidence.length).toBeGreaterThan(0);
    for (const e of hit!.evidence) expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(hit!.path).toMatch(/learned association/);
  });

  it('returns each list best first with probabilities in 0..1', () => {
    const r = suggestWithModel(suggester, 'Acute kidney injury and essential hypertension.', model);
    for (const list of [r.diagnoses, r.procedures]) {
      for (const s of list) {
        expect(s.score).toBeGreaterThanOrEqual(0);
        expect(s.score).toBeLessThanOrEqual(1);
      }
      for (let i = 1; i < list.length; i++) expect(list[i - 1]!.score).toBeGreaterThanOrEqual(list[i]!.score);
    }
    expect(r.diagnoses.map((s) => s.code)).toEqual(expect.arrayContaining(['N17.9', 'I10']));
  });

  it('encodes deterministically and the decoded model ranks identically', () => {
    const again = trainSuggestModel(corpus(24), { suggester, goldForm, provenance, suggestOptions: { limit: 20 } });
    const json = JSON.stringify(encodeSuggestModel(model));
    expect(JSON.stringify(encodeSuggestModel(again))).toBe(json);
    const decoded = decodeSuggestModel(JSON.parse(json));
    const text = 'Type 2 diabetes with hyperglycemia and acute kidney injury; glomus lesion noted.';
    expect(suggestWithModel(suggester, text, decoded)).toEqual(suggestWithModel(suggester, text, model));
  });

  const mutate = (f: (m: EncodedSuggestModel) => void): unknown => {
    const m = JSON.parse(JSON.stringify(encodeSuggestModel(model))) as EncodedSuggestModel;
    f(m);
    return m;
  };
  it.each([
    ['an unknown version', (m: EncodedSuggestModel) => ((m as { version: number }).version = 99), /version 99/],
    ['another feature list', (m: EncodedSuggestModel) => m.rerank.features.pop(), /features differ/],
    ['a bias that is not finite', (m: EncodedSuggestModel) => (m.rerank.cm.bias = Number.NaN), /rerank/],
    [
      'a tree whose node points back to its parent (a walk that never ends)',
      (m: EncodedSuggestModel) => {
        if (m.rerank.kind !== 'trees') throw new Error('expected trees');
        const t = m.rerank.cm.trees.find((x) => x.feature[0]! >= 0)!;
        t.left[0] = 0;
      },
      /rerank/,
    ],
    [
      'a posting beyond the stored documents',
      (m: EncodedSuggestModel) => m.neighbours.postings[0]![1].push(10_000),
      /neighbour postings/,
    ],
    ['a probability above 1', (m: EncodedSuggestModel) => (m.calibration.prior.cm = 2), /calibration/],
  ])('refuses %s with a clear error', (_, f, message) => {
    const bad = mutate(f);
    expect(() => decodeSuggestModel(bad)).toThrow(ChartsideSuggestModelError);
    expect(() => decodeSuggestModel(bad)).toThrow(message);
  });

  it('names its features; trees split only on them; the linear variant has one weight per feature', () => {
    expect(model.rerank.features).toEqual([...RERANK_FEATURES]);
    if (model.rerank.kind !== 'trees') throw new Error('trees are the default re-ranker');
    const used = model.rerank.cm.trees.flatMap((t) => t.feature.filter((f) => f >= 0));
    expect(used.length).toBeGreaterThan(0);
    for (const f of used) expect(f).toBeLessThan(RERANK_FEATURES.length);
    const linear = trainSuggestModel(corpus(24), { suggester, goldForm, provenance, reranker: 'linear' });
    if (linear.rerank.kind !== 'linear') throw new Error('expected the linear re-ranker');
    expect(linear.rerank.cm.weights).toHaveLength(RERANK_FEATURES.length);
    const text = 'Glomus lesion of the finger.';
    const round = decodeSuggestModel(JSON.parse(JSON.stringify(encodeSuggestModel(linear))));
    expect(suggestWithModel(suggester, text, round)).toEqual(suggestWithModel(suggester, text, linear));
  });
});
