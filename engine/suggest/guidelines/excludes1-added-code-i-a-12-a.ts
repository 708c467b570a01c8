/**
 * Excludes1 (I.A.12.a) for a code the "use additional code" rule adds after the Excludes1 rule has
 * run: the added code is the one the classification asks for (I.A.13, I.B.7), so a reported code
 * that Excludes1 pairs with it ("Unspecified kidney failure" beside the chronic kidney disease stage
 * I12.0 asks for) is suppressed, naming the added code. The instructing code itself is never touched.
 */
import { excludes1Names } from '../codes-in-note';
import { reported, suppress } from './tiers';
import type { GuidelineCandidate, GuidelineContext, GuidelineRule } from './types';

const EXCLUDES1: Pick<GuidelineRule, 'section'> = { section: 'I.A.12.a' };

/** The Excludes1 note of `a` (its code, category or chapter) that names `b`, if any. */
function excludes1Note(a: GuidelineCandidate, b: GuidelineCandidate, ctx: GuidelineContext) {
  return (ctx.tables.cm.get(a.code)?.notes ?? []).find(
    (n) => n.kind === 'excludes1' && excludes1Names(n.text, b.code, b.suggestion.title),
  );
}

/**
 * Suppresses every reported diagnosis (other than `instructing`) that an Excludes1 note pairs with
 * `added`, the code `instructing`'s "use additional code" note brought into the report.
 */
export function yieldToAddedCode(
  cands: readonly GuidelineCandidate[],
  added: GuidelineCandidate,
  instructing: GuidelineCandidate,
  ctx: GuidelineContext,
): void {
  for (const o of reported(cands)) {
    if (o === added || o === instructing || o.code === added.code) continue;
    const note = excludes1Note(o, added, ctx) ?? excludes1Note(added, o, ctx);
    if (!note) continue;
    suppress(
      o,
      EXCLUDES1,
      `Excludes1 with ${added.code}, which ${instructing.code}'s "use additional code" note asks for (${note.from}: "${note.text}")`,
    );
  }
}
