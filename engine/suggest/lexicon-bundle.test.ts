import { describe, expect, it } from 'vitest';
import { decodeBundle, encodeBundle, jsonPayload } from '../bundle/format';
import { readerFromCompressed } from '../bundle/reader';
import { packValue } from '../bundle/packed';
import { compactLexicon, lexiconData } from './compact-lexicon';
import type { GuidelineTablesData } from './guideline-tables';
import type { SuggestLexicon } from './lexicon';
import {
  guidelineTablesFromBundle,
  lexiconBlocks,
  lexiconFits,
  lexiconFromBundle,
  lexiconMeta,
  SUGGEST_LEXICON_BLOCK,
  SUGGEST_LEXICON_FORMAT_VERSION,
  type LexiconSource,
} from './lexicon-bundle';

/** A hand-made lexicon of the shape buildLexicon returns (two Index lines, one Neoplasm row). */
function tinyLexicon(): SuggestLexicon {
  return {
    entries: [
      {
        system: 'cm',
        source: 'index',
        code: 'I50.23',
        path: 'Failure, failed > heart > systolic > acute on chronic',
        req: ['systol', 'failur', 'heart', 'acut', 'chronic'],
        withKeys: [],
        mainTerm: 'failure',
        depth: 3,
        anchor: 'systol',
      },
      {
        system: 'cm',
        source: 'neoplasm',
        code: 'C22.9',
        path: 'Neoplasm, neoplastic > liver > Malignant Primary',
        req: ['liver', '#neo:malignant'],
        withKeys: [],
        mainTerm: '',
        depth: 1,
        anchor: 'liver',
        seeAlso: true,
      },
    ],
    byAnchor: new Map([
      ['systol', new Map([['failur', [0]]])],
      ['liver', new Map([['#neo:malignant', [1]]])],
    ]),
    cmPaths: new Map([['failure|heart|systolic|acute on chronic', 'I50.23']]),
    keyFreq: new Map([
      ['systol', 1],
      ['failur', 2],
      ['heart', 3],
      ['acut', 4],
      ['chronic', 4],
      ['liver', 1],
      ['#neo:malignant', 2],
    ]),
    aliases: new Map([['carcinoma', ['#neo:malignant']]]),
    siteKeys: new Set(['liver']),
    cmYear: 2026,
    pcsYear: undefined,
  };
}

/** Hand-made guideline tables (one line each, of the shape the builders return). */
const TABLES: GuidelineTablesData = {
  withLines: [
    {
      path: 'Diabetes, type 2, with, peripheral angiopathy',
      code: 'E11.51',
      baseCode: 'E11.9',
      subterm: 'peripheral angiopathy',
      subtermCodes: ['I73.9'],
    },
  ],
  statusLines: [
    {
      code: 'Z99.2',
      kind: 'dependence',
      words: ['dialysi'],
      alternatives: [['hemodialysi', 'dialysi']],
      source: 'Dependence, on, dialysis',
    },
  ],
  historyLinks: [
    {
      code: 'Z85.3',
      width: 3.3,
      source: 'Z85.3 "Conditions classifiable to C50.-"',
      refs: [{ from: 'C50', to: 'C50' }],
    },
    { code: 'Z86.73', width: 1, source: 'History, personal, stroke', codes: ['I639'] },
  ],
  familyHistoryLinks: [
    { code: 'Z80.3', width: 1, source: 'Z80.3 "Conditions classifiable to C50.-"', refs: [{ from: 'C50', to: 'C50' }] },
    {
      code: 'Z82.61',
      width: 0.001,
      source: 'History, family, arthritis (under Z82.6 "Conditions classifiable to M00-M99")',
      refs: [{ from: 'M00', to: 'M99' }],
      categories: [],
      codes: ['M069'],
    },
  ],
  allergyTerms: { terms: [['latex', { code: 'Z91.040', source: 'History, personal, allergy, latex' }]], maxWords: 1 },
  agentIndex: {
    terms: [{ code: 'B95.62', words: ['mrsa'], source: 'Staphylococcus aureus (MRSA)', acronym: 'MRSA' }],
    genera: [['escherichia', { codes: ['B96.20'], source: 'Escherichia coli, as cause of disease' }]],
    bacterialNec: { code: 'B96.89', source: 'Bacterium, bacteria, bacterial, agent NEC' },
  },
  adverseEffects: [{ name: 'warfarin', code: 'T45.515', row: 'Warfarin' }],
  longTermDrugClasses: [{ code: 'Z79.01', drugs: ['warfarin'] }],
};

const CM: LexiconSource = { role: 'cm', id: 'icd10cm-2026', sha256: 'a'.repeat(64) };
const PCS: LexiconSource = { role: 'pcs', id: 'icd10pcs-2026', sha256: 'b'.repeat(64) };

