// The engine worker answers the first search from the search index shipped with the extension
// (the `search-<FY>` bundle), refuses one of another index format version with a message the
// response carries, and ignores one built from other tables than the installed ones; in both
// cases it builds the index from the tables instead. Synthetic ICD-10-CM bundle (invented titles),
// the real search-index builder, fake-indexeddb.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import type { ReleaseFile, ReleaseSource } from '../../codesets/builder';
import { SEARCH_INDEX_BLOCK, SEARCH_INDEX_LAYOUT, searchIndexBuilder } from '../../codesets/search-index/builder';
import { decodeBundle, encodeBundle, inflateBlock, readBundleHeader } from '../../engine/bundle/format';
import { deserializeSearchIndex, serializeSearchIndex } from '../../engine/search';
import { openChartsideDb } from '../db';
import { cmFixtureBundle } from '../install/testing/fixture-bundles';
import { installBundleBytes, isInstallProblem } from '../install/installer';
import { createEngine } from './engine';

const ROWS: [string, boolean, string][] = [
  ['I50', false, 'Heart failure'],
  ['I509', true, 'Heart failure, unspecified'],
  ['J189', true, 'Pneumonia, unspecified organism'],
];

/** An in-memory release source laid out as the search-index builder reads it. */
function source(bundles: Uint8Array[]): ReleaseSource {
  const files = new Map<string, ReleaseFile>();
  for (const bytes of bundles) {
    const path = `${SEARCH_INDEX_LAYOUT.installed}${readBundleHeader(bytes).id}.csb`;
    files.set(path, {
      path,
      name: path.split('/').pop()!,
      bytes,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
  }
  return { description: 'memory', list: () => [...files.keys()].sort(), read: (p) => files.get(p)! };
}

async function install(db: ReturnType<typeof openChartsideDb>, bytes: Uint8Array): Promise<void> {
  const result = await installBundleBytes(db, bytes, { source: 'import' });
  if (isInstallProblem(result)) throw new Error(result.message);
}

const cm = cmFixtureBundle(2026, ROWS);
const [shipped] = searchIndexBuilder.build(source([cm])) as { bytes: Uint8Array }[];

describe('engine worker: shipped search index', () => {
  it('answers from the shipped index while the tables it was built from are installed', async () => {
    const db = openChartsideDb({ indexedDB: new IDBFactory(), IDBKeyRange });
    const { api } = createEngine(db);
    await install(db, cm);
    await install(db, shipped!.bytes);
    const r = await api.search('heart failure', { prefix: false });
    expect(r.index.origin).toBe('bundle');
    expect(r.index.refused).toBeUndefined();
    expect(r.hits[0]?.code).toBe('I50.9');
  });

  it('refuses an index of another format version, says so, and builds from the tables', async () => {
    const db = openChartsideDb({ indexedDB: new IDBFactory(), IDBKeyRange });
    const { api } = createEngine(db);
    await install(db, cm);
    const { header, compressed } = decodeBundle(shipped!.bytes);
    const entry = header.blocks.find((b) => b.name === SEARCH_INDEX_BLOCK)!;
    const data = deserializeSearchIndex(inflateBlock(entry, compressed.get(SEARCH_INDEX_BLOCK)!));
    const future = serializeSearchIndex({ ...data, header: { ...data.header, formatVersion: 999 } });
    const { blocks: _blocks, formatVersion: _v, ...meta } = header;
    await install(db, encodeBundle(meta, [{ name: SEARCH_INDEX_BLOCK, kind: 'bytes', payload: future }]));
    const r = await api.search('heart failure', { prefix: false });
    expect(r.index.origin).toBe('built');
    expect(r.index.refused).toMatch(/format version 999; this build reads version \d+/);
    expect(r.hits[0]?.code).toBe('I50.9');
  });

  it('does not use an index built from other tables than the installed ones', async () => {
    const db = openChartsideDb({ indexedDB: new IDBFactory(), IDBKeyRange });
    const { api } = createEngine(db);
    // Same id, other content: the user imported a corrected release after the index was built.
    await install(db, cmFixtureBundle(2026, [...ROWS, ['J90', true, 'Pleural effusion, not elsewhere classified']]));
    await install(db, shipped!.bytes);
    const r = await api.search('pleural effusion', { prefix: false });
    expect(r.index.origin).toBe('built');
    expect(r.hits[0]?.code).toBe('J90');
  });
});
