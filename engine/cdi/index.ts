/**
 * CDI engine: clinical indicators from the chart, query opportunities per topic,
 * compliant query drafts from reviewed templates, and the compliance check.
 *
 * @example
 * const result = analyzeCdi({ text: 'Na 126 ... fluid restriction 1.5 L' });
 * result.opportunities[0].topic // 'hyponatremia'
 * result.opportunities[0].compliance // [] (every generated draft passes its own check)
 */
import { prepareChart } from './chart-context';
import type { CareSetting } from '../text/index';
import { splitCharts, type ChartPart } from './charts';
import { checkCompliance, type ComplianceFinding } from './compliance';
import { findDiagnoses } from './diagnoses';
import { draftQuery, type QueryDraft, type QueryHeader } from './draft';
import { extractIndicators, rowTextOf, type CdiChartInput } from './extract';
import { headerFromChart } from './header';
import type { Opportunity } from './opportunity';
import { findOpportunities, RULES } from './rules';
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
export {
  findOpportunities,
  kdigo,
  hemoglobinDrop,
  bloodCountDrop,
  sirs,
  gfrCategory,
  RULES,
  type CdiRule,
  type RuleContext,
  type RuleInput,
} from './rules';
export {
  draftQuery,
  QUERY_DRAFT_VERSION,
  type DraftIndicator,
  type DraftOptions,
  type QueryAudit,
  type QueryDraft,
  type QueryHeader,
} from './draft';
export { splitCharts, type ChartPart } from './charts';
export { headerFromChart } from './header';
export {
  checkCompliance,
  isCompliant,
  effectiveFormat,
  substantiveOptions,
  type ComplianceFinding,
  type ComplianceRuleId,
  type DraftLocation,
} from './compliance';
export { formatQueryPlain, formatQueryHtml, escapeHtml, headerLines } from './format';
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
  /** Index into {@link CdiResult.charts} of the chart the opportunity was found in. */
  chart: number;
}

/** Everything the side panel and the CLI show for one chart text. */
export interface CdiResult {
  indicators: Indicator[];
  opportunities: CdiOpportunityResult[];
  /**
   * The charts found in the text: one normally; several when the text is evidently several charts
   * (repeated patient banners or admission headings). Each is analysed on its own, so no trend or
   * criterion ever combines values of two patients; offsets stay those of the whole text.
   */
  charts: ChartPart[];
}

/** Options of {@link analyzeCdi}: header fields the reviewer supplies. */
export interface CdiOptions {
  /** Query date, requester, and (to override the attending named in the chart) addressee. */
  header?: QueryHeader;
  /** Care setting: decides how uncertain diagnoses are read (II.H / III.C vs IV.H). Default inpatient. */
  setting?: CareSetting;
}

const RULE_SOURCE = new Map(RULES.map((r) => [r.topic as string, r.source]));

function shift<T extends { start: number; end: number }>(x: T, by: number): T {
  if (by === 0 || x.start < 0) return x;
  return { ...x, start: x.start + by, end: x.end + by };
}

/**
 * Runs the whole CDI pipeline on one chart text: indicators → opportunities → drafts → compliance.
 * A text that holds several charts is split (see {@link splitCharts}) and each chart analysed
 * alone; structured lab/vital rows belong to the first chart only when there is one chart, and are
 * ignored otherwise (a row does not say which patient it belongs to). Opportunities come in chart
 * order, then in the order of {@link CDI_TOPICS}.
 */
export function analyzeCdi(input: CdiChartInput, options: CdiOptions = {}): CdiResult {
  const charts = splitCharts(input.text);
  const many = charts.length > 1;
  const indicators: Indicator[] = [];
  const opportunities: CdiOpportunityResult[] = [];
  const rowTexts = many ? [] : [...(input.labs ?? []), ...(input.vitals ?? [])].map(rowTextOf);
  charts.forEach((part, chartIndex) => {
    const text = many ? input.text.slice(part.start, part.end) : input.text;
    const chart = prepareChart(text, options.setting ? { setting: options.setting } : {});
    const own: CdiChartInput = many ? { text } : input;
    const inds = extractIndicators(own, { chart });
    const mentions = findDiagnoses(chart);
    const found = findOpportunities({ text, sections: chart.sections, indicators: inds, mentions });
    found.sort((a, b) => CDI_TOPICS.indexOf(a.topic) - CDI_TOPICS.indexOf(b.topic));
    const header = headerFromChart(text, options.header ?? {});
    for (const o of found) {
      const draftOptions = { header, ruleSource: RULE_SOURCE.get(o.topic) };
      const draft = draftQuery(o, draftOptions);
      const compliance = checkCompliance(draft, { chartText: text, rowTexts });
      const opportunity: Opportunity = many
        ? {
            ...o,
            id: `chart-${chartIndex + 1}:${o.id}`,
            indicators: o.indicators.map((i) => shift(i, part.start)),
            mentions: o.mentions.map((m) => shift(m, part.start)),
            ...(o.quotes ? { quotes: o.quotes.map((q) => shift(q, part.start)) } : {}),
          }
        : o;
      opportunities.push({ opportunity, draft, compliance, chart: chartIndex });
    }
    for (const i of inds) indicators.push(shift(i, many ? part.start : 0));
  });
  return { indicators, opportunities, charts };
}
