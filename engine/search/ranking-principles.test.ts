/**
 * Ranking principles on a synthetic miniature of the classification (titles and Index lines as
 * printed in the FY2026 Tabular List and the Alphabetic Index): each test would fail if the
 * principle were dropped.
 */
import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from './build';
import { alternateFormLengths, cmEntries, type CmSource } from './corpus';
import { SearchIndex } from './search-index';
import type { CorpusCode, CorpusEntry } from './types';

const cm = (code: string, title: string, billable = true): CorpusCode => ({ system: 'cm', code, title, billable });
const codes: CorpusCode[] = [
  cm('I09', 'Other rheumatic heart diseases', false),
  cm('I0981', 'Rheumatic heart failure'),
  cm('I50', 'Heart failure', false),
  cm('I502', 'Systolic (congestive) heart failure', false),
  cm('I5023', 'Acute on chronic systolic (congestive) heart failure'),
  cm('I509', 'Heart failure, unspecified'),
  cm('P290', 'Neonatal cardiac failure'),
  cm('R29723', 'NIHSS score 23'),
  cm('Z3A23', '23 weeks gestation of pregnancy'),
  cm('A415', 'Sepsis due to other Gram-negative organisms', false),
  cm('A4150', 'Gram-negative sepsis, unspecified'),
  cm('A4151', 'Sepsis due to Escherichia coli [E. coli]'),
  cm('A4152', 'Sepsis due to Pseudomonas'),
  { system: 'pcs', code: '0DTJ0ZZ', title: 'Resection of Appendix, Open Approach', billable: true },
  cm('S52231A', 'Displaced oblique fracture of shaft of right ulna, initial encounter for closed fracture'),
  cm(
    'S52231J',
    'Displaced oblique fracture of shaft of right ulna, subsequent encounter for open fracture type IIIA, IIIB, or IIIC with delayed healing',
  ),
  cm('S52231S', 'Displaced oblique fracture of shaft of right ulna, sequela'),
  cm(
    'S52231H',
    'Displaced oblique fracture of shaft of right ulna, subsequent encounter for open fracture type I or II with delayed healing',
  ),
  cm('S12300A', 'Unspecified displaced fracture of fourth cervical vertebra, initial encounter for closed fracture'),
  cm('S12400A', 'Unspecified displaced fracture of fifth cervical vertebra, initial encounter for closed fracture'),
  cm('S61213A', 'Laceration without foreign body of left middle finger without damage to nail, initial encounter'),
  cm('S61213D', 'Laceration without foreign body of left middle finger without damage to nail, subsequent encounter'),
  cm('S61223A', 'Laceration with foreign body of left middle finger without damage to nail, initial encounter'),
  {
    system: 'hcpcs',
    code: 'G0022',
    title: 'Principal illness navigation services, 30 minutes per month',
    billable: true,
  },
  {
    system: 'hcpcs',
    code: 'G0023',
    title: 'Principal illness navigation services, 60 minutes per month',
    billable: true,
  },
  { system: 'hcpcs', code: 'S9999', title: 'Planned procedure navigation', billable: true },
  {
    system: 'hcpcs',
    code: 'G8863',
    title: 'Patients not assessed for risk of bone loss, reason not given',
    billable: true,
  },
  cm('Q730', 'Congenital complete absence of unspecified limb(s)'),
  cm('I4510', 'Unspecified right bundle-branch block'),
  cm('H02712', 'Chloasma of right lower eyelid and periocular area'),
  cm('H02713', 'Chloasma of right eye, unspecified eyelid and periocular area'),
  // "lower" commoner than "right", as in the classification.
  ...Array.from({ length: 16 }, (_, i) =>
    cm(`K92${String(10 + i)}`, `Lower limb finding ${String.fromCharCode(97 + i)}`),
  ),
  // A near spelling of "rbbb" (one letter dropped), in a title of its own.
  cm('T5121XA', 'Toxic effect of rubb, accidental, initial encounter'),
  cm('Z1621', 'Resistance to vancomycin'),
  cm('M4980', 'Vertebra'),
  // A common near spelling of "amelia" ("amyl", in a dozen titles).
  ...Array.from({ length: 12 }, (_, i) =>
    cm(`T5${String(10 + i)}X1A`, `Amyl (compound ${String.fromCharCode(97 + i)})`),
  ),
];
const entries: CorpusEntry[] = [
  {
    kind: 'index',
    system: 'cm',
    code: 'I509',
    text: 'Failure, failed, heart, congestive (compensated)',
    mainLength: 7,
    altLength: 15,
  },
  {
    kind: 'index',
    system: 'cm',
    code: 'I0981',
    text: 'Failure, failed, heart, congestive, rheumatic (chronic)',
    mainLength: 7,
    altLength: 15,
  },
  {
    kind: 'index',
    system: 'cm',
    code: 'P290',
    text: 'Failure, failed, heart, congestive, newborn',
    mainLength: 7,
    altLength: 15,
  },
  { kind: 'index', system: 'cm', code: 'A415', text: 'Sepsis, Escherichia coli (E. coli)', mainLength: 6 },
  { kind: 'index', system: 'cm', code: 'Q730', text: 'Amelia', mainLength: 6 },
  {
    kind: 'index',
    system: 'cm',
    code: 'I4510',
    text: 'Block, blocked, bundle-branch, right',
    mainLength: 5,
    altLength: 14,
  },
  { kind: 'index', system: 'cm', code: 'H02712', text: 'Chloasma, eyelid, right, lower', mainLength: 8 },
  { kind: 'index', system: 'cm', code: 'H02713', text: 'Chloasma, eyelid, right', mainLength: 8 },
];
const index = new SearchIndex(buildSearchIndex({ fiscalYear: 2026, sources: [], codes, entries }));
const list = (q: string): string[] => index.search(q, { prefix: false, system: 'cm' }).map((h) => h.code);

