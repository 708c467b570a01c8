import type { Opportunity } from '../opportunity';
import type { CdiRule, RuleContext } from './context';
import { extreme, fmt, num, opp, valued } from './helpers';

/**
 * Obesity / BMI (ICD-10-CM Guidelines I.B.14 and I.C.21.c.3: BMI is reportable only with a
 * provider-documented weight diagnosis): BMI ≥ 30 recorded and no weight diagnosis documented.
 */
function findObesityBmi(ctx: RuleContext): Opportunity[] {
  const inds = ctx.indicators;
  const bmi = extreme(
    valued(inds, 'bmi').filter((i) => num(i) >= 30),
    'max',
  );
  if (!bmi || ctx.doc('obesity', { providerOnly: true, allowHistorical: true }).length > 0) return [];
  return [
    opp({
      id: 'obesity-bmi',
      topic: 'obesity-bmi',
      title: `BMI ${fmt(bmi)} recorded, no weight diagnosis`,
      reason: 'indicators-without-diagnosis',
      criteria: ['BMI ≥ 30 kg/m2 recorded (BMI is reportable only with a provider-documented weight diagnosis)'],
      indicators: [bmi, ...valued(inds, 'weight').slice(0, 1)],
      mentions: [],
      facts: { bmi40: num(bmi) >= 40, bmi35: num(bmi) >= 35 && num(bmi) < 40, bmi30: num(bmi) < 35 },
    }),
  ];
}

/** See {@link findObesityBmi}. */
export const obesityBmiRule: CdiRule = {
  topic: 'obesity-bmi',
  source: 'ICD-10-CM Guidelines I.B.14, I.C.21.c.3; query-guidelines.md §3 Obesity / BMI',
  find: findObesityBmi,
};
