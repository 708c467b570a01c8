/**
 * The expert-coded US-notes metric (the evaluation set's README, "Metric"): proposed codes are
 * matched one to one to gold items by a maximum bipartite matching; a matched code is correct, an
 * unmatched code listed as `acceptable` is neutral, any other code is an error, and a harmful one
 * when the gold lists it in `wrong`. Pure: gold and predictions in, counts out.
 */

/** POA indicator (CMS UB-04 POA reporting): Y, N, U, W, or 1 (exempt). */
export type PoaValue = 'Y' | 'N' | 'U' | 'W' | '1';

/** One note's gold, as in `gold/<id>.json`. */
export interface UsNoteGold {
  id: string;
  setting: 'inpatient' | 'outpatient';
  /** Acceptable principal (or first-listed) codes, most defensible first. */
  principal: string[];
  /** One item per condition; each item lists its acceptable alternatives. */
  secondary: string[][];
  /** ICD-10-PCS items; an alternative ending in `*` matches any code with that prefix. */
  procedures: string[][];
  acceptable: string[];
  /** Code -> why it would be an error. */
  wrong: Record<string, string>;
  /** Gold code -> POA indicator (inpatient only). */
  poa?: Record<string, string>;
}

/** What the tool proposes for one note. */
export interface UsNotePrediction {
  /** Proposed principal (inpatient) or first-listed (outpatient) diagnosis; absent when none. */
  principal?: { code: string; poa?: string };
  secondary: { code: string; poa?: string }[];
  procedures: { code: string }[];
}

/** Counts of one note (or summed over notes); ratios come from {@link usNoteRatios}. */
export interface UsNoteCounts {
  notes: number;
  dx: SetCounts;
  px: SetCounts;
  /** Notes with a proposed principal among the gold `principal` alternatives. */
  principalHits: number;
  /** Notes whose gold has a principal item (the principal@1 denominator). */
  principalNotes: number;
  /** Matched gold codes carrying a gold POA, and those where the proposed POA equals it. */
  poaCompared: number;
  poaAgreed: number;
}

/** Matching counts of one code system. */
export interface SetCounts {
  correct: number;
  neutral: number;
  errors: number;
  harmful: number;
  goldItems: number;
  matchedItems: number;
}

/** Per-note detail for a readable report (which codes were errors, which items were missed). */
export interface UsNoteDetail {
  counts: UsNoteCounts;
  dxErrors: string[];
  dxHarmful: string[];
  dxMissed: string[][];
  pxErrors: string[];
  pxMissed: string[][];
}

/** True when `code` is one of the alternatives (`X*` matches any code starting with `X`). */
export function matchesAlternative(code: string, alternative: string): boolean {
  return alternative.endsWith('*') ? code.startsWith(alternative.slice(0, -1)) : code === alternative;
}

/**
 * Maximum bipartite matching (Kuhn's augmenting paths; sets are a few dozen codes) of codes to
 * items. Returns, per code index, the matched item index or -1.
 *
 * @example maximumMatching(['A', 'B'], [['A', 'B'], ['A']]) // [1, 0]
 */
export function maximumMatching(codes: readonly string[], items: readonly (readonly string[])[]): number[] {
  const edges = codes.map((c) => items.flatMap((alts, j) => (alts.some((a) => matchesAlternative(c, a)) ? [j] : [])));
  const itemOwner = new Array<number>(items.length).fill(-1);
  const codeItem = new Array<number>(codes.length).fill(-1);
  const augment = (i: number, seen: boolean[]): boolean => {
    for (const j of edges[i]!) {
      if (seen[j]) continue;
      seen[j] = true;
      if (itemOwner[j] === -1 || augment(itemOwner[j]!, seen)) {
        itemOwner[j] = i;
        codeItem[i] = j;
        return true;
      }
    }
    return false;
  };
  for (let i = 0; i < codes.length; i++) augment(i, new Array<boolean>(items.length).fill(false));
  return codeItem;
}

function unique(codes: readonly string[]): string[] {
  return [...new Set(codes)];
}

/** Zero counts, the identity of {@link addUsNoteCounts}. */
export function emptyUsNoteCounts(): UsNoteCounts {
  const set = (): SetCounts => ({ correct: 0, neutral: 0, errors: 0, harmful: 0, goldItems: 0, matchedItems: 0 });
  return { notes: 0, dx: set(), px: set(), principalHits: 0, principalNotes: 0, poaCompared: 0, poaAgreed: 0 };
}

/** Sum of two count records. */
export function addUsNoteCounts(a: UsNoteCounts, b: UsNoteCounts): UsNoteCounts {
  const set = (x: SetCounts, y: SetCounts): SetCounts => ({
    correct: x.correct + y.correct,
    neutral: x.neutral + y.neutral,
    errors: x.errors + y.errors,
    harmful: x.harmful + y.harmful,
    goldItems: x.goldItems + y.goldItems,
    matchedItems: x.matchedItems + y.matchedItems,
  });
  return {
    notes: a.notes + b.notes,
    dx: set(a.dx, b.dx),
    px: set(a.px, b.px),
    principalHits: a.principalHits + b.principalHits,
    principalNotes: a.principalNotes + b.principalNotes,
    poaCompared: a.poaCompared + b.poaCompared,
    poaAgreed: a.poaAgreed + b.poaAgreed,
  };
}

