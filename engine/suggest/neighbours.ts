/**
 * Nearest coded documents: a chart is compared with the training documents (cosine over binary
 * TF-IDF word and word-pair features) and the codes of the most similar ones vote. A feature of the
 * re-ranker, never a source of suggestions: a vote carries no evidence in the chart.
 */
import { normalizeCode } from '../codes/normalize';
import { textFeatures } from './learned';

/** The training documents, as an inverted index of their features. */
export interface NeighbourIndex {
  /** Feature -> inverse document frequency. Only features of at least two documents are kept. */
  idf: Map<string, number>;
  /** Feature -> documents holding it (ascending ids). */
  postings: Map<string, number[]>;
  /** Per document: vector norm and normalised gold codes. */
  docs: { norm: number; codes: string[] }[];
}

/** Neighbours whose codes vote (default). */
export const NEIGHBOURS = 10;

/**
 * Builds the index from coded documents (features of a single document are left out: they
 * cannot make two documents similar).
 *
 * @example const index = buildNeighbourIndex(trainDocs); neighbourVotes(textFeatures(text).keys(), index).get('N179')
 */
export function buildNeighbourIndex(docs: readonly { text: string; codes: { code: string }[] }[]): NeighbourIndex {
  const feats = docs.map((d) => [...textFeatures(d.text).keys()]);
  const df = new Map<string, number>();
  for (const f of feats) for (const k of f) df.set(k, (df.get(k) ?? 0) + 1);
  const postings = new Map<string, number[]>();
  feats.forEach((f, i) => {
    for (const k of f) {
      if (df.get(k)! < 2) continue;
      const list = postings.get(k);
      if (list) list.push(i);
      else postings.set(k, [i]);
    }
  });
  return neighbourIndex(
    postings,
    docs.map((d) => [...new Set(d.codes.map((c) => normalizeCode(c.code)))].sort()),
  );
}

/**
 * The index from its stored parts: postings (feature -> ascending document ids) and each
 * document's normalised codes; idf and norms are derived.
 */
export function neighbourIndex(postings: Map<string, number[]>, codes: string[][]): NeighbourIndex {
  const idf = new Map<string, number>();
  const sq = new Float64Array(codes.length);
  for (const [k, list] of postings) {
    const w = Math.log(codes.length / list.length);
    idf.set(k, w);
    for (const d of list) sq[d] = sq[d]! + w * w;
  }
  return { idf, postings, docs: codes.map((c, d) => ({ norm: Math.sqrt(sq[d]!) || 1, codes: c })) };
}

/**
 * Votes of the `k` most similar training documents: normalised code -> sum of their similarities
 * divided by the sum over all `k` (0..1).
 *
 * @param features The chart's {@link textFeatures} keys.
 */
export function neighbourVotes(features: Iterable<string>, index: NeighbourIndex, k = NEIGHBOURS): Map<string, number> {
  const dot = new Float64Array(index.docs.length);
  let sq = 0;
  for (const f of features) {
    const w = index.idf.get(f);
    if (w === undefined) continue;
    sq += w * w;
    for (const d of index.postings.get(f)!) dot[d] = dot[d]! + w * w;
  }
  const norm = Math.sqrt(sq) || 1;
  const sims = [...dot]
    .map((v, d) => ({ d, s: v / (norm * index.docs[d]!.norm) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s || a.d - b.d)
    .slice(0, k);
  const total = sims.reduce((n, x) => n + x.s, 0) || 1;
  const votes = new Map<string, number>();
  for (const { d, s } of sims) for (const c of index.docs[d]!.codes) votes.set(c, (votes.get(c) ?? 0) + s / total);
  return votes;
}
