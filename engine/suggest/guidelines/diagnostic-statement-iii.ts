/**
 * The provider's diagnostic statement (Section III: "the listing of the diagnoses in the patient
 * record is the responsibility of the provider"; III.A: a diagnosis in the final diagnostic
 * statement should ordinarily be coded; IV.N: the postoperative diagnosis of a surgery). When
 * the chart has such a statement (discharge, final or admission diagnoses, impression or
 * assessment, postoperative or preoperative diagnosis), the conditions proposed for reporting
 * are those it names; words elsewhere (history, course, narrative) go to "also documented" for
 * the coder, who may add coexisting conditions that affected care (III, IV.J).
 */
import type { SectionKind } from '../../text';
import { chronicCondition } from './chronic-condition';
import { chronicUnderTreatment, standingMention } from './chronic-under-treatment';
import { treatedIndication } from './medication-indication';
import { ROUTINE_STATUS } from './data/routine-status';
import { demote, keep, undotted } from './tiers';
import type { GuidelineRule } from './types';
import { DIAGNOSTIC_STATEMENT } from './uncertain-diagnosis-ii-h-iv-h';

const ALSO_STATED: ReadonlySet<SectionKind> = new Set([...DIAGNOSTIC_STATEMENT, 'chief-complaint']);

/**
 * Where the provider describes the patient's standing conditions outside the statement. Not the
 * hospital or ED course: a word there ("blood pressure rose", "heart rate dropped") is an event of
 * the stay, which the statement names if it became a diagnosis.
 */
const DESCRIBED: ReadonlySet<SectionKind> = new Set(['past-history', 'hpi', 'consults', 'indications']);

/** Where a standing chronic condition is documented: described, or named in the statement by "history of". */
const STANDING: ReadonlySet<SectionKind> = new Set([...DESCRIBED, ...ALSO_STATED]);

/**
 * Where a status or history is documented (and the allergy list for Z88). The statement itself
 * too: "history of ... status post hysterectomy" in an assessment is read as a past event (not
 * coded as established), yet the absence it leaves is a status the statement names (I.C.21.c.3).
 */
const STATUS_DESCRIBED: ReadonlySet<SectionKind> = new Set([
  ...DESCRIBED,
  ...ALSO_STATED,
  'past-surgical-history',
  'allergies',
]);

const routineStatus = (code: string): boolean => {
  const c = undotted(code);
  return ROUTINE_STATUS.some((r) => c.startsWith(r.prefix));
};

export const diagnosticStatementRule: GuidelineRule = {
  section: 'III',
  name: 'named in the diagnostic statement',
  apply(cands, ctx) {
    const statement = ctx.chart.sections.filter((s) => DIAGNOSTIC_STATEMENT.has(s.kind) && s.end - s.titleEnd > 3);
    if (statement.length === 0) return;
    const titles = [...new Set(statement.map((s) => s.title))].slice(0, 3).join(', ');
    for (const c of cands) {
      if (c.tier !== 'report' || c.system !== 'cm') continue;
      if (c.mentions.some((m) => m.assertion.codedAsEstablished && ALSO_STATED.has(m.section.kind))) continue;
      // A quote straddling two items of a run-in list ("hypertension, CAD") names no one condition.
      // A standing condition the classification holds chronic, current or listed by a plain
      // "history of" (III.A keeps it as current when it is not said to have ended).
      const current = chronicCondition(c.code, ctx) ? standingMention(c, ctx, STANDING) : undefined;
      // An unspecified status (no agent, organ or device named) is left to the coder, who reads
      // which one the chart documents (I.B.2: the level of detail the record supports).
      const status =
        routineStatus(c.code) && !/\bunspecified\b/i.test(c.suggestion.title)
          ? c.mentions.find(
              (m) =>
                (m.assertion.codedAsEstablished || m.assertion.assertion === 'historical') &&
                STATUS_DESCRIBED.has(m.section.kind) &&
                !/[,;]/.test(m.evidence.text),
            )
          : undefined;
      if (status) {
        keep(
          c,
          diagnosticStatementRule,
          `a status or history that affects care ("${status.evidence.text}" under ${status.section.title || status.section.kind}): reported whenever documented (I.C.21.c.3, I.C.21.c.4, III)`,
        );
        continue;
      }
      const indication = current ? undefined : treatedIndication(c, ctx);
      if (indication) {
        keep(
          c,
          diagnosticStatementRule,
          `a chronic condition under current treatment ("${indication.item}" in the ${indication.mention.section.title || 'medication'} list): coded whenever it coexists (III, IV.J)`,
        );
        continue;
      }
      const treated = current ? undefined : chronicUnderTreatment(c, ctx);
      if (treated) {
        keep(
          c,
          diagnosticStatementRule,
          `a chronic condition under treatment ("${treated.mention.evidence.text}" under ${treated.mention.section.title || treated.mention.section.kind}, "${treated.drug}" in the ${treated.list} list): coded whenever it coexists (III, IV.J)`,
        );
        continue;
      }
      if (current) {
        keep(
          c,
          diagnosticStatementRule,
          `a chronic systemic condition documented as current ("${current.evidence.text}" under ${current.section.title || current.section.kind}): coded whenever it coexists (III, IV.J)`,
        );
        continue;
      }
      demote(
        c,
        diagnosticStatementRule,
        `not named in the provider's diagnostic statement (${titles}): add it if it affected care`,
      );
    }
  },
};
