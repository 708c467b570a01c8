/**
 * Official Guidelines IV.A.1 (outpatient surgery) and IV.N (ambulatory surgery). IV.A.1: "When a
 * patient presents for outpatient surgery (same day surgery), code the reason for the surgery as the first-listed diagnosis (reason for
 * the encounter), even if the surgery is not performed due to a contraindication" and IV.N, "if the
 * postoperative diagnosis is known to be different from the preoperative diagnosis at the time the
 * diagnosis is confirmed, select the postoperative diagnosis for coding, since it is the most
 * definitive." The placement already ranks the first postoperative diagnosis above the
 * preoperative one; this rule names the guideline on the choice it made.
 */
import { byScore, decide } from './rank-helpers';
import type { RankedCandidate, SelectionContext, SequenceRule } from './types';

export const outpatientSurgery: SequenceRule = {
  section: 'IV.N',
  settings: ['outpatient'],
  apply(ranked: RankedCandidate[], _ctx: SelectionContext): void {
    const top = [...ranked].sort(byScore)[0];
    if (!top) return;
    if (top.placedBy === 'postoperative-diagnosis')
      decide(
        top,
        'IV.N',
        'ambulatory surgery: the postoperative diagnosis, the most definitive, is first-listed (IV.N)',
      );
    else if (top.placedBy === 'preoperative-diagnosis')
      decide(top, 'IV.A.1', 'outpatient surgery: the reason for the surgery is first-listed (IV.A.1)');
  },
};
