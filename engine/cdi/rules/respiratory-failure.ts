import type { Opportunity } from '../opportunity';
import type { Indicator } from '../types';
import type { CdiRule, RuleContext } from './context';
import { byName, extreme, num, opp, valued } from './helpers';

// Home / long-term oxygen written in the chart ("on home O2 2 L", "on nasal oxygen" in the history).
const HOME_O2 =
  /\bhome (?:oxygen|O2)|(?:oxygen|O2)[- ]dependen|on (?:continuous |chronic |nocturnal )?(?:home |nasal )?(?:oxygen|O2)\b/i;

/**
 * Acute respiratory failure (query-guidelines.md §3): hypoxemia (SpO2 < 91 %, PaO2 < 60 mmHg,
 * P/F < 300) or hypercapnia (PaCO2 > 50 mmHg with pH < 7.35) with distress (RR > 28, work of
 * breathing) or escalated support (high-flow, non-invasive, invasive ventilation), not documented as
 * acute; respiratory failure documented without acuity or type while ventilated; chronic lung
 * disease on home oxygen without chronic respiratory failure documented.
 */
function findRespiratoryFailure(ctx: RuleContext): Opportunity[] {
  const { indicators: inds } = ctx;
  const spo2 = valued(inds, 'spo2').filter((i) => num(i) < 91);
  const hypercapnia =
    valued(inds, 'paco2').some((i) => num(i) > 50) && valued(inds, 'ph').some((i) => num(i) < 7.35)
      ? [extreme(valued(inds, 'paco2'), 'max'), extreme(valued(inds, 'ph'), 'min')]
      : [];
  const gas = [
    extreme(
      valued(inds, 'pf-ratio').filter((i) => num(i) < 300),
      'min',
    ),
    extreme(
      valued(inds, 'pao2').filter((i) => num(i) < 60),
      'min',
    ),
    extreme(spo2, 'min'),
    // A low saturation written as a decade or in words ("in the 80s", "hypoxic"): counted with
    // ventilatory support only, below.
    ...(spo2.length === 0
      ? valued(inds, 'spo2').length === 0
        ? byName(inds, 'spo2')
            .filter((i) => i.flag === 'low')
            .slice(0, 1)
        : []
      : []),
    ...hypercapnia,
  ].filter((i): i is Indicator => i !== undefined);
  const distress = [
    extreme(
      valued(inds, 'respiratory-rate').filter((i) => num(i) > 28),
      'max',
    ),
    ...byName(inds, 'work-of-breathing').slice(0, 2),
  ].filter((i): i is Indicator => i !== undefined);
  // A new oxygen requirement of 4 L/min or more by cannula, or oxygen "to maintain" saturation,
  // is hypoxemia treated (the saturation without it would be low) and escalated support.
  const o2Need = byName(inds, 'supplemental-oxygen').filter((i) => {
    if (i.detail === 'baseline/home' || HOME_O2.test(ctx.text.slice(Math.max(0, i.start - 20), i.end + 10)))
      return false;
    const around = ctx.text.slice(Math.max(0, i.start - 40), Math.min(ctx.text.length, i.end + 60));
    const flow = /(\d+(?:\.\d+)?)\s*(?:L|LPM|liters?)\b/i.exec(around);
    return (
      (flow && Number(flow[1]) >= 4 && Number(flow[1]) <= 15) ||
      /to maintain (?:\w+ ){0,2}(?:sat|SpO2|oxygen)/i.test(around)
    );
  });
  const support = [...byName(inds, 'intubation', 'non-invasive-ventilation', 'high-flow-oxygen'), ...o2Need].slice(
    0,
    2,
  );
  const rf = ctx.doc('respiratory-failure', { allowHistorical: true });
  const hypercapnic = gas.some((g) => g.name === 'paco2');
  const hypoxic = () => gas.some((g) => g.name !== 'paco2' && g.name !== 'ph');
  const homeO2 = byName(inds, 'supplemental-oxygen').filter(
    (i) => i.detail === 'baseline/home' || HOME_O2.test(ctx.text.slice(Math.max(0, i.start - 20), i.end + 10)),
  );
  const acuteDoc = rf.some((m) => m.details.acuity === 'acute' || m.details.acuity === 'acute on chronic');
  const current = rf.filter((m) => !m.context.historical);
  // Documented now without acuity or type while the patient is ventilated: the code (J96.0x vs
  // J96.2x vs J96.9x, hypoxic vs hypercapnic) depends on both (Guidelines I.A.19: the provider's
  // statement decides; here it is incomplete).
  if (current.length > 0 && !acuteDoc && !current.some((m) => m.details.acuity) && support.length > 0) {
    const typed = current.some((m) => m.details.type);
    return [
      opp({
        id: 'respiratory-failure',
        topic: 'respiratory-failure',
        title: `Respiratory failure documented without acuity${typed ? '' : ' or type'}`,
        reason: 'imprecise-diagnosis',
        criteria: [
          `"${current[0]!.text}" documented without acuity (acute, chronic, acute on chronic)${typed ? '' : ' or type (hypoxic, hypercapnic)'}`,
          'ventilatory support in this encounter',
        ],
        indicators: [...support, ...gas, ...distress],
        mentions: current.slice(0, 2),
        facts: { hypoxic: true, hypercapnic: true, both: true, chronic: homeO2.length > 0 },
      }),
    ];
  }
  // Oxygen needed at ≥ 4 L/min stands for the hypoxemia it treats when no saturation is written,
  // provided an acute lung or airway process is in the record (infection, congestion, aspiration,
  // distress): the options then include "hypoxemia without respiratory failure".
  const acuteLung = byName(inds, 'infection', 'congestion', 'aspiration', 'work-of-breathing').length > 0;
  if (gas.length === 0 && o2Need.length > 0 && acuteLung) gas.push(o2Need[0]!);
  if (gas.length > 0 && (distress.length > 0 || support.length > 0) && !acuteDoc) {
    const chronicOnly = rf.length > 0;
    return [
      opp({
        id: 'respiratory-failure',
        topic: 'respiratory-failure',
        title: chronicOnly
          ? 'Respiratory failure: acute indicators, only chronic failure documented'
          : 'Acute respiratory failure: hypoxemia/hypercapnia with distress, no diagnosis',
        reason: chronicOnly ? 'imprecise-diagnosis' : 'indicators-without-diagnosis',
        criteria: [
          'gas exchange: SpO2 < 91 %, PaO2 < 60 mmHg, P/F < 300, or PaCO2 > 50 mmHg with pH < 7.35',
          'and RR > 28, increased work of breathing, or high-flow / non-invasive / invasive ventilation',
        ],
        indicators: [...gas, ...support, ...distress, ...byName(inds, 'supplemental-oxygen').slice(0, 1)],
        mentions: rf,
        facts: {
          hypoxic: hypoxic(),
          hypercapnic,
          both: hypoxic() && hypercapnic,
          chronic: chronicOnly || homeO2.length > 0,
        },
      }),
    ];
  }
  // Chronic lung disease on long-term oxygen, no respiratory failure documented at all: chronic
  // respiratory failure (J96.1x) or oxygen dependence only (Z99.81) is the provider's call.
  const lung = ctx.doc('copd', { allowHistorical: true });
  if (rf.length === 0 && homeO2.length > 0 && lung.length > 0 && gas.length === 0)
    return [
      opp({
        id: 'respiratory-failure',
        topic: 'respiratory-failure',
        title: 'Chronic lung disease on long-term oxygen, respiratory status not specified',
        reason: 'indicators-without-diagnosis',
        criteria: ['chronic lung disease documented', 'long-term (home) oxygen documented'],
        indicators: [...homeO2.slice(0, 2), ...valued(inds, 'spo2').slice(0, 1)],
        mentions: lung.slice(0, 1),
        facts: {},
        templateId: 'respiratory-failure-chronic',
      }),
    ];
  return [];
}

/** See {@link findRespiratoryFailure}. */
export const respiratoryFailureRule: CdiRule = {
  topic: 'respiratory-failure',
  source: 'query-guidelines.md §3 Acute respiratory failure',
  find: findRespiratoryFailure,
};
