import { describe, expect, it } from 'vitest';
import type { Suggestion } from '../../engine/suggest';
import { SuggestionDecisions } from './accepted';

// Fictional suggestions: a UTI flagged as possible principal and the sepsis it caused.
const dx = (code: string, flags: Suggestion['flags'] = []): Suggestion => ({
  id: `cm:${code}`,
  system: 'cm',
  code,
  title: code,
  score: 0.9,
  evidence: [],
  path: '',
  flags,
  notes: [],
});

describe('SuggestionDecisions', () => {
  it('leads with the best ranked principal candidate among the accepted codes, and keeps the ranking', () => {
    const d = new SuggestionDecisions();
    d.decide(dx('N39.0', ['possible-principal']), 'accepted');
    expect(d.abstract().diagnoses.find((x) => x.principal)?.code).toBe('N39.0');
    d.rank([
      { code: 'A41.51', rule: 'I.C.1.d.4', reason: 'systemic infection first', quote: 'sepsis' },
      { code: 'N39.0', rule: 'II', reason: 'first listed', quote: 'UTI' },
    ]);
    // Only N39.0 is accepted: it leads, the ranking travels with the abstract.
    expect(d.abstract().diagnoses.find((x) => x.principal)?.code).toBe('N39.0');
    d.decide(dx('A41.51'), 'accepted');
    const a = d.abstract();
    expect(a.diagnoses.map((x) => [x.code, x.principal])).toEqual([
      ['A41.51', true],
      ['N39.0', false],
    ]);
    expect(a.principalCandidates).toEqual([
      { code: 'A41.51', rule: 'I.C.1.d.4', reason: 'systemic infection first' },
      { code: 'N39.0', rule: 'II', reason: 'first listed' },
    ]);
  });
});
