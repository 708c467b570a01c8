import type { ChartSection } from './chart-context';
import { documentedMentions, type DiagnosisMention, type DxConcept } from './diagnoses';
import type { Opportunity } from './opportunity';
import type { Indicator, IndicatorName } from './types';

/** What the rules read: the indicators, the diagnosis mentions, and the chart text and sections. */
export interface RuleInput {
  text: string;
  sections: readonly ChartSection[];
  indicators: readonly Indicator[];
  mentions: readonly DiagnosisMention[];
}

const byName = (inds: readonly Indicator[], ...names: IndicatorName[]): Indicator[] =>
  inds.filter((i) => names.includes(i.name));
const num = (i: Indicator): number => i.value ?? NaN;
const valued = (inds: readonly Indicator[], name: IndicatorName): Indicator[] =>
  inds.filter((i) => i.name === name && i.value !== null);
/** The indicator with the largest (or smallest) value. */
function extreme(inds: readonly Indicator[], pick: 'max' | 'min'): Indicator | undefined {
  let best: Indicator | undefined;
  for (const i of inds)
    if (i.value !== null && (!best || (pick === 'max' ? num(i) > num(best) : num(i) < num(best)))) best = i;
  return best;
}
function uniq(inds: readonly (Indicator | undefined)[]): Indicator[] {
  const seen = new Set<string>();
  const out: Indicator[] = [];
  for (const i of inds) {
    if (!i || seen.has(i.id)) continue;
    seen.add(i.id);
    out.push(i);
  }
  return out.sort((a, b) => (a.start < 0 ? 1e12 : a.start) - (b.start < 0 ? 1e12 : b.start));
}
function fmt(i: Indicator): string {
  return i.value === null ? i.text : `${i.value}${i.unit ? ` ${i.unit}` : ''}`;
}

/** SIRS criteria (Sepsis-2; query-guidelines.md §3 "Sepsis"): each met criterion and its evidence. */
export function sirs(inds: readonly Indicator[]): { criterion: string; evidence: Indicator }[] {
  const met: { criterion: string; evidence: Indicator }[] = [];
  const temps = valued(inds, 'temperature');
  const temp =
    extreme(
      temps.filter((i) => num(i) > 38),
      'max',
    ) ??
    extreme(
      temps.filter((i) => num(i) < 36),
      'min',
    ) ??
    inds.find((i) => i.name === 'temperature' && i.value === null && (i.flag === 'high' || i.flag === 'low'));
  if (temp) met.push({ criterion: 'temperature > 38 °C or < 36 °C', evidence: temp });
  const hr =
    extreme(
      valued(inds, 'heart-rate').filter((i) => num(i) > 90),
      'max',
    ) ?? inds.find((i) => i.name === 'heart-rate' && i.value === null && i.flag === 'high');
  if (hr) met.push({ criterion: 'heart rate > 90/min', evidence: hr });
  const rr =
    extreme(
      valued(inds, 'respiratory-rate').filter((i) => num(i) > 20),
      'max',
    ) ??
    extreme(
      valued(inds, 'paco2').filter((i) => num(i) < 32),
      'min',
    ) ??
    inds.find((i) => i.name === 'respiratory-rate' && i.value === null && i.flag === 'high');
  if (rr) met.push({ criterion: 'respiratory rate > 20/min or PaCO2 < 32 mmHg', evidence: rr });
  const wbc =
    extreme(
      valued(inds, 'wbc').filter((i) => num(i) > 12),
      'max',
    ) ??
    extreme(
      valued(inds, 'wbc').filter((i) => num(i) < 4),
      'min',
    ) ??
    extreme(
      valued(inds, 'bands').filter((i) => num(i) > 10),
      'max',
    );
  if (wbc) met.push({ criterion: 'WBC > 12,000/µL or < 4,000/µL or bands > 10 %', evidence: wbc });
  return met;
}

