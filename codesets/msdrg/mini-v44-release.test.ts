/**
 * The `msdrg` importer on a synthetic miniature MS-DRG v44 / MCE v44 release
 * (test/fixtures/mini-msdrg-v44-release.ts): it is recognised by its FY2027 names, built into
 * `msdrg-44.0` and `mce-44.0` for discharges from 2026-10-01, and the engines read it. The
 * miniature's header lines are checked against the real v43.1 files, so it keeps their layout.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReleaseFileError } from '../builder';
import { readBundleHeader } from '../../engine/bundle/format';
import { Grouper } from '../../engine/grouper';
import { Mce } from '../../engine/mce';
import { MemorySource } from '../testing/memory-source';
import { readerFromBytes, SOURCE_ROOT } from '../../test/golden/msdrg-bundles';
import { MINI_MSDRG_V44, V44_HEADERS } from '../../test/fixtures/mini-msdrg-v44-release';
import { msdrgBuilder } from './builder';

/** The header line of a (large) file, without reading the rest. */
function firstLine(path: string): string {
  const fd = openSync(path, 'r');
  const buf = Buffer.alloc(1024);
  const n = readSync(fd, buf, 0, buf.length, 0);
  closeSync(fd);
  return buf.subarray(0, n).toString('utf8').split('\n')[0]!;
}

const build = async (files: ReadonlyMap<string, string>) => msdrgBuilder.build(new MemorySource(new Map(files)));
const claim = { age: 70, sex: 'F', dischargeStatus: '01', pdx: 'J189' };
const sdx = (...codes: string[]) => codes.map((code) => ({ code, poa: 'Y' as const }));

describe('msdrg importer, miniature v44 release', () => {
  it('keeps the layout of the FY2026 v43.1 / MCE 43.1 files (same header line in every file)', () => {
    for (const [file, header] of Object.entries(V44_HEADERS)) {
      const dir = file.startsWith('mce_') ? 'mce-v431' : 'v431';
      const real = firstLine(join(SOURCE_ROOT, 'msdrg/FY2026/tables', dir, file));
      expect(header, file).toBe(real);
    }
  });

  it('builds msdrg-44.0 and mce-44.0 for FY2027 discharges, naming its FY2027 files, byte-identical twice', async () => {
    const a = await build(MINI_MSDRG_V44);
    const b = await build(MINI_MSDRG_V44);
    expect(a.map((x) => x.header.id)).toEqual(['msdrg-44.0', 'mce-44.0']);
    a.forEach((x, i) => expect(Buffer.from(x.bytes).equals(Buffer.from(b[i]!.bytes))).toBe(true));
    const g = readBundleHeader(a[0]!.bytes);
    expect(g).toMatchObject({
      fiscalYear: 2027,
      effectiveFrom: '2026-10-01',
      effectiveTo: '2027-09-30',
      release: 'MS-DRG v44.0 (FY2027, Oct 1, 2026)',
    });
    expect(g.counts).toMatchObject({ diagnoses: 3, procedures: 1, drgs: 6, poaExemptCodes: 1 });
    expect(g.provenance.map((p) => [p.role, p.releaseYear, p.file])).toEqual(
      expect.arrayContaining([
        ['grouper-table', 2027, 'msdrg/FY2027/tables/v440/drg_formulas.tsv'],
        ['weights', 2027, 'msdrg/FY2027/drgstable-2027.csv'],
        ['appendix-a', 2027, 'msdrg/FY2027/appendix_A.txt'],
        ['poa-exempt', 2027, 'icd10cm/FY2027/POAexemptCodesFY27.txt'],
      ]),
    );
    expect(g.notes[0]).toBe(
      'Grouper tables read from msdrg/FY2027/tables/v440/ (layout of msdrg/FY2026/tables/README.md).',
    );
    expect(readBundleHeader(a[1]!.bytes)).toMatchObject({
      fiscalYear: 2027,
      effectiveFrom: '2026-10-01',
      release: 'Medicare Code Editor v44.0 (FY2027)',
    });
  });

  it('the engines read it: v44 groups and edits an FY2027 claim with its new codes', async () => {
    const [g, m] = await build(MINI_MSDRG_V44);
    const grouper = Grouper.fromBundles([readerFromBytes(g!.bytes)]);
    const r = grouper.group({ ...claim, sdx: sdx('C7831', 'E119'), procedures: [], dischargeDate: '2026-11-15' });
    expect([r.version, r.finalDrg, r.severity, r.weight, r.title]).toEqual([
      '44.0',
      902,
      'MCC',
      1.4,
      'Synthetic Lung Infection with MCC',
    ]);
    expect(r.secondary.map((s) => [s.code, s.usage])).toEqual([
      ['C7831', 'MCC'],
      ['E119', 'CC_EXCLUDED'],
    ]);
    const surgical = grouper.group({ ...claim, sdx: [], procedures: ['0W99003'], dischargeDate: '2026-11-15' });
    expect([surgical.finalDrg, surgical.medSurg, surgical.procedures[0]!.valid]).toEqual([901, 'SURGICAL', true]);
    const e = Mce.fromBundle(readerFromBytes(m!.bytes)).edit({
      ...claim,
      sdx: sdx('C7831'),
      procedures: ['0W99003'],
      dischargeDate: '2026-11-15',
    });
    expect([e.version, e.editType, e.edits.map((x) => x.edit)]).toEqual(['440', 'PREPAYMENT', ['UNSPECIFIED']]);
  });

  it('a v44 release missing a file is refused whole, naming the file', async () => {
    const files = new Map(MINI_MSDRG_V44);
    files.delete('msdrg/FY2027/drgstable-2027.csv');
    const err = await Promise.resolve()
      .then(() => build(files))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReleaseFileError);
    expect((err as ReleaseFileError).message).toBe(
      'msdrg/FY2027/drgstable-2027.csv: missing: the FY2027 MS-DRG / MCE tables need it',
    );
  });
});
