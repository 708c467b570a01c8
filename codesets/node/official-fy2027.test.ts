/**
 * Official FY2027 files given through `$CODESETS_SRC` replace the derivation: a synthetic miniature
 * release (test/fixtures/mini-fy2027-release.ts) is written to a folder, found
 * through `$CODESETS_SRC` as `npx chartside codesets build` finds it, and built into a cache of its
 * own. With only the FY2027 addenda, FY2027 is derived and says so; once the official FY2027 order
 * files (and the PCS Tables) are added to the folder, the next build uses them, the derivation is
 * gone and the provenance names the official FY2027 files, as `chartside codesets info` lists it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BundleHeader } from '../../engine/bundle/format';
import { sha256Hex } from '../../engine/bundle/sha256';
import { PcsTable } from '../../engine/icd10pcs/pcs-table';
import { describeBundle } from '../../cli/commands/codesets';
import { buildInstalledCodesets, installedBundles, loadInstalledTables, readBundleFile } from './cache';
import { findCodesetsSource } from './source';
import { MINI_ADDENDA_ONLY, MINI_OFFICIAL_FY2027 } from '../../test/fixtures/mini-fy2027-release';

const dir = mkdtempSync(join(tmpdir(), 'chartside-official-fy2027-'));
const src = join(dir, 'src');
const cache = join(dir, 'cache');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const put = (path: string, text: string): void => {
  mkdirSync(dirname(join(src, path)), { recursive: true });
  writeFileSync(join(src, path), text);
};
const sha = (text: string): string => sha256Hex(new TextEncoder().encode(text));

for (const [path, text] of MINI_ADDENDA_ONLY) put(path, text);

/** `npx chartside codesets build --only icd10cm,icd10pcs` with `$CODESETS_SRC` set, into the test's cache. */
async function build(): Promise<Map<string, BundleHeader>> {
  const sourceDir = findCodesetsSource({ CODESETS_SRC: src });
  expect(sourceDir).toBe(src);
  const reports = await buildInstalledCodesets({ sourceDir, cacheDir: cache, only: ['icd10cm', 'icd10pcs'] });
  for (const r of reports) expect(r.error, r.name).toBeUndefined();
  return new Map(installedBundles(cache).map((h) => [h.id, h]));
}

const pcsTable = (id: string): PcsTable => PcsTable.fromBundle(readBundleFile(join(cache, 'bundles', `${id}.csb`)));

describe('official FY2027 files through $CODESETS_SRC replace the derivation', () => {
  it('with the addenda alone, FY2027 is derived and says so', async () => {
    const h = await build();
    expect(h.get('icd10cm-2027')!.derivation).toMatch(/^derived: FY2026 order file \+ FY2027 order addenda/);
    expect(h.get('icd10pcs-2027')!.derivation).toMatch(/^derived: FY2026 April 1 update \+ FY2027 codes addenda/);
    expect(describeBundle(h.get('icd10cm-2027')!).split('\n')[1]).toMatch(/^ {2}derived: FY2026 order file/);
    const tables = await loadInstalledTables({ cacheDir: cache, sourceDir: src });
    expect(tables.cmFor('2026-10-01').table.get('A00.1')!.long).toBe('Synthetic fever, type two');
    expect(pcsTable('icd10pcs-2027').get('0DTQ0ZZ')!.long).toBe('Resection of Whimsy, Open Approach');
  }, 60_000);

  it('once the official FY2027 files are in the folder, the next build uses them and names them', async () => {
    for (const [path, text] of MINI_OFFICIAL_FY2027) put(path, text);
    const h = await build();

    const cm = h.get('icd10cm-2027')!;
    expect(cm.derivation).toBeUndefined();
    expect(cm.release).not.toMatch(/derived/);
    expect(cm.provenance.find((p) => p.role === 'order')).toMatchObject({
      file: 'icd10cm_order_2027.txt',
      releaseYear: 2027,
      sha256: sha(MINI_OFFICIAL_FY2027.get('icd10cm/FY2027/icd10cm_order_2027.txt')!),
    });
    expect(describeBundle(cm)).not.toMatch(/derived/);
    const tables = await loadInstalledTables({ cacheDir: cache, sourceDir: src });
    expect(tables.cmFor('2026-10-01').table.get('A00.1')!.long).toBe('Synthetic fever, type two (official wording)');

    const pcs = h.get('icd10pcs-2027')!;
    expect(pcs.derivation).toBeUndefined();
    expect(pcs.provenance.map((p) => [p.role, p.releaseYear, p.file])).toEqual(
      expect.arrayContaining([
        ['order', 2027, 'icd10pcs_order_2027.txt'],
        ['tables', 2027, 'icd10pcs_tables_2027.xml'],
      ]),
    );
    expect(pcs.provenance.some((p) => p.role === 'addenda' || p.role === 'april-codes')).toBe(false);
    expect(pcsTable('icd10pcs-2027').get('0DTQ0ZZ')!.long).toBe('Resection of Whimsy, Open Approach (official)');
    // FY2026 is untouched by the FY2027 files.
    expect(h.get('icd10cm-2026')!.provenance.map((p) => p.releaseYear)).toEqual([2026]);
  }, 60_000);
});
