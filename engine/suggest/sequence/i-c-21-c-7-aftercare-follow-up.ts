/**
 * Official Guidelines I.C.21.c.7 (aftercare) and I.C.21.c.8 (follow-up): an encounter for the
 * healing or recovery phase after treatment, or for surveillance after completed treatment, is
 * listed first when the chart states it as the reason for the encounter.
 * - I.C.21.c.7: "The aftercare codes are generally first listed to explain the specific reason for
 *   the encounter. An aftercare code may be reported as an additional code when a specific type of
 *   aftercare is provided in addition to the reason for the encounter." The guideline names the
 *   categories: Z42-Z49 and Z51.
 * - I.C.21.c.8: "The follow-up code is sequenced first, followed by the history code" (Z08, Z09).
 *
 * "Generally" is read from the chart: the code moves first only when the chart states it as the
 * reason for the encounter (the first item of a diagnostic statement, the chief complaint, an
 * "admitted for / seen for" phrase: placement of 75 or more, see `chart-cues.ts`). An aftercare
 * code named further down a list is care given in addition to another reason and keeps its place.
 * The codes of this list that may only be principal (Z42, Z51.0-, Z51.1-) are left to I.C.21.c.15.
 */
import { byScore, decide, placeAbove } from './rank-helpers';
import type { RankedCandidate, SelectionContext, SequenceRule } from './types';
import { isPrincipalOnly } from './z-code-role';

/** I.C.21.c.7's aftercare categories and I.C.21.c.8's follow-up categories (undotted prefixes). */
const AFTERCARE = /^Z4[2-9]|^Z51/;
const FOLLOW_UP = /^Z0[89]/;
/** Placement of a stated reason for the encounter (see `chart-cues.ts`). */
const STATED_REASON = 75;

export const aftercareAndFollowUp: SequenceRule = {
  section: 'I.C.21.c.7',
  settings: ['inpatient', 'outpatient'],
  apply(ranked: RankedCandidate[], _ctx: SelectionContext): void {
    const best = ranked
      // Codes that may only be principal (Z42, Z51.0-, Z51.1-) are placed by I.C.21.c.15 itself.
      .filter(
        (c) =>
          (AFTERCARE.test(c.code) || FOLLOW_UP.test(c.code)) && !isPrincipalOnly(c.code) && c.score >= STATED_REASON,
      )
      .sort(byScore)[0];
    const top = [...ranked].sort(byScore)[0];
    if (!best || !top) return;
    const followUp = FOLLOW_UP.test(best.code);
    const rule = followUp ? 'I.C.21.c.8' : 'I.C.21.c.7';
    const reason = followUp
      ? 'the chart states the encounter as follow-up after completed treatment: "The follow-up code is sequenced first, followed by the history code" (I.C.21.c.8)'
      : 'the chart states aftercare as the reason for the encounter: "The aftercare codes are generally first listed to explain the specific reason for the encounter" (I.C.21.c.7)';
    if (best === top) decide(best, rule, reason);
    else placeAbove(best, top, rule, reason);
  },
};
