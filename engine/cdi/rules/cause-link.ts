import type { DiagnosisMention, DxConcept } from '../diagnoses';
import type { Opportunity } from '../opportunity';
import type { IndicatorName } from '../types';
import type { CdiRule, RuleContext } from './context';
import { byName, opp } from './helpers';

/**
 * Condition–cause pairs a provider must link for the coder (ICD-10-CM Guidelines I.B.16: a
 * complication of care needs the provider's stated relationship; I.A.15: outside the "with"
 * convention, a link is not presumed). Clinical pairs from the query-guidelines topic table
 * ("cause-and-effect (UTI ↔ catheter)") and the usual complication templates.
 */
interface CausePair {
  condition: DxConcept;
  conditionWords: string;
  causes: IndicatorName[];
  causeWords: string;
}

const PAIRS: readonly CausePair[] = [
  { condition: 'vte', conditionWords: 'venous thromboembolism', causes: ['surgery'], causeWords: 'recent operation' },
  {
    condition: 'vte',
    conditionWords: 'venous thromboembolism',
    causes: ['chemotherapy'],
    causeWords: 'malignancy treated with chemotherapy',
  },
  {
    condition: 'neuropathy',
    conditionWords: 'neuropathy or numbness',
    causes: ['chemotherapy'],
    causeWords: 'neurotoxic chemotherapy',
  },
  {
    condition: 'uti',
    conditionWords: 'urinary tract infection',
    causes: ['urinary-catheter'],
    causeWords: 'indwelling urinary catheter',
  },
];

// Words that state (or deny) a relationship in the mention's sentence: the record answers it.
const LINK =
  /\b(?:due to|secondary to|2\/2|related to|associated|induced|caused by|because of|attributed to|from (?:the |his |her )?(?:chemo|surgery|operation|catheter|foley)|post-?operative|post-?op|provoked|unprovoked|complication|CAUTI|not related|unrelated|idiopathic|diabetic)\b/i;

function sentenceOf(text: string, m: DiagnosisMention): string {
  const from = Math.max(0, m.start - 200);
  const before = text.slice(from, m.start);
  const cut = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n'), before.lastIndexOf('; '));
  const after = text.slice(m.end, Math.min(text.length, m.end + 200));
  const stop = after.search(/\.(?:\s|$)|\n|;/);
  return before.slice(cut + 1) + m.text + (stop < 0 ? after : after.slice(0, stop));
}

/**
 * Cause-and-effect not documented (query-guidelines.md §1 "cause-and-effect between documented
 * conditions is unclear"): a current condition and a documented likely cause from {@link PAIRS},
 * with no relationship stated. Yes/no is acceptable here (§2 rule 5) but the template is multiple
 * choice with "unrelated" and the escape options.
 */
function findCauseLink(ctx: RuleContext): Opportunity[] {
  for (const pair of PAIRS) {
    // Only an established condition is linked: "indeterminate for PE", "possible DVT" are not.
    const conditions = ctx
      .doc(pair.condition)
      .filter((m) => !m.context.uncertain && !m.context.historical && !LINK.test(sentenceOf(ctx.text, m)));
    if (conditions.length === 0 || ctx.doc(pair.condition).some((m) => LINK.test(sentenceOf(ctx.text, m)))) continue;
    const causes = byName(ctx.indicators, ...pair.causes);
    if (causes.length === 0) continue;
    return [
      opp({
        id: 'other:cause-link',
        topic: 'other:cause-link',
        title: `Relationship between ${pair.conditionWords} and ${pair.causeWords} not documented`,
        reason: 'imprecise-diagnosis',
        criteria: [`${pair.conditionWords} documented`, `${pair.causeWords} in the record`, 'no relationship stated'],
        indicators: causes.slice(0, 2),
        mentions: conditions.slice(0, 1),
        facts: {},
        subject: conditions[0]!.text,
        templateId: 'cause-link',
      }),
    ];
  }
  return [];
}

/** See {@link findCauseLink}. */
export const causeLinkRule: CdiRule = {
  topic: 'other:cause-link',
  source: 'ICD-10-CM Guidelines I.A.15, I.B.16; query-guidelines.md §1 (cause-and-effect), §2 rule 5',
  find: findCauseLink,
};
