// Organisms named in synthetic chart sentences, read through Alphabetic Index lines quoted from
// the Index the bundle is built from ("..., as cause of disease classified elsewhere").
import { describe, expect, it } from 'vitest';
import { agentIndexOf, rangeRefs, type AgentIndexSource } from './infectious-agent-index';
import { agentMentions } from './infectious-agent-mentions';

const LINES = [
  { path: 'Escherichia coli, as cause of disease classified elsewhere', code: 'B96.20', nemod: '(E. coli)' },
  {
    path: 'Infection, infected, infective, bacterial NOS, as cause of disease classified elsewhere, Staphylococcus',
    code: 'B95.8',
    nemod: '',
  },
  {
    path: 'Infection, infected, infective, bacterial NOS, as cause of disease classified elsewhere, Staphylococcus, aureus',
    code: 'B95.61',
    nemod: '(methicillin susceptible) (MSSA)',
  },
  {
    path: 'Infection, infected, infective, bacterial NOS, as cause of disease classified elsewhere, Staphylococcus, aureus, methicillin resistant',
    code: 'B95.62',
    nemod: '(MRSA)',
  },
  {
    path: 'Infection, infected, infective, virus, viral NOS, ECHO, as cause of disease classified elsewhere',
    code: 'B97.12',
    nemod: '',
  },
  {
    path: 'Infection, infected, infective, bacterial NOS, as cause of disease classified elsewhere, Escherichia coli [E. coli]',
    code: 'B96.20',
    nemod: '',
  },
  { path: 'Klebsiella pneumoniae, as cause of disease classified elsewhere', code: 'B96.1', nemod: '(K.)' },
  {
    path: 'Infection, infected, infective, bacterial NOS, as cause of disease classified elsewhere, Staphylococcus, specified NEC',
    code: 'B95.7',
    nemod: '',
  },
].map((l) => ({ ...l, see: '' }));

const source: AgentIndexSource = {
  billableDescendants: (header) =>
    [...new Set(LINES.map((l) => l.code))].filter((c) => c.startsWith(header)).map((dotted) => ({ dotted })),
  get: (code) => ({ indexEntries: LINES.filter((l) => l.code === code) }),
};
const index = agentIndexOf(source);
const codesIn = (text: string): string[] => agentMentions(text, index).map((m) => m.code);

describe('agentMentions', () => {
  it.each([
    ['Urine culture grew E. coli.', ['B96.20']],
    ['Urine culture grew Escherichia coli.', ['B96.20']],
    ['Wound culture grew methicillin-resistant Staphylococcus aureus.', ['B95.62']],
    ['Wound culture grew Staphylococcus aureus, methicillin resistant.', ['B95.62']],
    ['Wound culture grew Staphylococcus aureus.', ['B95.61']],
    ['Wound culture grew MRSA.', ['B95.62']],
    ['Cultures grew K. pneumoniae and Staphylococcus.', ['B96.1', 'B95.8']],
    ['Urine cultures grew Klebsiella.', ['B96.1']],
  ])('%s -> %j', (text, codes) => {
    expect(codesIn(text)).toEqual(codes);
  });

  it('reads an acronym only as the Index prints it (capitals)', () => {
    expect(codesIn('the mrsa protocol')).toEqual([]);
  });

  it('never reads an upper-case Index word the chart uses for other things (ECHO, the echocardiogram)', () => {
    expect(codesIn('ECHO showed a normal ejection fraction. Echo was repeated.')).toEqual([]);
  });

  it('keeps the words of one phrase together (not across a sentence)', () => {
    expect(codesIn('Staphylococcus was seen. Aureus is a word here.')).toEqual(['B95.8']);
  });

  it('reads no "other specified" line as a term', () => {
    expect(index.terms.some((t) => t.code === 'B95.7')).toBe(false);
  });
});

describe('rangeRefs', () => {
  it('reads a range written without spaces as one range', () => {
    expect(rangeRefs('code (B95-B97), to identify infectious agent.')).toEqual([{ from: 'B95', to: 'B97' }]);
    expect(rangeRefs('(T36-T50 with fifth or sixth character 5)')).toEqual([{ from: 'T36', to: 'T50' }]);
  });
  it('keeps a code with its own dash a single code', () => {
    expect(rangeRefs('(N18.-)')).toEqual([{ from: 'N18', to: 'N18' }]);
  });
});
