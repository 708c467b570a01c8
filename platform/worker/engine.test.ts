import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sha256Hex } from '../../engine/bundle/sha256';
import { openChartsideDb } from '../db';
import { cmFixtureBundle } from '../install/testing/fixture-bundles';
import { createEngine } from './engine';

const ROWS_2025: [string, boolean, string][] = [
  ['Z99', false, 'Synthetic category'],
  ['Z991', true, 'Synthetic billable FY2025 title'],
];
const ROWS_2026: [string, boolean, string][] = [
  ['Z99', false, 'Synthetic category'],
  ['Z991', true, 'Synthetic billable FY2026 title'],
  ['Z992', true, 'Synthetic code new in FY2026'],
];

function engine() {
  return createEngine(openChartsideDb({ indexedDB: new IDBFactory(), IDBKeyRange })).api;
}

afterEach(() => vi.unstubAllGlobals());

describe('engine worker API (called directly, without Comlink)', () => {
  it('is not ready and says so before anything is installed', async () => {
    const api = engine();
    expect(await api.status()).toEqual({ ready: false, releases: [], problems: [] });
    expect(await api.lookupCode('Z99.1', '2026-01-15')).toEqual({
      status: 'no-release',
      query: 'Z99.1',
      message: expect.stringMatching(/no ICD-10-CM release is installed.*options page/),
    });
  });

  it('reports installed releases with provenance and looks codes up in the release of the date of service', async () => {
    const api = engine();
    const b25 = cmFixtureBundle(2025, ROWS_2025);
    expect(await api.installBundle(b25)).toEqual({ installed: ['icd10cm-2025'], skipped: [], problems: [] });
    expect(await api.installBundle(cmFixtureBundle(2026, ROWS_2026))).toMatchObject({ installed: ['icd10cm-2026'] });

    const status = await api.status();
    expect(status.ready).toBe(true);
    expect(status.releases.map((r) => r.id)).toEqual(['icd10cm-2026', 'icd10cm-2025']);
    expect(status.releases[1]).toMatchObject({
      sha256: sha256Hex(b25),
      bytes: b25.length,
      source: 'import',
      provenance: [{ file: 'icd10cm_order_2025.txt', role: 'order', releaseYear: 2025 }],
    });
    // The assembler's own substitution notes travel unchanged to the UI.
    expect(status.releases[1]!.notes).toContainEqual(
      expect.stringMatching(/^No Tabular List XML available for FY2025/),
    );

    const fy25 = await api.lookupCode('z99.1', '2025-09-30');
    expect(fy25).toMatchObject({
      status: 'found',
      code: { dotted: 'Z99.1', long: 'Synthetic billable FY2025 title', billable: true },
      used: { id: 'icd10cm-2025' },
    });
    expect(fy25.status === 'found' && 'fallback' in fy25.used).toBe(false);
    const fy26 = await api.lookupCode('Z991', '2025-10-01');
    expect(fy26).toMatchObject({
      status: 'found',
      code: { long: 'Synthetic billable FY2026 title', ancestors: [{ code: 'Z99' }] },
      used: { id: 'icd10cm-2026' },
    });

    const later = await api.lookupCode('Z99.2', '2027-03-01');
    expect(later).toMatchObject({
      status: 'found',
      used: {
        id: 'icd10cm-2026',
        fallback: expect.stringMatching(/No ICD-10-CM release covers 2027-03-01.*FY2026.*newest available/),
      },
    });
    expect(await api.lookupCode('Z99.2', '2025-01-01')).toEqual({
      status: 'not-found',
      query: 'Z99.2',
      used: { id: 'icd10cm-2025', release: 'ICD-10-CM FY2025 (Oct 1, 2024)', fiscalYear: 2025 },
      message: 'Z99.2 is not an ICD-10-CM code in ICD-10-CM FY2025 (Oct 1, 2024).',
    });
  });

  it('sees a re-imported release immediately (cached tables are dropped on install)', async () => {
    const api = engine();
    await api.installBundle(cmFixtureBundle(2026, ROWS_2026));
    expect(await api.lookupCode('Z99.1', '2026-01-01')).toMatchObject({
      code: { long: 'Synthetic billable FY2026 title' },
    });
    await api.installBundle(cmFixtureBundle(2026, [['Z991', true, 'Revised synthetic title']]));
    expect(await api.lookupCode('Z99.1', '2026-01-01')).toMatchObject({ code: { long: 'Revised synthetic title' } });
  });

  it('installs the package from its codesets/ URL, then skips it on the next run', async () => {
    const bundle = cmFixtureBundle(2026, ROWS_2026);
    const files: Record<string, Uint8Array | string> = {
      '/codesets/index.json': JSON.stringify({
        formatVersion: 1,
        bundles: [{ id: 'icd10cm-2026', file: 'icd10cm-2026.csb', bytes: bundle.length, sha256: sha256Hex(bundle) }],
      }),
      '/codesets/icd10cm-2026.csb': bundle,
    };
    const requested: string[] = [];
    // The worker only ever reads its own package; this stands in for the extension origin.
    vi.stubGlobal('fetch', async (url: URL) => {
      requested.push(url.href);
      const body = files[url.pathname];
      return body === undefined ? new Response('missing', { status: 404 }) : new Response(body as BodyInit);
    });
    const api = engine();
    const progress: string[] = [];
    const first = await api.installPackage('chrome-extension://abc/codesets/', (p) =>
      progress.push(`${p.phase}:${p.bundlesDone}/${p.bundlesTotal}`),
    );
    expect(first).toEqual({ installed: ['icd10cm-2026'], skipped: [], problems: [] });
    expect(progress).toEqual(['checking:0/1', 'fetching:0/1', 'writing:0/1', 'writing:1/1', 'done:1/1']);
    expect(requested).toEqual([
      'chrome-extension://abc/codesets/index.json',
      'chrome-extension://abc/codesets/icd10cm-2026.csb',
    ]);
    expect(await api.installPackage('chrome-extension://abc/codesets/')).toEqual({
      installed: [],
      skipped: ['icd10cm-2026'],
      problems: [],
    });
    await expect(api.installPackage('chrome-extension://abc/elsewhere/')).rejects.toThrow(
      /HTTP 404 .*elsewhere\/index\.json/,
    );
  });
});
