import { describe, expect, it } from 'vitest';
import { areWordForms, defaultQualifiedMains } from './index-main-forms';

/** A synthetic Index: main terms and their subterm lines, in document order. */
function index(mains: Record<string, string[]>): { indexEntries(): { path: string; title: string }[] } {
  const lines = Object.entries(mains).flatMap(([main, subs]) => [
    { path: main, title: main },
    ...subs.map((s) => ({ path: `${main}, ${s}`, title: s })),
  ]);
  return { indexEntries: () => lines };
}

describe('defaultQualifiedMains', () => {
  it('takes the main term with the most lines among those sharing a word as the bare word', () => {
    const cm = index({
      'Fracture, pathological': ['femur'],
      'Fracture, traumatic': ['femur', 'tibia', 'tibia, upper end'],
      'Fracture, burst': [],
    });
    expect(defaultQualifiedMains(cm)).toEqual(new Map([['fracture, traumatic', 'Fracture']]));
  });

  it('leaves a word alone when it is printed as a main term of its own, or has one main term', () => {
    const cm = index({ Effect: ['toxic'], 'Effect, adverse': ['drug', 'radiation', 'heat'], 'Gout, chronic': ['hip'] });
    expect(defaultQualifiedMains(cm).size).toBe(0);
  });
});

describe('areWordForms', () => {
  it('reads forms sharing a prefix and short irregular forms', () => {
    expect(areWordForms('Failure', ['failed'])).toBe(true);
    expect(areWordForms('Tear', ['torn'])).toBe(true);
    expect(areWordForms('Body', ['bodies'])).toBe(true);
  });

  it('does not read a qualifier or a phrase as a form', () => {
    expect(areWordForms('Fracture', ['traumatic'])).toBe(false);
    expect(areWordForms('Lag', ['lid'])).toBe(false);
    expect(areWordForms('Tear', ['torn badly'])).toBe(false);
    expect(areWordForms('Wound', ['open'])).toBe(false);
  });
});
