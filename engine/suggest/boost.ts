/**
 * Gradient-boosted decision trees for the re-ranker (logistic loss, second-order splits as in
 * XGBoost's paper, features cut at quantile thresholds). Small on purpose: a few hundred shallow
 * trees over the named features of rerank.ts, trained in about a second on a CodiEsp-sized
 * collection, deterministic (no sampling), stored as plain arrays.
 *
 * Why trees beside the linear model: the signals agree or disagree in ways a weighted sum cannot
 * express (a learned association matters when the Index found nothing; a code's training precision
 * matters more for frequent codes).
 */

/** One tree: node `i` is a leaf when `feature[i] < 0` (value `value[i]`), else goes left when `x[feature] <= threshold`. */
export interface Tree {
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  value: number[];
}

/** A boosted ensemble: probability = sigmoid(bias + sum of the trees' leaves). */
export interface BoostedTrees {
  bias: number;
  trees: Tree[];
}

/** Options of {@link fitBoostedTrees}. */
export interface BoostOptions {
  /** Trees (default 200). */
  rounds?: number;
  /** Depth of each tree (default 3). */
  depth?: number;
  /** Shrinkage (default 0.1). */
  rate?: number;
  /** L2 penalty on leaf values (default 1). */
  lambda?: number;
  /** Least hessian weight in a leaf (default 5). */
  minWeight?: number;
  /** Candidate thresholds per feature (default 32). */
  bins?: number;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Raw score (log-odds) of one example. */
export function boostedScore(model: BoostedTrees, x: readonly number[]): number {
  let z = model.bias;
  for (const t of model.trees) {
    let i = 0;
    while (t.feature[i]! >= 0) i = x[t.feature[i]!]! <= t.threshold[i]! ? t.left[i]! : t.right[i]!;
    z += t.value[i]!;
  }
  return z;
}

/** Probability of one example. */
export function boostedPredict(model: BoostedTrees, x: readonly number[]): number {
  return sigmoid(boostedScore(model, x));
}

/** Quantile thresholds of each feature (distinct values, at most `bins`). */
function thresholds(X: readonly number[][], d: number, bins: number): number[][] {
  const out: number[][] = [];
  for (let j = 0; j < d; j++) {
    const values = X.map((x) => x[j]!).sort((a, b) => a - b);
    const cuts = new Set<number>();
    for (let b = 1; b < bins; b++) {
      const v = values[Math.floor((b * values.length) / bins)];
      if (v !== undefined && v < values[values.length - 1]!) cuts.add(v);
    }
    out.push([...cuts].sort((a, b) => a - b));
  }
  return out;
}

/**
 * Fits boosted trees by Newton boosting on the logistic loss.
 *
 * @example const m = fitBoostedTrees(X, y); boostedPredict(m, X[0])
 */
export function fitBoostedTrees(
  X: readonly number[][],
  y: readonly number[],
  options: BoostOptions = {},
): BoostedTrees {
  const rounds = options.rounds ?? 200;
  const depth = options.depth ?? 3;
  const rate = options.rate ?? 0.1;
  const lambda = options.lambda ?? 1;
  const minWeight = options.minWeight ?? 5;
  const n = X.length;
  const d = X[0]?.length ?? 0;
  const positives = y.reduce((s, v) => s + v, 0);
  const prior = Math.min(1 - 1e-6, Math.max(1e-6, (positives + 0.5) / (n + 1)));
  const model: BoostedTrees = { bias: Math.log(prior / (1 - prior)), trees: [] };
  if (n === 0 || d === 0) return model;
  const cuts = thresholds(X, d, options.bins ?? 32);
  // bin[j][i]: index of the first threshold >= x (so x <= cuts[j][bin] goes left of that cut).
  const bin = cuts.map((c, j) =>
    Uint8Array.from(X, (x) => {
      let lo = 0;
      let hi = c.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (c[mid]! < x[j]!) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    }),
  );
  const z = new Float64Array(n).fill(model.bias);
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < n; i++) {
      const p = sigmoid(z[i]!);
      g[i] = p - y[i]!;
      h[i] = Math.max(p * (1 - p), 1e-6);
    }
    const tree: Tree = { feature: [], threshold: [], left: [], right: [], value: [] };
    const grow = (rows: Uint32Array, level: number): number => {
      const node = tree.feature.length;
      tree.feature.push(-1);
      tree.threshold.push(0);
      tree.left.push(-1);
      tree.right.push(-1);
      let G = 0;
      let H = 0;
      for (const i of rows) {
        G += g[i]!;
        H += h[i]!;
      }
      tree.value.push((-G / (H + lambda)) * rate);
      if (level >= depth || H < 2 * minWeight) return node;
      let best = { gain: 1e-9, j: -1, b: -1 };
      const parent = (G * G) / (H + lambda);
      for (let j = 0; j < d; j++) {
        const c = cuts[j]!;
        if (c.length === 0) continue;
        const hg = new Float64Array(c.length + 1);
        const hh = new Float64Array(c.length + 1);
        const bj = bin[j]!;
        for (const i of rows) {
          const b = bj[i]!;
          hg[b] = hg[b]! + g[i]!;
          hh[b] = hh[b]! + h[i]!;
        }
        let GL = 0;
        let HL = 0;
        for (let b = 0; b < c.length; b++) {
          GL += hg[b]!;
          HL += hh[b]!;
          const HR = H - HL;
          if (HL < minWeight || HR < minWeight) continue;
          const GR = G - GL;
          const gain = (GL * GL) / (HL + lambda) + (GR * GR) / (HR + lambda) - parent;
          if (gain > best.gain) best = { gain, j, b };
        }
      }
      if (best.j < 0) return node;
      const bj = bin[best.j]!;
      const leftRows = rows.filter((i) => bj[i]! <= best.b);
      const rightRows = rows.filter((i) => bj[i]! > best.b);
      tree.feature[node] = best.j;
      tree.threshold[node] = cuts[best.j]![best.b]!;
      tree.left[node] = grow(leftRows, level + 1);
      tree.right[node] = grow(rightRows, level + 1);
      return node;
    };
    grow(
      Uint32Array.from({ length: n }, (_, i) => i),
      0,
    );
    model.trees.push(tree);
    for (let i = 0; i < n; i++) {
      let k = 0;
      while (tree.feature[k]! >= 0) k = X[i]![tree.feature[k]!]! <= tree.threshold[k]! ? tree.left[k]! : tree.right[k]!;
      z[i] = z[i]! + tree.value[k]!;
    }
  }
  return model;
}
