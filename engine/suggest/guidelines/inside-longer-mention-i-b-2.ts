/**
 * Level of detail (I.B.2, with I.B.7's one code per condition): words that lie inside the longer
 * words of another reported code ("infection" inside "methicillin-resistant Staphylococcus aureus
 * infection", "vascular occlusive disease" inside "peripheral vascular occlusive disease") are
 * part of that condition, which the longer code already reports to the documented detail. A code
 * whose every established mention lies inside such a longer mention goes to "also documented" —
 * unless the classification asks for both codes (a "use additional code", "code also" or "code
 * first" note of either names the other's category: "diabetic chronic kidney disease" keeps its
 * N18 code), or the two are a primary malignancy and its metastasis (I.C.2: "metastatic ovarian
 * cancer" is the ovary's primary and a secondary site), or separate injuries of one run of
 * ordinals (I.C.19.b: "2nd-4th metatarsal fractures").
 */
import { primaryAndSecondary } from './metastasis-site-i-c-2';
import { separateInjuries } from './separate-injuries-i-c-19-b';
import { demote } from './tiers';
import { codeDetail } from './code-detail';
import type { CandidateMention, GuidelineCandidate, GuidelineContext, GuidelineRule } from './types';

/** `true` when either code's Tabular notes ask for the other's category. */
function instructed(a: string, b: string, ctx: GuidelineContext): boolean {
  const refers = (x: string, y: string): boolean =>
    (codeDetail(ctx, x)?.notes ?? []).some(
      (n) => /useAdditional|codeAlso|codeFirst/i.test(n.kind) && n.text.includes(y.slice(0, 3)),
    );
  return refers(a, b) || refers(b, a);
}

/**
 * The reported code whose established mention strictly contains `m` (a longer span, not joined
 * across a list's comma), when the
 * classification does not ask for both codes; `undefined` otherwise.
 */
export function longerMentionOf(
  m: CandidateMention,
  c: GuidelineCandidate,
  cands: readonly GuidelineCandidate[],
  ctx: GuidelineContext,
): { by: GuidelineCandidate; words: CandidateMention } | undefined {
  const { start, end } = m.evidence;
  for (const o of cands) {
    if (o === c || o.tier !== 'report' || o.system !== 'cm' || o.code === c.code) continue;
    const words = o.mentions.find(
      (x) =>
        x.assertion.codedAsEstablished &&
        x.evidence.start <= start &&
        end <= x.evidence.end &&
        x.evidence.end - x.evidence.start > end - start &&
        // Words joined across a list's comma are two items, not one longer condition (I.B.1).
        !/[,;]/.test(ctx.text.slice(x.evidence.start, start) + ctx.text.slice(end, x.evidence.end)),
    );
    if (
      words &&
      !instructed(o.code, c.code, ctx) &&
      !primaryAndSecondary(o.code, c.code) &&
      !separateInjuries(o.code, c.code, words.evidence.text, ctx.tables)
    )
      return { by: o, words };
  }
  return undefined;
}

export const insideLongerMentionRule: GuidelineRule = {
  section: 'I.B.2',
  name: 'words inside a longer reported condition',
  apply(cands, ctx) {
    for (const c of cands) {
      if (c.tier !== 'report' || c.system !== 'cm') continue;
      const established = c.mentions.filter((m) => m.assertion.codedAsEstablished);
      if (established.length === 0) continue;
      let longer: ReturnType<typeof longerMentionOf>;
      for (const m of established) {
        longer = longerMentionOf(m, c, cands, ctx);
        if (!longer) break;
      }
      if (!longer) continue;
      demote(
        c,
        insideLongerMentionRule,
        `its words lie inside "${longer.words.evidence.text}", reported to its documented detail by ${longer.by.code}`,
      );
    }
  },
};