describe('ranking principles', () => {
  it('a code-looking query shows the code and its family, not codes whose titles hold its digits', () => {
    const hits = list('I50.23');
    expect(hits[0]).toBe('I50.23');
    expect(hits).toContain('I50.2');
    expect(hits).not.toContain('R29.723');
    expect(hits).not.toContain('Z3A.23');
  });

  it('an Index line with a subterm the query does not say yields to the line it says, filler or not', () => {
    expect(list('chloasma eyelid right')[0]).toBe('H02.713');
    expect(list('chloasma eyelid right lower')[0]).toBe('H02.712');
  });

  it('rheumatic and newborn codes rank behind the general code unless the query names them', () => {
    expect(list('congestive heart failure').slice(0, 1)).toEqual(['I50.9']);
    const general = index.search('congestive heart failure', { prefix: false })[0]!.score;
    const rheumatic = index
      .search('congestive heart failure', { prefix: false })
      .find((h) => h.code === 'I09.81')!.score;
    expect(rheumatic).toBeLessThan(general * 0.85);
    expect(list('rheumatic congestive heart failure')[0]).toBe('I09.81');
    expect(list('newborn congestive heart failure')[0]).toBe('P29.0');
  });

  it('a header reached by words stands for the descendant those words name, not the shortest title', () => {
    const hits = list('sepsis e coli');
    expect(hits[0]).toBe('A41.51');
    expect(hits.slice(0, 3)).not.toContain('A41.52');
  });
});

