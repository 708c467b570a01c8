/**
 * Excludes1 (I.A.12.a): the two codes are never reported together. Read from the Tabular List
 * notes of each reported code (and its category and chapter); of a pair, a symptom code stated
 * inside a longer mention of the other (I.B.4-I.B.5), else the one the chart supports less (lower suggestion score, then the less
 * specific), is suppressed. A code of a named range whose title denies the item's condition is
 * not paired (see `excludes1Names`).
 */
import { excludes1Names, symptomInsideOfPair } from '../codes-in-note';
import { codeDetail } from './code-detail';
import { reported, suppress, undotted } from './tiers';
import type { GuidelineRule } from './types';

export const excludes1Rule: GuidelineRule = {
  section: 'I.A.12.a',
  name: 'Excludes1',
  apply(cands, ctx) {
    const live = reported(cands);
    for (const a of live) {
      if (a.tier !== 'report') continue;
      for (const note of codeDetail(ctx, a.code)?.notes ?? []) {
        if (note.kind !== 'excludes1') continue;
        for (const b of live) {
          if (b === a || b.tier !== 'report' || !excludes1Names(note.text, b.code, b.suggestion.title)) continue;
          // Codes of one category excluded by a category-level note are alternatives, not a pair
          // the note forbids: the level-of-detail rule decides between them.
          // A symptom stated inside the other code's longer mention yields (I.B.4-I.B.5).
          const less = symptomInsideOfPair(a.suggestion, b.suggestion);
          const loser =
            less === 'b' ||
            (!less &&
              (b.suggestion.score < a.suggestion.score ||
                (b.suggestion.score === a.suggestion.score && undotted(b.code).length <= undotted(a.code).length)))
              ? b
              : a;
          const winner = loser === a ? b : a;
          suppress(loser, excludes1Rule, `Excludes1 with ${winner.code} (${note.from}: "${note.text}")`);
          if (loser === a) break;
        }
        if (a.tier !== 'report') break;
      }
    }
  },
};
