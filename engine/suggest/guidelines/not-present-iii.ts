/**
 * Section III (inpatient) and IV.J (outpatient): only conditions that coexist at the encounter
 * are coded. A condition the chart denies, rules out, attributes to a relative, or names only as
 * something to prevent or watch for is not the patient's condition: it is never reported. A
 * ruled-out mention outweighs an earlier "rule out" (the workup answered the question).
 */
import { suppress } from './tiers';
import type { GuidelineRule } from './types';

/** History codes (Z80-Z87) name a relative's or a past condition; the family/historical context is what they code. */
const HISTORY_CODE = /^Z8[0-7]/;

export const notPresentRule: GuidelineRule = {
  section: 'III',
  name: 'conditions not present',
  apply(cands, ctx) {
    const section = ctx.setting === 'inpatient' ? 'III' : 'IV.J';
    // Ruled-out conditions by their words: "rule out acute MI ... MI ruled out" rules out the
    // acute MI too, whichever code each phrase reached.
    const ruledOutWords = cands.flatMap((c) =>
      c.system === 'cm' ? c.mentions.filter((m) => m.assertion.assertion === 'ruled-out') : [],
    );
    const norm = (t: string): string => t.toLowerCase().replace(/\s+/g, ' ').trim();
    const lowerText = ctx.text.toLowerCase();
    // The same words stated as ruled out elsewhere ("... myocardial infarction ruled out"), where the
    // matcher read only the first phrase of the sentence.
    const ruledOutLater = (quote: string): boolean => {
      const words = norm(quote)
        .split(' ')
        .filter((w) => /\w/.test(w));
      const head = words.slice(-2).join(' ');
      if (head.length < 4) return false;
      const escaped = head.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return new RegExp(`\\b${escaped}\\s+(?:(?:was|is|has been|had been)\\s+)?(?:ruled out|excluded)\\b`).test(
        lowerText,
      );
    };
    for (const c of cands) {
      if (c.system !== 'cm' || c.mentions.length === 0) continue;
      const affirmed = c.mentions.some((m) => m.assertion.assertion === 'affirmed');
      const ruledOut =
        c.mentions.find((m) => m.assertion.assertion === 'ruled-out') ??
        (affirmed
          ? undefined
          : (ruledOutWords.find((r) =>
              c.mentions.some((m) => {
                const a = norm(m.evidence.text);
                const b = norm(r.evidence.text);
                return a.includes(b) || b.includes(a);
              }),
            ) ?? c.mentions.find((m) => m.assertion.assertion === 'uncertain' && ruledOutLater(m.evidence.text))));
      if (ruledOut && !affirmed) {
        suppress(
          c,
          { section },
          `ruled out in the chart ("${ruledOut.evidence.text}" ... ${ruledOut.assertion.cues.map((q) => q.text).join(', ')})`,
        );
        continue;
      }
      if (
        c.mentions.some(
          (m) =>
            m.assertion.codedAsEstablished ||
            m.assertion.assertion === 'historical' ||
            m.assertion.assertion === 'uncertain',
        )
      )
        continue;
      const first = c.mentions[0]!;
      const kind = first.assertion.assertion;
      if (kind === 'family' && HISTORY_CODE.test(c.code)) continue;
      const what =
        kind === 'family'
          ? "a family member's condition"
          : kind === 'other-subject'
            ? "another person's condition"
            : kind === 'hypothetical'
              ? 'named only as a risk, plan or prophylaxis'
              : 'negated';
      suppress(
        c,
        { section },
        `${what}: "${first.evidence.text}" (${first.assertion.cues.map((q) => q.text).join(', ') || first.assertion.rule})`,
      );
    }
  },
};
