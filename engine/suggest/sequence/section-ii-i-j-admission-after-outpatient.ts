/**
 * Official Guidelines II.I (admission following medical observation) and II.J (admission from
 * outpatient surgery), read when the chart says the inpatient admission followed one of them.
 *
 * - II.I.1: "When a patient is admitted to observation for a medical condition, and later admitted
 *   as inpatient for the same medical condition, the principal diagnosis would be the medical
 *   condition which led to the hospital admission."
 * - II.I.2: a patient in postoperative observation "subsequently admitted as an inpatient ... due to
 *   a complication": the complication is principal (the same test as II.J.1).
 * - II.J: "If the reason for the inpatient admission is a complication, assign the complication as
 *   the principal diagnosis. If no complication, or other condition, is documented as the reason
 *   for the inpatient admission, assign the reason for the outpatient surgery as the principal
 *   diagnosis. If the reason for the inpatient admission is another condition unrelated to the
 *   surgery, assign the unrelated condition as the principal diagnosis."
 *
 * A complication is one of T80-T88 or a code titled as a postprocedural or intraoperative
 * complication (as in II.G); the reason for the surgery is the candidate placed by the operative
 * note's diagnosis (pre- or postoperative); a stated reason for admission is a candidate placed by
 * an admission phrase ("admitted for").
 */
import { byScore, decide, placeAbove } from './rank-helpers';
import { isComplication } from './section-ii-g-complications';
import type { RankedCandidate, SelectionContext, SequenceRule } from './types';

const FROM_OBSERVATION =
  /\b(?:admitted|admission|converted|changed)\b[^.;\n]{0,50}?\b(?:from|after|following)\s+(?:(?:medical|postoperative|post-operative|an?)\s+)?observation\b|\bobservation\s+(?:status|stay)\b[^.;\n]{0,30}?\b(?:converted|changed)\s+to\s+inpatient\b/i;
const POSTOP_OBSERVATION = /\bpost[- ]?op(?:erative)?\s+observation\b/i;
const FROM_OUTPATIENT_SURGERY =
  /\b(?:admitted|admission)\b[^.;\n]{0,50}?\b(?:from|after|following)\s+(?:(?:the|an?|his|her|planned|scheduled|elective)\s+)?(?:outpatient|same[- ]day|ambulatory|day)\s+(?:surgery|procedure|surgical)\b/i;
/** Placement strength of a stated reason for admission (see `chart-cues.ts`). */
const STATED = 75;

const operative = (r: RankedCandidate): boolean =>
  r.placedBy === 'postoperative-diagnosis' || r.placedBy === 'preoperative-diagnosis' || /operative/.test(r.reason);

/** Puts `c` first (or names the rule on it when it already is). */
function first(c: RankedCandidate, top: RankedCandidate, rule: string, why: string): void {
  if (c === top) decide(c, rule, why);
  else placeAbove(c, top, rule, why);
}

export const admissionAfterOutpatientCare: SequenceRule = {
  section: 'II.I',
  settings: ['inpatient'],
  apply(ranked: RankedCandidate[], ctx: SelectionContext): void {
    const surgery = FROM_OUTPATIENT_SURGERY.exec(ctx.view.text);
    const match = surgery ?? FROM_OBSERVATION.exec(ctx.view.text);
    const top = [...ranked].sort(byScore)[0];
    if (!match || !top) return;
    const cue = match[0].replace(/\s+/g, ' ');
    // The condition named after the cue in its sentence is the stated reason for the admission.
    const sentence = ctx.view.sentences.find((s) => s.start <= match.index && match.index < s.end);
    const end = sentence?.end ?? match.index + match[0].length;
    const stated = ranked
      .filter((r) =>
        r.candidate.evidence.some(
          (e) => !e.context.negated && !e.context.hypothetical && e.start >= match.index && e.end <= end,
        ),
      )
      .sort(byScore)[0];
    const postop = surgery !== null || POSTOP_OBSERVATION.test(ctx.view.text);
    const complication = postop
      ? stated && isComplication(stated, ctx)
        ? stated
        : ranked.filter((r) => r.score >= STATED && isComplication(r, ctx)).sort(byScore)[0]
      : undefined;
    if (complication) {
      const rule = surgery ? 'II.J' : 'II.I';
      first(
        complication,
        top,
        rule,
        `admitted after ${surgery ? 'outpatient surgery' : 'postoperative observation'} ("${cue}") for a complication: the complication is principal (${surgery ? 'II.J' : 'II.I.2'})`,
      );
      return;
    }
    if (surgery) {
      if (stated && !operative(stated)) {
        first(
          stated,
          top,
          'II.J',
          `admitted after outpatient surgery ("${cue}") for another condition stated as the reason for admission: that condition is principal (II.J)`,
        );
        return;
      }
      const reason = ranked.filter(operative).sort(byScore)[0];
      if (reason)
        first(
          reason,
          top,
          'II.J',
          `admitted after outpatient surgery ("${cue}") with no complication or other condition stated as the reason: the reason for the surgery is principal (II.J)`,
        );
      return;
    }
    const why = `admitted after observation ("${cue}"): the medical condition that led to the hospital admission is principal (II.I.1)`;
    if (stated) first(stated, top, 'II.I', why);
    else decide(top, 'II.I', `${why}; ${top.reason}`);
  },
};
