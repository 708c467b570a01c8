/**
 * Neoplasm behavior (I.C.2 general: the record is read for whether a neoplasm is benign, in situ,
 * malignant or of uncertain behavior; I.B.2 level of detail): a code of unspecified behavior
 * (category D49) is for a neoplasm whose behavior the record does not give. When the sentence of
 * its mention is also the sentence of a reported neoplasm code of known behavior (C00-D48), the
 * record gives it there, and the unspecified-behavior code yields to that code.
 */
import { reported, suppress } from './tiers';
import type { GuidelineCandidate, GuidelineContext, GuidelineRule } from './types';

const UNSPECIFIED_BEHAVIOR = /\bunspecified behavior\b/i;

/** Neoplasm codes of known behavior: malignant, in situ, benign, uncertain (Tabular C00-D48). */
const KNOWN_BEHAVIOR = /^(C[0-9]|D[0-3][0-9]|D4[0-8])/;

/**
 * Suppresses each reported unspecified-behavior neoplasm code one of whose mentions shares a
 * sentence with a mention of a reported neoplasm code of known behavior.
 */
export function yieldToKnownBehavior(
  cands: readonly GuidelineCandidate[],
  ctx: GuidelineContext,
  rule: Pick<GuidelineRule, 'section'>,
): void {
  const sentences = ctx.chart.sentences;
  const sentenceOf = (at: number): number => sentences.findIndex((x) => x.start <= at && at < x.end);
  const live = reported(cands);
  for (const a of live) {
    if (!UNSPECIFIED_BEHAVIOR.test(a.suggestion.title)) continue;
    const here = new Set(a.mentions.map((m) => sentenceOf(m.evidence.start)).filter((i) => i >= 0));
    const by = live.find(
      (b) =>
        b.tier === 'report' &&
        KNOWN_BEHAVIOR.test(b.code) &&
        b.mentions.some((m) => here.has(sentenceOf(m.evidence.start))),
    );
    if (!by) continue;
    suppress(a, rule, `${by.code} (${by.suggestion.title}) codes the behavior the same sentence documents`);
  }
}
