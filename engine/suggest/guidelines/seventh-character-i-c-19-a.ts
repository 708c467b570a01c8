/**
 * 7th characters from the encounter (I.C.19.a: "assignment of the 7th character is based on
 * whether the patient is undergoing active treatment"; "7th character 'D' subsequent encounter is
 * used for encounters after the patient has completed active treatment of the condition and is
 * receiving routine care for the condition during the healing or recovery phase").
 *
 * One encounter has one 7th character per injury. The candidate stage reads the 7th character near
 * each mention and takes "A" (initial encounter) where no encounter wording is near; when another
 * mention of the same injury states the subsequent encounter or the sequela ("routine healing",
 * "late effect of"), the "A" read by default yields to it. An "A" whose own sentence states active
 * treatment ("initial encounter", "active treatment") is kept for the coder to decide.
 */
import { reported, suppress } from './tiers';
import type { GuidelineCandidate, GuidelineContext, GuidelineRule } from './types';

/** Chapter 19 codes with a 7th character (S00-T88, seven characters without the dot). */
const INJURY_7TH = /^[ST]\d{2}\.[0-9A-Z]{4}$/;

/** Wording that states active treatment of the injury at this encounter. */
const ACTIVE = /\b(initial encounter|active treatment)\b/i;

/** `true` when a sentence of one of the candidate's mentions states active treatment. */
function statesActive(c: GuidelineCandidate, ctx: GuidelineContext): boolean {
  return c.mentions.some((m) => {
    const s = ctx.chart.sentences.find((x) => x.start <= m.evidence.start && m.evidence.start < x.end);
    return s !== undefined && ACTIVE.test(ctx.text.slice(s.start, s.end));
  });
}

export const seventhCharacterRule: GuidelineRule = {
  section: 'I.C.19.a',
  name: '7th character from the encounter',
  apply(cands, ctx) {
    const live = reported(cands).filter((c) => INJURY_7TH.test(c.code));
    for (const c of live) {
      if (!c.code.endsWith('A')) continue;
      const injury = c.code.slice(0, -1);
      const later = live.find((o) => o !== c && o.code.slice(0, -1) === injury && /[DGKPS]$/.test(o.code));
      if (!later || statesActive(c, ctx)) continue;
      suppress(
        c,
        seventhCharacterRule,
        `${later.code} codes the same injury with the encounter the chart states (routine healing or sequela); "A" was read where no encounter was named`,
      );
    }
  },
};
