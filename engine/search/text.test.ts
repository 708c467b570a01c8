import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldCase, queryKeys, stem, tokenize } from './text';

describe('text normalisation', () => {
  it('stems inflected clinical words to one key', () => {
    expect(stem('fractures')).toBe(stem('fractured'));
    expect(stem('ischemia')).toBe(stem('ischemic'));
    expect(stem('infections')).toBe(stem('infected'));
    expect(stem('injuries')).toBe(stem('injury'));
    expect(stem('urinary')).toBe(stem('urine'));
  });

  it('stem is idempotent (property)', () => {
    fc.assert(fc.property(fc.stringMatching(/^[a-z]{1,14}$/), (w) => stem(stem(w)) === stem(w)));
  });

  it('tokenize never throws and yields lower-case keys (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        for (const t of tokenize(text)) expect(t.key).toMatch(/^(no:)?[a-z0-9]+$/);
      }),
    );
  });

  it('marks parenthesised words, Index alternate forms stay words, default states are nonessential', () => {
    const toks = tokenize('Failure, heart, systolic (congestive)');
    expect(toks.find((t) => t.key === stem('congestive'))?.paren).toBe(true);
    expect(toks.find((t) => t.key === stem('systolic'))?.paren).toBe(false);
    const myeloma = tokenize('Multiple myeloma not having achieved remission');
    expect(myeloma.find((t) => t.key === stem('remission'))?.paren).toBe(true);
  });

  it('keys words after "without" as absent, in titles and queries alike', () => {
    expect(tokenize('Nausea (without vomiting)').map((t) => t.key)).toContain(`no:${stem('vomiting')}`);
    expect(queryKeys('dm2 without complications')).toEqual(['dm2', `no:${stem('complications')}`]);
    expect(queryKeys('nausea and vomiting')).toEqual([stem('nausea'), stem('vomiting')]);
  });

  it('ends a negation at "of": the words after it name the site, which is not absent', () => {
    const toks = tokenize('Laceration without foreign body of left middle finger without damage to nail');
    const finger = toks.find((t) => t.key === stem('finger'));
    expect(finger?.paren).toBe(false);
    expect(toks.map((t) => t.key)).toEqual(
      expect.arrayContaining([`no:${stem('foreign')}`, stem('middle'), `no:${stem('damage')}`, `no:${stem('nail')}`]),
    );
    expect(queryKeys('laceration without foreign body of finger')).toEqual([
      stem('laceration'),
      `no:${stem('foreign')}`,
      `no:${stem('body')}`,
      stem('finger'),
    ]);
  });

  it('adds the joined form of a hyphenated word', () => {
    const keys = tokenize('Pre-eclampsia').map((t) => t.key);
    expect(keys).toContain(stem('preeclampsia'));
    expect(keys).toContain(stem('eclampsia'));
  });

  it('folds diacritics and apostrophes', () => {
    expect(foldCase('Sjögren')).toBe('sjogren');
    expect(queryKeys("Crohn's disease")).toEqual(
      queryKeys('crohns disease').map((k, i) => (i === 0 ? stem('crohn') : k)),
    );
  });
});
