// The engine worker's bundle readers: every block of an installed bundle comes back byte for byte
// (inflated up front by the native gzip decoder), and a missing block is still reported by name.
// A synthetic suggestion-lexicon bundle (one invented entry) in fake-indexeddb.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { encodeBundle } from '../../engine/bundle/format';
import { lexiconBlocks } from '../../engine/suggest/lexicon-bundle';
import { openChartsideDb } from '../db';
import { installBundleBytes, isInstallProblem } from '../install/installer';
import { createContext } from './context';

const BLOCKS = lexiconBlocks(
  {
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
    pcsYear: undefined,
  },
  [{ role: 'cm', id: 'icd10cm-2026', sha256: '1'.repeat(64) }],
  {
    withLines: [],
    statusLines: [],
    historyLinks: [],
    familyHistoryLinks: [],
    allergyTerms: { terms: [], maxWords: 1 },
    agentIndex: { terms: [], genera: [] },
    adverseEffects: [],
    longTermDrugClasses: [],
  },
);

async function installed() {
  const db = openChartsideDb({ indexedDB: new IDBFactory(), IDBKeyRange });
  const bytes = encodeBundle(
    {
      id: 'suggest-lexicon-2026',
      system: 'suggest-lexicon',
      fiscalYear: 2026,
      effectiveFrom: '2025-10-01',
      effectiveTo: '2026-09-30',
      release: 'reader test',
      provenance: [],
      notes: [],
      counts: {},
    },
    BLOCKS,
  );
  const result = await installBundleBytes(db, bytes, { source: 'import' });
  if (isInstallProblem(result)) throw new Error(result.message);
  return db;
}

describe('engine worker: bundle readers', () => {
  it('gives back every block of an installed bundle as it was written, and names a missing one', async () => {
    const reader = await createContext(await installed()).reader('suggest-lexicon-2026');
    for (const block of BLOCKS) expect(reader.bytes(block.name)).toStrictEqual(block.payload);
    expect(() => reader.bytes('absent')).toThrow(/suggest-lexicon-2026 has no block "absent"/);
  });

  it('builds a table once for calls made before the first finished (warm-up and first suggestion)', async () => {
    const ctx = createContext(await installed());
    let builds = 0;
    const build = () => ({ build: ++builds });
    const [a, b] = await Promise.all([
      ctx.tableFor('suggest-lexicon', 'test-table', build, '2026-01-15'),
      ctx.tableFor('suggest-lexicon', 'test-table', build, '2026-01-15'),
    ]);
    expect(builds).toBe(1);
    expect(a.table).toBe(b.table);
    expect((await ctx.tableFor('suggest-lexicon', 'test-table', build, '2026-01-15')).table).toBe(a.table);
  });
});
