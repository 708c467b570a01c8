/**
 * Follow-up examination after completed treatment of a malignancy (Z08): "Follow-up codes are
 * used to explain continuing surveillance following completed treatment of a disease ... Should
 * a condition be found to have recurred on the follow-up visit, then the diagnosis code for the
 * condition should be assigned in place of the follow-up code" (Guideline I.C.21.c.8); Z08
 * "Use additional code to identify the personal history of malignant neoplasm (Z85.-)", and
 * I.C.2.d codes the treated, eradicated malignancy to Z85. The code is added at an outpatient
 * visit when:
 * - the history or reason for the visit says it is a follow-up or surveillance visit ("is here
 *   today for follow-up", "comes in for surveillance"), not a follow-up planned for later;
 * - the malignancy is a history: a reported Z85 code, or a malignancy code the stage held back
 *   as a history (I.C.2.d), and no malignancy is reported as current (a recurrence, metastases)
 *   nor is treatment given (Z51.1-);
 * - the visit is about that malignancy: the follow-up sentence names it or its treatment, or it
 *   is the first condition of the provider's statement.
 */
import { assertMention, type SectionKind } from '../../text';
import { addedCandidate } from './added-candidate';
import { reported, undotted } from './tiers';
import type { GuidelineCandidate, GuidelineRule } from './types';
import { DIAGNOSTIC_STATEMENT } from './uncertain-diagnosis-ii-h-iv-h';

const CODE = 'Z08';
/** Malignant neoplasms (primary, secondary, lymphoid and hematopoietic): a current one means no Z08. */
const MALIGNANT = /^C/;
/** Where the reason for the visit is told. */
const VISIT: ReadonlySet<SectionKind> = new Set<SectionKind>(['chief-complaint', 'hpi', 'none', 'other']);
const FOLLOW_UP = /\bfollow[- ]?ups?\b|\bsurveillance\b/i;
const THIS_VISIT = /\b(?:here|presents?|presented|seen|returns?|comes?|came|visit|clinic)\b/i;
/** A follow-up to come, or with someone else: not this visit's reason. */
const LATER = /\b(?:will|plan\w*|schedule\w*|next|in \d+ (?:weeks?|months?)|follow[- ]?up with|to follow up)\b/i;
/** The malignancy or its treatment named in the follow-up sentence. */
const CANCER_WORDS =
  /\b(?:cancer|carcinoma|sarcoma|lymphoma|leuka?emia|myeloma|melanoma|malignan\w*|\w+blastoma|seminoma|neoplasm|tumou?r|chemo\w*|radiation|radiotherapy|\w+ectomy|resection)\b/i;

/** A malignancy held as a history: a reported Z85 code or a C code demoted by I.C.2.d. */
function historyOfMalignancy(c: GuidelineCandidate): boolean {
  if (c.system !== 'cm') return false;
  if (c.tier === 'report' && undotted(c.code).startsWith('Z85')) return true;
  return (
    MALIGNANT.test(c.code) && c.tier === 'also' && c.rules.some((r) => r.rule === 'I.C.2.d' && r.action === 'demote')
  );
}

export const followUpMalignancyRule: GuidelineRule = {
  section: 'I.C.21.c.8',
  name: 'follow-up after completed treatment of a malignancy',
  apply(cands, ctx) {
    if (ctx.setting !== 'outpatient') return;
    const detail = ctx.tables.cm.get(CODE);
    if (!detail || cands.some((c) => c.code === CODE && c.tier === 'report')) return;
    const live = reported(cands);
    if (live.some((c) => MALIGNANT.test(c.code) || undotted(c.code).startsWith('Z511'))) return;
    const history = cands.filter(historyOfMalignancy);
    if (history.length === 0) return;
    // The first condition the provider's statement names.
    let first: { start: number; c: GuidelineCandidate } | undefined;
    for (const c of cands) {
      if (c.system !== 'cm' || c.tier === 'suppressed') continue;
      for (const m of c.mentions)
        if (DIAGNOSTIC_STATEMENT.has(m.section.kind) && (!first || m.evidence.start < first.start))
          first = { start: m.evidence.start, c };
    }
    const firstIsHistory = first !== undefined && history.includes(first.c);
    for (const s of ctx.chart.sentences) {
      const section = ctx.chart.sections[s.section];
      if (!section || !VISIT.has(section.kind)) continue;
      const sentence = ctx.text.slice(s.start, s.end);
      const m = FOLLOW_UP.exec(sentence);
      if (!m || LATER.test(sentence)) continue;
      if (section.kind !== 'chief-complaint' && !THIS_VISIT.test(sentence)) continue;
      if (!CANCER_WORDS.test(sentence) && !firstIsHistory) continue;
      const span = { start: s.start + m.index, end: s.start + m.index + m[0].length };
      const a = assertMention(ctx.text, span, ctx.chart).assertion;
      if (a === 'negated' || a === 'hypothetical' || a === 'family' || a === 'other-subject') continue;
      const malignancy = history[0]!;
      cands.push(
        addedCandidate(ctx, followUpMalignancyRule, {
          code: CODE,
          title: detail.long,
          span,
          path: 'Examination > follow-up > malignant neoplasm',
          reason: `"${sentence.trim().slice(0, 120)}": a follow-up visit after completed treatment (${malignancy.code} "${malignancy.quote?.evidence.text ?? malignancy.suggestion.title}" is a history, no current malignancy)`,
          score: 0.9,
        }),
      );
      return;
    }
  },
};