function bundle(
  blocks = lexiconBlocks(tinyLexicon(), [CM, PCS], TABLES),
  system: 'suggest-lexicon' | 'search' = 'suggest-lexicon',
) {
  const bytes = encodeBundle(
    {
      id: 'suggest-lexicon-2026',
      system,
      fiscalYear: 2026,
      effectiveFrom: '2025-10-01',
      effectiveTo: '2026-09-30',
      release: 'test',
      provenance: [],
      notes: [],
      counts: {},
    },
    blocks,
  );
  const { header, compressed } = decodeBundle(bytes);
  return readerFromCompressed(header, compressed);
}

describe('suggestion lexicon bundle', () => {
  it('gives back the lexicon it was given, Maps, Sets and missing fields included', () => {
    const back = lexiconFromBundle(bundle());
    expect(lexiconData(back)).toStrictEqual(lexiconData(tinyLexicon()));
    expect('seeAlso' in back.entries.at(0)!).toBe(false);
    expect(back.entries.at(1)!.seeAlso).toBe(true);
    expect(guidelineTablesFromBundle(bundle())).toStrictEqual(TABLES);
  });

  it('fits only the tables it was built from (ids and sha256, PCS included)', () => {
    const meta = lexiconMeta(bundle());
    expect(lexiconFits(meta, CM, PCS)).toBe(true);
    expect(lexiconFits(meta, { ...CM, sha256: 'c'.repeat(64) }, PCS)).toBe(false);
    expect(lexiconFits(meta, CM, undefined)).toBe(false);
    expect(lexiconFits(meta, CM, { ...PCS, id: 'icd10pcs-2025' })).toBe(false);
    expect(lexiconFits(lexiconMeta(bundle(lexiconBlocks(tinyLexicon(), [CM], TABLES))), CM, undefined)).toBe(true);
  });

  it('refuses another system, another format version, a malformed meta or a missing block, naming the bundle', () => {
    expect(() => lexiconMeta(bundle(undefined, 'search'))).toThrow(
      /suggest-lexicon-2026 is not a suggestion-lexicon bundle/,
    );
    const [meta, lex, tables] = lexiconBlocks(tinyLexicon(), [CM], TABLES);
    const other = JSON.parse(new TextDecoder().decode(meta!.payload)) as Record<string, unknown>;
    const withMeta = (m: unknown) => bundle([{ ...meta!, payload: jsonPayload(m) }, lex!, tables!]);
    expect(() => lexiconMeta(withMeta({ ...other, formatVersion: 99 }))).toThrow(
      new RegExp(
        `suggest-lexicon-2026 has format 99 .*this build reads format ${SUGGEST_LEXICON_FORMAT_VERSION}.*codesets build`,
      ),
    );
    expect(() => lexiconMeta(withMeta({ ...other, sources: 'x' }))).toThrow(/malformed meta block/);
    expect(() => lexiconFromBundle(bundle([meta!]))).toThrow(/cannot be read: .*no block "lexicon"/);
    expect(() =>
      lexiconFromBundle(
        bundle([meta!, { name: SUGGEST_LEXICON_BLOCK.lexicon, kind: 'bytes', payload: new Uint8Array(30) }]),
      ),
    ).toThrow(/suggest-lexicon-2026 cannot be read: not packed Chartside data/);
    expect(() => lexiconFromBundle(withMeta({ ...other, entries: 5 }))).toThrow(/does not hold a lexicon/);
    expect(() => guidelineTablesFromBundle(bundle([meta!, lex!]))).toThrow(
      /guideline tables of suggest-lexicon-2026 cannot be read: .*no block "guidelines"/,
    );
    expect(() =>
      guidelineTablesFromBundle(
        bundle([meta!, lex!, { ...tables!, payload: jsonPayload({ ...TABLES, withLines: 1 }) }]),
      ),
    ).toThrow(/guideline tables of suggest-lexicon-2026 cannot be read: malformed guideline tables: withLines/);
    // Packed data of the right classes whose offsets do not fit: refused before any entry is read.
    const columns = compactLexicon(tinyLexicon());
    const broken = { ...columns, reqStart: columns.reqStart.slice(0, 2) };
    expect(() =>
      lexiconFromBundle(
        bundle([meta!, { name: SUGGEST_LEXICON_BLOCK.lexicon, kind: 'bytes', payload: packValue(broken) }]),
      ),
    ).toThrow(/suggest-lexicon-2026 cannot be read: lexicon columns do not fit: reqStart/);
    const unpacked = { ...columns, groupEntries: Uint32Array.of(0, 7) };
    expect(() =>
      lexiconFromBundle(
        bundle([meta!, { name: SUGGEST_LEXICON_BLOCK.lexicon, kind: 'bytes', payload: packValue(unpacked) }]),
      ),
    ).toThrow(/cannot be read: lexicon columns do not fit/);
    const wrongClass = { ...columns, entryCode: Array.from(columns.entryCode) };
    expect(() =>
      lexiconFromBundle(
        bundle([meta!, { name: SUGGEST_LEXICON_BLOCK.lexicon, kind: 'bytes', payload: packValue(wrongClass) }]),
      ),
    ).toThrow(/does not hold a lexicon/);
  });
});
