/**
 * Level of detail across categories (I.B.2; Alphabetic Index conventions, I.A and I.B.1): the
 * Index sends a main term alone ("Hernia", "Hemorrhage") to the condition's unspecified code and
 * its subterms ("Hernia > inguinal") to the specific codes, often in another category. A reported
 * code reached by an Index path that another reported code's path continues is the same condition
 * with less detail, and yields to the code the documented subterm leads to.
 *
 * A code that the kept code's Tabular notes ask for ("use additional code", "code also", "code
 * first", I.A.13) is never suppressed, and an identical path decides nothing.
 */
import { statesDetail } from './stated-detail';
import { codeDetail } from './code-detail';
import { reported, suppress } from './tiers';
import type { GuidelineCandidate, GuidelineContext, GuidelineRule } from './types';

/** Index path split into its main term and subterms, normalised. */
function steps(path: string): string[] {
  return path
    .split('>')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
}

/** Words of an Index subterm that the chart must state ("end stage renal" -> end, stage, renal). */
function words(subterm: string): string[] {
  return subterm.split(/[^a-z0-9]+/).filter((w) => w.length > 2 && !['nos', 'with', 'without', 'due'].includes(w));
}

/** `true` when `longer` continues every step of `shorter` with at least one subterm. */
function continues(shorter: readonly string[], longer: readonly string[]): boolean {
  return shorter.length > 0 && longer.length > shorter.length && shorter.every((s, i) => longer[i] === s);
}

/** `true` when a Tabular instructional note of `kept` names the category of `other`. */
function asksFor(kept: GuidelineCandidate, other: GuidelineCandidate, ctx: GuidelineContext): boolean {
  const notes = codeDetail(ctx, kept.code)?.notes ?? [];
  return notes.some((n) => /useAdditional|codeAlso|codeFirst/i.test(n.kind) && n.text.includes(other.code.slice(0, 3)));
}

/**
 * Suppresses every reported diagnosis whose Index path another reported diagnosis's path
 * continues, naming that code; `rule` is the level-of-detail rule the suppression is filed under.
 */
export function yieldToIndexSubterm(
  cands: readonly GuidelineCandidate[],
  ctx: GuidelineContext,
  rule: Pick<GuidelineRule, 'section'>,
): void {
  const live = reported(cands).map((c) => ({ c, path: steps(c.suggestion.path) }));
  for (const a of live) {
    const by = live.find(
      (b) =>
        b.c !== a.c &&
        b.c.tier === 'report' &&
        b.c.code !== a.c.code &&
        continues(a.path, b.path) &&
        statesDetail(ctx.text, b.c, words(b.path[a.path.length] ?? '')) &&
        !asksFor(b.c, a.c, ctx),
    );
    if (!by) continue;
    suppress(
      a.c,
      rule,
      `${by.c.code} is the same condition with the Index subterm the chart documents (${by.c.suggestion.path})`,
    );
  }
}
