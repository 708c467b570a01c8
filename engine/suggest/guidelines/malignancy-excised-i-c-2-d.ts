/**
 * Primary malignancy previously excised (I.C.2.d, I.C.2.m): "When a primary malignancy has been
 * previously excised or eradicated from its site, there is no further treatment (of the
 * malignancy) directed to that site, and there is no evidence of any existing primary malignancy
 * at that site, a code from category Z85, Personal history of malignant neoplasm, should be used".
 *
 * A malignant-neoplasm code (C00-C76, C81-C96: primary sites and the lymphatic and blood-forming
 * tissues; secondary sites C77-C80 are current whenever named) goes to "also documented" when
 * the chart says of that malignancy — in the list item or sentence of one of its mentions — that
 * it was removed ("status post nephrectomy") or that no disease remains ("no recurrent disease",
 * "without evidence of disease"), and no mention says that treatment is still directed at it
 * ("currently on chemotherapy", "recurred", "metastatic"). Mentions that only name the cancer
 * ("neuropathy from chemotherapy for breast cancer") decide nothing. A removal counts only where
 * it is a past encounter's (the history sections; the assessment of an outpatient visit): this
 * stay's excision is coded with its malignancy. The Z85 code names the history.
 */
import { sentenceAt, type ChartAnalysis, type SectionKind } from '../../text';
import { demote, reported } from './tiers';
import type { GuidelineCandidate, GuidelineRule } from './types';

/** Primary malignant neoplasms and malignant neoplasms of lymphoid and hematopoietic tissue. */
const PRIMARY_MALIGNANT = /^C(?:[0-6]\d|7[0-6]|8[1-9]|9[0-6])/;

/** No disease remains. */
export const NO_DISEASE =
  /\b(?:no|without)\s+(?:\w+\s+){0,2}?(?:(?:evidence|sign|signs)\s+of\s+(?:\w+\s+)?(?:disease|recurrence|malignancy|cancer|tumou?r|lymphoma)|recurren(?:t|ce)(?:\s+disease)?|residual\s+(?:disease|tumou?r|cancer|malignancy)|active\s+disease)\b|\b(?:disease|cancer|tumou?r)[- ]free\b|\bNED\b/i;

/** Removed from its site: "status post nephrectomy", "s/p resection", "treated with mastectomy". */
const REMOVED =
  /\b(?:status post|s\/p|post|after|following|treated with|underwent|had)\s+(?:\w+\s+){0,3}?(?:\w+ectomy|resection|excision|excised|removal|removed|eradicat\w+|(?:allo|auto)?(?:geneic\s+)?(?:stem cell\s+|bone marrow\s+)?transplant\w*)\b/i;

/** Treatment still directed at the malignancy, or disease still present. */
export const CURRENT =
  /\b(?:currently|now|still|ongoing|undergoing|receiving|continue[sd]?|continuing|on)\s+(?:\w+\s+){0,2}?(?:chemo\w*|radiation|radiotherapy|immunotherapy|hormonal therapy|targeted therapy)\b|\bmetasta\w*|\brecurred\b|\brecurrence\s+(?:of|in|at)\b|\bprogress(?:ion|ed|ing)\b/i;

/**
 * Sections where a removal is one of a past encounter. Elsewhere (the course, the discharge or
 * postoperative diagnoses) "status post mastectomy" may be this stay's operation, whose reason is
 * the current malignancy.
 */
const PAST_SECTIONS: ReadonlySet<SectionKind> = new Set(['hpi', 'past-history', 'past-surgical-history']);

/** The list item (or, outside a list, the sentence and the next one) of the sentence `si`. */
export function itemText(chart: ChartAnalysis, text: string, si: number): string {
  const sentences = chart.sentences;
  const s = sentences[si];
  if (!s) return '';
  let from = si;
  let to = si;
  const inList = s.listItem || (si > 0 && sentences.slice(Math.max(0, si - 3), si).some((x) => x.listItem));
  if (inList) {
    while (from > 0 && !sentences[from]!.listItem && si - from < 3 && sentences[from - 1]!.section === s.section)
      from--;
    while (
      to + 1 < sentences.length &&
      !sentences[to + 1]!.listItem &&
      to - si < 3 &&
      sentences[to + 1]!.section === s.section
    )
      to++;
  } else if (si + 1 < sentences.length && sentences[si + 1]!.section === s.section) to = si + 1;
  return text.slice(sentences[from]!.start, sentences[to]!.end);
}

/** Text with the statements of absent disease removed (their "recurrent" is not a recurrence). */
export const withoutAbsence = (t: string): string => t.replace(new RegExp(NO_DISEASE.source, 'gi'), ' ');

export const malignancyExcisedRule: GuidelineRule = {
  section: 'I.C.2.d',
  name: 'primary malignancy previously excised',
  apply(cands, ctx) {
    for (const c of reported(cands)) {
      // An in-remission code (I.C.2.n, remission-i-c-2-n.ts) is the current state of a malignancy
      // of lymphoid or hematopoietic tissue with no disease left, not a history.
      if (!PRIMARY_MALIGNANT.test(c.code) || /\bin remission\b/i.test(c.suggestion.title)) continue;
      if (!c.mentions.some((m) => m.assertion.codedAsEstablished)) continue;
      let eradicated: { m: GuidelineCandidate['mentions'][number]; cue: string } | undefined;
      let current = false;
      // A mention written as history ("History of breast cancer - treated with mastectomy") states
      // what became of the malignancy too; whether it is still treated is read where it is current
      // (a history sentence naming several cancers may say another one recurred).
      for (const m of c.mentions) {
        const established = m.assertion.codedAsEstablished;
        if (!established && m.assertion.assertion !== 'historical') continue;
        const si = sentenceAt(ctx.chart, m.evidence.start);
        const item = itemText(ctx.chart, ctx.text, si);
        if (established && CURRENT.test(withoutAbsence(item))) {
          current = true;
          break;
        }
        const removedBefore =
          PAST_SECTIONS.has(m.section.kind) || (ctx.setting === 'outpatient' && m.section.kind === 'assessment-plan');
        const cue = NO_DISEASE.exec(item)?.[0] ?? (removedBefore ? REMOVED.exec(item)?.[0] : undefined);
        if (cue && !eradicated) eradicated = { m, cue };
      }
      if (current || !eradicated) continue;
      demote(
        c,
        malignancyExcisedRule,
        `"${eradicated.m.evidence.text}": "${eradicated.cue}" and no treatment still directed at it: a history of malignancy (Z85), not a current one`,
      );
    }
  },
};