/** Acute organ dysfunction indicators used for sepsis (Sepsis-3 SOFA elements, lactate, hypotension). */
function organDysfunction(inds: readonly Indicator[]): { criterion: string; evidence: Indicator }[] {
  const out: { criterion: string; evidence: Indicator }[] = [];
  const lac = extreme(
    valued(inds, 'lactate').filter((i) => num(i) > 2),
    'max',
  );
  if (lac) out.push({ criterion: 'lactate > 2 mmol/L', evidence: lac });
  const sbp =
    extreme(
      valued(inds, 'systolic-bp').filter((i) => num(i) < 90),
      'min',
    ) ??
    extreme(
      valued(inds, 'map').filter((i) => num(i) < 65),
      'min',
    ) ??
    inds.find((i) => i.name === 'systolic-bp' && i.flag === 'low' && i.value === null);
  if (sbp) out.push({ criterion: 'hypotension (SBP < 90 or MAP < 65 mmHg)', evidence: sbp });
  const press = inds.find((i) => i.name === 'vasopressors');
  if (press) out.push({ criterion: 'vasopressors', evidence: press });
  const plt = extreme(
    valued(inds, 'platelets').filter((i) => num(i) < 100),
    'min',
  );
  if (plt) out.push({ criterion: 'platelets < 100,000/µL', evidence: plt });
  const cr = extreme(
    valued(inds, 'creatinine').filter((i) => num(i) > 2),
    'max',
  );
  if (cr) out.push({ criterion: 'creatinine > 2.0 mg/dL', evidence: cr });
  const ms =
    inds.find((i) => i.name === 'mental-status') ??
    extreme(
      valued(inds, 'gcs').filter((i) => num(i) < 15),
      'min',
    );
  if (ms) out.push({ criterion: 'altered mentation', evidence: ms });
  const pf = extreme(
    valued(inds, 'pf-ratio').filter((i) => num(i) < 300),
    'min',
  );
  if (pf) out.push({ criterion: 'PaO2/FiO2 < 300', evidence: pf });
  return out;
}

function infectionEvidence(inds: readonly Indicator[]): Indicator[] {
  return byName(inds, 'infection', 'culture-organism', 'iv-antibiotics');
}

function opp(
  o: Omit<Opportunity, 'templateId' | 'indicators'> & { templateId?: string; indicators: (Indicator | undefined)[] },
): Opportunity {
  return { ...o, templateId: o.templateId ?? o.topic, indicators: uniq(o.indicators) };
}

/** Creatinine trend against baseline (KDIGO). */
export function kdigo(inds: readonly Indicator[]): {
  met: boolean;
  baseline?: Indicator;
  peak?: Indicator;
  rise: number;
  ratio: number;
} {
  const current = valued(inds, 'creatinine');
  const baselines = valued(inds, 'creatinine-baseline');
  if (current.length === 0) return { met: false, rise: 0, ratio: 1 };
  let baseline = extreme(baselines, 'min');
  let peak = extreme(current, 'max')!;
  if (!baseline) {
    // No written baseline: the lowest value before the peak (chart order) is the reference.
    const ordered = [...current].sort((a, b) => (a.start < 0 ? 1e12 : a.start) - (b.start < 0 ? 1e12 : b.start));
    let low: Indicator | undefined;
    let best = { rise: 0, low: undefined as Indicator | undefined, high: undefined as Indicator | undefined };
    for (const c of ordered) {
      if (low && num(c) - num(low) > best.rise) best = { rise: num(c) - num(low), low, high: c };
      if (!low || num(c) < num(low)) low = c;
    }
    if (!best.low || !best.high) return { met: false, rise: 0, ratio: 1 };
    baseline = best.low;
    peak = best.high;
  }
  const rise = Math.round((num(peak) - num(baseline)) * 100) / 100;
  const ratio = num(baseline) > 0 ? num(peak) / num(baseline) : 1;
  return { met: rise >= 0.3 - 1e-9 || ratio >= 1.5, baseline, peak, rise, ratio };
}

