import type { DiagnosisMention, DxConcept } from '../diagnoses';
import type { Opportunity } from '../opportunity';
import type { Indicator, IndicatorName } from '../types';
import type { CdiRule, RuleContext } from './context';
import { hemoglobinDrop, organDysfunction, sirs } from './criteria';
import { byName, num, opp, sentenceAround, valued } from './helpers';

/**
 * Clinical validation (query-guidelines.md §1 "diagnosis without clinical support"; ICD-10-CM
 * Guidelines I.A.19 leaves the diagnosis to the provider, so the query asks, never removes): a
 * diagnosis documented for this encounter whose measured indicators are present and all normal.
 * Only fires when the relevant measurements exist: absence of data is not evidence of normality.
 */
function findClinicalValidation(ctx: RuleContext): Opportunity[] {
  const inds = ctx.indicators;
  const out: Opportunity[] = [];
  const certain = (ms: DiagnosisMention[]): DiagnosisMention[] => ms.filter((m) => !m.context.uncertain);
  const cv = (subject: string, ms: DiagnosisMention[], normals: Indicator[], criteria: string[]): void => {
    out.push(
      opp({
        id: `clinical-validation:${subject.replace(/\s+/g, '-')}`,
        topic: 'clinical-validation',
        title: `Clinical validation: "${ms[0]!.text}" documented, indicators within normal limits`,
        reason: 'diagnosis-without-support',
        criteria,
        indicators: normals,
        mentions: ms,
        facts: {},
        subject,
        templateId: 'clinical-validation',
      }),
    );
  };
  // Sepsis documented; temperature, heart rate and WBC measured and normal; no lactate > 2, hypotension or pressors.
  const sepsis = certain(ctx.doc('sepsis'));
  if (sepsis.length) {
    const t = valued(inds, 'temperature');
    const hr = valued(inds, 'heart-rate');
    const wbc = valued(inds, 'wbc');
    const rr = valued(inds, 'respiratory-rate');
    if (t.length && hr.length && wbc.length && sirs(inds).length === 0 && organDysfunction(inds).length === 0) {
      cv(
        'sepsis',
        sepsis,
        [t[0], hr[0], rr[0], wbc[0], valued(inds, 'lactate')[0]].filter((i): i is Indicator => i !== undefined),
        [
          'sepsis documented; no SIRS criterion met (temperature, heart rate, respiratory rate, WBC within limits)',
          'no lactate > 2 mmol/L, hypotension or vasopressors',
        ],
      );
    }
  }
  // Acute respiratory failure documented; SpO2 >= 92 % on room air, RR <= 20, no escalated support.
  const arf = certain(ctx.doc('respiratory-failure')).filter((m) => m.details.acuity !== 'chronic');
  if (arf.length) {
    const ra = valued(inds, 'spo2').filter((i) => i.detail === 'room air');
    const spo2 = valued(inds, 'spo2');
    const rr = valued(inds, 'respiratory-rate');
    const support = byName(inds, 'high-flow-oxygen', 'non-invasive-ventilation', 'intubation');
    const gasAbnormal =
      valued(inds, 'pao2').some((i) => num(i) < 60) ||
      valued(inds, 'paco2').some((i) => num(i) > 50) ||
      valued(inds, 'pf-ratio').some((i) => num(i) < 300);
    if (
      ra.length &&
      spo2.every((i) => num(i) >= 92) &&
      rr.length &&
      rr.every((i) => num(i) <= 20) &&
      support.length === 0 &&
      !gasAbnormal &&
      !inds.some((i) => i.name === 'work-of-breathing')
    ) {
      cv(
        'acute respiratory failure',
        arf,
        [...ra.slice(0, 2), ...rr.slice(0, 2)],
        [
          'acute respiratory failure documented',
          'SpO2 ≥ 92 % on room air and respiratory rate ≤ 20/min; no high-flow, non-invasive or invasive ventilation',
        ],
      );
    }
  }
  // AKI documented; two or more creatinine values, no KDIGO rise.
  const aki = certain(ctx.doc('aki'));
  const cr = valued(inds, 'creatinine');
  if (
    aki.length &&
    cr.length + valued(inds, 'creatinine-baseline').length >= 2 &&
    !ctx.kdigo.met &&
    cr.every((c) => num(c) <= 1.3)
  ) {
    cv(
      'acute kidney injury',
      aki,
      [...valued(inds, 'creatinine-baseline').slice(0, 1), ...cr.slice(0, 3)],
      [
        'acute kidney injury documented',
        'creatinine values within normal limits, no rise ≥ 0.3 mg/dL or ≥ 1.5× baseline',
      ],
    );
  }
  // Hyponatremia documented; every sodium value >= 135.
  const hypoNa = certain(ctx.doc('hyponatremia'));
  const na = valued(inds, 'sodium');
  if (hypoNa.length && na.length && na.every((i) => num(i) >= 135)) {
    cv('hyponatremia', hypoNa, na.slice(0, 3), ['hyponatremia documented', 'every serum sodium value ≥ 135 mmol/L']);
  }
  // Acute blood loss anemia documented; every hemoglobin value normal and no drop.
  const abla = certain(ctx.doc('abla'));
  const hgb = valued(inds, 'hemoglobin');
  if (abla.length && hgb.length && hgb.every((i) => num(i) >= 12) && hemoglobinDrop(inds).drop < 2) {
    cv('acute blood loss anemia', abla, hgb.slice(0, 3), [
      'acute blood loss anemia documented',
      'hemoglobin within normal limits without a drop ≥ 2 g/dL',
    ]);
  }
  // A treatment that works against the documented condition, in the same sentence: fluid boluses or
  // vasopressors "for hypertension", an antihypertensive "for hypotension" (conflicting
  // documentation, query-guidelines.md §1).
  for (const m of certain(ctx.doc('hypertension'))) {
    const line = sentenceBounds(ctx.text, m.start, m.end);
    const against = byName(inds, 'fluid-bolus', 'vasopressors').filter((i) => i.start >= line[0] && i.end <= line[1]);
    if (against.length === 0) continue;
    cv('hypertension', [m], against.slice(0, 2), [
      'hypertension documented as treated with fluid boluses or vasopressors, which treat low blood pressure',
    ]);
    break;
  }
  // A diagnosis defined by a laboratory value, documented for this encounter with no value of that
  // analyte anywhere in the record and no treatment for it: nothing supports it.
  for (const lab of LAB_DEFINED) {
    const ms = certain(ctx.doc(lab.concept)).filter((m) => !m.nonProvider);
    if (ms.length === 0) continue;
    if (valued(inds, lab.analyte).length > 0 || byName(inds, ...lab.treatments).length > 0) continue;
    cv(
      lab.subject,
      ms.slice(0, 1),
      [],
      [`${lab.subject} documented`, `no ${lab.analyte} value and no treatment for it in the record`],
    );
  }
  return out;
}

