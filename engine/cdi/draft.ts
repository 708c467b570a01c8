import { describeValue, describeWhere, INDICATOR_LABELS } from './labels';
import type { Opportunity } from './opportunity';
import {
  CLOSING,
  OTHER_OPTION,
  templateById,
  UNDETERMINED_OPTION,
  type QueryFormat,
  type QueryPurpose,
} from './templates/query-templates';
import type { CdiTopic } from './types';

/** Version of the {@link QueryDraft} shape (drafts may be saved by the workspace). */
export const QUERY_DRAFT_VERSION = 1;

/** One indicator as cited in a draft: the display line, and the exact chart words it quotes. */
export interface DraftIndicator {
  /** Printed line, e.g. `Sodium 126 mmol/L (low; reference 135–145) — "Na 126" — 11/20, Labs section, chart text at 120–126`. */
  line: string;
  /** Exact chart words the line cites (must appear in the line and in the chart). */
  quote: string;
  /** Id of the indicator it came from, if generated. */
  indicatorId?: string;
}

/**
 * A physician query draft: the cited indicators, the question, the options (escape options
 * included) and the closing line. Plain data; the coder edits it and the compliance check runs again.
 *
 * @example draftQuery(opportunity).options.at(-1) // 'Clinically undetermined'
 */
export interface QueryDraft {
  version: typeof QUERY_DRAFT_VERSION;
  opportunityId: string;
  topic: CdiTopic;
  templateId: string;
  templateVersion: number;
  /** Guideline sections the template follows. */
  sources: string[];
  purpose: QueryPurpose;
  format: QueryFormat;
  title: string;
  indicators: DraftIndicator[];
  question: string;
  /** Every option, escape options last; empty for an open-ended query. */
  options: string[];
  closing: string;
  /** Diagnoses documented in the record that the query refers to (for the yes/no and "confirm" rules). */
  documented: string[];
  /**
   * Template options the cited indicators do not support (their fact did not hold): offering one
   * of them is leading (§2 rule 5, 2022 clarification; §4 last lint rule).
   */
  unsupportedOptions: string[];
}

function fill(s: string, vars: Record<string, string>): string {
  return s.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? `{${k}}`);
}

/**
 * Builds the query draft for an opportunity from its reviewed template: indicators with values,
 * dates and where they are; options whose facts hold; "Other (please specify)" and "Clinically
 * undetermined" always.
 */
export function draftQuery(opportunity: Opportunity): QueryDraft {
  const template = templateById(opportunity.templateId);
  const organismText =
    opportunity.indicators.find((i) => i.name === 'culture-organism')?.text ?? 'the organism identified';
  // Chart text may be in capitals ("PSEUDOMONAS"); the query's own wording must not shout.
  const organism =
    /^[A-Z\s.-]{5,}$/.test(organismText) && /[A-Z]{5,}/.test(organismText)
      ? organismText.charAt(0) + organismText.slice(1).toLowerCase()
      : organismText;
  const mention = opportunity.mentions[0]?.text ?? opportunity.subject ?? '';
  const subject = opportunity.subject ?? mention;
  const vars = { organism, mention, subject, Subject: subject.charAt(0).toUpperCase() + subject.slice(1) };
  const options = template.options
    .filter((o) => o.when === undefined || opportunity.facts[o.when] === true)
    .map((o) => fill(o.text, vars));
  const indicators: DraftIndicator[] = opportunity.indicators.map((ind) => ({
    line: `${INDICATOR_LABELS[ind.name]}: ${describeValue(ind)} — "${ind.text}" — ${describeWhere(ind)}`,
    quote: ind.text,
    indicatorId: ind.id,
  }));
  for (const m of opportunity.mentions) {
    const where = m.context.section?.heading ? `${m.context.section.heading} section, ` : '';
    indicators.push({ line: `Documented: "${m.text}" — ${where}chart text at ${m.start}–${m.end}`, quote: m.text });
  }
  const purpose: QueryPurpose =
    template.purpose === 'poa' || template.purpose === 'confirm-documented' || template.purpose === 'cause-effect'
      ? template.purpose
      : opportunity.reason === 'indicators-without-diagnosis'
        ? 'new-diagnosis'
        : 'specificity';
  return {
    version: QUERY_DRAFT_VERSION,
    opportunityId: opportunity.id,
    topic: opportunity.topic,
    templateId: template.id,
    templateVersion: template.version,
    sources: [...template.sources],
    purpose,
    format: template.format,
    title: template.title,
    indicators,
    question: fill(template.question, vars),
    options: template.format === 'open-ended' ? [] : [...options, OTHER_OPTION, UNDETERMINED_OPTION],
    closing: CLOSING,
    documented: [...new Set(opportunity.mentions.map((m) => m.text))],
    unsupportedOptions: template.options
      .filter((o) => o.when !== undefined && opportunity.facts[o.when] !== true)
      .map((o) => fill(o.text, vars)),
  };
}
