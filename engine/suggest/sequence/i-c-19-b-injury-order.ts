/**
 * Official Guidelines I.C.19.b: "The code for the most serious injury, as determined by the
 * provider and the focus of treatment, is sequenced first." When the first candidate is an injury
 * placed by the same statement as other injuries (the reason for the visit or a diagnosis line
 * naming several), the statement's own order is the provider's: the injury it names first leads
 * among them, rather than whichever code the Index matched with more confidence.
 */
import { decide } from './rank-helpers';
import type { RankedCandidate, SequenceRule } from './types';

/** Injury codes (Chapter 19, S00-T14; T15 and above are other external effects). */
const INJURY = /^(?:S\d{2}|T0\d|T1[0-4])\./;
/** Placement strengths read from one statement differ by at most this (mention count, confidence). */
const SAME_STATEMENT = 6;

/** Offset of the candidate's first mention inside `span` (Infinity when it has none there). */
function firstIn(c: RankedCandidate, span: { start: number; end: number }): number {
  let at = Infinity;
  for (const e of c.candidate.evidence) if (e.start >= span.start && e.end <= span.end) at = Math.min(at, e.start);
  return at;
}

export const injuryOrder: SequenceRule = {
  section: 'I.C.19.b',
  settings: ['inpatient', 'outpatient'],
  apply(ranked: RankedCandidate[]): void {
    const first = ranked.reduce<RankedCandidate | undefined>((a, b) => (!a || b.score > a.score ? b : a), undefined);
    const span = first?.span;
    if (!first || !span || !INJURY.test(first.code)) return;
    let lead = first;
    let leadAt = firstIn(first, span);
    for (const c of ranked) {
      if (c === first || !INJURY.test(c.code) || !c.span) continue;
      if (c.span.start !== span.start || c.span.end !== span.end || c.score < first.score - SAME_STATEMENT) continue;
      const at = firstIn(c, span);
      if (at < leadAt) {
        lead = c;
        leadAt = at;
      }
    }
    if (lead === first) return;
    lead.score = first.score + 0.5;
    decide(
      lead,
      'I.C.19.b',
      `${lead.reason}; named first of the injuries in this statement ("the most serious injury, as determined by the provider ... is sequenced first", I.C.19.b)`,
    );
  },
};
