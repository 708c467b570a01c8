import { describe, expect, it } from 'vitest';
import {
  addUsNoteCounts,
  emptyUsNoteCounts,
  maximumMatching,
  matchesAlternative,
  scoreUsNote,
  usNoteRatios,
  type UsNoteGold,
} from './us-notes-metric';

// Synthetic gold for a fictional patient: sepsis due to E. coli with a UTI and type 2 diabetes.
const gold: UsNoteGold = {
  id: 'DS_synthetic',
  setting: 'inpatient',
  principal: ['A41.51', 'A41.9'],
  secondary: [['N39.0'], ['E11.9', 'E11.65'], ['B96.20', 'B96.29']],
  procedures: [['0T9B70Z'], ['3E033*']],
  acceptable: ['Z79.84'],
  wrong: { 'I21.9': 'myocardial infarction ruled out', 'R50.9': 'fever integral to sepsis' },
  poa: { 'A41.51': 'Y', 'N39.0': 'Y', 'E11.65': 'Y' },
};

describe('matchesAlternative', () => {
  it('matches exactly, or by prefix when the alternative ends in *', () => {
    expect(matchesAlternative('3E0336Z', '3E033*')).toBe(true);
    expect(matchesAlternative('3E0436Z', '3E033*')).toBe(false);
    expect(matchesAlternative('A41.5', 'A41.51')).toBe(false);
  });
});

describe('maximumMatching', () => {
  it('finds the one-to-one assignment a greedy pass would miss', () => {
    // Greedy would give A to item 0 and leave item 1 (only A) unmatched.
    expect(maximumMatching(['A', 'B'], [['A', 'B'], ['A']])).toEqual([1, 0]);
  });
  it('matches a second code of the same item to nothing', () => {
    expect(maximumMatching(['E11.9', 'E11.65'], [['E11.9', 'E11.65']])).toEqual([0, -1]);
  });
});

describe('scoreUsNote', () => {
  it('counts correct, neutral, errors and harmful codes as the README defines them', () => {
    const d = scoreUsNote(gold, {
      principal: { code: 'A41.51', poa: 'Y' },
      secondary: [
        { code: 'N39.0', poa: 'N' },
        { code: 'E11.9' },
        { code: 'E11.65', poa: 'Y' }, // second code for a matched item: an error
        { code: 'Z79.84' }, // acceptable: neutral
        { code: 'I21.9' }, // in wrong: harmful
        { code: 'R05.9' }, // plain error
      ],
      procedures: [{ code: '3E0336Z' }, { code: '0T9B70Z' }, { code: 'BW03ZZZ' }],
    });
    expect(d.counts.dx).toEqual({ correct: 3, neutral: 1, errors: 3, harmful: 1, goldItems: 4, matchedItems: 3 });
    expect(d.dxHarmful).toEqual(['I21.9']);
    expect(d.dxMissed).toEqual([['B96.20', 'B96.29']]);
    expect(d.counts.px).toEqual({ correct: 2, neutral: 0, errors: 1, harmful: 0, goldItems: 2, matchedItems: 2 });
    expect(d.counts.principalHits).toBe(1);
    // A41.51 (Y = Y), N39.0 (N != Y), E11.9 matched the diabetes item whose E11.65 carries Y (undefined != Y).
    expect(d.counts.poaCompared).toBe(3);
    expect(d.counts.poaAgreed).toBe(1);
    const r = usNoteRatios(d.counts);
    expect(r.dxPrecision).toBeCloseTo(3 / 6);
    expect(r.dxRecall).toBeCloseTo(3 / 4);
    expect(r.pxPrecision).toBeCloseTo(2 / 3);
    expect(r.harmful).toBe(1);
  });

  it('gives principal@1 only to a principal among the gold principal alternatives', () => {
    const d = scoreUsNote(gold, { principal: { code: 'N39.0' }, secondary: [{ code: 'A41.51' }], procedures: [] });
    expect(d.counts.principalHits).toBe(0);
    expect(d.counts.dx.correct).toBe(2);
  });

  it('counts duplicated proposals once', () => {
    const d = scoreUsNote(gold, { principal: { code: 'A41.51' }, secondary: [{ code: 'A41.51' }], procedures: [] });
    expect(d.counts.dx.correct).toBe(1);
    expect(d.counts.dx.errors).toBe(0);
  });

  it('leaves ratios undefined when nothing was proposed or expected', () => {
    const none = scoreUsNote({ ...gold, procedures: [] }, { secondary: [], procedures: [] });
    const r = usNoteRatios(none.counts);
    expect(r.dxPrecision).toBeUndefined();
    expect(r.pxRecall).toBeUndefined();
    expect(r.dxRecall).toBe(0);
  });
});

describe('addUsNoteCounts', () => {
  it('sums notes so that ratios are micro-averaged', () => {
    const a = scoreUsNote(gold, { principal: { code: 'A41.51' }, secondary: [], procedures: [] }).counts;
    const b = scoreUsNote(gold, { principal: { code: 'R05.9' }, secondary: [], procedures: [] }).counts;
    const sum = addUsNoteCounts(addUsNoteCounts(emptyUsNoteCounts(), a), b);
    expect(sum.notes).toBe(2);
    expect(usNoteRatios(sum).dxPrecision).toBeCloseTo(1 / 2);
    expect(usNoteRatios(sum).principalAt1).toBeCloseTo(1 / 2);
  });
});
