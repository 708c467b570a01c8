/**
 * A weak Index match corroborated by the patient's current treatment. Below the display threshold
 * the words found match the code's Index entry only weakly (I.A: the Alphabetic Index leads to the
 * code), so the candidate starts in "also documented". When that threshold is its only demotion
 * and the current medication list holds a drug whose labeled indication is the code's condition
 * ({@link chronicUnderTreatment}), two independent parts of the chart name the same condition, and
 * a condition that requires ongoing treatment is reported (Section III "other diagnoses"; IV.J
 * "chronic diseases treated on an ongoing basis"). Every later rule still applies to it.
 */
import { chronicUnderTreatment } from './chronic-under-treatment';
import type { GuidelineRule } from './types';

export const weakMatchTreatedRule: GuidelineRule = {
  section: 'I.A',
  name: 'weak Index match corroborated by current treatment',
  apply(cands, ctx) {
    for (const c of cands) {
      if (c.tier !== 'also' || c.system !== 'cm' || c.rules.length === 0) continue;
      // Only the weak-match demotion of the candidate stage, never another rule's decision.
      if (!c.rules.every((r) => r.rule === 'I.A' && r.action === 'demote' && r.reason.startsWith('weak Index match')))
        continue;
      const treated = chronicUnderTreatment(c, ctx);
      if (!treated) continue;
      c.tier = 'report';
      c.rules.push({
        rule: ctx.setting === 'inpatient' ? 'III' : 'IV.J',
        action: 'keep',
        reason: `the weak match "${treated.mention.evidence.text}" is corroborated by "${treated.drug}" (${treated.condition}) in the ${treated.list} list: a condition under treatment is reported`,
      });
    }
  },
};
