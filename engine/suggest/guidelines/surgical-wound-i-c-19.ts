/**
 * Open wounds of Chapter 19 (I.C.19) are injuries: "Injury, poisoning and certain other
 * consequences of external causes", each with the external cause that made it (I.C.20). A wound
 * that an operation left ("the excision of the abscesses left an open wound", "open wound, status
 * post debridement") is no injury: it is the operative defect, cared for as aftercare (Z48.-) or,
 * when it goes wrong, a complication of care (T81.-). An open-wound code whose mentions state such
 * a surgical origin, in a chart that documents no injury or traumatic mechanism anywhere, is
 * suppressed.
 */
import { sentenceAt } from '../../text';
import { suppress } from './tiers';
import type { GuidelineRule } from './types';

/** An operation that opens tissue, or the wound named as its result. */
const SURGICAL_ORIGIN =
  /\b(?:excis\w+|resect\w+|debrid\w+|incis\w+|\w+ectomy|\w+otomy|surgical(?:ly)?|post-?operative|operative)\b/i;

/** Words of an injury or its external cause (I.C.19, I.C.20). */
const TRAUMA =
  /\b(?:injur\w*|trauma\w*|lacerat\w*|fell|falls?|falling|struck|stab(?:bed|bing)?|gunshot|gsw|bites?|bitten|assault\w*|accident\w*|mva|mvc|collision|crush\w*|avulsion|puncture wound|cut (?:by|on|with|himself|herself))\b/i;

/** Titles of the Chapter 19 open-wound codes. */
const OPEN_WOUND = /\bopen wound\b/i;

export const surgicalWoundRule: GuidelineRule = {
  section: 'I.C.19',
  name: 'an operative wound is no injury',
  apply(cands, ctx) {
    let trauma: boolean | undefined;
    for (const c of cands) {
      if (c.tier === 'suppressed' || c.system !== 'cm' || !c.code.startsWith('S')) continue;
      if (!OPEN_WOUND.test(c.suggestion.title)) continue;
      const established = c.mentions.filter((m) => m.assertion.codedAsEstablished);
      if (established.length === 0) continue;
      let origin: string | undefined;
      for (const m of established) {
        const s = ctx.chart.sentences[sentenceAt(ctx.chart, m.evidence.start)];
        const found = s ? SURGICAL_ORIGIN.exec(ctx.text.slice(s.start, s.end))?.[0] : undefined;
        if (found) {
          origin = found;
          break;
        }
      }
      if (!origin) continue;
      trauma ??= TRAUMA.test(ctx.text);
      if (trauma) continue;
      suppress(
        c,
        surgicalWoundRule,
        `the wound is documented with an operation ("${origin}") and the chart names no injury: an operative wound, not a Chapter 19 injury`,
      );
    }
  },
};
