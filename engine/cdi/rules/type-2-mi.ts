import type { Opportunity } from '../opportunity';
import type { Indicator } from '../types';
import type { CdiRule, RuleContext } from './context';
import { byName, chartOrder, extreme, num, opp, valued } from './helpers';

/** Rise-and/or-fall pattern of serial troponins (Fourth Universal Definition of MI, 2018). */
function troponinPattern(trop: Indicator[]): string | undefined {
  if (trop.length < 2) return undefined;
  const ordered = [...trop].sort((a, b) => chartOrder(a) - chartOrder(b));
  const first = num(ordered[0]!);
  const peak = Math.max(...ordered.map(num));
  const last = num(ordered[ordered.length - 1]!);
  if (peak > first && last < peak) return 'rise and fall';
  if (last > first) return 'rising';
  if (last < first) return 'falling';
  return 'flat';
}

// A provider sentence about the troponin that states what it means ("minimal troponin elevation,
// not a diagnosis in the setting of pulmonary hypertension", "troponin leak due to CKD"): the
// record already answers the question (query-guidelines.md §1).
const TROPONIN_WORD = /\b(?:troponins?|trop|TnI|TnT)\b/gi;
const INTERPRETED =
  /\b(?:not (?:a |felt to be |thought to be |clinically )?(?:diagnos\w*|significant)|insignificant|in the setting of|due to|secondary to|attributed|related to|likely from|demand|leak|chronic(?:ally)? elevated|at (?:her|his|its) baseline|non-?ischemic|myocardial injury|type (?:1|2|I|II) (?:MI|myocardial))\b/i;

function troponinInterpreted(text: string): boolean {
  TROPONIN_WORD.lastIndex = 0;
  for (let m = TROPONIN_WORD.exec(text); m; m = TROPONIN_WORD.exec(text)) {
    const from = Math.max(text.lastIndexOf('. ', m.index) + 1, text.lastIndexOf('\n', m.index) + 1);
    const stop = text.slice(m.index).search(/\.(?:\s|$)|\n/);
    const sentence = text.slice(from, stop < 0 ? text.length : m.index + stop);
    if (INTERPRETED.test(sentence)) return true;
  }
  return false;
}

/**
 * Type 2 MI vs demand ischemia vs myocardial injury (Fourth Universal Definition of Myocardial
 * Infarction, Thygesen et al. 2018; query-guidelines.md §3 "Other frequent topics"): troponin above
 * the 99th-percentile upper reference limit with a supply/demand stressor (tachyarrhythmia,
 * hypotension, severe anemia, hypoxemia, sepsis, decompensated heart failure, hypertensive crisis),
 * and the significance not documented (no MI type, demand ischemia or myocardial injury).
 */
function findType2Mi(ctx: RuleContext): Opportunity[] {
  const inds = ctx.indicators;
  const trop = valued(inds, 'troponin').filter((i) => i.flag === 'high');
  if (trop.length === 0 || ctx.doc('mi-typed').length > 0 || troponinInterpreted(ctx.text)) return [];
  const natri = [
    ...valued(inds, 'bnp').filter((i) => num(i) > 400),
    ...valued(inds, 'nt-probnp').filter((i) => num(i) > 1800),
  ];
  const stressors = [
    extreme(
      valued(inds, 'heart-rate').filter((i) => num(i) > 120),
      'max',
    ) ?? inds.find((i) => i.name === 'heart-rate' && /RVR|rapid ventricular/i.test(i.text)),
    extreme(
      valued(inds, 'systolic-bp').filter((i) => num(i) < 90),
      'min',
    ) ??
      extreme(
        valued(inds, 'map').filter((i) => num(i) < 65),
        'min',
      ) ??
      inds.find((i) => i.name === 'systolic-bp' && i.value === null && i.flag === 'low'),
    extreme(
      valued(inds, 'systolic-bp').filter((i) => num(i) >= 180),
      'max',
    ),
    extreme(
      valued(inds, 'hemoglobin').filter((i) => num(i) < 8),
      'min',
    ),
    extreme(
      valued(inds, 'spo2').filter((i) => num(i) < 88),
      'min',
    ) ??
      extreme(
        valued(inds, 'pao2').filter((i) => num(i) < 60),
        'min',
      ),
    ctx.sirs.length >= 2 && ctx.infection.length > 0 ? ctx.infection[0] : undefined,
    // Decompensated heart failure: a markedly raised natriuretic peptide with congestion or diuresis.
    natri.length > 0 && byName(inds, 'congestion', 'iv-diuretics', 'diuretic').length > 0
      ? extreme(natri, 'max')
      : undefined,
  ].filter((i): i is Indicator => i !== undefined);
  if (stressors.length === 0) return [];
  const untyped = ctx.doc('mi-untyped');
  const pattern = troponinPattern(valued(inds, 'troponin'));
  return [
    opp({
      id: 'type-2-mi',
      topic: 'type-2-mi',
      title: untyped.length
        ? 'Myocardial infarction documented without type; supply/demand stressor present'
        : 'Elevated troponin with a supply/demand stressor, no diagnosis',
      reason: untyped.length ? 'imprecise-diagnosis' : 'indicators-without-diagnosis',
      criteria: [
        'troponin above the 99th percentile upper reference limit',
        ...(pattern ? [`serial troponins: ${pattern}`] : []),
        `stressor: ${stressors.map((s) => s.name).join(', ')}`,
      ],
      indicators: [extreme(trop, 'max'), ...trop.slice(0, 4), ...stressors],
      mentions: untyped,
      facts: {},
    }),
  ];
}

/** See {@link findType2Mi}. */
export const type2MiRule: CdiRule = {
  topic: 'type-2-mi',
  source: 'Fourth Universal Definition of Myocardial Infarction (2018); ICD-10-CM Guidelines I.C.9.e.5',
  find: findType2Mi,
};
