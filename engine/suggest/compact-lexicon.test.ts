// The compact lexicon agrees with the plain one it was made from: every entry (same fields, same
// order, optional flags missing when unset), the anchor index (same order, lists included), the
// Index paths (found by hash, absent ones absent), through a packed round trip. Random lexicons
// built as buildLexicon builds them (rarest key first, every required key counted).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packValue, unpackValue } from '../bundle/packed';
import {
  ChartsideCompactLexiconError,
  compactLexicon,
  isLexiconColumns,
  lexiconData,
  lexiconFromColumns,
  type LexiconColumns,
} from './compact-lexicon';
import type { LexEntry, LexSource, SuggestLexicon } from './lexicon';

const word = fc.constantFrom('heart', 'failur', 'systol', 'acut', 'chronic', 'liver', '#neo:malignant', 'renal', 'é');
const text = fc.string({ maxLength: 12 });
const draft = fc.record(
  {
    source: fc.constantFrom<LexSource>('index', 'eindex', 'tabular', 'pcs-index', 'neoplasm'),
    code: fc.constantFrom('I50.23', 'C22.9', '0DTJ4ZZ', 'J18.9', 'Z96.6-'),
    path: fc.array(text, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' > ')),
    req: fc.uniqueArray(word, { minLength: 1, maxLength: 4 }),
    withKeys: fc.uniqueArray(fc.constantFrom('diabet', 'hypertens', 'heart'), { maxLength: 2 }),
    mainTerm: fc.constantFrom('', 'failure', 'neoplasm'),
    depth: fc.nat(6),
    seeAlso: fc.boolean(),
    pastOnly: fc.boolean(),
  },
  { noNullPrototype: true },
);

type Draft = Omit<typeof draft extends fc.Arbitrary<infer T> ? T : never, 'req'> & { req: string[] };

/** A lexicon as buildLexicon lays one out, from entry drafts. */
function lexiconOf(drafts: Draft[], paths: [string, string][], pcsYear?: number): SuggestLexicon {
  const keyFreq = new Map<string, number>();
  for (const d of drafts) for (const k of d.req) keyFreq.set(k, (keyFreq.get(k) ?? 0) + 1);
  const byAnchor = new Map<string, Map<string, number[]>>();
  const entries: LexEntry[] = drafts.map((d, i) => {
    const req = [...d.req].sort((a, b) => keyFreq.get(a)! - keyFreq.get(b)!);
    const bySecond = byAnchor.get(req[0]!) ?? new Map<string, number[]>();
    byAnchor.set(req[0]!, bySecond);
    bySecond.set(req[1] ?? '', [...(bySecond.get(req[1] ?? '') ?? []), i]);
    return {
      system: d.source === 'pcs-index' ? 'pcs' : 'cm',
      source: d.source,
      code: d.code,
      path: d.path,
      req,
      withKeys: d.withKeys,
      mainTerm: d.mainTerm,
      depth: d.depth,
      anchor: req[0]!,
      ...(d.seeAlso ? { seeAlso: true } : {}),
      ...(d.pastOnly ? { pastOnly: true } : {}),
    };
  });
  return {
    entries,
    byAnchor,
    cmPaths: new Map(paths),
    keyFreq,
    aliases: new Map([['carcinoma', ['#neo:malignant']]]),
    siteKeys: new Set(['liver']),
    cmYear: 2026,
    pcsYear,
  };
}

const lexicons = fc
  .tuple(
    fc.array(draft, { maxLength: 40 }),
    fc.uniqueArray(
      fc.tuple(
        fc.array(text, { minLength: 1, maxLength: 3 }).map((p) => p.join('|')),
        fc.constantFrom('I50.23', 'see:Disease', ''),
      ),
      { selector: ([k]) => k, maxLength: 40 },
    ),
    fc.option(fc.constant(2026), { nil: undefined }),
  )
  .map(([drafts, paths, pcsYear]) => lexiconOf(drafts, paths, pcsYear));

const roundTrip = (lex: SuggestLexicon): SuggestLexicon => {
  const columns = unpackValue<unknown>(packValue(compactLexicon(lex)));
  if (!isLexiconColumns(columns)) throw new Error('not lexicon columns');
  return lexiconFromColumns(columns);
};

describe('compact lexicon', () => {
  it('answers every read as the plain lexicon it was made from', () => {
    fc.assert(
      fc.property(lexicons, fc.array(text, { maxLength: 5 }), (lex, probes) => {
        const back = roundTrip(lex);
        // Point reads first (before anything is materialised in bulk), then everything.
        for (const [path, code] of lex.cmPaths) expect(back.cmPaths.get(path)).toBe(code);
        for (const p of probes) expect(back.cmPaths.get(p)).toBe(lex.cmPaths.get(p));
        for (const k of [...lex.keyFreq.keys(), ...probes]) expect(back.byAnchor.get(k)).toEqual(lex.byAnchor.get(k));
        for (let i = 0; i < lex.entries.length; i++) expect(back.entries.at(i)).toStrictEqual(lex.entries.at(i));
        expect(back.entries.at(lex.entries.length)).toBeUndefined();
        expect(back.entries.at(-1)).toStrictEqual(lex.entries.at(-1));
        expect(lexiconData(back)).toStrictEqual(lexiconData(lex));
        expect(back.byAnchor.size).toBe(lex.byAnchor.size);
        expect(back.cmPaths.size).toBe(lex.cmPaths.size);
      }),
      { numRuns: 100 },
    );
  });

  it('builds an entry once and gives the same object on every read', () => {
    const lex = roundTrip(
      lexiconOf(
        [
          {
            source: 'index',
            code: 'I50.23',
            path: 'Failure > heart',
            req: ['heart', 'failur'],
            withKeys: [],
            mainTerm: 'failure',
            depth: 1,
            seeAlso: false,
            pastOnly: false,
          },
        ],
        [],
      ),
    );
    expect(lex.entries.at(0)).toBe(lex.entries.at(0));
    expect([...lex.entries][0]).toBe(lex.entries.at(0));
    expect(lex.byAnchor.get('heart')).toBe(lex.byAnchor.get('heart'));
  });

  it('refuses a lexicon whose entries are not anchored on their first key, and columns that do not fit', () => {
    const lex = lexiconOf(
      [
        {
          source: 'tabular',
          code: 'J18.9',
          path: 'Pneumonia',
          req: ['pneumonia'],
          withKeys: [],
          mainTerm: '',
          depth: 0,
          seeAlso: false,
          pastOnly: false,
        },
      ],
      [['pneumonia', 'J18.9']],
    );
    expect(() => compactLexicon({ ...lex, entries: [{ ...lex.entries.at(0)!, anchor: 'other' }] })).toThrow(
      ChartsideCompactLexiconError,
    );
    expect(() => compactLexicon({ ...lex, keyFreq: new Map() })).toThrow(
      /"pneumonia" is required by an entry but not counted/,
    );
    const c = compactLexicon(lex);
    const broken: [string, Partial<LexiconColumns>][] = [
      ['entryCode', { entryCode: new Uint32Array(2) }],
      ['reqKeys', { reqKeys: Uint16Array.of(5) }],
      ['pathStart', { pathStart: Uint32Array.of(0, 9) }],
      ['cmPathSlots', { cmPathSlots: new Uint32Array(1) }],
      ['groupEntries', { groupEntries: Uint32Array.of(3) }],
    ];
    for (const [name, patch] of broken)
      expect(() => lexiconFromColumns({ ...c, ...patch })).toThrow(new RegExp(`do not fit: ${name}`));
  });
});
