/**
 * Official Guidelines II.G (Complications of surgery and other medical care): "When the admission is for treatment of a complication resulting from
 * surgery or other medical care, the complication code is sequenced as the principal diagnosis."
 * A complication code is one of T80-T88 (Complications of surgical and medical care, NEC) or a
 * code whose title names a postprocedural or intraoperative complication (the body-system
 * categories I.C.19.g.3 points to). When the chart places such a code as a reason for admission
 * (an admission phrase, the chief complaint, the first listed diagnosis), it is sequenced first.
 * For an outpatient encounter (Section IV.A: the reason for the encounter), a complication of
 * care stated as the reason for the visit is first-listed the same way. (An admission after outpatient surgery or observation is read by `section-ii-i-j-admission-after-outpatient.ts`, II.I and II.J.)
 */
import { byScore, placeAbove } from './rank-helpers';
import type { RankedCandidate, SelectionContext, SequenceRule } from './types';

/** Placement strength of a stated reason for admission (see `chart-cues.ts`). */
const ADMITTED_FOR = 75;
const COMPLICATION_TITLE =
  /\b(?:postprocedural|post-procedural|intraoperative|complication|following (?:a )?procedure)\b/i;

/** Is the candidate a complication of care (T80-T88, or titled postprocedural / intraoperative)? */
export function isComplication(c: RankedCandidate, ctx: SelectionContext): boolean {
  if (/^T8[0-8]/.test(c.code)) return true;
  const title = c.title ?? ctx.tables.cm.get(c.code, { indexEntries: false })?.long ?? '';
  return COMPLICATION_TITLE.test(title.replace(/\bwithout (?:\w+ )?complications?\b/gi, ''));
}

export const complicationsOfCare: SequenceRule = {
  section: 'II.G',
  settings: ['inpatient', 'outpatient'],
  apply(ranked: RankedCandidate[], ctx: SelectionContext): void {
    const top = [...ranked].sort(byScore)[0];
    const rule = ctx.setting === 'inpatient' ? 'II.G' : 'IV.A';
    const why =
      ctx.setting === 'inpatient'
        ? 'admitted for a complication of care: the complication code is principal (II.G)'
        : 'the complication of care is the reason for the encounter: first-listed (IV.A)';
    for (const c of ranked) {
      if (!top || c === top || c.score < ADMITTED_FOR || !isComplication(c, ctx)) continue;
      placeAbove(c, top, rule, why);
    }
  },
};
