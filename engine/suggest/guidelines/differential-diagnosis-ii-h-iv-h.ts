/**
 * A differential diagnosis is the list of conditions the provider is still weighing, not a
 * diagnosis made: a condition named only under a "Differential diagnosis" heading is uncertain.
 * For outpatients it is not coded (IV.H: "Do not code diagnoses documented as 'probable',
 * 'suspected', 'questionable', 'rule out', 'compared with', 'consistent with', or 'working
 * diagnosis' or other similar terms indicating uncertainty"); for inpatients the uncertain
 * diagnosis is coded only as documented at the time of discharge (II.H, III.C), which a
 * differential written during the work-up is not. Either way the condition goes to "also
 * documented"; the diagnosis stated elsewhere (the impression) is what is reported.
 */
import type { TextSection } from '../../text';
import { demote, reported } from './tiers';
import type { GuidelineRule } from './types';

/** A heading that opens a differential diagnosis ("DIFFERENTIAL DIAGNOSES:", "Differential Dx"). */
const DIFFERENTIAL = /\bdifferential\b/i;

/** `true` when the section is a differential-diagnosis list. */
export function isDifferentialSection(section: Pick<TextSection, 'title'>): boolean {
  return DIFFERENTIAL.test(section.title);
}

export const differentialDiagnosisRule: GuidelineRule = {
  section: 'IV.H',
  name: 'differential diagnosis',
  apply(cands, ctx) {
    for (const c of reported(cands)) {
      if (c.mentions.length === 0) continue;
      const inList = c.mentions.filter((m) => isDifferentialSection(m.section));
      if (inList.length === 0) continue;
      // Stated as established outside the differential (the impression, the course): reported.
      if (c.mentions.some((m) => m.assertion.codedAsEstablished && !isDifferentialSection(m.section))) continue;
      const m = inList[0]!;
      demote(
        c,
        { section: ctx.setting === 'outpatient' ? 'IV.H' : 'II.H' },
        `"${m.evidence.text}" is named only under ${m.section.title.trim() || 'the differential diagnosis'}: a condition still being weighed, not a diagnosis made`,
      );
    }
  },
};
