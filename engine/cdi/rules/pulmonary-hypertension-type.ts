import type { Opportunity } from '../opportunity';
import type { CdiRule, RuleContext } from './context';
import { opp, qualifiedInSentence } from './helpers';

// The WHO group or cause (ICD-10-CM I27.0 primary, I27.20–I27.29 secondary by group and cause):
// a type word before the mention, a group or cause after it.
const TYPE_BEFORE =
  /\b(?:primary|idiopathic|heritable|familial|secondary|thromboembolic|drug[- ]induced|portopulmonary|group\s*(?:[1-5]|I{1,3}|IV|V))\b[^.]*$/i;
const CAUSE_AFTER =
  /^[^.]{0,30}?\b(?:group\s*(?:[1-5]|I{1,3}|IV|V)\b|due to|secondary to|from|related to|associated with|because of|caused by|(?:WHO )?class|CTEPH|from left[- ]heart)/i;

/**
 * Pulmonary hypertension type (ICD-10-CM I27.0 and I27.2x: the WHO group or the cause decides the
 * code; I27.20 is "unspecified"): pulmonary hypertension documented without its type or cause in
 * any statement of it.
 */
function findPulmonaryHypertensionType(ctx: RuleContext): Opportunity[] {
  const ph = ctx.doc('pulmonary-hypertension', { allowHistorical: true });
  if (ph.length === 0) return [];
  if (ph.some((m) => qualifiedInSentence(ctx.text, m.start, m.end, TYPE_BEFORE, CAUSE_AFTER))) return [];
  const hf = ctx.doc('heart-failure', { allowHistorical: true });
  const copd = ctx.doc('copd', { allowHistorical: true });
  const ckd = ctx.doc('ckd', { allowHistorical: true });
  return [
    opp({
      id: 'other:pulmonary-hypertension-type',
      topic: 'other:pulmonary-hypertension-type',
      title: 'Pulmonary hypertension documented without its type or cause',
      reason: 'imprecise-diagnosis',
      criteria: ['pulmonary hypertension documented without WHO group, type or cause'],
      indicators: [],
      mentions: [...ph.slice(0, 2), ...hf.slice(0, 1), ...copd.slice(0, 1), ...ckd.slice(0, 1)],
      facts: { heart: hf.length > 0, lung: copd.length > 0, renal: ckd.length > 0 },
      templateId: 'pulmonary-hypertension-type',
    }),
  ];
}

/** See {@link findPulmonaryHypertensionType}. */
export const pulmonaryHypertensionTypeRule: CdiRule = {
  topic: 'other:pulmonary-hypertension-type',
  source: 'ICD-10-CM I27.0, I27.20–I27.29 (WHO groups); query-guidelines.md §1 (imprecise: type, etiology)',
  find: findPulmonaryHypertensionType,
};
