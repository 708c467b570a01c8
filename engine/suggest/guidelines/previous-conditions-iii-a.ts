/**
 * Previous conditions (III.A; IV.J for outpatients): a resolved condition or one of a past
 * encounter is not coded as current; history codes (Z80-Z87) and status codes carry it when it
 * matters. A code whose every mention is historical goes to "also documented", unless the code
 * itself names the history or a status (Z codes), or unless it is a chronic condition whose
 * drug is on the current medication list ({@link chronicUnderTreatment}: III, IV.J).
 */
import { chronicUnderTreatment } from './chronic-under-treatment';
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
      const cue = h.assertion.cues.find((q) => q.kind === 'historical')?.text ?? h.section.title;
      demote(
        c,
        { section: ctx.setting === 'inpatient' ? 'III.A' : 'IV.J' },
        `documented as a past condition ("${cue}"): a history (Z86-Z87) or status code applies if it affects care`,
      );
    }
  },
};
