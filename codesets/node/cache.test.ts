/**
 * The real ICD-10-CM build over a temporary release tree ($CODESETS_SRC) of symbolic links to the
 * official files, with corrupted copies swapped in: a bad file is refused with its name and line
 * and the previously built bundles stay byte for byte. Also: two builds are byte-identical.
 */
import { zipSync, unzipSync } from 'fflate';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { icd10cmBuilder } from '../icd10cm/builder';
import { buildInstalledCodesets, FsBundleStore, loadBundleReader } from './cache';
import { FsReleaseSource } from './fs-source';
import { findCodesetsSource } from './source';

const shared = findCodesetsSource({});
let work: string;
let src: string;
let cacheDir: string;
const savedEnv = process.env.CODESETS_SRC;

function linkTree(): void {
  rmSync(src, { recursive: true, force: true });
  for (const rel of new FsReleaseSource(shared).list().filter((p) => p.startsWith('icd10cm/'))) {
    mkdirSync(dirname(join(src, rel)), { recursive: true });
    symlinkSync(join(shared, rel), join(src, rel));
  }
}
function replaceFile(rel: string, bytes: Uint8Array | string): void {
  rmSync(join(src, rel));
  writeFileSync(join(src, rel), bytes);
}
function bundleFiles(): Map<string, Buffer> {
  const dir = new FsBundleStore(cacheDir).bundlesDir;
  return new Map(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f))]));
}
const build = () => buildInstalledCodesets({ cacheDir, builders: [icd10cmBuilder] });

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'chartside-cm-'));
  src = join(work, 'src');
  cacheDir = join(work, 'cache');
  process.env.CODESETS_SRC = src;
  linkTree();
});
afterAll(() => {
  if (savedEnv === undefined) delete process.env.CODESETS_SRC;
  else process.env.CODESETS_SRC = savedEnv;
  rmSync(work, { recursive: true, force: true });
});

describe('ICD-10-CM build over $CODESETS_SRC', () => {
  let good: Map<string, Buffer>;

  it('builds icd10cm-2025, icd10cm-2026 and the derived icd10cm-2027, then hits the cache', async () => {
    const [first] = await build();
    expect(first).toMatchObject({ name: 'icd10cm', status: 'built' });
    expect(first!.bundles.map((b) => b.id)).toEqual(['icd10cm-2025', 'icd10cm-2026', 'icd10cm-2027']);
    good = bundleFiles();
    expect([...good.keys()].sort()).toEqual(['icd10cm-2025.csb', 'icd10cm-2026.csb', 'icd10cm-2027.csb']);
    const [again] = await build();
    expect(again!.status).toBe('cached');
    const reader = await loadBundleReader('icd10cm-2026', { cacheDir });
    expect(reader.header.counts.billable).toBe(74_719);
    const fy2027 = (await loadBundleReader('icd10cm-2027', { cacheDir })).header;
    expect(fy2027.counts).toMatchObject({ billable: 74_879, headers: 23_524 });
    expect(fy2027.derivation).toMatch(/^derived: FY2026 order file \+ FY2027 order addenda/);
    expect(
      fy2027.provenance.filter((p) => p.role === 'order' || p.role === 'addenda').map((p) => [p.file, p.sha256]),
    ).toEqual([
      ['icd10cm_order_2026.txt', '6dc95c9c7e96c734806e1682f4bf9df76251d60e99199bba0d375ba3dd11026b'],
      ['icd10cm_order_addenda_2027.txt', 'd64c57ef4534e4f90336decf27a34ba42979c31cd88f6ea923b5b5edd3da6384'],
    ]);
  });

  it('is deterministic: building again gives byte-identical bundles', async () => {
    const again = await icd10cmBuilder.build(new FsReleaseSource(src));
    for (const b of again) expect(Buffer.from(b.bytes).equals(good.get(`${b.header.id}.csb`)!), b.header.id).toBe(true);
  });

  it('refuses a truncated order file with file and line and keeps the previous bundles', async () => {
    const rel = 'icd10cm/FY2026/icd10cm_order_2026.txt';
    const text = readFileSync(join(shared, rel), 'latin1');
    const lines = text.split('\r\n');
    replaceFile(rel, lines.slice(0, 500).join('\r\n') + '\r\n' + lines[500]!.slice(0, 40));
    const [r] = await build();
    expect(r!.status).toBe('failed');
    expect(r!.error).toMatchObject({ file: rel, line: 501 });
    expect(r!.error!.message).toMatch(/^icd10cm\/FY2026\/icd10cm_order_2026.txt:501: line is 40 characters/);
    const now = bundleFiles();
    for (const [name, bytes] of good) expect(now.get(name)!.equals(bytes), name).toBe(true);
    linkTree();
  });

  it('refuses a wrong file in place of the order file (the ICD-10-PCS order file)', async () => {
    replaceFile(
      'icd10cm/FY2025/icd10cm_order_2025.txt',
      readFileSync(join(shared, 'icd10pcs/FY2025/icd10pcs_order_2025.txt')),
    );
    const [r] = await build();
    expect(r!.error).toMatchObject({ file: 'icd10cm/FY2025/icd10cm_order_2025.txt', line: 1 });
    expect(bundleFiles().get('icd10cm-2025.csb')!.equals(good.get('icd10cm-2025.csb')!)).toBe(true);
    linkTree();
  });

  it('refuses a truncated Tabular List XML inside the zip, naming the member and line', async () => {
    const rel = 'icd10cm/FY2017/ICD10CM_FY2017_Full_XML.zip';
    const members = unzipSync(readFileSync(join(shared, rel)));
    const tab = members['icd10cm_tabular_2017.xml']!;
    members['icd10cm_tabular_2017.xml'] = tab.subarray(0, Math.floor(tab.length / 2));
    replaceFile(rel, zipSync(members));
    const [r] = await build();
    expect(r!.status).toBe('failed');
    expect(r!.error!.file).toBe(`${rel}:icd10cm_tabular_2017.xml`);
    expect(r!.error!.line).toBeGreaterThan(1000);
    expect(r!.error!.message).toMatch(/malformed XML/);
    const now = bundleFiles();
    for (const [name, bytes] of good) expect(now.get(name)!.equals(bytes), name).toBe(true);
    linkTree();
  });
});
