/**
 * ICD-10-PCS importer and engine against the real CMS FY2025 and FY2026 release files in
 * ../shared/codesets (or $CODESETS_SRC).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeBundle } from '../../engine/bundle/format';
import { readerFromCompressed } from '../../engine/bundle/reader';
import { PcsTable } from '../../engine/icd10pcs/pcs-table';
import { ReleaseFileError, type BuiltBundle, type ReleaseFile, type ReleaseSource } from '../builder';
import { buildPcsBundle, checkTablesAgainstOrder, icd10pcsBuilder, readPcsRelease } from './build';
import { parsePcsOrderFile } from './order-file';
import { parsePcsTables } from './tables-xml';
import { decodeUtf8 } from '../text/decode-utf8';

const ROOT = resolve(process.env.CODESETS_SRC ?? join(__dirname, '..', '..', '..', 'shared', 'codesets'));

/** A minimal file-system ReleaseSource over the shared release folder (tests only). */
function sharedSource(): ReleaseSource {
  const list: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else list.push(relative(ROOT, full).split('\\').join('/'));
    }
  };
  walk(ROOT);
  list.sort();
  const cache = new Map<string, ReleaseFile>();
  return {
    description: ROOT,
    list: () => list,
    read(path) {
      const hit = cache.get(path);
      if (hit) return hit;
      const bytes = new Uint8Array(readFileSync(join(ROOT, path)));
      const file = {
        path,
        name: path.split('/').pop() ?? path,
        bytes,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      };
      cache.set(path, file);
      return file;
    },
  };
}

const text = (source: ReleaseSource, path: string): string => decodeUtf8(source.read(path).bytes, path);
const open = (b: BuiltBundle): PcsTable => {
  const d = decodeBundle(b.bytes);
  return PcsTable.fromBundle(readerFromCompressed(d.header, d.compressed));
};