/** Largest hemoglobin drop in chart order (earlier high → later low). */
export function hemoglobinDrop(inds: readonly Indicator[]): { drop: number; from?: Indicator; to?: Indicator } {
  const hgb = valued(inds, 'hemoglobin').sort(
    (a, b) =>
      (a.start < 0 ? 1e12 + (a.row?.index ?? 0) : a.start) - (b.start < 0 ? 1e12 + (b.row?.index ?? 0) : b.start),
  );
  let high: Indicator | undefined;
  let best: { drop: number; from?: Indicator; to?: Indicator } = { drop: 0 };
  for (const h of hgb) {
    if (high && num(high) - num(h) > best.drop)
      best = { drop: Math.round((num(high) - num(h)) * 100) / 100, from: high, to: h };
    if (!high || num(h) > num(high)) high = h;
  }
  return best;
}

const PRESSURE_CUE = /\b(?:RN|nurs(?:e|ing)|wound care|WOC(?:N)?|wound nurse|skin assessment|braden)\b/i;

function ageOf(text: string): number | undefined {
  const m = /\b(\d{1,3})[- ]?(?:yo|y\/o|y\.o\.|year[- ]old|yr[- ]old|years old)\b/i.exec(text);
  return m ? Number(m[1]) : undefined;
}

/**
 * Query opportunities from indicators and documentation (criteria in query-guidelines.md §3; the
 * report of issue 6 lists them per topic). An opportunity fires only when its indicators are present
 * and the specific diagnosis is not already documented for this encounter.
 */
