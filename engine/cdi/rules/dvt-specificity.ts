import type { Opportunity } from '../opportunity';
import type { CdiRule, RuleContext } from './context';
import { opp, sentenceAround } from './helpers';

const DVT = /\b(?:DVT|deep ve(?:in|nous) thromb(?:osis|us))\b/i;
// The deep vein named (ICD-10-CM I82.4–I82.6 by vein and side) and the acuity (acute / chronic).
const VEIN =
  /\b(?:femoral|popliteal|iliac|tibial|peroneal|gastrocnemius|soleal|calf vein|subclavian|axillary|brachial|internal jugular|jugular|innominate|brachiocephalic|vena cava|IVC|proximal|distal|femoropopliteal)\b/i;
const ACUITY = /\b(?:acute|chronic|subacute|new|old|residual)\b/i;

/**
 * Deep vein thrombosis specificity (ICD-10-CM I82.4–I82.6 and I82.5: vein, side and acuity decide
 * the code): a current DVT documented without the vein involved or without its acuity in any
 * statement of it.
 */
function findDvtSpecificity(ctx: RuleContext): Opportunity[] {
  const dvts = ctx.doc('vte').filter((m) => DVT.test(m.text));
  if (dvts.length === 0) return [];
  const lines = dvts.map((m) => sentenceAround(ctx.text, m.start, m.end));
  const vein = lines.some((l) => VEIN.test(l));
  const acuity = lines.some((l) => ACUITY.test(l));
  if (vein && acuity) return [];
  return [
    opp({
      id: 'other:dvt-specificity',
      topic: 'other:dvt-specificity',
      title: 'Deep vein thrombosis documented without the vein or acuity',
      reason: 'imprecise-diagnosis',
      criteria: [
        `deep vein thrombosis documented without ${!vein && !acuity ? 'the vein involved or its acuity' : !vein ? 'the vein involved' : 'its acuity'}`,
      ],
      indicators: [],
      mentions: dvts.slice(0, 2),
      facts: {},
      templateId: 'dvt-specificity',
    }),
  ];
}

/** See {@link findDvtSpecificity}. */
export const dvtSpecificityRule: CdiRule = {
  topic: 'other:dvt-specificity',
  source: 'ICD-10-CM I82.4–I82.6 (vein, laterality, acute/chronic); query-guidelines.md §1 (imprecise: site, acuity)',
  find: findDvtSpecificity,
};
