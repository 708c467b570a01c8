import type { Opportunity } from '../opportunity';
import type { CdiRule, RuleContext } from './context';
import { anemiaTyped } from './anemia-words';
import { bloodCountDrop } from './criteria';
import { byName, fmt, opp } from './helpers';

/**
 * Acute blood loss anemia (query-guidelines.md §3 Anemia — type): a hemoglobin drop ≥ 2 g/dL (or a
 * hematocrit drop ≥ 6 points) with a source of blood loss (bleeding, operative blood loss, a
 * procedure this encounter) or a transfusion, and no anemia type or cause documented.
 */
function findAbla(ctx: RuleContext): Opportunity[] {
  const inds = ctx.indicators;
  const drop = bloodCountDrop(inds);
  const bleed = byName(inds, 'blood-loss').slice(0, 2);
  const surgery = byName(inds, 'surgery').slice(0, 1);
  const transfusion = byName(inds, 'transfusion').slice(0, 1);
  if (drop.drop < 2 || !drop.from || !drop.to) return [];
  if (bleed.length + surgery.length + transfusion.length === 0) return [];
  if (ctx.doc('abla').length > 0) return [];
  const anemiaDoc = ctx.doc('anemia');
  if (anemiaDoc.some((m) => anemiaTyped(ctx.text, m))) return [];
  const analyte = drop.from.name === 'hematocrit' ? 'hematocrit' : 'hemoglobin';
  return [
    opp({
      id: 'acute-blood-loss-anemia',
      topic: 'acute-blood-loss-anemia',
      title: `Anemia: ${analyte} ${fmt(drop.from)} → ${fmt(drop.to)} with blood loss, type not documented`,
      reason: anemiaDoc.length ? 'imprecise-diagnosis' : 'indicators-without-diagnosis',
      criteria: [
        analyte === 'hematocrit'
          ? `hematocrit drop ${Math.round(drop.drop * 3 * 10) / 10} points (≈ ${drop.drop} g/dL hemoglobin; ≥ 2)`
          : `hemoglobin drop ${drop.drop} g/dL (≥ 2)`,
        bleed.length
          ? 'source of blood loss documented'
          : surgery.length
            ? 'operation in this encounter'
            : 'transfusion given',
      ],
      indicators: [drop.to, drop.from, ...transfusion, ...bleed, ...surgery],
      mentions: anemiaDoc.slice(0, 1),
      facts: { surgical: surgery.length > 0 || bleed.some((b) => /EBL|estimated blood loss/i.test(b.text)) },
    }),
  ];
}

/** See {@link findAbla}. */
export const acuteBloodLossAnemiaRule: CdiRule = {
  topic: 'acute-blood-loss-anemia',
  source: 'query-guidelines.md §3 Anemia — type (acute blood loss anemia D62)',
  find: findAbla,
};
