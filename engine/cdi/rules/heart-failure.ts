import type { Opportunity } from '../opportunity';
import type { CdiRule, RuleContext } from './context';
import { byName, extreme, num, opp, valued } from './helpers';

const DIURETIC_INDICATION =
  /\b(?:edema|oedema|(?:fluid|volume) overload|hypervolemi|congestion|ascites|anasarca|effusions?|cirrhosis|nephrotic|hyperkalemi|hypercalcemi|oliguri|diures(?:is|e) (?:for|of)|intracranial pressure|cerebral edema)/i;

/**
 * Heart failure type and acuity (query-guidelines.md §3; ACC/AHA 2022 EF bands: ≤ 40 % reduced,
 * 41–49 % mildly reduced, ≥ 50 % preserved): documented without type or acuity while treated; only
 * "chronic" while treated as an exacerbation; or natriuretic peptide / reduced EF treated with
 * diuretics or with congestion and no heart-failure diagnosis.
 */
function findHeartFailure(ctx: RuleContext): Opportunity[] {
  const inds = ctx.indicators;
  const natri = [
    ...valued(inds, 'bnp').filter((i) => num(i) > 100),
    ...valued(inds, 'nt-probnp').filter((i) => num(i) > 300),
  ];
  const ef = valued(inds, 'ejection-fraction');
  const efLow = ef.filter((i) => num(i) <= 40);
  const ivDiuretic = byName(inds, 'iv-diuretics');
  const diuretic = [...ivDiuretic, ...byName(inds, 'diuretic')];
  const congestion = byName(inds, 'congestion');
  const hf = ctx.doc('heart-failure', { allowHistorical: true });
  const evidence = [extreme(natri, 'max'), ...ef.slice(0, 2), ...diuretic.slice(0, 2), ...congestion.slice(0, 3)];
  const efv = extreme(ef, 'min');
  const facts = {
    efReduced: !!efv && num(efv) <= 40,
    efMildlyReduced: !!efv && num(efv) > 40 && num(efv) < 50,
    efPreserved: !!efv && num(efv) >= 50,
    efUnknown: !efv,
    efNotPreserved: !efv || num(efv) < 50,
    efUnknownOrPreserved: !efv || num(efv) >= 50,
  };
  if (hf.length > 0) {
    const type = hf.some((m) => m.details.type);
    const acuity = hf.some((m) => m.details.acuity);
    // Only "chronic" documented while treated as an exacerbation (IV diuretics with an elevated
    // natriuretic peptide or congestion): the acuity is in question (§1: conflicting/imprecise).
    const chronicOnly =
      acuity &&
      hf.every((m) => !m.details.acuity || m.details.acuity === 'chronic') &&
      hf.some((m) => m.details.acuity === 'chronic');
    const acuteSigns = ivDiuretic.length > 0 && (natri.length > 0 || congestion.length > 0);
    if (type && chronicOnly && acuteSigns)
      return [
        opp({
          id: 'heart-failure',
          topic: 'heart-failure',
          title: 'Chronic heart failure documented; treated with IV diuretics',
          reason: 'imprecise-diagnosis',
          criteria: [
            'heart failure documented as chronic',
            'IV diuretics with elevated natriuretic peptide or congestion',
          ],
          indicators: evidence,
          mentions: hf,
          facts: { ...facts, needType: false, needAcuity: true, newDiagnosis: false },
        }),
      ];
    // Treated or measured in this encounter (a diuretic, a peptide, an EF, congestion): the type
    // and acuity change the code (I50.2x–I50.4x); a bare history line with nothing current does not.
    if ((!type || !acuity) && evidence.some(Boolean) && hf.some((m) => !m.context.historical))
      return [
        opp({
          id: 'heart-failure',
          topic: 'heart-failure',
          title: `Heart failure documented without ${!type && !acuity ? 'type or acuity' : !type ? 'type' : 'acuity'}`,
          reason: 'imprecise-diagnosis',
          criteria: [
            `"${hf[0]!.text}" documented; ${!type ? 'type (systolic, diastolic, combined…) not stated' : ''}${!type && !acuity ? '; ' : ''}${!acuity ? 'acuity (acute, chronic, acute on chronic) not stated' : ''}`,
          ],
          indicators: evidence,
          mentions: hf,
          facts: { ...facts, needType: !type, needAcuity: !acuity, newDiagnosis: false },
        }),
      ];
    return [];
  }
  // IV diuretics given with no condition documented that they treat (query-guidelines.md §1
  // "clinical indicators without a diagnosis": a treatment is an indicator too). Any documented
  // indication (edema, volume overload, ascites, hyperkalemia …) answers it.
  if (ivDiuretic.length > 0 && natri.length === 0 && efLow.length === 0 && !DIURETIC_INDICATION.test(ctx.text))
    return [
      opp({
        id: 'heart-failure',
        topic: 'heart-failure',
        title: 'IV diuretics given; the condition treated is not documented',
        reason: 'indicators-without-diagnosis',
        criteria: ['IV diuretic therapy in this encounter', 'no condition documented that it treats'],
        indicators: [...ivDiuretic.slice(0, 2), ...ef.slice(0, 1)],
        mentions: [],
        facts: { ...facts, needType: true, needAcuity: true, newDiagnosis: true },
      }),
    ];
  if ((natri.length > 0 || efLow.length > 0) && (diuretic.length > 0 || congestion.length > 0))
    return [
      opp({
        id: 'heart-failure',
        topic: 'heart-failure',
        title: 'Heart failure: elevated natriuretic peptide / reduced EF treated, no diagnosis',
        reason: 'indicators-without-diagnosis',
        criteria: ['BNP > 100 pg/mL, NT-proBNP > 300 pg/mL or EF ≤ 40 %', 'with diuretics or signs of congestion'],
        indicators: evidence,
        mentions: [],
        facts: { ...facts, needType: true, needAcuity: true, newDiagnosis: true },
      }),
    ];
  return [];
}

/** See {@link findHeartFailure}. */
export const heartFailureRule: CdiRule = {
  topic: 'heart-failure',
  source: 'query-guidelines.md §3 Heart failure; ACC/AHA/HFSA 2022 heart-failure guideline EF categories',
  find: findHeartFailure,
};
