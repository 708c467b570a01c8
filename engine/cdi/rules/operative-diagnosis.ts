import type { Opportunity } from '../opportunity';
import type { CdiRule, RuleContext } from './context';
import { opp } from './helpers';
import { findLaterality } from './laterality';
import { titleWithoutReason } from './operative-report';

/**
 * Operative report without a diagnosis (query-guidelines.md §1, "incomplete" documentation): see
 * {@link titleWithoutReason}. The condition treated cannot be coded from the operation itself
 * (inferring a diagnosis from a procedure is not coding from documentation), so the query is
 * open-ended: it offers no diagnosis the record does not name. When the same title also lacks a side,
 * the laterality query asks for both in one query (one question per procedure to the surgeon), and
 * this one stays silent.
 */
function findOperativeDiagnosis(ctx: RuleContext): Opportunity[] {
  const title = titleWithoutReason(ctx);
  if (!title || findLaterality(ctx).length > 0) return [];
  return [
    opp({
      id: 'other:operative-diagnosis',
      topic: 'other:operative-diagnosis',
      title: 'Operative report without a diagnosis',
      reason: 'diagnosis-not-documented',
      criteria: ['an operation is documented with no preoperative or postoperative diagnosis, indication or findings'],
      indicators: [],
      mentions: [],
      facts: {},
      subject: title.text,
      templateId: 'operative-diagnosis',
      quotes: [title],
    }),
  ];
}

/** See {@link findOperativeDiagnosis}. */
export const operativeDiagnosisRule: CdiRule = {
  topic: 'other:operative-diagnosis',
  source: 'query-guidelines.md §1 (incomplete documentation); Official Guidelines II and IV.N (reason for the surgery)',
  find: findOperativeDiagnosis,
};
