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
export const QUERY_DRAFT_VERSION = 2;

/**
 * The query header (query-guidelines.md §4 skeleton: patient/encounter, admission date, query date,
 * from): what the record states, and what the reviewer supplies. A field the record does not state
 * stays undefined and is printed as "not stated in the record".
 */
export interface QueryHeader {
  /** Encounter / account / visit number as written in the chart. */
  encounter?: string;
  admissionDate?: string;
  dischargeDate?: string;
  /** Date the query is sent (the reviewer's date, supplied by the caller). */
  queryDate?: string;
  /** The CDI reviewer sending the query. */
  requester?: string;
  /** The provider queried: the attending named in the chart unless the caller names another (§2 rule 9). */
  addressee?: string;
}

/** Per-draft audit: which indicators and options were offered, under which rule (§2 rule 8: audits). */
export interface QueryAudit {
  /** The rule's clinical criteria and guideline source. */
  ruleSource?: string;
  /** Criteria the rule found met, in words. */
  criteria: string[];
  /** Every indicator offered to the provider, with where it is in the record. */
  indicatorsOffered: { id: string; name: string; quote: string; where: string }[];
  /** Options offered, escape options included. */
  optionsOffered: string[];
  /** Template options withheld because the cited indicators do not support them. */
  optionsWithheld: string[];
}

/** One indicator as cited in a draft: the display line, and the exact chart words it quotes. */
export interface DraftIndicator {
  /** Printed line, e.g. `Sodium 126 mmol/L (low; reference 135–145) — "Na 126" — 11/20, Labs section`. */
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
  /** Encounter, dates, requester and addressee (version 2). */
  header?: QueryHeader;
  /** Which indicators and options were offered (version 2). */
  audit?: QueryAudit;
}

/** Options of {@link draftQuery}. */
export interface DraftOptions {
  header?: QueryHeader;
  /** Clinical criteria and guideline source of the rule that raised the opportunity. */
  ruleSource?: string;
}

function fill(s: string, vars: Record<string, string>): string {
  return s.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? `{${k}}`);
}

/**
 * Builds the query draft for an opportunity from its reviewed template: indicators with values,
 * dates and where they are; options whose facts hold; "Other (please specify)" and "Clinically
 * undetermined" always.
 */
export function draftQuery(opportunity: Opportunity, draftOptions: DraftOptions = {}): QueryDraft {
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
    const where = m.context.section?.heading ? ` — ${m.context.section.heading} section` : '';
    indicators.push({ line: `Documented: "${m.text}"${where}`, quote: m.text });
  }
  for (const q of opportunity.quotes ?? []) indicators.push({ line: `Documented: "${q.text}"`, quote: q.text });
  const purpose: QueryPurpose =
    template.purpose === 'poa' || template.purpose === 'confirm-documented' || template.purpose === 'cause-effect'
      ? template.purpose
      : opportunity.reason === 'indicators-without-diagnosis'
        ? 'new-diagnosis'
        : 'specificity';
  const offered = template.format === 'open-ended' ? [] : [...options, OTHER_OPTION, UNDETERMINED_OPTION];
  const withheld = template.options
    .filter((o) => o.when !== undefined && opportunity.facts[o.when] !== true)
    .map((o) => fill(o.text, vars));
  const audit: QueryAudit = {
    criteria: [...opportunity.criteria],
    indicatorsOffered: opportunity.indicators.map((i) => ({
      id: i.id,
      name: i.name,
      quote: i.text,
      where: describeWhere(i),
    })),
    optionsOffered: offered,
    optionsWithheld: withheld,
  };
  if (draftOptions.ruleSource) audit.ruleSource = draftOptions.ruleSource;
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
    options: offered,
    closing: CLOSING,
    documented: [...new Set(opportunity.mentions.map((m) => m.text))],
    unsupportedOptions: withheld,
    header: { ...draftOptions.header },
    audit,
  };
}
