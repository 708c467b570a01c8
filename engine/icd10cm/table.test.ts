import { describe, expect, it } from 'vitest';
import { decodeBundle, encodeBundle, jsonPayload } from '../bundle/format';
import { readerFromCompressed, type BundleReader } from '../bundle/reader';
import {
  CM_BLOCKS,
  CM_FLAG,
  CM_LAYOUT_VERSION,
  encodeTitles,
  type CodesBlock,
  type IndexTreeBlock,
  type NotesBlock,
  type SeventhBlock,
  type TreeBlock,
} from './layout';
import { ChartsideCmTableError, CmTable } from './table';

// A tiny synthetic table (real-looking codes, invented notes) exercising inheritance rules.
const longTitles = [
  'Superficial injury of head',
  'Superficial injury of scalp',
  'Scalp, initial',
  'Scalp, sequela',
  'Fracture of femur',
  'Fracture of neck of femur',
  'Fracture of neck of right femur',
  'Fracture of neck of right femur, initial',
];
const shortTitles = longTitles.map((t) => (t === 'Fracture of neck of right femur' ? 'Fx neck of r femur' : t));
const R = CM_FLAG.requiresSeventh;
const codes: CodesBlock = {
  layout: CM_LAYOUT_VERSION,
  codes: ['S00', 'S000', 'S000XXA', 'S000XXS', 'S72', 'S720', 'S72001', 'S72001A'],
  // Headers above 7-character codes carry requiresSeventh, as the importer computes it.
  flags: [R, R, 1, 1, R, R, R, 1 | CM_FLAG.added],
  parentDelta: [0, 1, 1, 2, 0, 1, 1, 1],
  sectionRuns: [
    [0, 4],
    [1, 4],
  ],
};
const tree: TreeBlock = {
  chapters: [{ name: '19', desc: 'Injury (S00-T88)' }],
  sections: [
    { id: 'S00-S09', desc: 'Head', first: 'S00', last: 'S09', chapter: 0 },
    { id: 'S70-S79', desc: 'Hip and thigh', first: 'S70', last: 'S79', chapter: 0 },
  ],
};
const notes: NotesBlock = {
  owners: ['chapter:19', 'section:S70-S79', 'S72', 'S720'],
  notes: [
    [[5, 'retained foreign body (Z18.-)']],
    [[3, 'frostbite (T33-T34)']],
    [
      [2, 'amputation (S78.-)'],
      [3, 'old code (T84.040)', ['T84.040']],
    ],
    [[1, 'Fracture of hip NOS']],
  ],
};
const seventh: SeventhBlock = {
  owners: ['S00', 'S72'],
  defs: [
    {
      note: ['7th for S00'],
      chars: [
        ['A', 'initial encounter'],
        ['D', 'subsequent encounter'],
        ['S', 'sequela'],
      ],
    },
    {
      note: ['7th for S72'],
      chars: [
        ['A', 'initial encounter for closed fracture'],
        ['S', 'sequela'],
      ],
    },
  ],
};
const index: IndexTreeBlock = {
  heads: [],
  title: ['Fracture', 'femur', 'neck'],
  nemod: ['', '', '(right)'],
  parent: [-1, 0, 1],
  code: ['', '', 'S72.001A'],
  manif: ['', '', ''],
  see: ['', '', ''],
  seeAlso: ['', '', ''],
  cells: [],
  staleRefs: [],
};

function table(codeBlock = codes, wrap: (reader: BundleReader) => BundleReader = (r) => r): CmTable {
  const bytes = encodeBundle(
    {
      id: 'icd10cm-2099',
      system: 'icd10cm',
      fiscalYear: 2099,
      effectiveFrom: '2098-10-01',
      effectiveTo: '2099-09-30',
      release: 'test',
      provenance: [],
      notes: [],
      counts: {},
    },
    [
      { name: CM_BLOCKS.codes, kind: 'json', payload: jsonPayload(codeBlock) },
      { name: CM_BLOCKS.titles, kind: 'json', payload: jsonPayload(encodeTitles(longTitles, shortTitles)) },
      { name: CM_BLOCKS.tree, kind: 'json', payload: jsonPayload(tree) },
      { name: CM_BLOCKS.notes, kind: 'json', payload: jsonPayload(notes) },
      { name: CM_BLOCKS.seventh, kind: 'json', payload: jsonPayload(seventh) },
      { name: CM_BLOCKS.index, kind: 'json', payload: jsonPayload(index) },
    ],
  );
  const { header, compressed } = decodeBundle(bytes);
  return CmTable.fromReader(wrap(readerFromCompressed(header, compressed)));
}

