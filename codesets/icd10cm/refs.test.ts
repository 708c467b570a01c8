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
    expect(noteReferences('codes in this chapter (i.e. E05.8, E07.0)')).toEqual([]);
  });
  it('validates against a year of codes (header or billable)', () => {
    const codes = new Set(['N181', 'N186', 'I504', 'K86']);
    expect(['N18.1', 'N18.6', 'I50.4', 'K86'].every((r) => isValidReference(r, codes))).toBe(true);
    expect(isValidReference('T84.040', codes)).toBe(false);
    expect(cellReference('C79.8-')).toBe('C79.8');
    expect(cellReference('D05.-')).toBe('D05');
    expect(cellReference('--')).toBe('');
  });
});
