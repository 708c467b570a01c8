// The engine worker uses the installed suggestion lexicon only with the very tables it was built
// from (bundle ids and sha256); with other tables, without one, or with one of another format it
// says why, and the caller builds the lexicon from the tables. A hand-made lexicon, fake-indexeddb.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { encodeBundle, jsonPayload } from '../../engine/bundle/format';
import type { GuidelineTablesData } from '../../engine/suggest/guideline-tables';
import type { SuggestLexicon } from '../../engine/suggest/lexicon';
import { lexiconData } from '../../engine/suggest/compact-lexicon';
import { lexiconBlocks, SUGGEST_LEXICON_FORMAT_VERSION, type LexiconSource } from '../../engine/suggest/lexicon-bundle';
import { openChartsideDb, type ReleaseRow } from '../db';
import { installBundleBytes, isInstallProblem } from '../install/installer';
import { createContext } from './context';
import { suggestLexiconLoader } from './suggest-lexicon';

const LEXICON: SuggestLexicon = {
  entries: [
    {
      system: 'cm',
      source: 'tabular',
      code: 'J18.9',
      path: 'Pneumonia, unspecified organism',
      req: ['pneumonia'],
      withKeys: [],
      mainTerm: '',
      depth: 0,
      anchor: 'pneumonia',
    },
  ],
  byAnchor: new Map([['pneumonia', new Map([['', [0]]])]]),
  cmPaths: new Map(),
  keyFreq: new Map([['pneumonia', 1]]),
  aliases: new Map(),
  siteKeys: new Set(),
  cmYear: 2026,
  pcsYear: 2026,
};

/** Hand-made guideline tables (one "with" line). */
const TABLES: GuidelineTablesData = {
  withLines: [
    { path: 'Pneumonia, with, effusion', code: 'J18.9', baseCode: 'J18.9', subterm: 'effusion', subtermCodes: ['J90'] },
  ],
  statusLines: [],
  historyLinks: [],
  familyHistoryLinks: [],
  allergyTerms: { terms: [], maxWords: 1 },
  agentIndex: { terms: [], genera: [] },
  adverseEffects: [],
  longTermDrugClasses: [],
};

const CM = { id: 'icd10cm-2026', sha256: '1'.repeat(64) };
const PCS = { id: 'icd10pcs-2026', sha256: '2'.repeat(64) };

/** The fields of a release row the loader reads. */
const row = (r: { id: string; sha256: string }): ReleaseRow => ({ ...r, fiscalYear: 2026 }) as ReleaseRow;

function lexiconBundle(sources: LexiconSource[], blocks = lexiconBlocks(LEXICON, sources, TABLES)): Uint8Array {
  return encodeBundle(
    {
      id: 'suggest-lexicon-2026',
      system: 'suggest-lexicon',
      fiscalYear: 2026,
      effectiveFrom: '2025-10-01',
      effectiveTo: '2026-09-30',
      release: 'Suggestion lexicon FY2026 (test)',
      provenance: [],
      notes: [],
      counts: {},
    },
    blocks,
  );
}

async function loaderWith(bytes?: Uint8Array) {
  const db = openChartsideDb({ indexedDB: new IDBFactory(), IDBKeyRange });
  if (bytes) {
    const result = await installBundleBytes(db, bytes, { source: 'import' });
    if (isInstallProblem(result)) throw new Error(result.message);
  }
  return suggestLexiconLoader(createContext(db));
}

describe('engine worker: shipped suggestion lexicon', () => {
  it('loads the installed lexicon built from the tables in use', async () => {
    const load = await loaderWith(
      lexiconBundle([
        { role: 'cm', ...CM },
        { role: 'pcs', ...PCS },
      ]),
    );
    const choice = await load(row(CM), row(PCS));
    expect(lexiconData(choice.lexicon!)).toStrictEqual(lexiconData(LEXICON));
    expect(choice.lexicon && choice.guidelines).toStrictEqual(TABLES);
    expect(await load(row(CM), row(PCS))).toBe(await load(row(CM), row(PCS))); // decoded once
  });

  it('says why when none is installed, or it was built from other tables', async () => {
    expect(await (await loaderWith())(row(CM), row(PCS))).toEqual({ reason: 'no suggestion lexicon is installed' });
    const load = await loaderWith(
      lexiconBundle([
        { role: 'cm', ...CM },
        { role: 'pcs', ...PCS },
      ]),
    );
    expect(await load(row({ ...CM, sha256: '3'.repeat(64) }), row(PCS))).toEqual({
      reason: 'suggest-lexicon-2026 was built from other tables',
    });
    expect((await load(row(CM), undefined)).lexicon).toBeUndefined();
  });

  it('keeps the lexicon and says why when its guideline tables cannot be read', async () => {
    const [meta, lex] = lexiconBlocks(LEXICON, [{ role: 'cm', ...CM }], TABLES);
    const choice = await (await loaderWith(lexiconBundle([], [meta!, lex!])))(row(CM), undefined);
    expect(lexiconData(choice.lexicon!)).toStrictEqual(lexiconData(LEXICON));
    expect(choice.lexicon && choice.guidelinesReason).toBe('suggest-lexicon-2026 lacks its guideline tables');
  });

  it('refuses a lexicon of another format version with its message', async () => {
    const [meta, lex] = lexiconBlocks(LEXICON, [{ role: 'cm', ...CM }], TABLES);
    const json = JSON.parse(new TextDecoder().decode(meta!.payload)) as Record<string, unknown>;
    const load = await loaderWith(
      lexiconBundle([], [{ ...meta!, payload: jsonPayload({ ...json, formatVersion: 7 }) }, lex!]),
    );
    expect(await load(row(CM), undefined)).toEqual({
      reason: expect.stringMatching(
        new RegExp(`suggest-lexicon-2026 has format 7 .*this build reads format ${SUGGEST_LEXICON_FORMAT_VERSION}`),
      ) as string,
    });
  });
});
