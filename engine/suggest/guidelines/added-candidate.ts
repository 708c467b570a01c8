/**
 * A code a guideline rule adds from the chart's words (a status, a history, an encounter reason
 * the Index stage had no line for), built with its quote, assertion and the rule on its trail.
 */
import { assertMention, sectionAt } from '../../text';
import type { GuidelineCandidate, GuidelineContext, GuidelineRule } from './types';

/** What a rule says about the code it adds. */
export interface AddedCode {
  code: string;
  /** Tabular title of the code. */
  title: string;
  /** Chart span quoted for the coder. */
  span: { start: number; end: number };
  /** Index-like path shown with the code (where it came from). */
  path: string;
  /** Why the rule adds it, quoting the chart. */
  reason: string;
  /** Confidence (0-1); a status or history read from context is secondary (0.5). */
  score: number;
  /** `true` when the quote is about the past (it then never places the principal). */
  historical?: boolean;
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
  const section = ctx.chart.sections[sectionAt(ctx.chart, add.span.start)]!;
  const assertion = assertMention(ctx.text, add.span, ctx.chart);
  const evidence = {
    ...add.span,
    text: ctx.text.slice(add.span.start, add.span.end),
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
  const mention = { evidence, assertion: { ...assertion, codedAsEstablished: true }, section };
  return {
    suggestion: {
      id: `cm:${add.code}`,
      system: 'cm',
      code: add.code,
      title: add.title,
      score: add.score,
      evidence: [evidence],
      path: add.path,
      flags: [],
      notes: [],
    },
    system: 'cm',
    code: add.code,
    tier: 'report',
    mentions: [mention],
    quote: mention,
    assertion: 'affirmed',
    rules: [{ rule: rule.section, action: 'add', reason: add.reason }],
  };
}
