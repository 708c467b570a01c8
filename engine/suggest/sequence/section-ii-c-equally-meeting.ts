/**
 * Official Guidelines II.B / II.C: "In the unusual instance when two or more diagnoses equally meet
 * the criteria for principal diagnosis as determined by the circumstances of admission, diagnostic
 * workup and/or therapy provided ... any one of the diagnoses may be sequenced first, unless the
 * circumstances of admission, the therapy provided, the Tabular List, or the Alphabetic Index
 * indicate otherwise." A runner-up placed as strongly as the first (both named as reasons for the
 * admission, neither moved by a Tabular or chapter rule) is marked as an equal alternative, so the
 * coder sees both and their DRG impact.
 */
import { byScore } from './rank-helpers';
import { identifiesCoexistingCondition, precedenceNote } from './tabular-order';
import type { RankedCandidate, SelectionContext, SequenceRule } from './types';

/** Placement of a stated reason for admission or a listed diagnosis (see `chart-cues.ts`). */
const STATED = 60;
const EQUAL_WITHIN = 6;
const RULED = new Set(['II', 'IV']);

export const equallyMeeting: SequenceRule = {
  section: 'II.C',
  settings: ['inpatient'],
  apply(ranked: RankedCandidate[], ctx: SelectionContext): void {
    const [first, ...rest] = [...ranked].sort(byScore);
    if (!first || !RULED.has(first.rule) || first.score < STATED) return;
    for (const c of rest) {
      if (c.score < first.score - EQUAL_WITHIN) break;
      if (!RULED.has(c.rule) || c.score < STATED) continue;
      // "... unless ... the Tabular List ... indicate otherwise": a code the first one must precede is no alternative.
      // A note naming a coexisting condition (I.B.7, see `tabular-order.ts`) does not order the principal.
      const note = precedenceNote(first.code, c.code, ctx.tables);
      if (note && !identifiesCoexistingCondition(note)) continue;
      c.rule = 'II.C';
      c.reason = `${c.reason}; equally meets the definition as ${first.code}: either may be sequenced first (II.C)`;
    }
  },
};
