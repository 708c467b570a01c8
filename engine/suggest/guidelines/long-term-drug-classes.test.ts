// The Z79 classes read from Table of Drugs and Chemicals rows (synthetic rows shaped like the
// official table's: substance and adverse-effect code).
import { describe, expect, it } from 'vitest';
import { LONG_TERM_DRUGS } from './data/long-term-drugs';
import { longTermDrugClasses } from './long-term-drug-classes';

const row = (path: string, adverse: string, see = '') => ({
  path,
  see,
  cells: [
    { column: 'Poisoning Accidental (unintentional)', code: adverse.replace(/5$/, '1') },
    { column: 'Adverse effect', code: adverse },
  ],
});

const table = {
  drugRows: () => [
    row('Warfarin', 'T45.515'),
    row('Ticlopidine', 'T45.525'),
    row('Insulin', 'T38.3X5'),
    row('Isophane insulin', 'T38.3X5'),
    row('Tolbutamide', 'T38.3X5'),
    row('Glucagon', 'T38.3X5'),
    row('Hydromorphone', 'T40.2X5'),
    row('Methadone', 'T40.3X5'),
    row('Aspirin', 'T39.015'),
    row('Anticoagulant NEC', 'T45.515'),
    row('Cough mixture, containing opiates', 'T40.2X5'),
    row('Dicumarol', '', 'Dicoumarol'),
    row('Amoxicillin', 'T36.0X5'),
  ],
};

const drugsOf = (code: string, t: object = table): string[] =>
  longTermDrugClasses(t).find((c) => c.code === code)?.drugs ?? [];

describe('longTermDrugClasses', () => {
  it('puts a substance in the Z79 class its adverse-effect code names', () => {
    expect(drugsOf('Z79.01')).toContain('warfarin');
    expect(drugsOf('Z79.02')).toContain('ticlopidine');
    expect(drugsOf('Z79.891')).toEqual(expect.arrayContaining(['hydromorphone', 'methadone']));
    expect(drugsOf('Z79.82')).toContain('aspirin');
  });
  it('splits T38.3 into insulin (Z79.4) and oral hypoglycemics (Z79.84)', () => {
    expect(drugsOf('Z79.4')).toEqual(expect.arrayContaining(['insulin', 'isophane insulin']));
    expect(drugsOf('Z79.84')).toContain('tolbutamide');
    expect(drugsOf('Z79.84')).not.toContain('insulin');
  });
  it('leaves out what is not that therapy, class headings, mixtures, cross-references and other classes', () => {
    const all = longTermDrugClasses(table).flatMap((c) => c.drugs);
    for (const name of [
      'glucagon',
      'anticoagulant nec',
      'cough mixture, containing opiates',
      'dicumarol',
      'amoxicillin',
    ])
      expect(all).not.toContain(name);
  });
  it('adds the reviewed supplement, and gives it alone without a Drug Table', () => {
    expect(drugsOf('Z79.02')).toContain('clopidogrel');
    const bare = longTermDrugClasses({});
    expect(bare.map((c) => c.code).sort()).toEqual([...new Set(LONG_TERM_DRUGS.map((r) => r.code))].sort());
    expect(drugsOf('Z79.01', {})).not.toContain('warfarin');
  });
});
