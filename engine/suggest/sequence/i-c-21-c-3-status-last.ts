/**
 * Official Guidelines I.C.21.c.3, status Z codes: "Status codes indicate that a patient is either a
 * carrier of a disease or has the sequelae or residual of a past disease or condition. This
 * includes such things as the presence of prosthetic or mechanical devices resulting from past
 * treatment. A status code is informative, because the status may affect the course of treatment
 * and its outcome." A status is not the condition "chiefly responsible for occasioning the
 * admission" (Section II) nor "the diagnosis, condition, problem, or other reason for
 * encounter/visit ... chiefly responsible for the services provided" (Section IV.G): every status
 * code (a device or implant present, a transplanted organ, long-term drug therapy, an allergy, an
 * absent organ) is placed below every candidate that is not one, however prominently the chart
 * names it (a new joint implant under the postoperative diagnosis is the result of the surgery,
 * not its reason). Alone, a status code keeps its place: the coder then sees it first, with this
 * rule saying why it is only informative.
 */
import { placeBelow } from './rank-helpers';
import { zCodeRole } from './z-code-role';
import type { RankedCandidate, SelectionContext, SequenceRule } from './types';

export const statusCodesLast: SequenceRule = {
  section: 'I.C.21.c.3',
  settings: ['inpatient', 'outpatient'],
  apply(ranked: RankedCandidate[], ctx: SelectionContext): void {
    const status = ranked.filter((c) => zCodeRole(c.code, ctx.tables) === 'status');
    if (status.length === 0) return;
    const others = ranked.filter((c) => !status.includes(c));
    if (others.length === 0) {
      for (const s of status)
        s.reason = `${s.reason}; a status code is only informative (I.C.21.c.3): no condition of the chart is placed above it`;
      return;
    }
    const lowest = others.reduce((a, b) => (b.score < a.score ? b : a));
    const what =
      ctx.setting === 'inpatient'
        ? 'the condition chiefly responsible for the admission (Section II)'
        : 'the reason for the visit (IV.G)';
    for (const s of status)
      placeBelow(
        s,
        lowest,
        'I.C.21.c.3',
        `status code: "A status code is informative, because the status may affect the course of treatment and its outcome" (I.C.21.c.3); it is not ${what}, so the conditions of the chart are sequenced before it`,
      );
  },
};
