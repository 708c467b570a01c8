import type { Opportunity } from '../opportunity';
import type { CdiRule, RuleContext } from './context';
import { opp, qualifiedInSentence } from './helpers';

// Types with their own codes (ICD-10-CM F01 vascular, G30 + F02 Alzheimer, G31.83 Lewy bodies,
// G31.0 frontotemporal, F02 in another disease, F10.27 alcohol-induced) and the cause wording.
const TYPE_BEFORE =
  /\b(?:alzheimer'?s?|vascular|multi-?infarct|lewy|frontotemporal|pick'?s|parkinson'?s|huntington'?s|alcohol(?:ic|-induced|-related)?|HIV|mixed|post-?stroke|korsakoff'?s?|creutzfeldt|CJD|normal pressure hydrocephalus|NPH|(?:post-?)?traumatic)\b[^.]*$/i;
const CAUSE_AFTER =
  /^[^.]{0,30}?\b(?:of (?:the )?alzheimer|with lewy|due to|secondary to|from|related to|in (?:alzheimer|parkinson|huntington))/i;

/**
 * Dementia type (ICD-10-CM F01–F03 by type, with severity and behavioural disturbance since FY2023;
 * F03.9- is "unspecified dementia"): dementia documented without its type or cause in any statement
 * of it. The query asks the type, and the severity with it.
 */
function findDementiaType(ctx: RuleContext): Opportunity[] {
  // The type of a dementia only suspected ("possible dementia", "concern for dementia") or named
  // only outside the provider's notes is not yet a diagnosis to refine: the query would have to
  // ask for the diagnosis first (query-guidelines.md §2 rule 10, I.B.14).
  const dementia = ctx
    .doc('dementia', { allowHistorical: true, providerOnly: true })
    .filter((m) => !m.context.uncertain && m.context.section?.author !== 'other');
  if (dementia.length === 0) return [];
  // Any statement of it with its type answers the query, wherever it is (uncertain ones too:
  // "probable Alzheimer dementia" is coded as Alzheimer for an inpatient, II.H).
  if (
    ctx
      .doc('dementia', { allowHistorical: true })
      .some((m) => /alzheimer/i.test(m.text) || qualifiedInSentence(ctx.text, m.start, m.end, TYPE_BEFORE, CAUSE_AFTER))
  )
    return [];
  return [
    opp({
      id: 'other:dementia-type',
      topic: 'other:dementia-type',
      title: 'Dementia documented without its type',
      reason: 'imprecise-diagnosis',
      criteria: [
        'dementia documented without type (Alzheimer, vascular, Lewy body, frontotemporal, other) or severity',
      ],
      indicators: [],
      mentions: dementia.slice(0, 2),
      facts: {},
      templateId: 'dementia-type',
    }),
  ];
}

/** See {@link findDementiaType}. */
export const dementiaTypeRule: CdiRule = {
  topic: 'other:dementia-type',
  source:
    'ICD-10-CM F01–F03 (type, severity, behavioural disturbance), G30–G31; query-guidelines.md §1 (imprecise: type, severity)',
  find: findDementiaType,
};
