import type { Opportunity } from '../opportunity';
import type { CdiRule, RuleContext } from './context';
import { byName, opp, sentenceAround } from './helpers';

// The vessel (ICD-10-CM I63.x: mechanism by artery and side) or a named small-vessel/watershed type.
const VESSEL =
  /\b(?:MCA|ACA|PCA|PICA|AICA|ICA|middle cerebral|anterior cerebral|posterior cerebral|basilar|vertebral|internal carotid|common carotid|cerebellar arter(?:y|ies)|lenticulostriate|lacunar|watershed|anterior choroidal|small vessel|border[- ]zone)\b/i;
// Hemorrhagic events are coded by site (I60–I62), a different question.
const HEMORRHAGIC = /\b(?:hemorrhag(?:e|ic)|haemorrhag(?:e|ic)|bleed|hematoma)\b/i;

/** True when a current stroke is documented and no stroke statement names its vessel or a hemorrhage. */
export function strokeUnspecified(ctx: RuleContext): boolean {
  const strokes = ctx.doc('stroke');
  if (strokes.length === 0) return false;
  return !strokes.some((m) => {
    const line = sentenceAround(ctx.text, m.start, m.end);
    return VESSEL.test(line) || HEMORRHAGIC.test(line);
  });
}

/**
 * Stroke specificity (ICD-10-CM I63 needs the mechanism, the artery and the side; the deficits it
 * causes, e.g. hemiplegia G81, are coded only as the provider names them, Guidelines I.C.9.d and
 * III.A): a current cerebrovascular accident or infarction documented without the vessel involved.
 * One-sided weakness described in words without a named deficit is asked in the same query.
 */
function findStrokeSpecificity(ctx: RuleContext): Opportunity[] {
  if (!strokeUnspecified(ctx)) return [];
  const strokes = ctx.doc('stroke');
  const weakness = ctx.doc('hemiparesis', { allowHistorical: true }).length
    ? []
    : byName(ctx.indicators, 'one-sided-weakness').slice(0, 2);
  return [
    opp({
      id: 'other:stroke-specificity',
      topic: 'other:stroke-specificity',
      title: 'Cerebrovascular event documented without the vessel or type',
      reason: 'imprecise-diagnosis',
      criteria: [
        'stroke documented without the artery involved or the mechanism (embolism, thrombosis, occlusion)',
        ...(weakness.length ? ['one-sided weakness described without a named deficit'] : []),
      ],
      indicators: weakness,
      mentions: strokes.slice(0, 2),
      facts: { deficit: weakness.length > 0 },
      templateId: 'stroke-specificity',
    }),
  ];
}

/** See {@link findStrokeSpecificity}. */
export const strokeSpecificityRule: CdiRule = {
  topic: 'other:stroke-specificity',
  source:
    'ICD-10-CM I63 (mechanism, artery, laterality), Guidelines I.C.9.d; query-guidelines.md §1 (imprecise: site, etiology)',
  find: findStrokeSpecificity,
};
