/**
 * CDI engine (issue 6): clinical indicators from the chart, query opportunities per topic,
 * compliant query drafts from reviewed templates, and the compliance check.
 *
 * @example
 * const result = analyzeCdi({ text: 'Na 126 ... fluid restriction 1.5 L' });
 * result.opportunities[0].topic // 'hyponatremia'
 * result.opportunities[0].compliance // [] (every generated draft passes its own check)
 */
import { prepareChart } from './chart-context';
import { checkCompliance, type ComplianceFinding } from './compliance';
import { findDiagnoses } from './diagnoses';
import { draftQuery, type QueryDraft } from './draft';
import { extractIndicators, rowTextOf, type CdiChartInput } from './extract';
import type { Opportunity } from './opportunity';
import { findOpportunities } from './rules';
import { CDI_TOPICS, type Indicator } from './types';

export {
  extractIndicators,
  fromRow,
  rowTextOf,
  type CdiChartInput,
  type ChartRow,
  type ExtractOptions,
} from './extract';
export {
  findSections,
  mentionContext,
  prepareChart,
  type ChartSection,
  type ChartText,
  type MentionContext,
} from './chart-context';
export { findDiagnoses, documentedMentions, type DiagnosisMention, type DxConcept } from './diagnoses';
export { findOpportunities, kdigo, hemoglobinDrop, sirs } from './rules';
export { draftQuery, QUERY_DRAFT_VERSION, type DraftIndicator, type QueryDraft } from './draft';
export {
  checkCompliance,
  isCompliant,
  effectiveFormat,
  substantiveOptions,
  type ComplianceFinding,
  type ComplianceRuleId,
  type DraftLocation,
} from './compliance';
export { formatQueryPlain, formatQueryHtml, escapeHtml } from './format';
export {
  QUERY_TEMPLATES,
  OTHER_OPTION,
  UNDETERMINED_OPTION,
  templateById,
  type QueryTemplate,
  type QueryFormat,
  type QueryPurpose,
} from './templates/query-templates';
export { REFERENCE_RANGES, toCanonical, flagValue } from './reference-ranges';
export { INDICATOR_LABELS } from './labels';
export type { Opportunity } from './opportunity';
export { cdiInputFromSnapshot, type CdiSnapshotLike } from './snapshot-input';
export * from './types';

/** One opportunity with its generated draft and the draft's compliance findings. */
export interface CdiOpportunityResult {
  opportunity: Opportunity;
  draft: QueryDraft;
  compliance: ComplianceFinding[];
}

/** Everything the side panel and the CLI show for one chart. */
export interface CdiResult {
  indicators: Indicator[];
  opportunities: CdiOpportunityResult[];
}

/**
 * Runs the whole CDI pipeline on one chart: indicators → opportunities → drafts → compliance.
 * Opportunities come in the order of {@link CDI_TOPICS}.
 */
export function analyzeCdi(input: CdiChartInput): CdiResult {
  const chart = prepareChart(input.text);
  const indicators = extractIndicators(input, { chart });
  const mentions = findDiagnoses(chart);
  const opportunities = findOpportunities({ text: input.text, sections: chart.sections, indicators, mentions });
  opportunities.sort((a, b) => CDI_TOPICS.indexOf(a.topic) - CDI_TOPICS.indexOf(b.topic));
  const rowTexts = [...(input.labs ?? []), ...(input.vitals ?? [])].map(rowTextOf);
  return {
    indicators,
    opportunities: opportunities.map((opportunity) => {
      const draft = draftQuery(opportunity);
      return { opportunity, draft, compliance: checkCompliance(draft, { chartText: input.text, rowTexts }) };
    }),
  };
}