export function findOpportunities(input: RuleInput): Opportunity[] {
  const { indicators: inds, mentions, text } = input;
  const out: Opportunity[] = [];
  const doc = (c: DxConcept, o?: Parameters<typeof documentedMentions>[2]): DiagnosisMention[] =>
    documentedMentions(mentions, c, o);

  // ---- sepsis: infection + SIRS >= 2 (Sepsis-2) or qSOFA >= 2 (Sepsis-3 screen); sepsis not documented.
  const infection = infectionEvidence(inds);
  const sirsMet = sirs(inds);
  const organ = organDysfunction(inds);
  const qsofa = [
    extreme(
      valued(inds, 'respiratory-rate').filter((i) => num(i) >= 22),
      'max',
    ),
    inds.find((i) => i.name === 'mental-status') ??
      extreme(
        valued(inds, 'gcs').filter((i) => num(i) < 15),
        'min',
      ),
    extreme(
      valued(inds, 'systolic-bp').filter((i) => num(i) <= 100),
      'min',
    ),
  ].filter((i): i is Indicator => i !== undefined);
  const sepsisDoc = doc('sepsis');
  if (infection.length > 0 && (sirsMet.length >= 2 || qsofa.length >= 2) && sepsisDoc.length === 0) {
    const uro = doc('urosepsis');
    const criteria = [`suspected or confirmed infection`];
    if (sirsMet.length >= 2) criteria.push(`SIRS ${sirsMet.length}/4: ${sirsMet.map((s) => s.criterion).join('; ')}`);
    if (qsofa.length >= 2) criteria.push(`qSOFA ${qsofa.length}/3`);
    for (const o of organ) criteria.push(`organ dysfunction: ${o.criterion}`);
    if (uro.length) criteria.push('"urosepsis" is documented; it has no ICD-10-CM code and needs clarification');
    out.push(
      opp({
        id: 'sepsis',
        topic: 'sepsis',
        title: uro.length
          ? 'Sepsis: "urosepsis" documented, SIRS criteria met'
          : 'Sepsis: infection with SIRS criteria, no sepsis diagnosis',
        reason: uro.length ? 'imprecise-diagnosis' : 'indicators-without-diagnosis',
        criteria,
        indicators: [
          ...infection.slice(0, 3),
          ...sirsMet.map((s) => s.evidence),
          ...qsofa,
          ...organ.map((o) => o.evidence),
          ...byName(inds, 'fluid-bolus').slice(0, 1),
        ],
        mentions: uro,
        facts: {
          organDysfunction: organ.length > 0,
          shock:
            organ.some((o) => /hypotension|vasopressors/.test(o.criterion)) &&
            inds.some((i) => i.name === 'vasopressors'),
          urosepsis: uro.length > 0,
        },
      }),
    );
  }

  // ---- aki: KDIGO creatinine rise >= 0.3 mg/dL or >= 1.5 x baseline; AKI/ATN not documented.
  const k = kdigo(inds);
  if (k.met && doc('aki').length === 0 && k.baseline && k.peak) {
    const ckd = doc('ckd', { allowHistorical: true }).length > 0;
    out.push(
      opp({
        id: 'aki',
        topic: 'aki',
        title: `Acute kidney injury: creatinine ${fmt(k.baseline)} → ${fmt(k.peak)}, no kidney diagnosis`,
        reason: 'indicators-without-diagnosis',
        criteria: [
          `KDIGO: creatinine rise ${k.rise} mg/dL (≥ 0.3) or ${Math.round(k.ratio * 100) / 100}× baseline (≥ 1.5)`,
        ],
        indicators: [
          k.baseline,
          ...valued(inds, 'creatinine').filter((c) => num(c) > num(k.baseline!)),
          extreme(
            valued(inds, 'bun').filter((i) => num(i) > 20),
            'max',
          ),
          ...byName(inds, 'fluid-bolus').slice(0, 1),
        ],
        mentions: [],
        facts: { ckd, notCkd: !ckd },
      }),
    );
  }

  // ---- malnutrition: ASPEN/AND >= 2 characteristics, or GLIM phenotypic + etiologic.
  {
    const intake = inds.find((i) => i.name === 'poor-intake');
    const wl = inds.find((i) => i.name === 'weight-loss' && i.flag === 'high');
    const muscle = inds.find((i) => i.name === 'muscle-wasting');
    const fat = inds.find((i) => i.name === 'fat-loss');
    const age = ageOf(text);
    const lowBmi = extreme(
      valued(inds, 'bmi').filter((i) => num(i) < ((age ?? 0) >= 70 ? 22 : 20)),
      'min',
    );
    const aspen = [intake, wl, muscle, fat].filter(Boolean).length;
    const phenotypic = [wl, lowBmi, muscle].filter(Boolean).length;
    // GLIM etiologic criterion: reduced intake (inflammation alone is too broad to infer from text).
    const etiologic = [intake].filter(Boolean).length;
    const met = aspen >= 2 || (phenotypic >= 1 && etiologic >= 1);
    const documented = doc('malnutrition', { providerOnly: true, allowHistorical: false });
    const support = byName(inds, 'dietitian-consult', 'nutrition-support').slice(0, 2);
    const criteria: string[] = [];
    if (aspen >= 2) criteria.push(`ASPEN/AND: ${aspen} characteristics (intake, weight loss, muscle loss, fat loss)`);
    if (phenotypic >= 1 && etiologic >= 1) criteria.push('GLIM: phenotypic and etiologic criteria');
    if (met && documented.length === 0) {
      out.push(
        opp({
          id: 'malnutrition',
          topic: 'malnutrition',
          title: 'Malnutrition: nutrition findings without a provider diagnosis',
          reason: 'indicators-without-diagnosis',
          criteria,
          indicators: [intake, wl, muscle, fat, lowBmi, ...support],
          mentions: [],
          facts: {},
        }),
      );
    } else if (documented.length > 0 && !documented.some((m) => m.details.severity) && (met || support.length > 0)) {
      out.push(
        opp({
          id: 'malnutrition',
          topic: 'malnutrition',
          title: 'Malnutrition documented without severity',
          reason: 'imprecise-diagnosis',
          criteria: [...criteria, 'malnutrition documented without severity (mild / moderate / severe)'],
          indicators: [intake, wl, muscle, fat, lowBmi, ...support],
          mentions: documented,
          facts: {},
        }),
      );
    }
  }

  // ---- heart failure: type and acuity.
  {
    const natri = [
      ...valued(inds, 'bnp').filter((i) => num(i) > 100),
      ...valued(inds, 'nt-probnp').filter((i) => num(i) > 300),
    ];
    const ef = valued(inds, 'ejection-fraction');
    const efLow = ef.filter((i) => num(i) <= 40);
    const diuretic = byName(inds, 'iv-diuretics');
    const congestion = byName(inds, 'congestion');
    const hf = doc('heart-failure', { allowHistorical: true });
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
      const acuteSigns = diuretic.length > 0 && (natri.length > 0 || congestion.length > 0);
      if (type && chronicOnly && acuteSigns) {
        out.push(
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
        );
      } else if ((!type || !acuity) && evidence.some(Boolean)) {
        out.push(
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
        );
      }
    } else if ((natri.length > 0 || efLow.length > 0) && (diuretic.length > 0 || congestion.length > 0)) {
      out.push(
        opp({
          id: 'heart-failure',
          topic: 'heart-failure',
          title: 'Heart failure: elevated natriuretic peptide / reduced EF treated, no diagnosis',
          reason: 'indicators-without-diagnosis',
          criteria: ['BNP > 100 pg/mL, NT-proBNP > 300 pg/mL or EF ≤ 40 %', 'with IV diuretics or signs of congestion'],
          indicators: evidence,
          mentions: [],
          facts: { ...facts, needType: true, needAcuity: true, newDiagnosis: true },
        }),
      );
    }
  }

  // ---- encephalopathy: altered mental status + a metabolic/toxic/septic driver; not documented.
  {
    const ms = [
      ...byName(inds, 'mental-status').filter(
        (i) =>
          !/\b(?:at baseline|baseline|chronic(?:ally)?|dementia|sedated|sedation|asleep)\b/i.test(
            text.slice(Math.max(0, i.start - 40), i.end + 40),
          ),
      ),
      ...valued(inds, 'gcs').filter((i) => num(i) < 15),
    ];
    const drivers = [
      extreme(
        valued(inds, 'sodium').filter((i) => num(i) < 130 || num(i) > 150),
        num(extreme(valued(inds, 'sodium'), 'min') ?? ({ value: 140 } as Indicator)) < 130 ? 'min' : 'max',
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
      sirsMet.length >= 2 && infection.length > 0 ? infection[0] : undefined,
      extreme(
        valued(inds, 'temperature').filter((i) => num(i) > 39),
        'max',
      ),
    ].filter((i): i is Indicator => i !== undefined);
    if (ms.length > 0 && drivers.length > 0 && doc('encephalopathy').length === 0) {
      out.push(
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
            septic: sirsMet.length >= 2 && infection.length > 0,
            hepatic: drivers.some((d) => d.name === 'ammonia'),
            metabolic: drivers.some((d) =>
              ['sodium', 'glucose', 'bun', 'ammonia', 'spo2', 'pao2', 'paco2'].includes(d.name),
            ),
          },
        }),
      );
    }
  }

  // ---- acute respiratory failure: hypoxemia/hypercapnia + distress or escalated support; not documented as acute.
  {
    const spo2 = valued(inds, 'spo2').filter((i) => num(i) < 91);
    const gas = [
      extreme(spo2, 'min'),
      extreme(
        valued(inds, 'pao2').filter((i) => num(i) < 60),
        'min',
      ),
      extreme(
        valued(inds, 'pf-ratio').filter((i) => num(i) < 300),
        'min',
      ),
      ...(valued(inds, 'paco2').some((i) => num(i) > 50) && valued(inds, 'ph').some((i) => num(i) < 7.35)
        ? [extreme(valued(inds, 'paco2'), 'max'), extreme(valued(inds, 'ph'), 'min')]
        : []),
    ].filter((i): i is Indicator => i !== undefined);
    const distress = [
      extreme(
        valued(inds, 'respiratory-rate').filter((i) => num(i) > 28),
        'max',
      ),
      ...byName(inds, 'work-of-breathing').slice(0, 2),
    ].filter((i): i is Indicator => i !== undefined);
    const support = byName(inds, 'high-flow-oxygen', 'non-invasive-ventilation', 'intubation').slice(0, 2);
    const rf = doc('respiratory-failure', { allowHistorical: true });
    const acuteDoc = rf.some(
      (m) =>
        m.details.acuity === 'acute' ||
        m.details.acuity === 'acute on chronic' ||
        (!m.details.acuity && !m.context.historical),
    );
    const hypercapnic = gas.some((g) => g.name === 'paco2');
    const hypoxic = gas.some((g) => g.name !== 'paco2' && g.name !== 'ph');
    if (gas.length > 0 && (distress.length > 0 || support.length > 0) && !acuteDoc) {
      const chronicOnly = rf.length > 0;
      const homeO2 = inds.some((i) => i.name === 'supplemental-oxygen' && /home/i.test(i.text + (i.detail ?? '')));
      out.push(
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
          indicators: [...gas, ...distress, ...support, ...byName(inds, 'supplemental-oxygen').slice(0, 1)],
          mentions: rf,
          facts: { hypoxic, hypercapnic, both: hypoxic && hypercapnic, chronic: chronicOnly || homeO2 },
        }),
      );
    }
  }

  // ---- acute blood loss anemia: Hgb drop >= 2 g/dL with bleeding or transfusion; ABLA not documented.
  {
    const drop = hemoglobinDrop(inds);
    const bleed = byName(inds, 'blood-loss').slice(0, 2);
    const transfusion = byName(inds, 'transfusion').slice(0, 1);
    if (
      drop.drop >= 2 &&
      drop.from &&
      drop.to &&
      (bleed.length > 0 || transfusion.length > 0) &&
      doc('abla').length === 0
    ) {
      const anemiaDoc = doc('anemia');
      out.push(
        opp({
          id: 'acute-blood-loss-anemia',
          topic: 'acute-blood-loss-anemia',
          title: `Anemia: hemoglobin ${fmt(drop.from)} → ${fmt(drop.to)} with blood loss, type not documented`,
          reason: anemiaDoc.length ? 'imprecise-diagnosis' : 'indicators-without-diagnosis',
          criteria: [
            `hemoglobin drop ${drop.drop} g/dL (≥ 2)`,
            bleed.length ? 'source of blood loss documented' : 'transfusion given',
          ],
          indicators: [drop.from, drop.to, ...bleed, ...transfusion],
          mentions: anemiaDoc,
          facts: { surgical: bleed.some((b) => /EBL|estimated blood loss/i.test(b.text)) },
        }),
      );
    }
  }

  // ---- pressure injury: nursing/wound documentation of a pressure injury; the provider has not
  // documented it (I.B.14: stage may come from nursing, the diagnosis must come from a provider).
  {
    const nursing = byName(inds, 'pressure-injury').filter((i) => {
      const lineStart = text.lastIndexOf('\n', i.start - 1) + 1;
      const sec = input.sections.find((s) => i.start >= s.start && i.start < s.end);
      return sec?.author === 'nursing' || PRESSURE_CUE.test(text.slice(lineStart, i.end + 80));
    });
    const provider = doc('pressure-injury', { providerOnly: true, allowHistorical: false });
    const support = [
      ...valued(inds, 'braden-score')
        .filter((i) => num(i) <= 18)
        .slice(0, 1),
      ...byName(inds, 'wound-care').slice(0, 2),
    ];
    if (nursing.length > 0 && provider.length === 0) {
      const detail = nursing.find((n) => n.detail)?.detail ?? '';
      out.push(
        opp({
          id: 'pressure-injury',
          topic: 'pressure-injury',
          title: `Pressure injury in nursing documentation${detail ? ` (${detail})` : ''}, not in provider notes`,
          reason: 'indicators-without-diagnosis',
          criteria: [
            'nursing/wound-care documentation of a pressure injury with stage and site',
            'no provider documentation of the injury',
          ],
          indicators: [...nursing, ...support],
          mentions: [],
          facts: {},
        }),
      );
    } else if (provider.length > 0 && (nursing.length > 0 || provider.some((m) => m.details.severity))) {
      const poaKnown =
        /present on admission|\bPOA\b|(?:on|at|upon) admission|admission skin|hospital[- ]acquired|developed (?:during|while|after)|new since admission|\bHAPI\b|prior to admission|from (?:home|the nursing (?:home|facility)|SNF)/i.test(
          provider.map((m) => text.slice(Math.max(0, m.start - 120), Math.min(text.length, m.end + 120))).join(' ') +
            nursing.map((n) => text.slice(Math.max(0, n.start - 120), n.end + 120)).join(' '),
        );
      if (!poaKnown) {
        out.push(
          opp({
            id: 'pressure-injury',
            topic: 'pressure-injury',
            title: 'Pressure injury documented; present-on-admission status not stated',
            reason: 'poa-unclear',
            criteria: [
              'provider-documented pressure injury',
              'no statement whether it was present at the time of admission',
            ],
            indicators: [
              ...nursing,
              ...support,
              ...byName(inds, 'pressure-injury').filter((i) => !nursing.includes(i)),
            ],
            mentions: provider,
            facts: {},
            templateId: 'pressure-injury-poa',
          }),
        );
      }
    }
  }

  // ---- obesity / BMI: BMI >= 30 recorded; no provider weight diagnosis (BMI Z68 needs one).
  {
    const bmi = extreme(
      valued(inds, 'bmi').filter((i) => num(i) >= 30),
      'max',
    );
    if (bmi && doc('obesity', { providerOnly: true, allowHistorical: true }).length === 0) {
      out.push(
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
      );
    }
  }

  // ---- hyponatremia: Na < 135 treated or monitored (serial lows), or < 125; not documented.
  electrolyte(
    'hyponatremia',
    'sodium',
    135,
    125,
    ['fluid-restriction', 'hypertonic-saline'],
    'hyponatremia',
    'Hyponatremia',
    'serum sodium < 135 mmol/L',
  );
  // ---- hypokalemia: K < 3.5 replaced or monitored, or < 3.0; not documented.
  electrolyte(
    'hypokalemia',
    'potassium',
    3.5,
    3.0,
    ['potassium-replacement'],
    'hypokalemia',
    'Hypokalemia',
    'serum potassium < 3.5 mmol/L',
  );

  function electrolyte(
    topic: 'hyponatremia' | 'hypokalemia',
    analyte: IndicatorName,
    low: number,
    severe: number,
    treatments: IndicatorName[],
    concept: DxConcept,
    label: string,
    criterion: string,
  ): void {
    const lows = valued(inds, analyte).filter((i) => num(i) < low);
    if (lows.length === 0 || doc(concept).length > 0) return;
    const tx = byName(inds, ...treatments).slice(0, 2);
    const min = extreme(lows, 'min')!;
    if (tx.length === 0 && lows.length < 2 && num(min) >= severe) return;
    const criteria = [criterion];
    if (tx.length) criteria.push(`treated: ${tx.map((t) => t.text).join(', ')}`);
    if (lows.length >= 2) criteria.push(`monitored: ${lows.length} low values`);
    if (num(min) < severe) criteria.push(`lowest ${fmt(min)}`);
    out.push(
      opp({
        id: topic,
        topic,
        title: `${label}: ${analyte} ${fmt(min)}${tx.length ? ' treated' : ''}, no diagnosis`,
        reason: 'indicators-without-diagnosis',
        criteria,
        indicators: [
          ...lows.slice(0, 4),
          ...tx,
          ...(topic === 'hyponatremia' ? byName(inds, 'mental-status').slice(0, 1) : []),
        ],
        mentions: [],
        facts: {},
      }),
    );
  }

  // ---- type 2 MI: troponin above the 99th percentile with a supply/demand stressor; MI type not documented.
  {
    const trop = valued(inds, 'troponin').filter((i) => i.flag === 'high');
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
      sirsMet.length >= 2 && infection.length > 0 ? infection[0] : undefined,
    ].filter((i): i is Indicator => i !== undefined);
    if (trop.length > 0 && stressors.length > 0 && doc('mi-typed').length === 0) {
      const untyped = doc('mi-untyped');
      out.push(
        opp({
          id: 'type-2-mi',
          topic: 'type-2-mi',
          title: untyped.length
            ? 'Myocardial infarction documented without type; supply/demand stressor present'
            : 'Elevated troponin with a supply/demand stressor, no diagnosis',
          reason: untyped.length ? 'imprecise-diagnosis' : 'indicators-without-diagnosis',
          criteria: [
            'troponin above the 99th percentile upper reference limit',
            `stressor: ${stressors.map((s) => s.name).join(', ')}`,
          ],
          indicators: [...trop.slice(0, 4), ...stressors],
          mentions: untyped,
          facts: {},
        }),
      );
    }
  }

  // ---- pneumonia organism: pneumonia documented without organism; culture/antigen or aspiration evidence.
  {
    const pna = doc('pneumonia');
    if (pna.length > 0 && !pna.some((m) => m.details.organism)) {
      const org = byName(inds, 'culture-organism').slice(0, 2);
      const asp = byName(inds, 'aspiration').slice(0, 2);
      if (org.length > 0 || asp.length > 0) {
        out.push(
          opp({
            id: 'pneumonia-organism',
            topic: 'pneumonia-organism',
            title: 'Pneumonia documented without organism or type',
            reason: 'imprecise-diagnosis',
            criteria: [
              'pneumonia documented without organism',
              org.length ? 'organism identified in results' : 'aspiration risk or event documented',
            ],
            indicators: [...org, ...asp, ...byName(inds, 'iv-antibiotics').slice(0, 2)],
            mentions: pna,
            facts: { organism: org.length > 0, aspiration: asp.length > 0 },
          }),
        );
      }
    }
  }

  out.push(...clinicalValidation(input, sepsisDoc, k));
  return out;
}

