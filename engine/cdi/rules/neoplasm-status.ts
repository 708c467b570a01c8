import type { DiagnosisMention } from '../diagnoses';
import type { Opportunity } from '../opportunity';
import type { CdiRule, RuleContext } from './context';
import { byName, opp, sentenceAround } from './helpers';

// Lymphoid and myeloid malignancies have "in remission" codes (ICD-10-CM C81–C96).
const HEMATOLOGIC = /\b(?:lymphoma|leukemia|myeloma|CLL|CML|AML|ALL|NHL)\b/i;
const NO_EVIDENCE =
  /\b(?:no|without) (?:clinical |radiographic |radiologic |current )?(?:evidence|signs?) of (?:active |residual |recurrent )?(?:disease|recurrence|malignancy|cancer|lymphoma|leukemia)|\bNED\b|disease[- ]free|cancer[- ]free/i;
// Wording that states the status: remission, active or current disease, personal history. For a
// solid tumour, spread or recurrence also says the disease is current; for a lymphoma or leukemia a
// past relapse does not say what it is now.
const STATUS_ANY =
  /\bremission\b|\bactive disease\b|\bpersonal history\b|\bhistory of\b|\bh\/o\b|\bcurrently (?:on|receiving|undergoing)\b/i;
const STATUS_SOLID = /\brecurren(?:t|ce)\b|\bmetasta|\bprogressi(?:on|ve)\b|\bresidual\b/i;
// A completed treatment written with the cancer ("prostate CA, status post seed implant").
const TREATED =
  /\b(?:status post|s\/p|post|after|treated with)\b.{0,60}?\b(?:\w*ectomy|resection|excision|seed implant|brachytherapy|radiation|radiotherapy|XRT|chemotherapy|chemoradiation|transplant|ablation)\b/i;

/**
 * Neoplasm status (ICD-10-CM Guidelines I.C.2.d: a malignancy excised or eradicated, no further
 * treatment and no evidence of disease is a personal history, Z85; lymphoma, leukemia and myeloma
 * have "in remission" codes): a malignancy documented with a completed treatment or "no evidence of
 * disease" wording, but neither current disease, remission nor history stated. For a solid tumour,
 * "no evidence of disease" after completed treatment answers the question (history); for a
 * hematologic malignancy it does not (remission is a separate code). A malignancy under treatment
 * in this record (chemotherapy, an operation) is current and not queried.
 */
function findNeoplasmStatus(ctx: RuleContext): Opportunity[] {
  const cancers = ctx.doc('neoplasm', { allowHistorical: true });
  if (cancers.length === 0) return [];
  if (byName(ctx.indicators, 'chemotherapy', 'surgery').length > 0) return [];
  // Explicit wording only: a list under a past-history heading does not say whether the disease is
  // current.
  const stated = (m: DiagnosisMention): boolean => {
    const line = sentenceAround(ctx.text, m.start, m.end);
    return STATUS_ANY.test(line) || (!HEMATOLOGIC.test(m.text) && STATUS_SOLID.test(line));
  };
  const pick = (m: DiagnosisMention): 'heme' | 'solid' | undefined => {
    if (stated(m)) return undefined;
    // Only a malignancy listed among the current problems is ambiguous; one named only in the past
    // medical or surgical history reads as history.
    if (m.context.section?.author === 'history') return undefined;
    const line = sentenceAround(ctx.text, m.start, m.end);
    if (HEMATOLOGIC.test(m.text) && NO_EVIDENCE.test(ctx.text)) return 'heme';
    if (!HEMATOLOGIC.test(m.text) && TREATED.test(line) && !NO_EVIDENCE.test(ctx.text)) return 'solid';
    return undefined;
  };
  const found = cancers.map((m) => ({ m, kind: pick(m) })).filter((x) => x.kind !== undefined);
  if (found.length === 0) return [];
  // Another statement of the same kind of malignancy already gives its status.
  const kindOf = (m: DiagnosisMention): boolean => HEMATOLOGIC.test(m.text);
  if (cancers.some((m) => kindOf(m) === kindOf(found[0]!.m) && stated(m))) return [];
  const heme = found[0]!.kind === 'heme';
  return [
    opp({
      id: 'other:neoplasm-status',
      topic: 'other:neoplasm-status',
      title: 'Malignancy documented without its current status',
      reason: 'imprecise-diagnosis',
      criteria: [
        heme
          ? 'hematologic malignancy with no evidence of disease, remission not stated'
          : 'malignancy with a completed treatment, current disease or personal history not stated',
      ],
      indicators: [],
      mentions: found.slice(0, 2).map((x) => x.m),
      facts: { heme, solid: !heme },
      templateId: 'neoplasm-status',
    }),
  ];
}

/** See {@link findNeoplasmStatus}. */
export const neoplasmStatusRule: CdiRule = {
  topic: 'other:neoplasm-status',
  source:
    'ICD-10-CM Guidelines I.C.2.d (personal history), I.C.2 remission codes C81–C96; query-guidelines.md §1 (imprecise documentation)',
  find: findNeoplasmStatus,
};
