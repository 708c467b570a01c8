import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { DBCore, DBCoreMutateRequest } from 'dexie';
import { describe, expect, it } from 'vitest';
import { blockJson, inflateBlock } from '../../engine/bundle/format';
import { readerFromCompressed, readJson } from '../../engine/bundle/reader';
import { sha256Hex } from '../../engine/bundle/sha256';
import { listReleases, openChartsideDb, readBlocks, type ChartsideDb } from '../db';
import { installBundleBytes, installFromPackage, isInstallProblem, type InstallProgress } from './installer';
import type { PackageIndex } from './package-index';
import { fixtureBundle } from './testing/fixture-bundles';

/** Fault injection: when set, every `blocks` put fails with this error (after the delete of old blocks ran). */
interface Faults {
  blockPut?: () => Error;
}

function freshDb(faults: Faults = {}): ChartsideDb {
  const db = openChartsideDb({ indexedDB: new IDBFactory(), IDBKeyRange });
  // Dexie middleware must be registered before the database opens; it consults `faults` on each call.
  db.use({
    stack: 'dbcore',
    name: 'fail-block-puts',
    create: (down: DBCore): DBCore => ({
      ...down,
      table(name) {
        const table = down.table(name);
        if (name !== 'blocks') return table;
        return {
          ...table,
          mutate(req: DBCoreMutateRequest) {
            if (req.type === 'put' && faults.blockPut) return Promise.reject(faults.blockPut());
            return table.mutate(req);
          },
        };
      },
    }),
  });
  return db;
}

function packageOf(files: Record<string, Uint8Array>): {
  index: PackageIndex;
  fetch: (f: string) => Promise<Uint8Array>;
  fetched: string[];
} {
  const fetched: string[] = [];
  const index: PackageIndex = {
    formatVersion: 1,
    bundles: Object.entries(files).map(([file, bytes]) => ({
      id: file.replace(/\.csb$/, ''),
      file,
      bytes: bytes.length,
      sha256: sha256Hex(bytes),
    })),
  };
  return {
    index,
    fetched,
    fetch: async (file) => {
      fetched.push(file);
      const bytes = files[file];
      if (!bytes) throw new Error(`404 ${file}`);
      return bytes;
    },
  };
}

async function firstTitle(db: ChartsideDb, id: string): Promise<string> {
  const [row] = (await listReleases(db)).filter((r) => r.id === id);
  if (!row) throw new Error(`${id} not installed`);
  const reader = readerFromCompressed(row.header, await readBlocks(db, id));
  return readJson<{ title: string }[]>(reader, 'codes-0')[0]!.title;
}

