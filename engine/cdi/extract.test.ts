import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractIndicators } from './extract';
import type { Indicator } from './types';

const find = (inds: Indicator[], name: string): Indicator[] => inds.filter((i) => i.name === name);

describe('extractIndicators: values, units, dates, locations', () => {
  it.each([
    ['Na 126 mmol/L', 'sodium', 126, 'low'],
    ['Serum sodium was 151', 'sodium', 151, 'high'],
    ['K+ 2.9', 'potassium', 2.9, 'low'],
    ['Creatinine 265 µmol/L', 'creatinine', 3, 'high'],
    ['Cr 1.1', 'creatinine', 1.1, 'normal'],
    ['BUN 48', 'bun', 48, 'high'],
    ['Lactic acid 4.1', 'lactate', 4.1, 'high'],
    ['WBC 15,200 /uL', 'wbc', 15.2, 'high'],
    ['WBC 2.1', 'wbc', 2.1, 'low'],
    ['Bands 14%', 'bands', 14, 'high'],
    ['Hgb 68 g/L', 'hemoglobin', 6.8, 'low'],
    ['Platelets 62', 'platelets', 62, 'low'],
    ['Albumin 2.1 g/dL', 'albumin', 2.1, 'low'],
    ['BNP 1250 pg/mL', 'bnp', 1250, 'high'],
    ['NT-proBNP 5400', 'nt-probnp', 5400, 'high'],
    ['Troponin I 0.12 ng/mL', 'troponin', 120, 'high'],
    ['hs-TnT 9 ng/L', 'troponin', 9, 'normal'],
    ['Glucose 22 mmol/L', 'glucose', 396.35, 'high'],
    ['pH 7.21', 'ph', 7.21, 'low'],
    ['PaO2 55 mmHg', 'pao2', 55, 'low'],
    ['PaCO2 8.0 kPa', 'paco2', 60, 'high'],
    ['FiO2 0.6', 'fio2', 60, 'high'],
    ['P/F ratio 180', 'pf-ratio', 180, 'low'],
    ['T 101.8 F', 'temperature', 38.78, 'high'],
    ['Temp 35.2 C', 'temperature', 35.2, 'low'],
    ['HR 118', 'heart-rate', 118, 'high'],
    ['RR 28', 'respiratory-rate', 28, 'high'],
    ['MAP 58', 'map', 58, 'low'],
    ['SpO2 86% on RA', 'spo2', 86, 'low'],
    ['BMI 42.3', 'bmi', 42.3, 'high'],
    ['Weight 176 lb', 'weight', 79.83, undefined],
    ['Braden score 12', 'braden-score', 12, 'low'],
    ['GCS 9', 'gcs', 9, 'low'],
    ['EF 25%', 'ejection-fraction', 25, 'low'],
  ] as const)('%s → %s %d (%s)', (text, name, value, flag) => {
    const ind = find(extractIndicators({ text }), name)[0];
    expect(ind, JSON.stringify(extractIndicators({ text }))).toBeDefined();
    expect(ind!.value).toBeCloseTo(value, 1);
    expect(ind!.flag).toBe(flag);
    expect(text.slice(ind!.start, ind!.end)).toBe(ind!.text);
  });

  it('reads blood pressure and computes MAP', () => {
    const inds = extractIndicators({ text: 'BP 88/46' });
    expect(find(inds, 'systolic-bp')[0]?.value).toBe(88);
    expect(find(inds, 'diastolic-bp')[0]?.value).toBe(46);
    expect(find(inds, 'map')[0]?.value).toBe(60);
  });

  it('reads an ABG triple as pH / PaCO2 / PaO2', () => {
    const inds = extractIndicators({ text: 'ABG 7.28/68/55' });
    expect([find(inds, 'ph')[0]?.value, find(inds, 'paco2')[0]?.value, find(inds, 'pao2')[0]?.value]).toEqual([
      7.28, 68, 55,
    ]);
  });

  it('reads a trend with dates and the baseline', () => {
    const text = 'Creatinine 1.0 (11/18) -> 1.6 (11/19) -> 2.3 mg/dL (11/20), baseline 0.9.';
    const inds = extractIndicators({ text });
    expect(find(inds, 'creatinine').map((i) => i.value)).toEqual([1, 1.6, 2.3]);
    expect(find(inds, 'creatinine').map((i) => i.date)).toEqual(['11/18', '11/19', '11/20']);
    expect(find(inds, 'creatinine-baseline')[0]?.value).toBe(0.9);
  });

  it('takes the date from a date heading line above', () => {
    const text = '11/21/2026 06:00\nNa 128, K 3.2';
    expect(find(extractIndicators({ text }), 'sodium')[0]?.date).toBe('11/21/2026 06:00');
  });

  it('reads values from a pipe table in the text and from snapshot rows', () => {
    const text = 'Test | Result | Units\nSodium | 128 | mmol/L';
    expect(find(extractIndicators({ text }), 'sodium')[0]?.value).toBe(128);
    const rows = extractIndicators({
      text: '',
      labs: [{ name: 'Creatinine', value: '180', unit: 'umol/L', time: '11/20 06:00' }],
    });
    expect(rows[0]).toMatchObject({
      name: 'creatinine',
      value: 2.04,
      row: { table: 'labs', index: 0 },
      start: -1,
      date: '11/20 06:00',
      asWritten: '180 umol/L',
    });
  });

  it('ignores urine sodium, HbA1c, sodium chloride and potassium chloride as analytes', () => {
    const inds = extractIndicators({
      text: 'Urine sodium 20. HbA1c 8.1. Hgb A1c 7.9. Sodium chloride 0.9% infusion. Potassium chloride 20 mEq.',
    });
    expect(find(inds, 'sodium')).toEqual([]);
    expect(find(inds, 'hemoglobin')).toEqual([]);
    expect(find(inds, 'potassium')).toEqual([]);
  });

  it('drops negated, hypothetical and family findings', () => {
    const inds = extractIndicators({
      text: 'No fever. Denies confusion. If hypotensive start norepinephrine. Mother had a stage 3 pressure injury. Goal MAP > 65.',
    });
    expect(find(inds, 'temperature')).toEqual([]);
    expect(find(inds, 'mental-status')).toEqual([]);
    expect(find(inds, 'vasopressors')).toEqual([]);
    expect(find(inds, 'systolic-bp')).toEqual([]);
    expect(find(inds, 'pressure-injury')).toEqual([]);
    expect(find(inds, 'map')).toEqual([]);
  });

  it('finds treatments and nursing findings with detail', () => {
    const inds = extractIndicators({
      text: 'Started IV vancomycin and cefepime. Norepinephrine drip. 30 mL/kg bolus. BiPAP overnight. Lasix 40 mg IV. Transfused 2 units PRBC. Fluid restriction 1.5 L. KCl 40 mEq. Wound care RN: stage 4 pressure injury of the sacrum.',
    });
    const names = new Set(inds.map((i) => i.name));
    for (const n of [
      'iv-antibiotics',
      'vasopressors',
      'fluid-bolus',
      'non-invasive-ventilation',
      'iv-diuretics',
      'transfusion',
      'fluid-restriction',
      'potassium-replacement',
      'wound-care',
      'pressure-injury',
    ])
      expect(names, n).toContain(n);
    expect(find(inds, 'pressure-injury')[0]?.detail).toBe('stage 4; sacrum');
  });

  it('computes weight loss percent from an amount and the current weight', () => {
    const wl = find(extractIndicators({ text: 'Weight 60 kg. Lost 12 lb over 2 months.' }), 'weight-loss')[0];
    expect(wl?.value).toBeCloseTo(8.3, 1);
  });
});

