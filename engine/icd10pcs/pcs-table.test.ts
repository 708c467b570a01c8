/**
 * PcsTable, PcsTableBuilder and PcsIndex over a tiny synthetic bundle (two tables written by hand,
 * labels as in the official tables). The real FY2025/FY2026 data is covered in
 * codesets/icd10pcs/icd10pcs.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BundleFormatError } from '../bundle/format';
import { PCS_BLOCKS_VERSION, type PcsAxisRecord, type PcsIndexBlock, type PcsTablesBlock } from './format';
import { PcsTable } from './pcs-table';
import { encodeTitleGroups } from './title-coding';

const strings: string[] = [];
const s = (text: string): number => {
  const i = strings.indexOf(text);
  return i >= 0 ? i : strings.push(text) - 1;
};
const axis = (pos: number, title: string, values: [string, string][], definition?: string): PcsAxisRecord => ({
  pos,
  title: s(title),
  chars: values.map((v) => v[0]).join(''),
  labels: values.map((v) => s(v[1])),
  definition: definition === undefined ? -1 : s(definition),
});
const head = (op: [string, string], def: string): [PcsAxisRecord, PcsAxisRecord, PcsAxisRecord] => [
  axis(1, 'Section', [['0', 'Medical and Surgical']]),
  axis(2, 'Body System', [['D', 'Gastrointestinal System']]),
  axis(3, 'Operation', [op], def),
];
const tables: PcsTablesBlock = {
  version: PCS_BLOCKS_VERSION,
  strings,
  tables: [
    {
      axes: head(['B', 'Excision'], 'Cutting out or off, without replacement, a portion of a body part'),
      rows: [
        [
          axis(4, 'Body Part', [['J', 'Appendix']]),
          axis(5, 'Approach', [
            ['0', 'Open'],
            ['4', 'Percutaneous Endoscopic'],
          ]),
          axis(6, 'Device', [['Z', 'No Device']]),
          axis(7, 'Qualifier', [
            ['X', 'Diagnostic'],
            ['Z', 'No Qualifier'],
          ]),
        ],
      ],
      header: s('Gastrointestinal System, Excision'),
    },
    {
      axes: head(['T', 'Resection'], 'Cutting out or off, without replacement, all of a body part'),
      rows: [
        [
          axis(4, 'Body Part', [['J', 'Appendix']]),
          axis(5, 'Approach', [
            ['0', 'Open'],
            ['4', 'Percutaneous Endoscopic'],
          ]),
          axis(6, 'Device', [['Z', 'No Device']]),
          axis(7, 'Qualifier', [['Z', 'No Qualifier']]),
        ],
        [
          axis(4, 'Body Part', [['6', 'Stomach']]),
          axis(5, 'Approach', [['0', 'Open']]),
          axis(6, 'Device', [['Z', 'No Device']]),
          axis(7, 'Qualifier', [['Z', 'No Qualifier']]),
        ],
      ],
      header: -1,
    },
  ],
};
const CODES = ['0DBJ0ZX', '0DBJ0ZZ', '0DBJ4ZX', '0DBJ4ZZ', '0DT60ZZ', '0DTJ0ZZ', '0DTJ4ZZ'];
const long = CODES.map((c) => `Long title of ${c}`);
const index: PcsIndexBlock = {
  version: PCS_BLOCKS_VERSION,
  releaseYear: 2025,
  mainTerms: [
    {
      title: 'Appendectomy',
      terms: [
        { targets: [{ kind: 'see', text: 'Excision, Appendix', prefix: '0DBJ' }] },
        { targets: [{ kind: 'see', text: 'Resection, Appendix', prefix: '0DTJ' }] },
      ],
    },
    {
      title: 'Excision',
      terms: [
        { title: 'Appendix', targets: [{ kind: 'codes', prefix: '0DBJ' }] },
        { title: 'Gone', targets: [{ kind: 'code', code: '0DB60ZZ' }] },
      ],
    },
    { title: 'Resection', terms: [{ title: 'Appendix', targets: [{ kind: 'codes', prefix: '0DTJ' }] }] },
    { title: 'Vermiform appendix', targets: [{ kind: 'use', text: 'Appendix' }] },
    {
      title: 'Nowhere',
      targets: [
        { kind: 'see', text: 'Unknown term' },
        { kind: 'use', text: 'No such value' },
      ],
    },
  ],
};
const definitions = {
  version: PCS_BLOCKS_VERSION,
  sections: [
    {
      code: '0',
      title: 'Medical and Surgical',
      axes: [
        {
          pos: 5,
          title: 'Approach',
          terms: [{ titles: ['Open'], definition: 'Cutting through the skin', includes: [] }],
        },
      ],
    },
  ],
  deviceAggregation: [],
};
const make = (t: PcsTablesBlock = tables): PcsTable =>
  new PcsTable(
    t,
    () => ({
      long: encodeTitleGroups([long.slice(0, 4), long.slice(4)]),
      short: encodeTitleGroups([CODES.slice(0, 4), CODES.slice(4)]),
    }),
    definitions,
    () => index,
    2026,
  );

describe('PcsTable (synthetic)', () => {
  const pcs = make();

  it('derives the valid codes from the rows, in code order, with their titles', () => {
    expect(pcs.size).toBe(7);
    expect([...pcs.codes()]).toEqual(CODES);
    expect([...pcs.entries()].map((e) => e.long)).toEqual(long);
    expect(pcs.get('0dtj4zz')).toMatchObject({
      code: '0DTJ4ZZ',
      valid: true,
      long: 'Long title of 0DTJ4ZZ',
      short: '0DTJ4ZZ',
      table: '0DT',
    });
    expect(pcs.get('0DT60ZZ')?.tableTitle).toBeUndefined();
    expect(pcs.get('0DB60ZZ')).toMatchObject({ valid: false, table: '0DB' });
    expect(pcs.get('0DB60ZZ')?.axes.map((a) => a.position)).toEqual([1, 2, 3, 5, 6, 7]); // no body part 6 in 0DB
    expect(pcs.get('0DBJ0ZZ')?.axes[4]).toMatchObject({
      name: 'Approach',
      label: 'Open',
      definition: 'Cutting through the skin',
    });
    expect(pcs.get('0DX')).toBeUndefined();
  });

  it('walks only valid combinations', () => {
    expect(pcs.builder.options('').map((o) => o.value)).toEqual(['0']);
    expect(pcs.builder.options('0D').map((o) => `${o.value} ${o.label}`)).toEqual(['B Excision', 'T Resection']);
    expect(pcs.builder.options('0DT').map((o) => o.value)).toEqual(['6', 'J']);
    expect(pcs.builder.options('0DT6').map((o) => o.value)).toEqual(['0']);
    expect(pcs.builder.options('0DTJ').map((o) => o.value)).toEqual(['0', '4']);
    expect(pcs.builder.options('0DBJ4Z')).toMatchObject([
      { value: 'X', complete: true },
      { value: 'Z', complete: true },
    ]);
    expect(pcs.builder.options('0DT64')).toEqual([]);
  });

  it('agrees with a slow reference: options(prefix) = next characters of the valid codes (property)', () => {
    const chars = fc.constantFrom(...'0DBTJ64ZX1');
    fc.assert(
      fc.property(fc.string({ unit: chars, maxLength: 7 }), (prefix) => {
        const expected = [
          ...new Set(
            CODES.filter((c) => c.startsWith(prefix) && c.length > prefix.length).map((c) => c[prefix.length]),
          ),
        ].sort();
        expect(pcs.builder.options(prefix).map((o) => o.value)).toEqual(expected);
        expect(pcs.isValidPrefix(prefix)).toBe(CODES.some((c) => c.startsWith(prefix)));
      }),
      { numRuns: 1_000, seed: 1 },
    );
  });

  it('flattens the index with full paths and flags targets the tables do not have', () => {
    expect(pcs.index.lookup('APPENDECTOMY').flatMap((e) => e.targets)).toEqual([
      { kind: 'see', text: 'Excision, Appendix', prefix: '0DBJ', valid: true },
      { kind: 'see', text: 'Resection, Appendix', prefix: '0DTJ', valid: true },
    ]);
    expect(pcs.index.entries().map((e) => e.path.join(' > '))).toContain('Excision > Appendix');
    expect(pcs.index.staleCounts()).toEqual({ code: 1, codes: 0, tab: 0, see: 1, use: 1 });
    expect(pcs.index.staleEntries().map((e) => e.path.join(' > '))).toEqual(['Excision > Gone', 'Nowhere']);
  });

  it('refuses blocks of another version or titles that do not match the tables', () => {
    expect(() => make({ ...tables, version: 1 })).toThrow(BundleFormatError);
    const short = new PcsTable(
      tables,
      () => ({
        long: encodeTitleGroups([long.slice(1, 4), long.slice(4)]),
        short: encodeTitleGroups([CODES.slice(0, 4), CODES.slice(4)]),
      }),
      definitions,
      undefined,
      2026,
    );
    expect(() => short.get('0DTJ4ZZ')).toThrow(BundleFormatError);
    expect(() => short.index).toThrow(/has no index block/);
  });
});
