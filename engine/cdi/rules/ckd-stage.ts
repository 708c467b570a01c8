import type { Opportunity } from '../opportunity';
import type { CdiRule, RuleContext } from './context';
import { chartOrder, num, opp, valued } from './helpers';

// A CKD mention carries its stage when a stage (1–5, 3a/3b, G1–G5) or end-stage wording is written
// with it; end-stage disease and dialysis dependence answer the stage question (N18.6).
const STAGED =
  /\bstage\s*(?:[1-5]|I{1,3}|IV|V)\s*[ab]?\b|\bG[1-5][ab]?\b|\bCKD\s*-?\s*[1-5][ab]?\b|\bCKD\s*(?:I{1,3}|IV|V)\b|end[- ]stage|\bESRD\b/i;
const ESRD =
  /\b(?:ESRD|end[- ]stage renal|end[- ]stage kidney|(?:on|dependent on|requiring) (?:hemo)?dialysis|hemodialysis|peritoneal dialysis|kidney transplant|renal transplant)\b/i;

/** KDIGO 2012 CKD GFR category of an eGFR value (mL/min/1.73 m2). */
export function gfrCategory(egfr: number): string {
  if (egfr >= 90) return 'G1';
  if (egfr >= 60) return 'G2';
  if (egfr >= 45) return 'G3a';
  if (egfr >= 30) return 'G3b';
  if (egfr >= 15) return 'G4';
  return 'G5';
}

/**
 * CKD stage (KDIGO 2012 CKD guideline, GFR categories; ICD-10-CM N18.1–N18.6 need the stage, and
 * N18.9 is "unspecified"): chronic kidney disease documented without a stage, not end-stage or on
 * dialysis. The eGFR values in the record are cited with their KDIGO category; the stage itself is
 * the provider's call (one eGFR is not chronicity), so every stage is offered.
 */
function findCkdStage(ctx: RuleContext): Opportunity[] {
  const ckd = ctx.doc('ckd', { allowHistorical: true });
  if (ckd.length === 0) return [];
  if (ESRD.test(ctx.text)) return [];
  const around = (s: number, e: number): string =>
    ctx.text
      .slice(Math.max(0, s - 30), Math.min(ctx.text.length, e + 30))
      .split(/\n/)
      .join(' ');
  if (ckd.some((m) => STAGED.test(around(m.start, m.end)))) return [];
  const egfr = valued(ctx.indicators, 'egfr').sort((a, b) => chartOrder(a) - chartOrder(b));
  const cr = valued(ctx.indicators, 'creatinine').filter((c) => c.flag === 'high');
  const criteria = ['chronic kidney disease documented without a stage (1–5) or end-stage status'];
  if (egfr.length) criteria.push(`eGFR ${egfr.map((e) => `${num(e)} (KDIGO ${gfrCategory(num(e))})`).join(', ')}`);
  return [
    opp({
      id: 'other:ckd-stage',
      topic: 'other:ckd-stage',
      title: 'Chronic kidney disease documented without a stage',
      reason: 'imprecise-diagnosis',
      criteria,
      indicators: [...egfr.slice(-3), ...cr.slice(0, 2)],
      mentions: ckd.slice(0, 2),
      facts: {},
      templateId: 'ckd-stage',
    }),
  ];
}

/** See {@link findCkdStage}. */
export const ckdStageRule: CdiRule = {
  topic: 'other:ckd-stage',
  source: 'KDIGO 2012 CKD guideline GFR categories; ICD-10-CM N18 stage codes; query-guidelines.md §3 (CKD stage)',
  find: findCkdStage,
};
