import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellReference, isValidReference, noteReferences } from './refs';

describe('code references in notes', () => {
  it('reads codes, ranges, dashes and lists inside parentheses', () => {
    expect(noteReferences('to identify stage of chronic kidney disease (N18.1-N18.6)')).toEqual(['N18.1', 'N18.6']);
    expect(noteReferences('combined heart failure (I50.4-)')).toEqual(['I50.4']);
    expect(noteReferences('pancreatitis (K85-K86.-)')).toEqual(['K85', 'K86']);
    expect(noteReferences('periprosthetic fracture (T84.040, T84.041)')).toEqual(['T84.040', 'T84.041']);
    expect(noteReferences('adverse effect NOS (T88.7 )')).toEqual(['T88.7']);
    expect(noteReferences('new category (QA0.-)')).toEqual(['QA0']);
  });
  it('ignores words and mixed text in parentheses', () => {
    expect(noteReferences('human immunodeficiency virus (HIV) disease')).toEqual([]);
    expect(noteReferences('deficiency of vitamin (B12 and folate)')).toEqual([]);
    expect(noteReferences('on neoplasms (see Table of Neoplasms) and vitamin B12')).toEqual([]);
  });
  it('reads lists after i.e./e.g. and dotted codes outside parentheses', () => {
    expect(noteReferences('Appropriate codes in this chapter (i.e. E05.8, E07.0, E16-E31, E34.-) may be used')).toEqual(
      ['E05.8', 'E07.0', 'E16', 'E31', 'E34'],
    );
    expect(noteReferences('classified in subcategories S06.1- to S06.6- , S06.81- and S06.82-')).toEqual([
      'S06.1',
      'S06.6',
      'S06.81',
      'S06.82',
    ]);
    expect(noteReferences('version 1.2 of E. coli (b12)')).toEqual([]);
  });
  it('validates against a year of codes (header or billable)', () => {
    const codes = new Set(['N181', 'N186', 'I504', 'K86']);
    expect(['N18.1', 'N18.6', 'I50.4', 'K86'].every((r) => isValidReference(r, codes))).toBe(true);
    expect(isValidReference('T84.040', codes)).toBe(false);
    expect(cellReference('C79.8-')).toBe('C79.8');
    expect(cellReference('D05.-')).toBe('D05');
    expect(cellReference('--')).toBe('');
  });
  it('never throws and returns only code-shaped references, for any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        for (const r of noteReferences(text)) expect(r).toMatch(/^[A-Z][0-9A-Z]{2}(\.[0-9A-Z]{1,4})?$/);
      }),
      { numRuns: 2000 },
    );
  });
});
