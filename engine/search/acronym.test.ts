import { describe, expect, it } from 'vitest';
import { acronymsOf } from './acronym';

const initials = (text: string, indexLine: boolean, alt = 0): string[] =>
  acronymsOf(text, indexLine, alt).map((a) => a.initials);

describe('acronymsOf', () => {
  it('reads an Index line subterms first, main term last, without its alternate forms', () => {
    const found = acronymsOf('Block, blocked, bundle-branch, right', true, 'Block, blocked'.length);
    expect(found).toContainEqual({ initials: 'rbbb', main: true });
    expect(found).toContainEqual({ initials: 'rbb', main: false });
  });

  it('reads nonessential modifiers both with and without, and never a "see" reference', () => {
    expect(initials('Vertigo, benign paroxysmal (positional)', true)).toEqual(expect.arrayContaining(['bppv', 'bpv']));
    expect(initials('Vertigo, positional, benign paroxysmal (see Vertigo, benign paroxysmal)', true)).not.toContain(
      'bpvbpv',
    );
  });

  it('reads a title by its head, one initial per hyphenated part, without residual words', () => {
    expect(initials('Wolff-Parkinson-White syndrome', false)).toEqual(expect.arrayContaining(['wpws', 'wpw']));
    expect(initials('Systemic inflammatory response syndrome (SIRS) of non-infectious origin', false)).toContain(
      'sirs',
    );
    expect(initials('Unspecified right bundle-branch block', false)).toContain('rbbb');
    expect(initials('Benign paroxysmal vertigo, unspecified ear', false)).toEqual(['bpv']);
  });

  it('keeps acronyms of 3 to 6 letters only', () => {
    expect(initials('Atrial fibrillation', false)).toEqual([]);
    for (const a of initials('Chronic obstructive pulmonary disease with (acute) lower respiratory infection', false))
      expect(a.length).toBeGreaterThanOrEqual(3);
  });
});