describe('CmTable', () => {
  it('normalises the code asked for', () => {
    const t = table();
    for (const q of ['S72.001A', 's72001a', ' S72.001a ']) expect(t.get(q)?.code).toBe('S72001A');
    expect(t.get('S99')).toBeUndefined();
    expect(t.has('s72.0')).toBe(true);
    expect(t.isBillable('S72.001')).toBe(false);
  });

  it('inherits notes from ancestors, section and chapter, in that order, saying where from', () => {
    const d = table().get('S72.001A')!;
    expect(d.notes.map((n) => [n.kind, n.from, n.level, n.staleRefs])).toEqual([
      ['inclusionTerm', 'S72.0', 'ancestor', []],
      ['excludes1', 'S72', 'ancestor', []],
      ['excludes2', 'S72', 'ancestor', ['T84.040']],
      ['excludes2', 'S70-S79', 'section', []],
      ['useAdditionalCode', 'Chapter 19', 'chapter', []],
    ]);
    expect(d.ancestors.map((a) => a.dotted)).toEqual(['S72', 'S72.0', 'S72.001']);
    expect(d.chapter).toEqual({ name: '19', desc: 'Injury (S00-T88)' });
    expect(d.newInYear).toBe(true);
    expect(d.indexEntries.map((e) => [e.path, e.nemod, e.code, e.stale])).toEqual([
      ['Fracture, femur, neck', '(right)', 'S72.001A', false],
    ]);
    expect(table().get('S72.001A', { indexEntries: false })!.indexEntries).toEqual([]);
  });

  it("reads a code's Index lines when they are first read, not for its notes or titles", () => {
    // S72.001A neither new nor changed this year: it never takes an ancestor's lines.
    const reads: string[] = [];
    const t = table({ ...codes, flags: [...codes.flags.slice(0, -1), 1] }, (r) => ({
      ...r,
      header: r.header,
      has: (name) => r.has(name),
      bytes: (name) => (reads.push(name), r.bytes(name)),
    }));
    const d = t.get('S72.001A')!;
    expect(d.notes.length).toBe(5);
    expect(d.long).toBe('Fracture of neck of right femur, initial');
    expect(reads).not.toContain(CM_BLOCKS.index);
    // Same keys in the same place as a detail read at once; the lines once read are a plain value.
    expect(Object.keys(d).slice(-2)).toEqual(['indexEntries', 'fiscalYear']);
    expect('indexEntriesFrom' in d).toBe(false);
    expect(d.indexEntries.map((e) => e.path)).toEqual(['Fracture, femur, neck']);
    expect(reads.filter((n) => n === CM_BLOCKS.index)).toHaveLength(1);
    expect(Object.getOwnPropertyDescriptor(d, 'indexEntries')).toMatchObject({ writable: true, enumerable: true });
    // Spreading, JSON and structured cloning read the lines of a detail not yet read.
    const fresh = () => t.get('S72.001A')!;
    expect({ ...fresh() }.indexEntries).toEqual(d.indexEntries);
    expect((JSON.parse(JSON.stringify(fresh())) as typeof d).indexEntries).toEqual(
      JSON.parse(JSON.stringify(d.indexEntries)),
    );
    expect(structuredClone(fresh()).indexEntries).toEqual(d.indexEntries);
    const replaced = fresh();
    replaced.indexEntries = [];
    expect(replaced.indexEntries).toEqual([]);
  });

  it('builds the 7th-character table with placeholder X and flags headers that need it', () => {
    const t = table();
    const head = t.get('S00.0')!;
    expect(head.requiresSeventh).toBe(true);
    expect(head.seventh!.from).toBe('S00');
    expect(head.seventh!.chars).toEqual([
      { char: 'A', meaning: 'initial encounter', code: 'S00.0XXA', valid: true },
      { char: 'D', meaning: 'subsequent encounter', code: 'S00.0XXD', valid: false },
      { char: 'S', meaning: 'sequela', code: 'S00.0XXS', valid: true },
    ]);
    expect(t.get('S72.001')!.requiresSeventh).toBe(true);
    expect(t.get('S72.001A')!.requiresSeventh).toBe(false);
    expect(t.get('S72.001')!.short).toBe('Fx neck of r femur');
  });

  it('gives bulk access to notes of one kind printed at codes', () => {
    expect([...table().inclusionTerms()]).toEqual([{ code: 'S720', dotted: 'S72.0', text: 'Fracture of hip NOS' }]);
    expect([...table().notesOfKind('excludes2')].map((n) => n.dotted)).toEqual(['S72']);
  });

  it('lists children and billable descendants', () => {
    const t = table();
    expect(t.children('S00.0').map((c) => c.dotted)).toEqual(['S00.0XXA', 'S00.0XXS']);
    expect(t.billableDescendants('S72').map((c) => c.dotted)).toEqual(['S72.001A']);
    expect([...t.all()].map((c) => c.long)).toEqual(longTitles);
    expect([...t.all()].map((c) => c.short)).toEqual(shortTitles);
  });

  it('refuses another layout version', () => {
    expect(() => table({ ...codes, layout: 999 })).toThrow(ChartsideCmTableError);
  });
});
