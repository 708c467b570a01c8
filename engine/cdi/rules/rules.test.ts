import { describe, expect, it } from 'vitest';
import { analyzeCdi, CDI_TOPICS, formatQueryPlain, splitCharts } from '../index';
import type { Indicator } from '../types';
import { kdigo } from './criteria';
import { gfrCategory } from './ckd-stage';
import { RULES } from './index';

const creat = (value: number, date: string, start: number): Indicator => ({
  id: `creatinine@${start}`,
  name: 'creatinine',
  kind: 'lab',
  value,
  unit: 'mg/dL',
  text: `Cr ${value}`,
  start,
  end: start + 6,
  date,
});

describe('RULES', () => {
  it('has exactly one rule per topic, each naming its source', () => {
    expect(RULES.map((r) => r.topic).sort()).toEqual([...CDI_TOPICS].sort());
    for (const r of RULES) expect(r.source.length).toBeGreaterThan(10);
  });
});

describe('KDIGO time windows (KDIGO 2012 §2.1.1)', () => {
  it('a rise of 0.3 mg/dL counts within 48 hours only', () => {
    expect(kdigo([creat(1.0, '11/20/2026', 0), creat(1.3, '11/21/2026', 10)]).met).toBe(true);
    expect(kdigo([creat(1.0, '11/10/2026', 0), creat(1.3, '11/14/2026', 10)]).met).toBe(false);
  });
  it('1.5x baseline counts within 7 days, and gives the stage', () => {
    const k = kdigo([creat(1.0, '11/10/2026', 0), creat(2.1, '11/15/2026', 10)]);
    expect(k).toMatchObject({ met: true, stage: 2 });
    expect(k.criterion).toContain('within 7 days');
    expect(kdigo([creat(1.0, '11/01/2026', 0), creat(2.1, '11/15/2026', 10)]).met).toBe(false);
  });
});

describe('gfrCategory (KDIGO 2012 CKD GFR categories)', () => {
  it.each([
    [95, 'G1'],
    [60, 'G2'],
    [50, 'G3a'],
    [38, 'G3b'],
    [20, 'G4'],
    [9, 'G5'],
  ])('eGFR %d -> %s', (egfr, category) => expect(gfrCategory(egfr)).toBe(category));
});

describe('assertions from the shared language layer', () => {
  it('a ruled-out MI never appears as a documented diagnosis in a draft', () => {
    const text =
      'Vitals: HR 142 (atrial fibrillation with RVR).\nLabs: troponin 0.18 ng/mL.\nAssessment: Atrial fibrillation with RVR. MI ruled out.';
    const mi = analyzeCdi({ text }).opportunities.find((o) => o.opportunity.topic === 'type-2-mi')!;
    expect(mi.opportunity.reason).toBe('indicators-without-diagnosis');
    expect(mi.draft.indicators.filter((i) => i.line.startsWith('Documented'))).toEqual([]);
  });
  it('no indicator comes from a denied list, however long', () => {
    const text =
      'Denies fever, night sweats, wheeze, chest tightness, syncope, leg swelling, COPD, reactive airway disease, lung infection, TB exposure, oxygen at home or snoring.\nVitals: SpO2 99% on room air.';
    const r = analyzeCdi({ text });
    expect(r.indicators.filter((i) => i.name === 'supplemental-oxygen' || i.name === 'infection')).toEqual([]);
    expect(r.opportunities).toEqual([]);
  });
});

describe('several charts in one text', () => {
  const two =
    'Patient: Alpha Fictional\nAdmission Date: 11/02/2026\nLabs: creatinine 1.1 mg/dL.\nAssessment: Cellulitis.\n' +
    'Patient: Beta Fictional\nAdmission Date: 11/20/2026\nLabs: creatinine 7.2 mg/dL.\nAssessment: Fall.\n';

  it('splits at the repeated banner and never builds a trend across patients', () => {
    expect(splitCharts(two)).toHaveLength(2);
    const r = analyzeCdi({ text: two });
    expect(r.charts).toHaveLength(2);
    expect(r.opportunities.map((o) => o.opportunity.topic)).not.toContain('aki');
    // The same two values in one chart do meet KDIGO: the split is what keeps them apart.
    const one =
      'Patient: Alpha Fictional\nLabs: creatinine 1.1 mg/dL, then creatinine 7.2 mg/dL.\nAssessment: Cellulitis.';
    expect(analyzeCdi({ text: one }).opportunities.map((o) => o.opportunity.topic)).toContain('aki');
  });

  it('keeps offsets of the whole text and tags each opportunity with its chart', () => {
    const text = `${two}Patient: Gamma Fictional\nLabs: Na 124, Na 122. Fluid restriction 1 L.\nAssessment: Weakness.\n`;
    const r = analyzeCdi({ text });
    const na = r.opportunities.find((o) => o.opportunity.topic === 'hyponatremia')!;
    expect(na.chart).toBe(2);
    expect(na.opportunity.id).toBe('chart-3:hyponatremia');
    for (const i of na.opportunity.indicators) expect(text.slice(i.start, i.end)).toBe(i.text);
  });

  it('one chart stays one part', () => {
    expect(splitCharts('HPI: cough.\nChief complaint: cough.')).toHaveLength(1);
  });
});

describe('draft header, citations and audit', () => {
  const text =
    'Admission Date: 11/18/2026\nDischarge Date: 11/22/2026\nAttending: Dr. Fictional Example\n' +
    'Labs 11/20: Na 124 mmol/L, Na 122 mmol/L.\nPlan: fluid restriction 1.2 L.';
  const r = analyzeCdi({ text }, { header: { queryDate: '11/21/2026', requester: 'CDI reviewer (fictional)' } });
  const o = r.opportunities[0]!;

  it('prints the encounter dates, requester and addressee', () => {
    expect(o.draft.header).toMatchObject({
      admissionDate: '11/18/2026',
      dischargeDate: '11/22/2026',
      addressee: 'Dr. Fictional Example',
      queryDate: '11/21/2026',
    });
    const plain = formatQueryPlain(o.draft);
    expect(plain).toContain('Admitted: 11/18/2026');
    expect(plain).toContain('To: Dr. Fictional Example');
  });

  it('cites date and section, strongest first, never character offsets', () => {
    const plain = formatQueryPlain(o.draft);
    expect(plain).not.toMatch(/chart text at/);
    expect(o.draft.indicators[0]!.quote).toBe('Na 122 mmol/L');
    expect(o.draft.indicators[0]!.line).toMatch(/11\/20/);
  });

  it('audits the indicators and options offered and withheld', () => {
    expect(o.draft.audit!.indicatorsOffered.map((i) => i.quote)).toEqual(o.opportunity.indicators.map((i) => i.text));
    expect(o.draft.audit!.optionsOffered).toEqual(o.draft.options);
    expect(o.draft.audit!.ruleSource).toMatch(/III\.B/);
  });
});
