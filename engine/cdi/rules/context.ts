import type { ChartSection } from '../chart-context';
import { documentedMentions, type DiagnosisMention, type DocumentedOptions, type DxConcept } from '../diagnoses';
import type { Opportunity } from '../opportunity';
import type { CdiTopic, Indicator } from '../types';
import {
  infectionEvidence,
  kdigo,
  organDysfunction,
  qsofa,
  sirs,
  type KdigoResult,
  type MetCriterion,
} from './criteria';

/** What the rules read: the indicators, the diagnosis mentions, and the chart text and sections. */
export interface RuleInput {
  text: string;
  sections: readonly ChartSection[];
  indicators: readonly Indicator[];
  mentions: readonly DiagnosisMention[];
}

/**
 * The per-call context every rule reads: the input plus the criteria several topics share
 * (SIRS, organ dysfunction, qSOFA, infection evidence, KDIGO), computed once.
 */
export interface RuleContext extends RuleInput {
  /** Mentions documenting `concept` for this encounter (see {@link documentedMentions}). */
  doc(concept: DxConcept, options?: DocumentedOptions): DiagnosisMention[];
  sirs: MetCriterion[];
  organ: MetCriterion[];
  qsofa: Indicator[];
  infection: Indicator[];
  kdigo: KdigoResult;
  /** The patient's age in years when the chart states it ("67 yo", "67-year-old"). */
  age?: number;
}

/**
 * One query topic's rule: reads the context and returns its opportunities (usually none or one).
 * `source` names the clinical criteria and the guideline the rule applies.
 */
export interface CdiRule {
  topic: CdiTopic;
  source: string;
  find(ctx: RuleContext): Opportunity[];
}

function ageOf(text: string): number | undefined {
  const m = /\b(\d{1,3})[- ]?(?:yo|y\/o|y\.o\.|year[- ]old|yr[- ]old|years old)\b/i.exec(text);
  return m ? Number(m[1]) : undefined;
}

/** Builds the context of one chart's rules. */
export function ruleContext(input: RuleInput): RuleContext {
  const ctx: RuleContext = {
    ...input,
    doc: (c, o) => documentedMentions(input.mentions, c, o),
    sirs: sirs(input.indicators),
    organ: organDysfunction(input.indicators),
    qsofa: qsofa(input.indicators),
    infection: infectionEvidence(input.indicators),
    kdigo: kdigo(input.indicators),
  };
  const age = ageOf(input.text);
  if (age !== undefined) ctx.age = age;
  return ctx;
}
