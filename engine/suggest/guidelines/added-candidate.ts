/**
 * A code a guideline rule adds that the Index/Tabular stage did not propose (the infectious agent
 * a "use additional code" note asks for, the drug of an adverse effect), built as a reported
 * candidate quoting the chart words that document it.
 */
import { sectionAt, type MentionAssertion } from '../../text';
import type { Span } from '../../text';
import type { GuidelineCandidate, GuidelineContext, GuidelineRule } from './types';

/** What a rule knows about the code it adds. */
export interface AddedCode {
  /** Dotted ICD-10-CM code, known to the table. */
  code: string;
  /** Its Tabular title. */
  title: string;
  /** The chart words that document it. */
  span: Span;
  /** Assertion of those words (coded as established). */
  assertion: MentionAssertion;
  /** The Index or Table of Drugs path that led to the code. */
  path: string;
  /** Why the rule adds it, in words a coder checks against the chart. */
  reason: string;
}

/**
 * A reported candidate for a code added by `rule`, with its quote and its reason on the trail.
 *
 * @example addedCandidate({ code: 'B96.20', title, span, assertion, path, reason }, rule, ctx).tier // 'report'
 */
export function addedCandidate(
  added: AddedCode,
  rule: Pick<GuidelineRule, 'section'>,
  ctx: GuidelineContext,
): GuidelineCandidate {
  const section = ctx.chart.sections[sectionAt(ctx.chart, added.span.start)]!;
  const evidence = {
    start: added.span.start,
    end: added.span.end,
    text: ctx.text.slice(added.span.start, added.span.end),
    section: section.kind,
    score: 1,
    context: { negated: false, uncertain: false, historical: false, family: false, hypothetical: false },
  };
  const mention = { evidence, assertion: { ...added.assertion, codedAsEstablished: true }, section };
  return {
    suggestion: {
      id: `cm:${added.code}`,
      system: 'cm',
      code: added.code,
      title: added.title,
      score: 1,
      evidence: [evidence],
      path: added.path,
      flags: [],
      notes: [],
    },
    system: 'cm',
    code: added.code,
    tier: 'report',
    mentions: [mention],
    quote: mention,
    assertion: added.assertion.assertion,
    rules: [{ rule: rule.section, action: 'add', reason: added.reason }],
  };
}
