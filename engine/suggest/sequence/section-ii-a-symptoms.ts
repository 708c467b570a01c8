/**
 * Official Guidelines II.A (inpatient) and IV.D (outpatient): "Codes for symptoms, signs, and
 * ill-defined conditions from Chapter 18 are not to be used as principal diagnosis when a related
 * definitive diagnosis has been established." A symptom is placed below the best definitive
 * diagnosis the chart places at least as an assessment item and not far below the symptom (a
 * symptom the discharge list puts first, above a distant secondary diagnosis, is read as the
 * unexplained reason for admission); alone (no definitive diagnosis placed), the symptom stays
 * first-listed (IV.D: acceptable "when a diagnosis has not been established (confirmed) by the
 * provider").
 */
import { byScore, isSymptom, placeBelow } from './rank-helpers';
import { zCodeRole } from './z-code-role';
import type { RankedCandidate, SelectionContext, SequenceRule } from './types';

/** Placement strength of an assessment item or better (see `chart-cues.ts`). */
const ESTABLISHED = 45;
/** How far below the symptom a definitive diagnosis may be placed and still explain it. */
const RELATED_MARGIN = 25;

export const symptomsNotPrincipal: SequenceRule = {
  section: 'II.A',
  settings: ['inpatient', 'outpatient'],
  apply(ranked: RankedCandidate[], ctx: SelectionContext): void {
    // A status code (I.C.21.c.3: "informative") is no diagnosis that explains a symptom.
    const definitive = ranked
      .filter((d) => !isSymptom(d.code) && d.score >= ESTABLISHED && zCodeRole(d.code, ctx.tables) !== 'status')
      .sort(byScore)[0];
    if (!definitive) return;
    const rule = ctx.setting === 'inpatient' ? 'II.A' : 'IV.D';
    for (const s of ranked) {
      if (!isSymptom(s.code) || s.protectedSymptom || definitive.score < s.score - RELATED_MARGIN) continue;
      placeBelow(
        s,
        definitive,
        rule,
        `symptom code: not principal when a definitive diagnosis is established (${rule}); ${definitive.code} is documented`,
      );
    }
  },
};
