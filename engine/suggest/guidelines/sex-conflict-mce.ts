/**
 * Sex conflicts (CMS Medicare Code Editor, "Sex conflict" edit lists): a code restricted to one
 * sex is not proposed for a patient the chart documents as the other (an abbreviation or a word
 * read the wrong way, e.g. a male-only code for a female patient). Runs only when the caller has
 * the MCE tables ({@link GuidelineTables.sexOf}) and the chart documents the sex.
 */
import { suppress } from './tiers';
import type { GuidelineRule } from './types';

export const sexConflictRule: GuidelineRule = {
  section: 'MCE sex conflict',
  name: 'sex conflict',
  apply(cands, ctx) {
    const sex = ctx.chart.patient.sex;
    const sexOf = ctx.tables.sexOf;
    if (!sex || !sexOf) return;
    for (const c of cands) {
      if (c.tier === 'suppressed') continue;
      const only = sexOf(c.code);
      if (only && only !== sex)
        suppress(
          c,
          sexConflictRule,
          `${c.code} is a ${only}-only code (MCE) and the chart documents a ${sex} patient ("${ctx.chart.patient.sexEvidence?.text ?? ''}")`,
        );
    }
  },
};
