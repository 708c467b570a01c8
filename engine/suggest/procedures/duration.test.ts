/** Hour ranges read from the PCS Duration labels, and durations read from chart wording. */
import { describe, expect, it } from 'vitest';
import { hourRange, statedHours, tiedToVentilation } from './duration';

describe('hourRange', () => {
  it.each([
    ['Less than 24 Consecutive Hours', { min: 0, max: 24, minExclusive: false, maxExclusive: true }],
    ['24-96 Consecutive Hours', { min: 24, max: 96, minExclusive: false, maxExclusive: false }],
    ['Greater than 96 Consecutive Hours', { min: 96, max: Infinity, minExclusive: true, maxExclusive: false }],
  ])('%s', (label, range) => {
    expect(hourRange(label)).toEqual(range);
  });

  it('has no range for a label without consecutive hours (a daily schedule, a single act)', () => {
    expect(hourRange('Continuous, Greater than 18 hours Per Day')).toBeUndefined();
    expect(hourRange('Single')).toBeUndefined();
  });
});

describe('statedHours', () => {
  it('reads hours and days (a day is 24 hours), digits and number words, and ranges', () => {
    expect(statedHours('ventilated for 36 hours')).toEqual([{ low: 36, high: 36, words: '36 hours', at: 15 }]);
    expect(statedHours('on the ventilator for four days')).toEqual([{ low: 96, high: 96, words: 'four days', at: 22 }]);
    expect(statedHours('intubated for 2-3 days')).toEqual([{ low: 48, high: 72, words: '2-3 days', at: 14 }]);
  });

  it('reads nothing when no span is written', () => {
    expect(statedHours('placed on mechanical ventilation on day 2')).toEqual([]);
  });
});

describe('tiedToVentilation', () => {
  const tied = (text: string, span: string): boolean =>
    tiedToVentilation(text, text.indexOf(span), text.indexOf(span) + span.length);

  it('ties a span written beside the ventilation words, before or after them', () => {
    expect(tied('remained on the ventilator for 5 days', '5 days')).toBe(true);
    expect(tied('required 3 days of mechanical ventilation', '3 days')).toBe(true);
  });

  it('does not tie a span of another clause', () => {
    expect(tied('He was extubated, and antibiotics were continued for 7 days', '7 days')).toBe(false);
    expect(tied('He was intubated on arrival after vomiting for two days at home', 'two days')).toBe(false);
  });
});
