/**
 * Official Guidelines I.C.15.a.1: "Obstetric cases require codes from chapter 15, codes in the
 * range O00-O9A ... Chapter 15 codes have sequencing priority over codes from other chapters."
 * When the chart affirms a Chapter 15 condition, every other candidate is placed below the best
 * Chapter 15 one. (I.C.15.a.1 also allows Z33.1, pregnant state incidental, when the pregnancy is
 * incidental; such a chart has no Chapter 15 candidate and this rule does nothing.)
 */
import { byScore, placeBelow } from './rank-helpers';
import type { RankedCandidate, SelectionContext, SequenceRule } from './types';

const isObstetric = (code: string): boolean => code.startsWith('O');

export const obstetricFirst: SequenceRule = {
  section: 'I.C.15.a.1',
  settings: ['inpatient', 'outpatient'],
  apply(ranked: RankedCandidate[], _ctx: SelectionContext): void {
    const best = ranked.filter((c) => isObstetric(c.code)).sort(byScore)[0];
    if (!best) return;
    for (const c of ranked) {
      if (isObstetric(c.code)) continue;
      placeBelow(
        c,
        best,
        'I.C.15.a.1',
        `Chapter 15 codes have sequencing priority over codes of other chapters (I.C.15.a.1); ${best.code} is documented`,
      );
    }
  },
};
