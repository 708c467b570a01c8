import { describe, expect, it } from 'vitest';
import { onlyTypeForms } from './only-type-forms';

const index = (rows: [string, string, string][]) => ({
  indexEntries: () => rows.map(([path, title, code]) => ({ path, title, code })),
});

describe('onlyTypeForms', () => {
  it('reads a subterm printed with the one type the Index lists without its type', () => {
    const forms = onlyTypeForms(
      index([
        ['Leukemia, leukemic', 'Leukemia, leukemic', 'C95.9-'],
        ['Leukemia, leukemic, chronic lymphocytic, of B-cell type', 'chronic lymphocytic, of B-cell type', 'C91.1-'],
        ['Leukemia, leukemic, chronic monocytic', 'chronic monocytic', 'C93.1-'],
      ]),
    );
    expect(forms.get('Leukemia, leukemic, chronic lymphocytic, of B-cell type')).toBe('chronic lymphocytic');
  });
  it('adds nothing where two types are listed for the condition', () => {
    const forms = onlyTypeForms(
      index([
        ['Leukemia, leukemic', 'Leukemia, leukemic', 'C95.9-'],
        ['Leukemia, leukemic, prolymphocytic, of B-cell type', 'prolymphocytic, of B-cell type', 'C91.3-'],
        ['Leukemia, leukemic, prolymphocytic, of T-cell type', 'prolymphocytic, of T-cell type', 'C91.6-'],
      ]),
    );
    expect(forms.size).toBe(0);
  });
  it('adds nothing where the condition has a line of its own without the type', () => {
    const forms = onlyTypeForms(
      index([
        ['Lymphoma', 'Lymphoma', 'C85.9-'],
        ['Lymphoma, extranodal', 'extranodal', 'C85.8-'],
        ['Lymphoma, extranodal, nasal type', 'extranodal, nasal type', 'C86.0'],
      ]),
    );
    expect(forms.size).toBe(0);
  });
});