interface SetScore {
  counts: SetCounts;
  matched: Map<string, number>;
  errors: string[];
  harmful: string[];
  missed: string[][];
}

function scoreSet(
  proposed: readonly string[],
  items: readonly (readonly string[])[],
  acceptable: ReadonlySet<string>,
  wrong: ReadonlySet<string>,
): SetScore {
  const codes = unique(proposed);
  const match = maximumMatching(codes, items);
  const counts: SetCounts = { correct: 0, neutral: 0, errors: 0, harmful: 0, goldItems: items.length, matchedItems: 0 };
  const matched = new Map<string, number>();
  const errors: string[] = [];
  const harmful: string[] = [];
  codes.forEach((code, i) => {
    const j = match[i]!;
    if (j >= 0) {
      counts.correct++;
      counts.matchedItems++;
      matched.set(code, j);
    } else if (acceptable.has(code)) counts.neutral++;
    else {
      counts.errors++;
      errors.push(code);
      if (wrong.has(code)) {
        counts.harmful++;
        harmful.push(code);
      }
    }
  });
  const taken = new Set(matched.values());
  const missed = items.filter((_, j) => !taken.has(j)).map((alts) => [...alts]);
  return { counts, matched, errors, harmful, missed };
}

/**
 * Scores one note. The gold's principal item is item 0 of the diagnosis items (when it has
 * alternatives); POA is compared over the matched codes for which the gold has an indicator
 * (the code's own, else that of another alternative of the item it matched).
 *
 * @example scoreUsNote(gold, { principal: { code: 'A41.51' }, secondary: [], procedures: [] }).counts.principalHits
 */
export function scoreUsNote(gold: UsNoteGold, prediction: UsNotePrediction): UsNoteDetail {
  const acceptable = new Set(gold.acceptable);
  const wrong = new Set(Object.keys(gold.wrong));
  const dxItems = [...(gold.principal.length ? [gold.principal] : []), ...gold.secondary];
  const dxProposed = [...(prediction.principal ? [prediction.principal] : []), ...prediction.secondary];
  const dx = scoreSet(
    dxProposed.map((p) => p.code),
    dxItems,
    acceptable,
    wrong,
  );
  const px = scoreSet(
    prediction.procedures.map((p) => p.code),
    gold.procedures,
    acceptable,
    wrong,
  );
  const principalCode = prediction.principal?.code;
  const principalHits = principalCode && gold.principal.includes(principalCode) ? 1 : 0;
  let poaCompared = 0;
  let poaAgreed = 0;
  const goldPoa = gold.poa ?? {};
  const proposedPoa = new Map<string, string | undefined>();
  for (const p of dxProposed) if (!proposedPoa.has(p.code)) proposedPoa.set(p.code, p.poa);
  for (const [code, j] of dx.matched) {
    const expected = goldPoa[code] ?? dxItems[j]!.map((alt) => goldPoa[alt]).find((v) => v !== undefined);
    if (expected === undefined) continue;
    poaCompared++;
    if (proposedPoa.get(code) === expected) poaAgreed++;
  }
  return {
    counts: {
      notes: 1,
      dx: dx.counts,
      px: px.counts,
      principalHits,
      principalNotes: gold.principal.length ? 1 : 0,
      poaCompared,
      poaAgreed,
    },
    dxErrors: dx.errors,
    dxHarmful: dx.harmful,
    dxMissed: dx.missed,
    pxErrors: px.errors,
    pxMissed: px.missed,
  };
}

/** The README's ratios; `undefined` where the denominator is 0 (nothing to measure). */
export interface UsNoteRatios {
  dxPrecision: number | undefined;
  dxRecall: number | undefined;
  principalAt1: number | undefined;
  pxPrecision: number | undefined;
  pxRecall: number | undefined;
  poaAgreement: number | undefined;
  harmful: number;
}

const ratio = (n: number, d: number): number | undefined => (d === 0 ? undefined : n / d);

/** Ratios of summed counts: precision = correct / (correct + errors), recall = matched items / gold items. */
export function usNoteRatios(c: UsNoteCounts): UsNoteRatios {
  return {
    dxPrecision: ratio(c.dx.correct, c.dx.correct + c.dx.errors),
    dxRecall: ratio(c.dx.matchedItems, c.dx.goldItems),
    principalAt1: ratio(c.principalHits, c.principalNotes),
    pxPrecision: ratio(c.px.correct, c.px.correct + c.px.errors),
    pxRecall: ratio(c.px.matchedItems, c.px.goldItems),
    poaAgreement: ratio(c.poaAgreed, c.poaCompared),
    harmful: c.dx.harmful + c.px.harmful,
  };
}