describe('shorthand as in CMS short titles', () => {
  it('reads a word the classification does not use as the word it contracts, chosen by the other words', () => {
    const hits = index.search('displ obliq fx shaft r ulna', { prefix: false, system: 'cm' });
    expect(hits[0]?.code).toBe('S52.231A');
    expect(hits[0]?.match.corrected).toContain('displ \u2192 displac');
  });

  it('"7thJ" asks for the code with that 7th character', () => {
    expect(list('displaced oblique fracture shaft right ulna, 7thJ')[0]).toBe('S52.231J');
    expect(list('displaced oblique fracture shaft right ulna')[0]).toBe('S52.231A');
  });

  it('"w/o" negates the words after it as "without" does', () => {
    expect(list('laceration w/o foreign body left middle finger')[0]).toBe('S61.213A');
    expect(list('laceration w foreign body left middle finger')[0]).toBe('S61.223A');
  });

  it('a word without a vowel that no title has reads as the initials of an Index line or title', () => {
    const hits = index.search('rbbb', { prefix: false, system: 'cm' });
    expect(hits[0]?.code).toBe('I45.10');
    expect(hits[0]?.match.corrected).toContain('rbbb \u2192 initials');
    // A word the classification has is never read as initials.
    expect(list('block')[0]).toBe('I45.10');
    expect(list('rubb')[0]).toBe('T51.21XA');
  });

  it('a number reads as the classification writes it: "3A" as IIIA, "5th" as fifth', () => {
    expect(list('displ oblique fx shaft r ulna, subs for opn fx type 3A/B/C w delay heal')[0]).toBe('S52.231J');
    expect(list('displ oblique fx shaft r ulna, subs for opn fx type I/2 w delay heal')[0]).toBe('S52.231H');
    expect(list('unsp displ fx 5th cervical vert')[0]).toBe('S12.400A');
    expect(list('unsp displ fx 4th cervical vert')[0]).toBe('S12.300A');
  });

  it('a number joined to letters the classification does not use is read as its parts', () => {
    const hits = index.search('principal illness navigation 60m', { prefix: false, system: 'hcpcs' });
    expect(hits[0]?.code).toBe('G0023');
  });

  it('a text need not hold the words that were only guessed (contractions, near spellings)', () => {
    const hits = index.search('illness navigation plannd prcdr', { prefix: false, system: 'hcpcs' });
    expect(hits.map((h) => h.code)).toContain('G0023');
  });

  it('a negated word that no title negates still names what the text is about', () => {
    const hits = index.search('no assess bone loss', { prefix: false, system: 'hcpcs' });
    expect(hits[0]?.code).toBe('G8863');
  });

  it('a comma ends a negation in the query as it does in a title', () => {
    expect(list('laceration w/o foreign body left middle finger, subs')[0]).toBe('S61.213D');
  });
});

describe('rare words', () => {
  it('a rare word that is an Index main term is what was meant, not a slip for a common near spelling', () => {
    expect(list('amelia')[0]).toBe('Q73.0');
  });
});

describe('reviewed abbreviations', () => {
  it('a word the vocabulary rewrites is not also guessed as a contraction ("vre" is not "vertebra")', () => {
    expect(list('vre')[0]).toBe('Z16.21');
  });
});

describe('misspelled word endings', () => {
  it('reads a word whose ending is misspelled as the term it starts with', () => {
    const hit = index.search('appendix resectioon', { prefix: false, system: 'pcs' })[0];
    expect(hit?.code).toBe('0DTJ0ZZ');
    expect(hit?.match.corrected).toEqual(['resectioon \u2192 resect']);
  });
});

describe('alternateFormLengths', () => {
  it('frees the qualifier of the main term that files the word, and word forms, but not other qualifiers', () => {
    const lengths = alternateFormLengths([
      'Fracture, traumatic',
      'Fracture, traumatic',
      'Fracture, traumatic',
      'Fracture, pathological',
      'Failure, failed',
    ]);
    expect(lengths.get('Fracture, traumatic')).toBe('Fracture, traumatic'.length);
    expect(lengths.get('Fracture, pathological')).toBe('Fracture'.length);
    expect(lengths.get('Failure, failed')).toBe('Failure, failed'.length);
  });
});

describe('cmEntries see-references', () => {
  it('follows a reference that leaves out alternate forms, through a second reference', () => {
    const lines = [
      ['Fracture, traumatic', '', 'T148', ''],
      ['Fracture, traumatic, hip', '', '', 'Fracture, femur, neck'],
      ['Fracture, traumatic, femur, femoral, neck', '', '', 'Fracture, femur, upper end, neck'],
      ['Fracture, traumatic, femur, femoral, upper end, neck', '', 'S7200', ''],
    ];
    const source: CmSource = {
      release: { id: 'x', fiscalYear: 2026, release: 'synthetic' },
      all: () => [],
      has: (c) => c === 'T148' || c === 'S7200',
      indexEntries: (s) =>
        s === 'index'
          ? lines.map(([path, nemod, code, see]) => ({
              path: path!,
              title: path!.split(', ').length === 2 ? path! : path!.split(', ').pop()!,
              nemod: nemod!,
              code: code!,
              manif: '',
              see: see!,
              stale: false,
            }))
          : [],
      drugRows: () => [],
      neoplasmRows: () => [],
    };
    const hip = [...cmEntries(source, [])].find((e) => e.text.startsWith('Fracture, traumatic, hip'));
    expect(hip?.code).toBe('S7200');
  });
});
