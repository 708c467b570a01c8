import { describe, expect, it } from 'vitest';
import { excludes1Names, noteRefs, refCovers, symptomInsideOfPair } from './codes-in-note';

describe('noteRefs', () => {
  it('reads a range of codes as one range', () => {
    expect(noteRefs('(N18.1-N18.6)')).toEqual([{ from: 'N181', to: 'N186' }]);
    expect(noteRefs('malignant neoplasm of digestive organs (C15-C26)')).toEqual([{ from: 'C15', to: 'C26' }]);
  });
  it('reads a category with its trailing dash as that category', () => {
    expect(noteRefs('type 1 diabetes mellitus (E10.-)')).toEqual([{ from: 'E10', to: 'E10' }]);
    expect(noteRefs('(C30-C32, C37-C39) and (C50.-)')).toEqual([
      { from: 'C30', to: 'C32' },
      { from: 'C37', to: 'C39' },
      { from: 'C50', to: 'C50' },
    ]);
  });
  it('a range covers every code inside it, and none outside', () => {
    const [r] = noteRefs('(G20-G26)');
    expect(refCovers(r!, 'G252')).toBe(true);
    expect(refCovers(r!, 'G26')).toBe(true);
    expect(refCovers(r!, 'G30')).toBe(false);
  });
});

describe('excludes1Names', () => {
  const item = 'intestinal obstruction with hernia (K40-K46)';
  it('names a code of the range that carries the condition', () => {
    expect(excludes1Names(item, 'K40.30', 'Unilateral inguinal hernia, with obstruction, without gangrene')).toBe(true);
  });
  it('does not name a code of the range whose title denies the condition', () => {
    expect(excludes1Names(item, 'K44.9', 'Diaphragmatic hernia without obstruction or gangrene')).toBe(false);
  });
  it('does not name a code outside the range', () => {
    expect(excludes1Names(item, 'K56.0', 'Paralytic ileus')).toBe(false);
  });
  it('a "without" on a word the item does not name leaves the pair', () => {
    expect(
      excludes1Names('type 1 diabetes mellitus (E10.-)', 'E10.9', 'Type 1 diabetes mellitus without complications'),
    ).toBe(true);
  });
});

describe('symptomInsideOfPair', () => {
  const disorder = { code: 'G25.2', evidence: [{ start: 10, end: 24 }] };
  it('the symptom whose mention lies inside the longer mention yields', () => {
    expect(symptomInsideOfPair(disorder, { code: 'R25.1', evidence: [{ start: 18, end: 24 }] })).toBe('b');
    expect(symptomInsideOfPair({ code: 'R25.1', evidence: [{ start: 18, end: 24 }] }, disorder)).toBe('a');
  });
  it('decides nothing for mentions elsewhere, equal spans, or two non-symptom codes', () => {
    expect(symptomInsideOfPair(disorder, { code: 'R25.1', evidence: [{ start: 40, end: 46 }] })).toBeUndefined();
    expect(symptomInsideOfPair(disorder, { code: 'R25.1', evidence: [{ start: 10, end: 24 }] })).toBeUndefined();
    expect(symptomInsideOfPair(disorder, { code: 'G25.0', evidence: [{ start: 18, end: 24 }] })).toBeUndefined();
  });
});
