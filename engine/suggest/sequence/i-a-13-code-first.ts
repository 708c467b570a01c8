/**
 * Official Guidelines I.A.13, etiology/manifestation convention and "code first" / "use
 * additional code" notes: "the underlying condition be sequenced first, if applicable, followed by
 * the manifestation." Read from the Tabular List notes of the candidates themselves (never a hand
 * list): a candidate the notes put before a better-placed one takes its place, and the reason
 * quotes the note. I.C.9.a (hypertension with heart disease or CKD) is the same relation read from
 * the notes at I50 and N18 and is reported under its own section by `i-c-9-a-hypertension.ts`.
 * A "Use additional code to identify presence of ..." note names a coexisting condition, not part of
 * this one (I.B.7, "Multiple coding for a single condition"), and does not move the principal
 * (see `identifiesCoexistingCondition`).
 */
import { placeAbove } from './rank-helpers';
import { identifiesCoexistingCondition, precedenceNote, printed, type OrderNote } from './tabular-order';
import type { GuidelineSection, RankedCandidate, SelectionContext, SequenceRule } from './types';

/**
 * Moves every candidate a Tabular note puts first above the candidate it precedes, repeating until
 * stable (notes chain: E11.22 before N18.32, I13.0 before both I50.23 and N18.32).
 */
export function applyPrecedence(
  ranked: RankedCandidate[],
  ctx: SelectionContext,
  section: GuidelineSection,
  accept: (first: RankedCandidate, then: RankedCandidate, note: OrderNote) => boolean,
): void {
  // Each ordered pair's note is read once; the passes only compare scores.
  const pairs: [RankedCandidate, RankedCandidate, OrderNote][] = [];
  for (const first of ranked)
    for (const then of ranked) {
      if (first === then) continue;
      const note = precedenceNote(first.code, then.code, ctx.tables);
      if (note && accept(first, then, note)) pairs.push([first, then, note]);
    }
  for (let pass = 0; pass < 4 && pairs.length > 0; pass++) {
    let moved = false;
    for (const [first, then, note] of pairs) {
      if (first.score > then.score) continue;
      placeAbove(
        first,
        then,
        section,
        `sequenced before ${then.code} by the Tabular List (${section}): ${printed(note)}`,
        printed(note),
      );
      moved = true;
    }
    if (!moved) return;
  }
}

export const codeFirstNotes: SequenceRule = {
  section: 'I.A.13',
  settings: ['inpatient', 'outpatient'],
  apply(ranked: RankedCandidate[], ctx: SelectionContext): void {
    // I.B.7: a note naming a coexisting condition ("presence of hypertension") orders the secondary
    // codes but does not decide which condition occasioned the admission.
    applyPrecedence(ranked, ctx, 'I.A.13', (_first, _then, note) => !identifiesCoexistingCondition(note));
  },
};
