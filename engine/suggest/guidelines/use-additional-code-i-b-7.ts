/**
 * "Use additional code" (I.B.7, I.A.13): a Tabular note at a reported code asks for a secondary
 * code "to fully describe a condition" (the stage of chronic kidney disease at I12.0, the type of
 * heart failure at I13.2, the organism at an infection). When the chart documents the condition
 * the note asks for and its code is among the candidates, it is reported with the instructing
 * code even where the matcher held it back: a weak or overlapped Index match ("end-stage renal
 * disease" inside "end-stage renal disease due to hypertension") or the same words as the
 * combination code. Only a candidate the chart establishes is added: one that a rule held back
 * for its assertion, its place in the chart or a conflict between codes stays where it is.
 */
import { noteRefs, refCovers } from '../codes-in-note';
import { reported, undotted } from './tiers';
import type { GuidelineCandidate, GuidelineRule } from './types';

/** Rules whose demotion only says the match or the words were shared, not that the condition is in doubt. */
const MATCH_ONLY = new Set(['I.A', 'I.B.7']);

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
    for (const r of reported(cands)) {
      const notes = ctx.tables.cm.get(r.code)?.notes ?? [];
      for (const note of notes) {
        if (note.kind !== 'useAdditionalCode') continue;
        const refs = noteRefs(note.text);
        if (refs.length === 0) continue;
        for (const c of held) {
          if (c.tier !== 'also' || !refs.some((ref) => refCovers(ref, undotted(c.code)))) continue;
          c.tier = 'report';
          c.rules.push({
            rule: useAdditionalCodeRule.section,
            action: 'add',
            reason: `${r.code} says "use additional ${note.text}" (${note.from}), and the chart documents it ("${c.quote?.evidence.text ?? ''}")`,
          });
        }
      }
    }
  },
};