describe('installFromPackage', () => {
  it('installs every bundle as blocks with its header, reporting progress in bytes and bundles', async () => {
    const db = freshDb();
    const cm = fixtureBundle({ system: 'icd10cm', fiscalYear: 2026, blocks: 4 });
    const pcs = fixtureBundle({ system: 'icd10pcs', fiscalYear: 2026, blocks: 2 });
    const pkg = packageOf({ 'icd10cm-2026.csb': cm, 'icd10pcs-2026.csb': pcs });
    const progress: InstallProgress[] = [];
    const report = await installFromPackage(db, pkg.index, pkg.fetch, (p) => progress.push(p));

    expect(report).toEqual({ installed: ['icd10cm-2026', 'icd10pcs-2026'], skipped: [], problems: [] });
    const releases = await listReleases(db);
    expect(releases.map((r) => [r.id, r.sha256, r.bytes, r.source, r.state])).toEqual([
      ['icd10cm-2026', sha256Hex(cm), cm.length, 'package', 'installed'],
      ['icd10pcs-2026', sha256Hex(pcs), pcs.length, 'package', 'installed'],
    ]);
    // Blocks, not one record per code: 4 + 2 records for 300 synthetic codes.
    expect(await db.blocks.count()).toBe(6);
    const cmBlocks = await readBlocks(db, 'icd10cm-2026');
    const entry = releases[0]!.header.blocks.find((b) => b.name === 'codes-3')!;
    expect(blockJson<unknown[]>(inflateBlock(entry, cmBlocks.get('codes-3')!))).toHaveLength(50);

    const last = progress.at(-1)!;
    expect(last).toMatchObject({
      phase: 'done',
      bundlesDone: 2,
      bundlesTotal: 2,
      bytesDone: cm.length + pcs.length,
      bytesTotal: cm.length + pcs.length,
    });
    const done = progress.map((p) => p.bytesDone);
    expect(done).toEqual([...done].sort((a, b) => a - b));
  });

  it('skips an installed bundle with the same id and sha256 without fetching it, and replaces a changed one', async () => {
    const db = freshDb();
    const v1 = packageOf({ 'icd10cm-2026.csb': fixtureBundle({ revision: 1 }) });
    await installFromPackage(db, v1.index, v1.fetch);
    const again = await installFromPackage(db, v1.index, v1.fetch);
    expect(again).toEqual({ installed: [], skipped: ['icd10cm-2026'], problems: [] });
    expect(v1.fetched).toEqual(['icd10cm-2026.csb']);

    const v2 = packageOf({ 'icd10cm-2026.csb': fixtureBundle({ revision: 2, blocks: 2 }) });
    expect((await installFromPackage(db, v2.index, v2.fetch)).installed).toEqual(['icd10cm-2026']);
    expect(await firstTitle(db, 'icd10cm-2026')).toBe('Synthetic r2 0/0');
    // The old version's third block is gone with it: no mix of versions.
    expect([...(await readBlocks(db, 'icd10cm-2026')).keys()]).toEqual(['codes-0', 'codes-1']);
  });

  it('never overwrites a release the user imported with the packaged one of the same id', async () => {
    const db = freshDb();
    const imported = fixtureBundle({ revision: 7 });
    await installBundleBytes(db, imported, { source: 'import' });
    const pkg = packageOf({ 'icd10cm-2026.csb': fixtureBundle({ revision: 1 }) });
    expect(await installFromPackage(db, pkg.index, pkg.fetch)).toEqual({
      installed: [],
      skipped: ['icd10cm-2026'],
      problems: [],
    });
    expect(await firstTitle(db, 'icd10cm-2026')).toBe('Synthetic r7 0/0');
  });

  it('leaves the previous version intact when the write fails part-way', async () => {
    const faults: Faults = {};
    const db = freshDb(faults);
    const v1 = packageOf({ 'icd10cm-2026.csb': fixtureBundle({ revision: 1 }) });
    await installFromPackage(db, v1.index, v1.fetch);
    const before = await listReleases(db);

    faults.blockPut = () => new Error('simulated crash while writing blocks');
    const v2 = packageOf({ 'icd10cm-2026.csb': fixtureBundle({ revision: 2 }) });
    const report = await installFromPackage(db, v2.index, v2.fetch);

    expect(report.installed).toEqual([]);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatchObject({ bundleId: 'icd10cm-2026', kind: 'write' });
    expect(report.problems[0]!.message).toMatch(/simulated crash.*unchanged/);
    expect(await listReleases(db)).toEqual(before);
    expect(await db.blocks.count()).toBe(3);
    expect(await firstTitle(db, 'icd10cm-2026')).toBe('Synthetic r1 0/0');
  });

  it('surfaces a QuotaExceededError as a clear quota problem and writes nothing', async () => {
    const db = freshDb({ blockPut: () => new DOMException('The quota has been exceeded.', 'QuotaExceededError') });
    const pkg = packageOf({ 'icd10cm-2026.csb': fixtureBundle() });
    const report = await installFromPackage(db, pkg.index, pkg.fetch);
    expect(report.problems).toEqual([
      {
        bundleId: 'icd10cm-2026',
        kind: 'quota',
        message: expect.stringMatching(
          /^Not enough storage to install Synthetic icd10cm FY2026 r1 \(\d+\.\d MB\).*QuotaExceededError.*Free some disk space/,
        ),
      },
    ]);
    expect(await db.releases.count()).toBe(0);
    expect(await db.blocks.count()).toBe(0);
  });

  it('refuses a corrupt or mismatching file whole and reports a missing one', async () => {
    const db = freshDb();
    const good = fixtureBundle();
    const pkg = packageOf({ 'icd10cm-2026.csb': good });
    const corrupt = good.slice();
    corrupt[corrupt.length - 20] = corrupt[corrupt.length - 20]! ^ 0xff;
    const report = await installFromPackage(db, pkg.index, async () => corrupt);
    expect(report.problems[0]).toMatchObject({
      kind: 'corrupt',
      message: expect.stringMatching(/checksum does not match the package index/),
    });

    const direct = await installBundleBytes(db, corrupt, { source: 'import', label: 'picked.csb' });
    expect(isInstallProblem(direct) && direct.kind).toBe('corrupt');
    expect(isInstallProblem(direct) && direct.message).toMatch(
      /^picked\.csb: block "codes-\d" (is corrupt|does not match its checksum)/,
    );

    const missing = await installFromPackage(db, pkg.index, async () => {
      throw new Error('404');
    });
    expect(missing.problems[0]).toMatchObject({
      kind: 'fetch',
      message: expect.stringMatching(/icd10cm-2026\.csb.*404/),
    });
    expect(await db.releases.count()).toBe(0);
  });
});
