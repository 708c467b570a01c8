import type { Opportunity } from '../opportunity';
import type { Indicator } from '../types';
import type { CdiRule, RuleContext } from './context';
import { byName, extreme, num, opp, valued } from './helpers';

// A mental-status word next to these describes the patient's usual state or a sedated patient,
// not an acute change.
const BASELINE_CONTEXT = /\b(?:at baseline|baseline|chronic(?:ally)?|dementia|sedated|sedation|asleep)\b/i;

// A structural brain cause explains altered mentation without a metabolic/toxic encephalopathy
// (G93.4x excludes the focal lesion's own effects): the query would not change the diagnosis.
// ("CVA" is left out: in an exam it is the costovertebral angle.)
const STRUCTURAL =
  /\b(?:intra(?:cranial|cerebral|parenchymal|ventricular) (?:hemorrhage|bleed(?:ing)?|hematoma)|subdural|subarachnoid|epidural hematoma|ICH|SAH|SDH|stroke|cerebral infarct(?:ion)?|brain (?:tumou?r|mass|abscess|injury)|head (?:injury|trauma)|traumatic brain injury|TBI|post-?ictal|status epilepticus|seizures?|meningitis|encephalitis)\b/i;

/**
 * Encephalopathy (query-guidelines.md §3): altered mental status with a metabolic, toxic or septic
 * driver, no encephalopathy documented.
 */
function findEncephalopathy(ctx: RuleContext): Opportunity[] {
  const { indicators: inds, text } = ctx;
  const ms = [
    ...byName(inds, 'mental-status').filter(
      (i) => !BASELINE_CONTEXT.test(text.slice(Math.max(0, i.start - 40), i.end + 40)),
    ),
    ...valued(inds, 'gcs').filter((i) => num(i) < 15),
  ];
  const na = valued(inds, 'sodium');
  const minNa = extreme(na, 'min');
  const drivers = [
    extreme(
      na.filter((i) => num(i) < 130 || num(i) > 150),
      minNa && num(minNa) < 130 ? 'min' : 'max',
    ),
    extreme(
      valued(inds, 'glucose').filter((i) => num(i) < 60 || num(i) > 400),
      'max',
    ),
    extreme(
      valued(inds, 'ammonia').filter((i) => num(i) > 50),
      'max',
    ),
    extreme(
      valued(inds, 'bun').filter((i) => num(i) > 60),
      'max',
    ) ??
      // Uremia: creatinine of advanced kidney failure (KDIGO G5 range for most adults).
      extreme(
        valued(inds, 'creatinine').filter((i) => num(i) >= 4),
        'max',
      ),
    extreme(
      valued(inds, 'spo2').filter((i) => num(i) < 88),
      'min',
    ),
    extreme(
      valued(inds, 'pao2').filter((i) => num(i) < 60),
      'min',
    ),
    extreme(
      valued(inds, 'paco2').filter((i) => num(i) > 50),
      'max',
    ),
    ctx.sirs.length >= 2 && ctx.infection.length > 0 ? ctx.infection[0] : undefined,
    extreme(
      valued(inds, 'temperature').filter((i) => num(i) > 39),
      'max',
    ),
    ...byName(inds, 'digoxin-level', 'lithium-level', 'phenytoin-level').filter((i) => i.flag === 'high'),
  ].filter((i): i is Indicator => i !== undefined);
  if (ms.length === 0 || drivers.length === 0 || ctx.doc('encephalopathy').length > 0) return [];
  if (structuralCause(ctx)) return [];
  return [
    opp({
      id: 'encephalopathy',
      topic: 'encephalopathy',
      title: 'Encephalopathy: altered mental status with a metabolic/septic driver, no diagnosis',
      reason: 'indicators-without-diagnosis',
      criteria: [
        'altered mental status (confusion, lethargy, disorientation, GCS < 15)',
        `driver: ${drivers.map((d) => d.name).join(', ')}`,
      ],
      indicators: [...ms.slice(0, 3), ...drivers],
      mentions: [],
      facts: {
        septic: ctx.sirs.length >= 2 && ctx.infection.length > 0,
        hepatic: drivers.some((d) => d.name === 'ammonia'),
        metabolic: drivers.some((d) =>
          ['sodium', 'glucose', 'bun', 'ammonia', 'spo2', 'pao2', 'paco2'].includes(d.name),
        ),
      },
    }),
  ];
}

/** A documented (asserted, current) structural brain cause of the altered mentation. */
function structuralCause(ctx: RuleContext): boolean {
  const re = new RegExp(STRUCTURAL.source, 'gi');
  for (let m = re.exec(ctx.text); m; m = re.exec(ctx.text)) {
    const sentenceStart = Math.max(ctx.text.lastIndexOf('.', m.index) + 1, ctx.text.lastIndexOf('\n', m.index) + 1);
    const before = ctx.text.slice(sentenceStart, m.index);
    if (/\b(?:no|denies|without|negative for|history of|h\/o|rule out|r\/o|ruled out)\b/i.test(before)) continue;
    return true;
  }
  return false;
}

/** See {@link findEncephalopathy}. */
export const encephalopathyRule: CdiRule = {
  topic: 'encephalopathy',
  source: 'query-guidelines.md §3 Encephalopathy',
  find: findEncephalopathy,
};
