import { describe, expect, it } from 'vitest';
import { encodeBundle, readBundleHeader } from '../engine/bundle/format';
import { ReleaseFileError, type CodesetBuilder } from './builder';
import { buildCodesets, type BundleStore, type CodesetsManifest } from './build';
import { MemorySource } from './testing/memory-source';

class MemoryStore implements BundleStore {
  bundles = new Map<string, Uint8Array>();
  manifest: CodesetsManifest | undefined;
  writes = 0;
  readManifest() {
    return this.manifest && (JSON.parse(JSON.stringify(this.manifest)) as CodesetsManifest);
  }
  writeBundle(id: string, bytes: Uint8Array) {
    this.writes++;
    this.bundles.set(id, bytes);
  }
  removeBundle(id: string) {
    this.bundles.delete(id);
  }
  writeManifest(m: CodesetsManifest) {
    this.manifest = JSON.parse(JSON.stringify(m)) as CodesetsManifest;
  }
}

/** A builder making one bundle per line of `toy/list.txt`; a line "BAD" is a malformed line. */
function toyBuilder(calls: { n: number }): CodesetBuilder {
  return {
    name: 'toy',
    version: 1,
    inputs: () => ['toy/list.txt'],
    build(source) {
      calls.n++;
      const lines = new TextDecoder().decode(source.read('toy/list.txt').bytes).split('\n');
      const bad = lines.indexOf('BAD');
      if (bad >= 0) throw new ReleaseFileError('toy/list.txt', bad + 1, 'malformed line');
      return lines.map((year) => {
        const bytes = encodeBundle(
          {
            id: `icd10pcs-${year}`,
            system: 'icd10pcs',
            fiscalYear: Number(year),
            effectiveFrom: `${Number(year) - 1}-10-01`,
            effectiveTo: `${year}-09-30`,
            release: year,
            provenance: [],
            notes: [],
            counts: { n: 1 },
          },
          [{ name: 'x', kind: 'text', payload: new TextEncoder().encode(year) }],
        );
        return { header: readBundleHeader(bytes), bytes };
      });
    },
  };
}

describe('build orchestrator', () => {
  it('builds, then skips an unchanged builder, then rebuilds when an input changes', async () => {
    const calls = { n: 0 };
    const files = new Map([['toy/list.txt', '2025\n2026']]);
    const store = new MemoryStore();
    const builders = [toyBuilder(calls)];
    const first = await buildCodesets({ builders, source: new MemorySource(files), store });
    expect(first.map((r) => r.status)).toEqual(['built']);
    expect([...store.bundles.keys()].sort()).toEqual(['icd10pcs-2025', 'icd10pcs-2026']);
    expect(store.manifest!.bundles.map((h) => h.id)).toEqual(['icd10pcs-2025', 'icd10pcs-2026']);

    const second = await buildCodesets({ builders, source: new MemorySource(files), store });
    expect(second.map((r) => r.status)).toEqual(['cached']);
    // A cached report gives the same bundle sizes as the build that wrote them.
    expect(second[0]!.bundles).toEqual(first[0]!.bundles);
    expect(calls.n).toBe(1);

    files.set('toy/list.txt', '2026');
    const third = await buildCodesets({ builders, source: new MemorySource(files), store });
    expect(third.map((r) => r.status)).toEqual(['built']);
    expect([...store.bundles.keys()]).toEqual(['icd10pcs-2026']); // the bundle no longer produced is removed
    expect(store.manifest!.bundles.map((h) => h.id)).toEqual(['icd10pcs-2026']);
  });

  it('keeps the previous bundles and manifest when a builder fails, reporting file and line', async () => {
    const calls = { n: 0 };
    const store = new MemoryStore();
    const builders = [toyBuilder(calls)];
    await buildCodesets({ builders, source: new MemorySource(new Map([['toy/list.txt', '2026']])), store });
    const before = {
      bundle: store.bundles.get('icd10pcs-2026'),
      manifest: JSON.stringify(store.manifest),
      writes: store.writes,
    };

    const reports = await buildCodesets({
      builders,
      source: new MemorySource(new Map([['toy/list.txt', '2026\nBAD']])),
      store,
    });
    expect(reports).toEqual([
      expect.objectContaining({
        name: 'toy',
        status: 'failed',
        error: { message: 'toy/list.txt:2: malformed line', file: 'toy/list.txt', line: 2 },
      }),
    ]);
    expect(store.writes).toBe(before.writes);
    expect(store.bundles.get('icd10pcs-2026')).toBe(before.bundle);
    expect(JSON.stringify(store.manifest)).toBe(before.manifest);
  });

  it('one failing builder does not stop the others; --only and force are honoured', async () => {
    const store = new MemoryStore();
    const broken: CodesetBuilder = {
      name: 'broken',
      version: 1,
      inputs: () => [],
      build: () => {
        throw new Error('boom');
      },
    };
    const calls = { n: 0 };
    const source = new MemorySource(new Map([['toy/list.txt', '2026']]));
    const reports = await buildCodesets({ builders: [broken, toyBuilder(calls)], source, store });
    expect(reports.map((r) => [r.name, r.status])).toEqual([
      ['broken', 'failed'],
      ['toy', 'built'],
    ]);
    const only = await buildCodesets({
      builders: [broken, toyBuilder(calls)],
      source,
      store,
      only: ['toy'],
      force: true,
    });
    expect(only.map((r) => [r.name, r.status])).toEqual([['toy', 'built']]);
    expect(calls.n).toBe(2);
  });
});