describe('extractIndicators: properties (fast-check)', () => {
  const clinicalish = fc.array(
    fc.oneof(
      fc.constantFrom(
        'Na ',
        'K ',
        'Cr ',
        'creatinine ',
        'Hgb ',
        'WBC ',
        'T ',
        'HR ',
        'BP ',
        'SpO2 ',
        'BMI ',
        'baseline ',
        'no ',
        'if ',
        '->',
        ' | ',
        '\n',
        '. ',
        '/',
        '%',
        'mg/dL',
        '°F',
        'stage 3 pressure injury',
        'ABG ',
        'lost ',
        'lb',
        'Assessment:',
        'PMH:',
      ),
      fc.double({ min: 0, max: 400, noNaN: true }).map((n) => n.toFixed(n % 3 > 1 ? 1 : 0)),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 60 },
  );
  it('never throws and every offset points at the indicator text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          clinicalish.map((parts) => parts.join('')),
        ),
        (text) => {
          const inds = extractIndicators({ text });
          for (const i of inds) {
            if (i.row) continue;
            expect(i.start).toBeGreaterThanOrEqual(0);
            expect(i.end).toBeLessThanOrEqual(text.length);
            expect(i.start).toBeLessThanOrEqual(i.end);
            expect(text.slice(i.start, i.end)).toBe(i.text);
            if (i.value !== null) expect(Number.isFinite(i.value)).toBe(true);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
  it('never throws on arbitrary table rows', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            name: fc.string({ maxLength: 20 }),
            value: fc.string({ maxLength: 10 }),
            unit: fc.option(fc.string({ maxLength: 8 }), { nil: undefined }),
          }),
          { maxLength: 10 },
        ),
        (labs) => {
          const inds = extractIndicators({ text: '', labs });
          for (const i of inds) expect(i.row?.index).toBeLessThan(labs.length);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('cdiInputFromSnapshot', () => {
  it('joins snapshot sections so headings and offsets stay usable', async () => {
    const { cdiInputFromSnapshot } = await import('./snapshot-input');
    const input = cdiInputFromSnapshot({
      sections: [
        { heading: 'Labs', text: 'Na 126' },
        { heading: 'Plan:', text: 'Fluid restriction.' },
      ],
    });
    expect(input.text).toBe('Labs:\nNa 126\n\nPlan:\nFluid restriction.');
    const na = extractIndicators(input).find((i) => i.name === 'sodium')!;
    expect(input.text.slice(na.start, na.end)).toBe('Na 126');
    expect(na.section).toBe('Labs');
  });
});

describe('text tables with dates as columns', () => {
  it('gives each value the date of its column', () => {
    const text = 'Test | 11/18 | 11/20\nSodium | 129 | 126\nCreatinine | 0.9 | 1.6';
    const inds = extractIndicators({ text });
    expect(inds.filter((i) => i.name === 'sodium').map((i) => [i.value, i.date])).toEqual([
      [129, '11/18'],
      [126, '11/20'],
    ]);
    expect(inds.filter((i) => i.name === 'creatinine').map((i) => i.date)).toEqual(['11/18', '11/20']);
  });
  it('does not count a row twice when the snapshot row points into the text', () => {
    const text = 'Sodium | 126 | mmol/L';
    const inds = extractIndicators({
      text,
      labs: [{ name: 'Sodium', value: '126', unit: 'mmol/L', time: '11/20 06:00', start: 0, end: text.length }],
    });
    expect(inds.filter((i) => i.name === 'sodium')).toHaveLength(1);
    expect(inds[0]).toMatchObject({ start: 0, date: '11/20 06:00' });
  });
});