describe.skipIf(!existsSync(join(ROOT, 'icd10pcs')))('ICD-10-PCS from the official files', () => {
  const source = sharedSource();
  const bundles = new Map<number, BuiltBundle>();
  const tables = new Map<number, PcsTable>();
  const orders = new Map<number, ReturnType<typeof parsePcsOrderFile>>();

  beforeAll(async () => {
    for (const b of await icd10pcsBuilder.build(source)) {
      bundles.set(b.header.fiscalYear, b);
      tables.set(b.header.fiscalYear, open(b));
    }
    for (const fy of [2025, 2026]) {
      orders.set(
        fy,
        parsePcsOrderFile(text(source, `icd10pcs/FY${fy}/icd10pcs_order_${fy}.txt`), `icd10pcs_order_${fy}.txt`),
      );
    }
  });

  it('reads the order files: FY2026 79,115 valid of 80,029 lines (914 headers); FY2025 78,948', () => {
    const o26 = orders.get(2026)!;
    expect(o26.entries.length).toBe(80_029);
    expect(o26.headers.size).toBe(914);
    expect(o26.valid.size).toBe(79_115);
    expect(o26.valid.get('0DTJ4ZZ')?.long).toBe('Resection of Appendix, Percutaneous Endoscopic Approach');
    expect(orders.get(2025)!.valid.size).toBe(78_948);
  });

  it.each([2025, 2026])('FY%i tables expand to exactly the order file valid codes, both ways', (fy) => {
    const parsed = parsePcsTables(text(source, `icd10pcs/FY${fy}/icd10pcs_tables_${fy}.xml`), 'tables.xml');
    const order = orders.get(fy)!;
    expect(checkTablesAgainstOrder(parsed, order, 'tables.xml', 'order.txt')).toBe(order.valid.size);
    const pcs = tables.get(fy)!;
    expect(pcs.size).toBe(order.valid.size);
    expect(new Set(pcs.codes())).toEqual(new Set(order.valid.keys()));
  });

  it('refuses tables that do not match the order file, in either direction, with a clear error', () => {
    const parsed = parsePcsTables(text(source, 'icd10pcs/FY2026/icd10pcs_tables_2026.xml'), 'icd10pcs_tables_2026.xml');
    const order = orders.get(2026)!;
    const fewerRows = {
      ...parsed,
      tables: parsed.tables.map((t, i) => (i === 0 ? { ...t, rows: t.rows.slice(1) } : t)),
    };
    expect(() => checkTablesAgainstOrder(fewerRows, order, 'icd10pcs_tables_2026.xml', 'order')).toThrow(
      /icd10pcs_tables_2026\.xml: tables expand to \d+ codes .* 0 only in the tables .* [1-9]\d* only in the order file/,
    );
    const valid = new Map(order.valid);
    valid.delete('0DTJ4ZZ');
    expect(() => checkTablesAgainstOrder(parsed, { ...order, valid }, 'icd10pcs_tables_2026.xml', 'order')).toThrow(
      /1 only in the tables \(0DTJ4ZZ\)/,
    );
    // A FY2025 order file with FY2026 tables: wrong release, refused.
    expect(() =>
      checkTablesAgainstOrder(parsed, orders.get(2025)!, 'icd10pcs_tables_2026.xml', 'icd10pcs_order_2025.txt'),
    ).toThrow(ReleaseFileError);
  });

  it('writes icd10pcs-2025 and icd10pcs-2026 with provenance, notes and counts', () => {
    expect([...bundles.keys()].sort()).toEqual([2025, 2026, 2027]);
    const h = bundles.get(2026)!.header;
    expect(h.id).toBe('icd10pcs-2026');
    expect([h.effectiveFrom, h.effectiveTo]).toEqual(['2025-10-01', '2026-09-30']);
    expect(h.counts.validCodes).toBe(79_115);
    expect(h.counts.tables).toBe(914);
    expect(h.counts.tableRows).toBe(2_733);
    expect(h.counts.indexMainTerms).toBe(3_215);
    const index = h.provenance.find((p) => p.role === 'index')!;
    expect(index).toMatchObject({ file: 'icd10pcs_index_2025.xml', releaseYear: 2025 });
    expect(index.sha256).toBe('cf51e20c4b191930b843b1882a3a38f4c817b043f9356f14824ff39f36ea61ee');
    expect(h.provenance.find((p) => p.role === 'tables')?.sha256).toBe(
      '8a9020bde754a93826ae122ac6bb293271a167e34c05181f1789b5fd3038e96a',
    );
    expect(h.notes.join(' ')).toMatch(
      /Index from FY2025 .* no FY2026 Index XML available; the newest available is used/,
    );
    expect(h.counts.indexStaleTargets).toBeGreaterThan(0);
    expect(bundles.get(2025)!.header.effectiveFrom).toBe('2024-10-01');
  });

  it('rebuilds byte-identical bundles', () => {
    const again = buildPcsBundle(readPcsRelease(source, 2026));
    expect(again.bytes).toEqual(bundles.get(2026)!.bytes);
  });

  it('gives every valid code its order-file titles and 7 explained axes', () => {
    for (const fy of [2025, 2026]) {
      const pcs = tables.get(fy)!;
      let checked = 0;
      for (const e of orders.get(fy)!.valid.values()) {
        const d = pcs.get(e.code);
        if (d?.long !== e.long || d.short !== e.short || d.axes.length !== 7)
          throw new Error(`FY${fy} ${e.code}: ${JSON.stringify(d)}`);
        checked++;
      }
      expect(checked).toBe(orders.get(fy)!.valid.size);
    }
    const d = tables.get(2026)!.get('0dtj4zz')!;
    expect(d).toMatchObject({
      code: '0DTJ4ZZ',
      valid: true,
      table: '0DT',
      tableTitle: 'Gastrointestinal System, Resection',
    });
    expect(d.axes.map((a) => `${a.position}${a.value} ${a.name}: ${a.label}`)).toEqual([
      '10 Section: Medical and Surgical',
      '2D Body System: Gastrointestinal System',
      '3T Operation: Resection',
      '4J Body Part: Appendix',
      '54 Approach: Percutaneous Endoscopic',
      '6Z Device: No Device',
      '7Z Qualifier: No Qualifier',
    ]);
    expect(d.axes[2]?.definition).toBe('Cutting out or off, without replacement, all of a body part');
    expect(d.axes[3]?.includes).toContain('Vermiform appendix');
    expect(d.axes[4]?.definition).toMatch(/^Entry, by puncture or minor incision/);
    const invalid = tables.get(2026)!.get('0DTJ4Z1')!;
    expect(invalid.valid).toBe(false);
    expect(invalid.long).toBeUndefined();
    expect(tables.get(2026)!.get('0DT')).toBeUndefined();
    expect(tables.get(2026)!.get('ZZZZZZZ')).toBeUndefined();
  });

  describe('table builder', () => {
    /** Slow reference: the next characters valid after a prefix, from the order file. */
    const reference = (codes: readonly string[], prefix: string): string[] =>
      [...new Set(codes.filter((c) => c.startsWith(prefix)).map((c) => c[prefix.length]!))].sort();

    it('offers the body parts of 0DT including J Appendix, and walks 0DTJ4ZZ through valid combinations only', () => {
      const pcs = tables.get(2026)!;
      const codes = [...orders.get(2026)!.valid.keys()];
      expect(pcs.builder.options('0DT').find((o) => o.value === 'J')).toMatchObject({
        label: 'Appendix',
        name: 'Body Part',
        position: 4,
      });
      const code = '0DTJ4ZZ';
      for (let i = 0; i < 7; i++) {
        const prefix = code.slice(0, i);
        const options = pcs.builder.options(prefix);
        expect(
          options.map((o) => o.value),
          prefix,
        ).toEqual(reference(codes, prefix));
        expect(options.map((o) => o.value)).toContain(code[i]);
        expect(options.every((o) => o.complete === (i === 6))).toBe(true);
      }
      expect(pcs.builder.options('0DTJ4').map((o) => `${o.value} ${o.label}`)).toEqual(['Z No Device']);
      expect(pcs.builder.options('0DTJ4ZZ')).toEqual([]);
      expect(pcs.builder.options('0')[0]).toMatchObject({ position: 2, name: 'Body System' });
      expect(pcs.builder.options('').map((o) => o.value)).toEqual(reference(codes, ''));
    });

    it('reaches 200 random valid codes step by step and rejects random invalid codes', () => {
      const pcs = tables.get(2026)!;
      const codes = [...orders.get(2026)!.valid.keys()];
      const valid = orders.get(2026)!.valid;
      fc.assert(
        fc.property(fc.integer({ min: 0, max: codes.length - 1 }), (i) => {
          const code = codes[i]!;
          for (let k = 0; k < 7; k++) {
            if (!pcs.builder.options(code.slice(0, k)).some((o) => o.value === code[k])) return false;
          }
          return pcs.isValid(code);
        }),
        { numRuns: 200, seed: 20261123 },
      );
      const pcsChar = fc.constantFrom(...'0123456789ABCDEFGHJKLMNPQRSTUVWXYZ');
      fc.assert(
        fc.property(fc.array(pcsChar, { minLength: 7, maxLength: 7 }), (chars) => {
          const code = chars.join('');
          fc.pre(!valid.has(code));
          const reachable = [...code].every((ch, k) =>
            pcs.builder.options(code.slice(0, k)).some((o) => o.value === ch),
          );
          return !reachable && !pcs.isValid(code) && pcs.get(code)?.valid !== true;
        }),
        { numRuns: 200, seed: 7 },
      );
    });

    it('options(prefix) only ever yields prefixes of valid codes (property)', () => {
      const pcs = tables.get(2026)!;
      const codes = [...orders.get(2026)!.valid.keys()];
      const prefixes = new Set<string>();
      for (const c of codes) for (let k = 0; k <= 7; k++) prefixes.add(c.slice(0, k));
      const fromValid = fc
        .tuple(fc.integer({ min: 0, max: codes.length - 1 }), fc.integer({ min: 0, max: 6 }))
        .map(([i, k]) => codes[i]!.slice(0, k));
      const arbitrary = fc.string({ unit: fc.constantFrom(...'0123456789ABDFGHJKLMNPQRTWXYZ'), maxLength: 6 });
      fc.assert(
        fc.property(fc.oneof(fromValid, arbitrary), (prefix) => {
          const options = pcs.builder.options(prefix);
          if (!prefixes.has(prefix)) return options.length === 0;
          return options.length > 0 && options.every((o) => prefixes.has(prefix + o.value));
        }),
        { numRuns: 2_000, seed: 42 },
      );
    });
  });

  describe('index', () => {
    it('finds Appendectomy -> see Excision / Resection, Appendix with code prefixes', () => {
      const entries = tables.get(2026)!.index.lookup('appendectomy');
      const targets = entries.flatMap((e) => e.targets.map((t) => ({ path: e.path, ...t })));
      expect(targets).toEqual([
        { path: ['Appendectomy'], kind: 'see', text: 'Excision, Appendix', prefix: '0DBJ', valid: true },
        { path: ['Appendectomy'], kind: 'see', text: 'Resection, Appendix', prefix: '0DTJ', valid: true },
      ]);
    });

    it('keeps full paths of nested terms and their codes', () => {
      const index = tables.get(2026)!.index;
      expect(index.releaseYear).toBe(2025);
      const bypass = index.entries().find((e) => e.path.join(' > ') === 'Bypass > Aorta > Thoracic > Descending');
      expect(bypass?.targets).toEqual([{ kind: 'codes', prefix: '021W', valid: true }]);
      const abortion = index.lookup('Abortion').find((e) => e.path[1] === 'Vacuum');
      expect(abortion?.targets).toEqual([{ kind: 'code', code: '10A07Z6', valid: true }]);
      const use = index.lookup('Abdominal esophagus')[0]?.targets[0];
      expect(use).toEqual({ kind: 'use', text: 'Esophagus, Lower', valid: true });
      expect(index.entries().length).toBe(3_215 + 21_269);
    });

    it('flags targets stale against the fiscal year tables (FY2025 index on FY2026 tables)', () => {
      const fy26 = tables.get(2026)!.index;
      const fy25 = tables.get(2025)!.index;
      // XXE5XN6 is valid in FY2025 and deleted in FY2026.
      expect(tables.get(2025)!.isValid('XXE5XN6')).toBe(true);
      expect(tables.get(2026)!.isValid('XXE5XN6')).toBe(false);
      const accelerate = (i: typeof fy26) => i.lookup('Accelerate PhenoTest(tm) BC')[0]?.targets[0];
      expect(accelerate(fy25)).toMatchObject({ code: 'XXE5XN6', valid: true });
      expect(accelerate(fy26)).toMatchObject({ code: 'XXE5XN6', valid: false });
      expect(fy26.staleCounts().code).toBeGreaterThan(fy25.staleCounts().code);
      expect(bundles.get(2026)!.header.counts.indexStaleCode).toBe(fy26.staleCounts().code);
    });
  });

  it('exposes the definitions: root operations, approaches, body part / device / substance keys, aggregation', () => {
    const d = tables.get(2026)!.definitions;
    expect(d.sections()).toHaveLength(16);
    expect(d.lookup('0', 3, 'resection')?.definition).toBe(
      'Cutting out or off, without replacement, all of a body part',
    );
    expect(d.lookup('0', 5, 'Open')?.definition).toMatch(/^Cutting through the skin or mucous membrane/);
    expect(d.terms('0', 4).find((t) => t.titles.includes('Appendix'))?.includes).toContain('Vermiform appendix');
    expect(d.terms('0', 6).length).toBeGreaterThan(100);
    expect(d.terms('3', 6).find((t) => t.titles.includes('Clofarabine'))?.includes).toEqual(['Clolar']);
    expect(d.bodyPartKey()).toEqual(d.terms('0', 4));
    expect(d.deviceKey().find((t) => t.titles.includes('Artificial Sphincter in Urinary System'))?.includes).toContain(
      'AMS 800(R) Urinary Control System',
    );
    expect(d.substanceKey().find((t) => t.titles.includes('Adhesion Barrier'))?.includes).toEqual(['Seprafilm']);
    expect(d.rootOperations().map((t) => t.titles[0])).toContain('Resection');
    expect(d.rootOperations().length).toBe(31);
    expect(d.approaches().map((t) => t.titles[0])).toContain('Percutaneous Endoscopic');
    expect(d.rootOperations('X').length).toBeGreaterThan(0);
    expect(d.deviceAggregation()).toHaveLength(60);
    expect(d.deviceAggregation()[0]).toMatchObject({
      device: 'Autologous Arterial Tissue',
      parent: { value: '7', text: 'Autologous Tissue Substitute' },
    });
  });
});
