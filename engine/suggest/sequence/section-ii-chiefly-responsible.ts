/**
 * Official Guidelines Section II (inpatient) and Section IV (outpatient), the definitions:
 * the principal diagnosis is "that condition established after study to be chiefly responsible
 * for occasioning the admission of the patient to the hospital for care"; the first-listed
 * diagnosis is "the diagnosis, condition, problem, or other reason for encounter/visit shown in
 * the medical record to be chiefly responsible for the services provided". Each candidate is
 * placed by its strongest mention (see `chart-cues.ts`; a mention inside another candidate's
 * longer mention does not count, see `subsumed-mentions.ts`, nor does a longer reading of the same
 * code around a shorter one); a condition named in several places of the chart gains a little over
 * one named once.
 */
import { placement, quoteAround, type Placement } from './chart-cues';
import { isLongerReading } from './subsumed-mentions';
import { INJURY_AFTER_ACTIVE_TREATMENT } from '../injury-after-active-treatment';
import type { CandidateMention, RankedCandidate, SelectionContext, SequenceCandidate } from './types';

/** The first ranking of one eligible candidate, before the specific rules adjust it. */
export function chieflyResponsible(c: SequenceCandidate, ctx: SelectionContext): RankedCandidate {
  let best: Placement | undefined;
  let at: CandidateMention | undefined;
  const kinds = new Set<string>();
  // An injury code of the healing phase codes the past injury itself (I.C.19.a): its "status
  // post" mentions place it.
  const pastInjury = INJURY_AFTER_ACTIVE_TREATMENT.test(c.code);
  for (const e of c.evidence) {
    if (e.context.negated || e.context.family || e.context.hypothetical || (e.context.historical && !pastInjury))
      continue;
    // A longer reading of the same code around a shorter one ("severe cholecystitis, ..., and
    // morbid obesity" around "morbid obesity") only adds words of other list items: the shorter
    // mention is where the statement names the condition, so the longer one does not place it.
    if (isLongerReading(c, e)) continue;
    // IV.H: an outpatient mention stated as uncertain is not coded, so it cannot place the code either.
    if (ctx.setting === 'outpatient' && e.context.uncertain) continue;
    kinds.add(e.section);
    const p = placement(ctx.view, e, ctx.setting);
    // A less specific reading of another candidate's words counts as a passing mention.
    if (ctx.subsumed(c, e)) p.strength = Math.min(p.strength, 20);
    if (!best || p.strength > best.strength) {
      best = p;
      at = e;
    }
  }
  const p = best ?? { strength: 0, where: 'chart text', kind: 'none' };
  at ??= c.evidence[0];
  const q = at ? quoteAround(ctx.view, at) : { quote: '', span: { start: 0, end: 0 } };
  const title = c.title ?? ctx.tables.cm.get(c.code, { indexEntries: false })?.long ?? '';
  // Among equally placed candidates the more specific code leads (I.A.9: "unspecified" codes are
  // for when the record lacks the detail).
  const unspecified = /\bunspecified\b|\bnot otherwise specified\b/i.test(title) ? 2 : 0;
  const rule = ctx.setting === 'inpatient' ? 'II' : 'IV';
  const what =
    ctx.setting === 'inpatient' ? 'chiefly responsible for the admission' : 'chiefly responsible for the visit';
  const ranked: RankedCandidate = {
    candidate: c,
    code: c.code,
    score: p.strength + Math.min(2, kinds.size - 1) + c.score * 4 - unspecified,
    placedBy: p.kind,
    rule,
    reason: `${p.where} (Section ${rule}: the condition ${what})`,
    quote: q.quote,
    span: q.span,
  };
  if (c.title !== undefined) ranked.title = c.title;
  return ranked;
}
