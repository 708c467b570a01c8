import { describe, expect, it } from 'vitest';
import { eponymNounForms } from './eponym-forms';

/** Index lines in document order: [path, code, see, seeAlso]; the title is the last comma part unless given. */
function index(rows: [string, string, string, string, string?][]) {
  return {
    indexEntries: () =>
      rows.map(([path, code, see, seeAlso, title]) => ({
        path,
        title:
          title ??
          (path.includes(', ') && !/^Disease, diseased$/.test(path) ? path.slice(path.lastIndexOf(', ') + 2) : path),
        code,
        see,
        seeAlso,
      })),
  };
}

const GENERAL: [string, string, string, string, string?][] = [
  ['Disease, diseased', '', '', 'Syndrome', 'Disease, diseased'],
  ['Disorder', '', '', 'Disease'],
  ['Syndrome', '', '', 'Disease'],
  ['Complaint', '', '', 'Disease'],
  ['Reaction', '', '', 'Disorder'],
  ['Stenosis, stenotic', '', '', 'Stricture', 'Stenosis, stenotic'],
  ['Stricture', '', '', 'Stenosis'],
];

describe('eponymNounForms', () => {
  it('adds the nouns the Index ties by "see also" to an eponym filed under one of them', () => {
    const forms = eponymNounForms(index([...GENERAL, ["Kawasaki's syndrome", 'M30.3', '', '']]));
    expect(forms.get("kawasaki's syndrome")).toEqual(['Kawasaki disease', 'Kawasaki disorder']);
  });
  it('keeps only the nouns a reader is sent to (not "Complaint") and not another pair ("Stricture")', () => {
    const forms = eponymNounForms(index([...GENERAL, ["Kawasaki's syndrome", 'M30.3', '', '']]));
    expect(forms.get("kawasaki's syndrome")).not.toContain('Kawasaki complaint');
    expect(forms.get("kawasaki's syndrome")).not.toContain('Kawasaki stricture');
  });
  it('adds only the nouns missing from a line that lists two', () => {
    const forms = eponymNounForms(index([...GENERAL, ["Asperger's disease or syndrome", 'F84.5', '', '']]));
    expect(forms.get("asperger's disease or syndrome")).toEqual(['Asperger disorder']);
  });
  it('adds nothing when the Index files the eponym under another noun elsewhere', () => {
    const forms = eponymNounForms(
      index([...GENERAL, ["Paget's disease", 'M88.9', '', ''], ["Syndrome, Paget's", 'I82.890', '', '']]),
    );
    expect(forms.has("paget's disease")).toBe(false);
  });
  it('keeps an eponym whose other line files it under the same noun', () => {
    const forms = eponymNounForms(
      index([
        ...GENERAL,
        ["Marfan's syndrome", '', "Syndrome, Marfan's", ''],
        ["Syndrome, Marfan's", 'Q87.40', '', ''],
      ]),
    );
    expect(forms.get("marfan's syndrome")).toEqual(['Marfan disease', 'Marfan disorder']);
  });
  it('reads a plural possessive as the name with its s', () => {
    const forms = eponymNounForms(index([...GENERAL, ["Graves' disease", '', 'Hyperthyroidism, with, goiter', '']]));
    expect(forms.get("graves' disease")).toEqual(['Graves disorder', 'Graves syndrome']);
  });
});
