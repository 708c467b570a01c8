/**
 * Previous conditions (III.A; IV.J for outpatients): a resolved condition or one of a past
 * encounter is not coded as current; history codes (Z80-Z87) and status codes carry it when it
 * matters. A code whose every mention is historical goes to "also documented", unless the code
 * itself names the history or a status (Z codes), or unless it is a chronic condition whose
 * drug is on the current medication list ({@link chronicUnderTreatment}: III, IV.J), or a
 * condition the classification holds chronic ({@link chronicCondition}) that a plain "history
 * of" / "past history of" introduces without saying it ended: such a phrase lists the patient's
 * standing problems, and a chronic disease in it still coexists (III "Reporting additional
 * diagnoses"; IV.I, IV.J for outpatients). A resolved condition (a healed fracture, a past
 * infarction, an excised cancer, "resolved", "status post") stays a history.
 */
import { chronicCondition } from './chronic-condition';
import { chronicUnderTreatment, standingMention } from './chronic-under-treatment';
import { demote, keep } from './tiers';
import type { GuidelineRule } from './types';

export const previousConditionsRule: GuidelineRule = {
  section: 'III.A',
  name: 'previous conditions',
  apply(cands, ctx) {
    for (const c of cands) {
      if (c.tier !== 'report' || c.system !== 'cm' || c.code.startsWith('Z') || c.mentions.length === 0) continue;
      // An injury code of the healing phase codes its past injury (I.C.19.a, set by toCandidates).
      const current = (m: (typeof c.mentions)[number]): boolean =>
        m.assertion.codedAsEstablished && (m.assertion.assertion !== 'historical' || m.assertion.rule === 'I.C.19.a');
      if (c.mentions.some(current)) continue;
      const h = c.mentions.find((m) => m.assertion.assertion === 'historical');
      if (!h) continue;
      const treated = chronicUnderTreatment(c, ctx);
      if (treated) {
        keep(
          c,
          { section: ctx.setting === 'inpatient' ? 'III' : 'IV.J' },
          `a chronic condition under treatment: "${treated.mention.evidence.text}" in ${treated.mention.section.title || 'the past history'} and "${treated.drug}" (${treated.condition}) in the ${treated.list} list: a current condition, coded while it is treated`,
        );
        continue;
      }
      const chronic = chronicCondition(c.code, ctx);
      const standing = chronic ? standingMention(c, ctx) : undefined;
      if (chronic && standing) {
        const cue = standing.assertion.cues.find((q) => q.kind === 'historical')?.text;
        keep(
          c,
          { section: ctx.setting === 'inpatient' ? 'III' : 'IV.J' },
          `a chronic condition listed in the patient's history ("${cue ? `${cue} ... ` : ''}${standing.evidence.text}" in ${standing.section.title || 'the past history'}), not said to have ended: the Tabular holds it chronic (${chronic.title}), so it coexists and is coded as current (${ctx.setting === 'inpatient' ? 'III "Reporting additional diagnoses"' : 'IV.I, IV.J: chronic diseases treated on an ongoing basis'}; III.A codes only a condition that no longer exists as history)`,
        );
        continue;
      }
      const cue = h.assertion.cues.find((q) => q.kind === 'historical')?.text ?? h.section.title;
      demote(
        c,
        { section: ctx.setting === 'inpatient' ? 'III.A' : 'IV.J' },
        `documented as a past condition ("${cue}"): a history (Z86-Z87) or status code applies if it affects care`,
      );
    }
  },
};
