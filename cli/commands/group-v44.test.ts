/**
 * `chartside codesets build` / `group` / `edits` with MS-DRG v44 given through `$CODESETS_SRC`: a
 * synthetic miniature v44 release (test/fixtures/mini-msdrg-v44-release.ts) is written to a folder,
 * found through `$CODESETS_SRC`, built into a cache of its own, and opened as the CLI opens it. An
 * FY2027 discharge is then grouped and edited with v44 (no "orientation" field, nothing on stderr);
 * FY2026 discharges keep v43.x and MCE 43.1; without v44 the same FY2027 claim is still marked as
 * orientation only.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BundleReader } from '../../engine/bundle/reader';
import { buildInstalledCodesets, installedBundles } from '../../codesets/node/cache';
import { findCodesetsSource } from '../../codesets/node/source';
import { msdrgReaders } from '../../test/golden/msdrg-bundles';
import { MINI_MSDRG_V44 } from '../../test/fixtures/mini-msdrg-v44-release';
import { describeBundle } from './codesets';
import { runEdits } from './edits';
import { runGroup } from './group';
import { loadMsdrgReaders } from './msdrg-readers';

const dir = mkdtempSync(join(tmpdir(), 'chartside-msdrg-v44-'));
const src = join(dir, 'src');
const cache = join(dir, 'cache');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
for (const [path, text] of MINI_MSDRG_V44) {
  mkdirSync(dirname(join(src, path)), { recursive: true });
  writeFileSync(join(src, path), text);
}

let v43: { grouper: BundleReader[]; mce: BundleReader };
let v44: { grouper: BundleReader[]; mce: BundleReader[] };
beforeAll(async () => {
  const sourceDir = findCodesetsSource({ CODESETS_SRC: src });
  expect(sourceDir).toBe(src);
  const reports = await buildInstalledCodesets({ sourceDir, cacheDir: cache, only: ['msdrg'] });
  expect(reports.map((r) => [r.name, r.status, r.error?.message])).toEqual([['msdrg', 'built', undefined]]);
  v43 = await msdrgReaders();
  const installed = await loadMsdrgReaders(cache);
  v44 = { grouper: installed.grouper, mce: await installed.mce() };
}, 60_000);

async function run(
  command: typeof runGroup | typeof runEdits,
  readers: BundleReader[],
  lines: object[],
): Promise<{ out: Record<string, unknown>[]; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io = {
    stdin: Readable.from([lines.map((l) => JSON.stringify(l)).join('\n')]),
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s) },
  };
  expect(await command(['--format', 'jsonl'], io, readers)).toBe(0);
  const parsed = out
    .join('')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { out: parsed, err: err.join('') };
}

const base = { age: 70, sex: 'F', dischargeStatus: '01', pdx: 'J18.9' };
const CLAIMS = [
  { id: 'fy26', ...base, sdx: ['E11.9'], procedures: [], dischargeDate: '2026-09-30' },
  // C78.31 and 0W99003 are new FY2027 codes (official FY2027 addenda), not in v43.1's tables.
  { id: 'fy27', ...base, sdx: ['C78.31', 'E11.9'], procedures: [], dischargeDate: '2026-11-15' },
  { id: 'fy27-or', ...base, sdx: [], procedures: ['0W99003'], dischargeDate: '2026-11-15' },
];

describe('MS-DRG v44 through $CODESETS_SRC', () => {
  it('a v44 release lacking a file is refused by name, and what was installed stays', async () => {
    const broken = join(dir, 'broken');
    for (const [path, text] of MINI_MSDRG_V44) {
      if (path.endsWith('appendix_A.txt')) continue;
      mkdirSync(dirname(join(broken, path)), { recursive: true });
      writeFileSync(join(broken, path), text);
    }
    const [report] = await buildInstalledCodesets({ sourceDir: broken, cacheDir: cache, only: ['msdrg'] });
    expect(report!.error).toEqual({
      message: 'msdrg/FY2027/appendix_A.txt: missing: the FY2027 MS-DRG / MCE tables need it',
      file: 'msdrg/FY2027/appendix_A.txt',
    });
    expect(
      installedBundles(cache)
        .map((b) => b.id)
        .sort(),
    ).toEqual(['mce-44.0', 'msdrg-44.0']);
  });

  it('is installed as msdrg-44.0 / mce-44.0 and listed by `chartside codesets info` with its FY2027 files', () => {
    const h = new Map(installedBundles(cache).map((b) => [b.id, b]));
    expect([...h.keys()].sort()).toEqual(['mce-44.0', 'msdrg-44.0']);
    const info = describeBundle(h.get('msdrg-44.0')!);
    expect(info.split('\n')[0]).toBe(
      'msdrg-44.0  MS-DRG v44.0 (FY2027, Oct 1, 2026)  effective 2026-10-01..2027-09-30',
    );
    expect(info).toMatch(/weights {5}FY2027 {2}msdrg\/FY2027\/drgstable-2027\.csv/);
  });

  it('chartside group: an FY2027 discharge is a v44.0 result, not orientation only; FY2026 keeps v43.1', async () => {
    const { out, err } = await run(runGroup, [...v43.grouper, ...v44.grouper], CLAIMS);
    expect(out.map((o) => [o.id, o.version, o.finalDrg, o.severity, o.orientation])).toEqual([
      ['fy26', '43.1', 195, 'NON_CC', undefined],
      ['fy27', '44.0', 902, 'MCC', undefined],
      ['fy27-or', '44.0', 901, 'NON_CC', undefined],
    ]);
    expect(err).toBe('');
    // The new FY2027 codes are known to v44.
    const fy27 = out[1] as { secondary: { code: string; valid: boolean }[] };
    expect(fy27.secondary.map((s) => [s.code, s.valid])).toEqual([
      ['C7831', true],
      ['E119', true],
    ]);
  });

  it('without v44 the same FY2027 claims are still v43.1 results marked orientation only', async () => {
    const { out, err } = await run(runGroup, v43.grouper, CLAIMS);
    expect(out.map((o) => [o.id, o.version, o.orientation === undefined])).toEqual([
      ['fy26', '43.1', true],
      ['fy27', '43.1', false],
      ['fy27-or', '43.1', false],
    ]);
    expect((out[1]!.orientation as { unusable: string[] }).unusable).toEqual(['C7831']);
    expect(err).toMatch(/^2 claims discharged after the installed grouper's fiscal year: MS-DRG v44 \(FY2027\)/);
  });

  it('chartside edits: MCE v44 edits an FY2027 discharge (MCE 43.1 alone answers INVALID_DISCHARGE_DATE)', async () => {
    const both = await run(runEdits, [v43.mce, ...v44.mce], CLAIMS);
    expect(both.out.map((o) => [o.id, o.version, o.editType])).toEqual([
      ['fy26', '431', 'NONE'],
      ['fy27', '440', 'PREPAYMENT'],
      ['fy27-or', '440', 'PREPAYMENT'],
    ]);
    expect((both.out[1]!.edits as { edit: string }[]).map((e) => e.edit)).toEqual(['UNSPECIFIED']);
    const old = await run(runEdits, [v43.mce], CLAIMS);
    expect(old.out.map((o) => o.editType)).toEqual(['NONE', 'INVALID_DISCHARGE_DATE', 'INVALID_DISCHARGE_DATE']);
  });
});