/**
 * Clinical-validation opportunities: a diagnosis documented for this encounter whose measured
 * indicators are present and all normal (query-guidelines.md §1 "diagnosis without clinical support").
 * Only fires when the relevant measurements exist: absence of data is not evidence of normality.
 */
function clinicalValidation(
  input: RuleInput,
  sepsisDoc: DiagnosisMention[],
  k: ReturnType<typeof kdigo>,
): Opportunity[] {
  const { indicators: inds, mentions } = input;
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
  const sepsis = certain(sepsisDoc);
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
  const arf = certain(documentedMentions(mentions, 'respiratory-failure')).filter(
    (m) => m.details.acuity !== 'chronic',
  );
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
  const aki = certain(documentedMentions(mentions, 'aki'));
  const cr = valued(inds, 'creatinine');
  if (
    aki.length &&
    cr.length + valued(inds, 'creatinine-baseline').length >= 2 &&
    !k.met &&
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
  const hypoNa = certain(documentedMentions(mentions, 'hyponatremia'));
  const na = valued(inds, 'sodium');
  if (hypoNa.length && na.length && na.every((i) => num(i) >= 135)) {
    cv('hyponatremia', hypoNa, na.slice(0, 3), ['hyponatremia documented', 'every serum sodium value ≥ 135 mmol/L']);
  }
  // Acute blood loss anemia documented; every hemoglobin value normal and no drop.
  const abla = certain(documentedMentions(mentions, 'abla'));
  const hgb = valued(inds, 'hemoglobin');
  if (abla.length && hgb.length && hgb.every((i) => num(i) >= 12) && hemoglobinDrop(inds).drop < 2) {
    cv('acute blood loss anemia', abla, hgb.slice(0, 3), [
      'acute blood loss anemia documented',
      'hemoglobin within normal limits without a drop ≥ 2 g/dL',
    ]);
  }
  return out;
}
