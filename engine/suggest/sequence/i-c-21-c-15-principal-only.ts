/**
 * Official Guidelines I.C.21.c.15, "Z Codes That May Only be Principal/First-Listed Diagnosis":
 * "The following Z codes/subcategories/categories may only be reported as the principal/first-listed
 * diagnosis" (encounters for examination, chemotherapy or radiation therapy, prophylactic surgery,
 * supervision of normal pregnancy, liveborn infants, donors ...; see `z-code-role.ts`). IV.L says
 * the same of outpatient therapy: "when the primary reason for the admission/encounter is
 * chemotherapy or radiation therapy, the appropriate Z code for the service is listed first".
 *
 * Such a code, when the chart states it as the reason for the encounter (a diagnostic statement,
 * an "admitted for" phrase: placement of 60 or more, see `chart-cues.ts`), is placed first. A code
 * of that list read only from a passing mention ("neuropathy after chemotherapy" in the history)
 * is not moved: the chart does not say the encounter was for it.
 */
import { byScore, placeAbove } from './rank-helpers';
import { isPrincipalOnly } from './z-code-role';
import type { RankedCandidate, SelectionContext, SequenceRule } from './types';

/** Placement of a stated reason for the encounter or a diagnostic statement (see `chart-cues.ts`). */
const STATED = 60;

export const principalOnlyZCodes: SequenceRule = {
  section: 'I.C.21.c.15',
  settings: ['inpatient', 'outpatient'],
  apply(ranked: RankedCandidate[], _ctx: SelectionContext): void {
    const best = ranked.filter((c) => isPrincipalOnly(c.code) && c.score >= STATED).sort(byScore)[0];
    const top = [...ranked].sort(byScore)[0];
    if (!best || !top || best === top) return;
    placeAbove(
      best,
      top,
      'I.C.21.c.15',
      'the chart states this reason for the encounter, and it is among the Z codes that "may only be reported as the principal/first-listed diagnosis" (I.C.21.c.15)',
    );
  },
};
