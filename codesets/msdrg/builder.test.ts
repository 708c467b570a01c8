import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ReleaseFileError, type ReleaseSource } from '../builder';
import { decodeBundle, readBundleHeader } from '../../engine/bundle/format';
import { fsSource, SOURCE_ROOT } from '../../test/golden/msdrg-bundles';
import { msdrgBuilder } from './builder';
import { parseTsv } from './tsv';

/** The real source with one file's text replaced. */
function patched(path: string, edit: (text: string) => string): ReleaseSource {
  const base = fsSource(SOURCE_ROOT);
  return {
    description: 'patched',
    list: () => base.list(),
    read(p) {
      const f = base.read(p);
      if (p !== path) return f;
      const bytes = new TextEncoder().encode(edit(new TextDecoder().decode(f.bytes)));
      return { ...f, bytes };
    },
  };
}

describe('msdrg builder', () => {
  it('builds msdrg-43.0, msdrg-43.1 and mce-43.1 with provenance, byte-identical twice', async () => {
    const source = fsSource(SOURCE_ROOT);
    const a = await msdrgBuilder.build(source);
    const b = await msdrgBuilder.build(source);
    expect(a.map((x) => x.header.id)).toEqual(['msdrg-43.0', 'msdrg-43.1', 'mce-43.1']);
    a.forEach((x, i) => expect(Buffer.from(x.bytes).equals(Buffer.from(b[i]!.bytes))).toBe(true));
    const h = readBundleHeader(a[1]!.bytes);
    expect(h.effectiveFrom).toBe('2026-04-01');
    expect(h.effectiveTo).toBe('2026-09-30');
    expect(h.counts.procedures).toBe(79193);
    expect(h.counts.diagnoses).toBe(74719);
    expect(h.provenance.map((p) => p.role)).toContain('poa-exempt');
    expect(h.provenance.every((p) => /^[0-9a-f]{64}$/.test(p.sha256))).toBe(true);
    expect(readBundleHeader(a[0]!.bytes).counts.procedures).toBe(79115);
    expect(decodeBundle(a[2]!.bytes).header.counts.edits).toBe(44);
  }, 120_000);

  it('refuses a malformed formula table whole, naming file and line', async () => {
    const src = patched('msdrg/FY2026/tables/v430/drg_formulas.tsv', (t) =>
      t.replace('\tPDX:strauma & MULTST', '\tPDX:strauma & $MULTST'),
    );
    const err = await Promise.resolve()
      .then(() => msdrgBuilder.build(src))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReleaseFileError);
    expect((err as ReleaseFileError).file).toBe('msdrg/FY2026/tables/v430/drg_formulas.tsv');
    expect((err as ReleaseFileError).line).toBe(23);
  });

  it('refuses a dx row with a bad severity and a weights line with a bad number', async () => {
    const dx = patched('msdrg/FY2026/tables/v431/dx_attributes.tsv', (t) =>
      t.replace('A001\t1\t6\t\tCC', 'A001\t1\t6\t\tXX'),
    );
    await expect(Promise.resolve().then(() => msdrgBuilder.build(dx))).rejects.toThrow(
      /dx_attributes.tsv:3: unknown severity "XX"/,
    );
    const w = patched('msdrg/FY2026/drgstable-2026.csv', (t) =>
      t.replace('007,20251001,12.9502', '007,20251001,12,9502'),
    );
    await expect(Promise.resolve().then(() => msdrgBuilder.build(w))).rejects.toThrow(/drgstable-2026.csv:8/);
  });

  it('TSV reader: any input either parses or raises ReleaseFileError (never another error)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', '\t', '\n', '\r', ' ', '1') }), (text) => {
        const file = { path: 'x.tsv', name: 'x.tsv', bytes: new TextEncoder().encode(`a\tb\n${text}`), sha256: '' };
        try {
          const t = parseTsv(file, ['a', 'b']);
          for (const r of t.rows) expect(r.cells).toHaveLength(2);
        } catch (e) {
          expect(e).toBeInstanceOf(ReleaseFileError);
        }
      }),
    );
  });
});

describe('msdrg builder cross-checks', () => {
  it('refuses a weights file that lacks a DRG the formulas can assign', async () => {
    const src = patched('msdrg/FY2026/drgstable-2026.csv', (t) => t.replace(/^007,.*\n/m, ''));
    await expect(Promise.resolve().then(() => msdrgBuilder.build(src))).rejects.toThrow(
      /drgstable-2026.csv: no weight for DRG 007/,
    );
  });
});
