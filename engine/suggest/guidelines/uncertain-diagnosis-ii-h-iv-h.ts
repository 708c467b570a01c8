/**
 * Uncertain diagnoses ("probable", "suspected", "rule out", "versus"): coded as established for
 * inpatients when documented so at the time of discharge (II.H, III.C), that is in the final
 * diagnostic statement (discharge or final diagnoses, the impression or assessment, the
 * postoperative diagnosis); a working hypothesis of the history or the course is not. For
 * outpatients not coded: the signs or symptoms are (IV.H). Those go to "also documented".
 */
import type { SectionKind } from '../../text';
import { demote, keep } from './tiers';
import type { GuidelineRule } from './types';

/** Sections holding the provider's diagnostic statement. */
export const DIAGNOSTIC_STATEMENT: ReadonlySet<SectionKind> = new Set([
  'discharge-diagnoses',
  'admission-diagnoses',
  'assessment-plan',
  'postoperative-diagnosis',
  'preoperative-diagnosis',
]);

export const uncertainDiagnosisRule: GuidelineRule = {
  section: 'IV.H',
  name: 'uncertain diagnosis',
  apply(cands, ctx) {
    for (const c of cands) {
      if (c.tier !== 'report' || c.system !== 'cm' || c.mentions.length === 0) continue;
      if (c.mentions.some((m) => m.assertion.assertion === 'affirmed')) continue;
      const uncertain = c.mentions.find((m) => m.assertion.assertion === 'uncertain');
      if (!uncertain) continue;
      const cue = uncertain.assertion.cues.find((q) => q.kind === 'uncertain')?.text ?? 'uncertain';
      if (ctx.setting === 'outpatient')
        demote(
          c,
          { section: 'IV.H' },
          `uncertain ("${cue}") at an outpatient encounter: code the signs or symptoms instead`,
        );
      else
        keep(
          c,
          { section: 'II.H' },
          `uncertain ("${cue}") at an inpatient encounter: coded as if established (II.H, III.C)`,
        );
    }
  },
};
