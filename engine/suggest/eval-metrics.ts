/**
 * Ranking and set metrics for evaluating suggestions against gold codes (used by
 * `scripts/eval-codiesp.ts`).
 *
 * MAP follows the CodiEsp definition (Miranda-Escalada et al., CLEF eHealth 2020, CEUR-WS
 * Vol-2696 paper 263; official script TeMU-BSC/codiesp-evaluation-script `codiespD_P_evaluation.py`,
 * trectools `get_map(trec_eval=False)`): codes lower-cased, duplicates removed keeping the first,
 * the rank order taken from the list order; per document, average precision = sum of precision@k
 * at each rank k holding a gold code, divided by the number of gold codes; MAP = mean over the
 * gold documents (a document with no prediction counts 0).
 */

/** Average precision of one ranked list against a gold set. @example averagePrecision(['a','x','b'], new Set(['a','b'])) // (1 + 2/3) / 2 */
export function averagePrecision(ranked: readonly string[], gold: ReadonlySet<string>): number {
  if (gold.size === 0) return 0;
  const seen = new Set<string>();
  let hits = 0;
  let sum = 0;
  let k = 0;
  for (const code of ranked) {
    if (seen.has(code)) continue;
    seen.add(code);
    k++;
    if (gold.has(code)) {
      hits++;
      sum += hits / k;
    }
  }
  return sum / gold.size;
}

/** Mean average precision over every gold document. */
export function meanAveragePrecision(
  runs: ReadonlyMap<string, readonly string[]>,
  gold: ReadonlyMap<string, ReadonlySet<string>>,
): number {
  if (gold.size === 0) return 0;
  let total = 0;
  for (const [doc, codes] of gold) total += averagePrecision(runs.get(doc) ?? [], codes);
  return total / gold.size;
}

/** Micro-averaged precision, recall and F1 of predicted sets. */
export function microPrf(
  pred: ReadonlyMap<string, ReadonlySet<string>>,
  gold: ReadonlyMap<string, ReadonlySet<string>>,
): { precision: number; recall: number; f1: number; tp: number; fp: number; fn: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [doc, g] of gold) {
    const p = pred.get(doc) ?? new Set<string>();
    for (const c of p) g.has(c) ? tp++ : fp++;
    for (const c of g) if (!p.has(c)) fn++;
  }
  for (const [doc, p] of pred) if (!gold.has(doc)) fp += p.size;
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, tp, fp, fn };
}
