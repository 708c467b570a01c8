import type { Opportunity } from '../opportunity';
import type { CdiRule, RuleContext } from './context';
import { byName, extreme, num, opp, valued } from './helpers';

// "Uncontrolled", "poorly controlled", "out of control": the ICD-10-CM Index sends "Diabetes,
// uncontrolled" to "meaning hyperglycemia" or "meaning hypoglycemia"; the provider must say which.
const UNCONTROLLED =
  /\b(?:uncontrolled|poorly[- ]controlled|out of control|not well[- ]controlled|inadequately controlled)\b/i;

/**
 * Diabetes control (ICD-10-CM Index "Diabetes, uncontrolled"; E08–E13 ".65" with hyperglycemia,
 * ".649" with hypoglycemia; ADA Standards of Care, hospital hyperglycemia > 180 mg/dL): diabetes
 * documented as "uncontrolled" without hyper- or hypoglycemia, or diabetes with glucose > 300 mg/dL
 * (or two values > 200) treated with insulin and no hyper-/hypoglycemia documented.
 */
function findDiabetesControl(ctx: RuleContext): Opportunity[] {
  const dm = ctx.doc('diabetes', { allowHistorical: true });
  if (dm.length === 0 || ctx.doc('glycemia').length > 0) return [];
  const uncontrolled = dm.filter((m) =>
    UNCONTROLLED.test(ctx.text.slice(Math.max(0, m.start - 40), Math.min(ctx.text.length, m.end + 40))),
  );
  const high = valued(ctx.indicators, 'glucose').filter((g) => num(g) > 200);
  const insulin = byName(ctx.indicators, 'insulin').slice(0, 2);
  const hyper = high.length >= 2 || high.some((g) => num(g) > 300);
  if (uncontrolled.length === 0 && !(hyper && insulin.length > 0)) return [];
  const peak = extreme(high, 'max');
  return [
    opp({
      id: 'other:diabetes-control',
      topic: 'other:diabetes-control',
      title: uncontrolled.length
        ? 'Diabetes documented as uncontrolled without hyper- or hypoglycemia'
        : 'Diabetes with high glucose treated with insulin; control not documented',
      reason: 'imprecise-diagnosis',
      criteria: [
        ...(uncontrolled.length ? ['"uncontrolled" diabetes does not state hyperglycemia or hypoglycemia'] : []),
        ...(hyper ? ['glucose > 300 mg/dL, or two values > 200 mg/dL'] : []),
        ...(insulin.length ? ['insulin given'] : []),
      ],
      indicators: [peak, ...high.filter((g) => g !== peak).slice(0, 2), ...insulin],
      mentions: [...uncontrolled.slice(0, 1), ...(uncontrolled.length ? [] : dm.slice(0, 1))],
      facts: { high: hyper || high.length > 0 },
      templateId: 'diabetes-control',
    }),
  ];
}

/** See {@link findDiabetesControl}. */
export const diabetesControlRule: CdiRule = {
  topic: 'other:diabetes-control',
  source: 'ICD-10-CM Index "Diabetes, uncontrolled"; ICD-10-CM E08–E13 .65/.649; ADA Standards of Care (hospital)',
  find: findDiabetesControl,
};
