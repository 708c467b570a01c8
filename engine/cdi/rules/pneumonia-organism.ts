import type { Opportunity } from '../opportunity';
import type { CdiRule, RuleContext } from './context';
import { byName, opp } from './helpers';

/**
 * Pneumonia organism (query-guidelines.md §3 "Other frequent topics"): pneumonia documented
 * without organism while a culture/antigen result or an aspiration event is in the record.
 */
function findPneumoniaOrganism(ctx: RuleContext): Opportunity[] {
  const inds = ctx.indicators;
  const pna = ctx.doc('pneumonia');
  if (pna.length === 0 || pna.some((m) => m.details.organism)) return [];
  const org = byName(inds, 'culture-organism').slice(0, 2);
  const asp = byName(inds, 'aspiration').slice(0, 2);
  if (org.length === 0 && asp.length === 0) return [];
  return [
    opp({
      id: 'pneumonia-organism',
      topic: 'pneumonia-organism',
      title: 'Pneumonia documented without organism or type',
      reason: 'imprecise-diagnosis',
      criteria: [
        'pneumonia documented without organism',
        org.length ? 'organism identified in results' : 'aspiration risk or event documented',
      ],
      indicators: [...org, ...asp, ...byName(inds, 'iv-antibiotics').slice(0, 2)],
      mentions: pna,
      facts: { organism: org.length > 0, aspiration: asp.length > 0 },
    }),
  ];
}

/** See {@link findPneumoniaOrganism}. */
export const pneumoniaOrganismRule: CdiRule = {
  topic: 'pneumonia-organism',
  source: 'ICD-10-CM Guidelines I.C.10.d; query-guidelines.md §3 (pneumonia organism / aspiration)',
  find: findPneumoniaOrganism,
};
