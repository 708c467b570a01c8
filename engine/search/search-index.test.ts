import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from './build';
import { SearchIndex } from './search-index';
import { deserializeSearchIndex, serializeSearchIndex, ChartsideSearchIndexFormatError } from './serialize';
import type { CorpusCode, CorpusEntry, SearchCorpus } from './types';

// A synthetic miniature of the classification (titles as in the FY2026 Tabular List).
const codes: CorpusCode[] = [
  { system: 'cm', code: 'I50', title: 'Heart failure', billable: false },
  { system: 'cm', code: 'I502', title: 'Systolic (congestive) heart failure', billable: false },
  { system: 'cm', code: 'I5020', title: 'Unspecified systolic (congestive) heart failure', billable: true },
  { system: 'cm', code: 'I5021', title: 'Acute systolic (congestive) heart failure', billable: true },
  { system: 'cm', code: 'I5022', title: 'Chronic systolic (congestive) heart failure', billable: true },
  { system: 'cm', code: 'I5023', title: 'Acute on chronic systolic (congestive) heart failure', billable: true },
  { system: 'cm', code: 'I509', title: 'Heart failure, unspecified', billable: true },
  { system: 'cm', code: 'J189', title: 'Pneumonia, unspecified organism', billable: true },
  { system: 'cm', code: 'R110', title: 'Nausea', billable: true },
  { system: 'cm', code: 'R112', title: 'Nausea with vomiting, unspecified', billable: true },
  { system: 'pcs', code: '0DTJ0ZZ', title: 'Resection of Appendix, Open Approach', billable: true },
  { system: 'pcs', code: '0DTJ4ZZ', title: 'Resection of Appendix, Percutaneous Endoscopic Approach', billable: true },
  {
    system: 'hcpcs',
    code: 'E0601',
    title: 'Continuous positive airway pressure (CPAP) device',
    billable: true,
    titleMain: 49,
  },
];
const entries: CorpusEntry[] = [
  {
    kind: 'index',
    system: 'cm',
    code: 'I509',
    text: 'Failure, failed, heart (acute) (senile)',
    mainLength: 7,
    altLength: 15,
  },
  {
    kind: 'index',
    system: 'cm',
    code: 'I509',
    text: 'Failure, failed, heart, congestive (compensated) (decompensated)',
    mainLength: 7,
    altLength: 15,
  },
  {
    kind: 'index',
    system: 'cm',
    code: 'I5023',
    text: 'Failure, failed, heart, systolic, acute on chronic',
    mainLength: 7,
    altLength: 15,
  },
  { kind: 'index', system: 'cm', code: 'R110', text: 'Nausea (without vomiting)', mainLength: 6 },
  {
    kind: 'pcs-index',
    system: 'pcs',
    code: '0DTJ',
    text: 'Appendectomy (see Resection, Appendix)',
    mainLength: 12,
    codeTitle: 'Resection, Appendix',
  },
];
const corpus = (): SearchCorpus => ({
  fiscalYear: 2026,
  sources: [{ id: 'test', sha256: 'x', release: 'synthetic' }],
  codes,
  entries,
});
const index = new SearchIndex(buildSearchIndex(corpus()));
const top = (q: string, system?: 'cm' | 'pcs' | 'hcpcs'): string | undefined =>
  index.search(q, { prefix: false, ...(system ? { system } : {}) })[0]?.code;

describe('SearchIndex', () => {
  it('ranks the code whose words the query says first', () => {
    expect(top('acute on chronic systolic heart failure')).toBe('I50.23');
    expect(top('systolic heart failure')).toBe('I50.20');
    expect(top('heart failure')).toBe('I50.9');
  });

  it('reads abbreviations from the reviewed vocabulary and says so', () => {
    const hit = index.search('chf', { prefix: false })[0]!;
    expect(hit.code).toBe('I50.9');
    expect(hit.match.kind).toBe('abbreviation');
    expect(hit.match.expandedFrom?.typed).toBe('chf');
    expect(hit.match.expandedFrom?.source.length).toBeGreaterThan(10);
  });

  it('tolerates misspellings and word order', () => {
    expect(top('pnemonia')).toBe('J18.9');
    expect(top('failure heart systolic acute chronic')).toBe('I50.23');
  });

  it('finds codes with or without the dot, and prefixes', () => {
    expect(top('i5023')).toBe('I50.23');
    expect(top('I50.2')).toBe('I50.2');
    expect(
      index
        .search('I50.2', { prefix: false })
        .slice(1, 3)
        .map((h) => h.code),
    ).toEqual(['I50.20', 'I50.21']);
    expect(top('e0601')).toBe('E0601');
  });

  it('does not match what a title says is absent', () => {
    expect(top('nausea and vomiting')).toBe('R11.2');
  });

  it('leads PCS Index lookups to the partial code and the full codes', () => {
    const hits = index.search('appendectomy', { system: 'pcs', prefix: false });
    expect(hits.map((h) => h.code)).toContain('0DTJ');
    expect(hits[0]!.match.kind).toBe('pcs-index');
  });

  it('type-ahead matches the last word as a prefix', () => {
    expect(index.search('pneumo', { prefix: true })[0]?.code).toBe('J18.9');
  });

  it('round-trips through the serialized form and refuses another version', () => {
    const bytes = serializeSearchIndex(index.data);
    const again = new SearchIndex(deserializeSearchIndex(bytes));
    expect(again.search('chf', { prefix: false })).toEqual(index.search('chf', { prefix: false }));
    expect(serializeSearchIndex(again.data)).toEqual(bytes);
    const bad = bytes.slice();
    const text = new TextDecoder().decode(bad.subarray(12, 80)).replace('"formatVersion":', '"formatVersion":9');
    bad.set(new TextEncoder().encode(text).subarray(0, 68), 12);
    expect(() => deserializeSearchIndex(bad)).toThrow(ChartsideSearchIndexFormatError);
    expect(() => deserializeSearchIndex(new Uint8Array([1, 2, 3]))).toThrow(ChartsideSearchIndexFormatError);
  });
});