/** Diagnoses defined by one analyte, with the treatments that show the provider acted on them. */
const LAB_DEFINED: readonly {
  concept: DxConcept;
  subject: string;
  analyte: IndicatorName;
  treatments: IndicatorName[];
}[] = [
  { concept: 'hyperkalemia', subject: 'hyperkalemia', analyte: 'potassium', treatments: ['insulin'] },
  { concept: 'hypokalemia', subject: 'hypokalemia', analyte: 'potassium', treatments: ['potassium-replacement'] },
  {
    concept: 'hyponatremia',
    subject: 'hyponatremia',
    analyte: 'sodium',
    treatments: ['fluid-restriction', 'hypertonic-saline'],
  },
  {
    concept: 'hypomagnesemia',
    subject: 'hypomagnesemia',
    analyte: 'magnesium',
    treatments: ['magnesium-replacement'],
  },
];

/** [start, end) of the sentence around a mention. */
function sentenceBounds(text: string, start: number, end: number): [number, number] {
  const sentence = sentenceAround(text, start, end);
  const at = text.lastIndexOf(sentence, end);
  return at < 0 ? [start, end] : [at, at + sentence.length];
}

/** See {@link findClinicalValidation}. */
export const clinicalValidationRule: CdiRule = {
  topic: 'clinical-validation',
  source: 'query-guidelines.md §1 (diagnosis without clinical support), §2 rule 5 (confirming a documented diagnosis)',
  find: findClinicalValidation,
};
