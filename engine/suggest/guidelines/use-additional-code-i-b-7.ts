/**
 * "Use additional code" (I.B.7, I.A.13): a Tabular note at a reported code asks for a secondary
 * code "to fully describe a condition" (the stage of chronic kidney disease at I12.0, the type of
 * heart failure at I13.2, the organism at an infection). When the chart documents the condition
 * the note asks for and its code is among the candidates, it is reported with the instructing
 * code even where the matcher held it back: a weak or overlapped Index match ("end-stage renal
 * disease" inside "end-stage renal disease due to hypertension") or the same words as the
 * combination code. Only a candidate the chart establishes in a sentence naming the instructing
 * code's condition is added (a general note, such as tobacco use at a history code, does not
 * reach a word elsewhere in the chart); one that a rule held back
 * for its assertion, its place in the chart or a conflict between codes stays where it is.
 * Targets the Index/Tabular stage does not propose by themselves are added by their own rules,
 * after this one: the infectious agent (B95-B97, I.C.1.b) and the drug of an adverse effect
 * (T36-T50, I.C.19.e.5.a).
 */
import { noteRefs, refCovers } from '../codes-in-note';
import { codeDetail } from './code-detail';
import { yieldToAddedCode } from './excludes1-added-code-i-a-12-a';
import { reported, undotted } from './tiers';
import type { GuidelineCandidate, GuidelineRule } from './types';

/** Rules whose demotion only says the match or the words were shared, not that the condition is in doubt. */
const MATCH_ONLY = new Set(['I.A', 'I.B.7']);

/** A note's origin that is a code (`I12.0`, `I12`), not a block range (`I10-I16`) or a chapter. */
const OWN_LEVEL = /^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/;

const heldForMatchOnly = (c: GuidelineCandidate): boolean =>
  c.tier === 'also' &&
  c.system === 'cm' &&
  c.rules.length > 0 &&
  c.rules.every((r) => r.action !== 'demote' || MATCH_ONLY.has(r.rule)) &&
  c.mentions.some((m) => m.assertion.codedAsEstablished);

export const useAdditionalCodeRule: GuidelineRule = {
  section: 'I.B.7',
  name: 'use additional code',
  apply(cands, ctx) {
    const held = cands.filter(heldForMatchOnly);
    if (held.length === 0) return;
    const sentences = ctx.chart.sentences;
    const sentenceOf = (at: number): number => sentences.findIndex((x) => x.start <= at && at < x.end);
    for (const r of reported(cands)) {
      const notes = codeDetail(ctx, r.code)?.notes ?? [];
      for (const note of notes) {
        // The code's own instruction (at it or its category): a block's or chapter's note (tobacco
        // exposure at I10-I16) is a general reminder, not the detail of this condition.
        if (note.kind !== 'useAdditionalCode' || !OWN_LEVEL.test(note.from)) continue;
        const refs = noteRefs(note.text);
        if (refs.length === 0) continue;
        for (const c of held) {
          if (c.tier !== 'also' || !refs.some((ref) => refCovers(ref, undotted(c.code)))) continue;
          // Documented with the condition: in a sentence that names the instructing code's condition
          // (a word elsewhere in the chart is another matter, left to the coder).
          const here = new Set(r.mentions.map((m) => sentenceOf(m.evidence.start)));
          if (!c.mentions.some((m) => m.assertion.codedAsEstablished && here.has(sentenceOf(m.evidence.start))))
            continue;
          c.tier = 'report';
          c.rules.push({
            rule: useAdditionalCodeRule.section,
            action: 'add',
            reason: `${r.code} says "use additional ${note.text}" (${note.from}), and the chart documents it ("${c.quote?.evidence.text ?? ''}")`,
          });
          yieldToAddedCode(cands, c, r, ctx);
        }
      }
    }
  },
};
