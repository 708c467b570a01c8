/**
 * A code a guideline rule adds from the chart's words (a status, a history, an encounter reason
 * the Index stage had no line for, the infectious agent or drug a "use additional code" note asks
 * for), built with its quote, assertion and the rule on its trail.
 */
import { assertMention, sectionAt, type MentionAssertion } from '../../text';
import type { RuleStep } from '../types';
import type { CandidateMention, GuidelineCandidate, GuidelineContext, GuidelineRule } from './types';

/** What a rule says about the code it adds. */
export interface AddedCode {
  code: string;
  /** Tabular title of the code. */
  title: string;
  /** Chart span quoted for the coder. */
  span: { start: number; end: number };
  /** Further spans that document the same code (kept as mentions after the quote). */
  more?: readonly { start: number; end: number }[];
  /** Index-like path shown with the code (where it came from). */
  path: string;
  /** Why the rule adds it, quoting the chart. */
  reason: string;
  /** Confidence (0-1); a status or history read from context is secondary (0.5). */
  score: number;
  /** `true` when the quote is about the past (it then never places the principal). */
  historical?: boolean;
  /** Assertion of the quote when the rule has read it already (else it is read from the chart). */
  assertion?: MentionAssertion;
}

/**
 * A reported candidate for `code`, quoting `span`, with `rule` and `reason` on its trail.
 *
 * @example addedCandidate(ctx, rule, { code: 'Z87.891', title, span, path: 'History > personal > nicotine dependence', reason, score: 0.5 })
 */
export function addedCandidate(
  ctx: GuidelineContext,
  rule: Pick<GuidelineRule, 'section'>,
  add: AddedCode,
): GuidelineCandidate {
  const mentions = [add.span, ...(add.more ?? [])].map((span) => {
    const section = ctx.chart.sections[sectionAt(ctx.chart, span.start)]!;
    const assertion = add.assertion ?? assertMention(ctx.text, span, ctx.chart);
    const evidence = {
      ...span,
      text: ctx.text.slice(span.start, span.end),
      section: section.kind,
      score: add.score,
      context: {
        negated: false,
        uncertain: false,
        historical: add.historical ?? false,
        family: false,
        hypothetical: false,
      },
    };
    return { evidence, assertion: { ...assertion, codedAsEstablished: true }, section };
  });
  return candidateOf(add, mentions, add.assertion?.assertion ?? 'affirmed', {
    rule: rule.section,
    action: 'add',
    reason: add.reason,
  });
}

/**
 * The reported candidate shape of an added code: its suggestion (evidence = the mentions'), the
 * first mention quoted, the step that added it on the trail.
 */
export function candidateOf(
  add: Pick<AddedCode, 'code' | 'title' | 'path' | 'score'>,
  mentions: CandidateMention[],
  assertion: GuidelineCandidate['assertion'],
  step: RuleStep,
): GuidelineCandidate {
  return {
    suggestion: {
      id: `cm:${add.code}`,
      system: 'cm',
      code: add.code,
      title: add.title,
      score: add.score,
      evidence: mentions.map((m) => m.evidence),
      path: add.path,
      flags: [],
      notes: [],
    },
    system: 'cm',
    code: add.code,
    tier: 'report',
    mentions,
    quote: mentions[0],
    assertion,
    rules: [step],
  };
}
