import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CmTable } from '../../engine/icd10cm/table';
import { loadInstalledTables } from '../node/cache';

interface GoldenCase {
  code: string;
  year: number;
  source: string;
  expect: Partial<{
    dotted: string;
    billable: boolean;
    requiresSeventh: boolean;
    poaExempt: boolean;
    newInYear: boolean;
    billableChangedInYear: boolean;
    chapter: string | null;
    section: string | null;
    long: string;
    ancestors: string[];
  }>;
  notes: { kind: string; from: string; level: string; text: string; staleRefs?: string[] }[];
  seventh?: { from: string; chars: string; first?: [string, string, string]; last?: [string, string, string] };
  index?: { path: string; nemod?: string; code: string }[];
}

const golden = JSON.parse(readFileSync(new URL('./golden/cm-codes.golden.json', import.meta.url), 'utf8')) as {
  cases: GoldenCase[];
};
let tables: Map<number, CmTable>;

beforeAll(async () => {
  tables = (await loadInstalledTables()).icd10cm;
});

describe.each(golden.cases)('golden $code FY$year ($source)', (c) => {
  it('has the expected code facts', () => {
    const d = tables.get(c.year)!.get(c.code);
    expect(d).toBeDefined();
    const e = c.expect;
    if (e.dotted !== undefined) expect(d!.dotted).toBe(e.dotted);
    if (e.billable !== undefined) expect(d!.billable).toBe(e.billable);
    if (e.requiresSeventh !== undefined) expect(d!.requiresSeventh).toBe(e.requiresSeventh);
    if (e.poaExempt !== undefined) expect(d!.poaExempt).toBe(e.poaExempt);
    if (e.newInYear !== undefined) expect(d!.newInYear).toBe(e.newInYear);
    if (e.billableChangedInYear !== undefined) expect(d!.billableChangedInYear).toBe(e.billableChangedInYear);
    if (e.chapter !== undefined) expect(d!.chapter?.name ?? null).toBe(e.chapter);
    if (e.section !== undefined) expect(d!.section?.id ?? null).toBe(e.section);
    if (e.long !== undefined) expect(d!.long).toBe(e.long);
    if (e.ancestors !== undefined) expect(d!.ancestors.map((a) => a.dotted)).toEqual(e.ancestors);
  });

  it('carries every expected instructional note, with where it is inherited from', () => {
    const d = tables.get(c.year)!.get(c.code)!;
    for (const n of c.notes) {
      const hit = d.notes.find(
        (x) => x.kind === n.kind && x.from === n.from && x.level === n.level && x.text.includes(n.text),
      );
      expect(hit, `${n.kind} from ${n.from}: ${n.text}`).toBeDefined();
      if (n.staleRefs) expect(hit!.staleRefs).toEqual(n.staleRefs);
    }
  });

  // Registered only for cases that list a 7th-character table / index lines (nothing skipped).
  if (c.seventh) {
    it('shows the 7th-character table with placeholder X filled', () => {
      const s = tables.get(c.year)!.get(c.code)!.seventh!;
      expect(s).toBeDefined();
      expect(s.from).toBe(c.seventh!.from);
      expect(s.chars.map((x) => x.char).join('')).toBe(c.seventh!.chars);
      const pick = (x: (typeof s.chars)[number]): [string, string, string] => [x.char, x.meaning, x.code];
      if (c.seventh!.first) expect(pick(s.chars[0]!)).toEqual(c.seventh!.first);
      if (c.seventh!.last) expect(pick(s.chars[s.chars.length - 1]!)).toEqual(c.seventh!.last);
    });
  }

  if (c.index) {
    it('is reached from the Alphabetic Index by its full path', () => {
      const d = tables.get(c.year)!.get(c.code)!;
      for (const i of c.index!) {
        expect(
          d.indexEntries.some(
            (e) => e.path === i.path && e.code === i.code && (i.nemod === undefined || e.nemod === i.nemod),
          ),
          i.path,
        ).toBe(true);
      }
    });
  }
});

describe('ICD-10-CM tables, real FY2026 / FY2025 counts', () => {
  it('FY2026 holds the 98,186 order-file codes, 74,719 billable', () => {
    const t = tables.get(2026)!;
    expect(t.size).toBe(98_186);
    expect([...t.all()].filter((c) => c.billable).length).toBe(74_719);
    expect(t.release.counts.billable).toBe(74_719);
    expect(t.release.counts.headers).toBe(23_467);
    expect(t.release.effectiveFrom).toBe('2025-10-01');
    expect(t.release.effectiveTo).toBe('2026-09-30');
  });

  it('FY2025 holds 97,584 codes, 74,260 billable, and says its POA list comes from FY2026', () => {
    const t = tables.get(2025)!;
    expect(t.size).toBe(97_584);
    expect(t.release.counts.billable).toBe(74_260);
    expect(t.release.notes.some((n) => n.startsWith('POA-exempt list from FY2026'))).toBe(true);
  });

  it('records the FY2017 Tabular List as the source of the notes, with stale references counted', () => {
    const t = tables.get(2026)!;
    const tab = t.release.provenance.find((p) => p.role === 'tabular')!;
    expect(tab.releaseYear).toBe(2017);
    expect(tab.file).toBe('ICD10CM_FY2017_Full_XML.zip:icd10cm_tabular_2017.xml');
    expect(t.release.notes[0]).toMatch(
      /^Tabular List from FY2017 \(newest available\): [\d,]+ notes; [\d,]+ of [\d,]+ code references/,
    );
    expect(t.release.counts.referencesStale).toBeGreaterThan(0);
    expect(t.release.counts.referencesValid).toBeGreaterThan(100_000);
    // A reference that no longer exists is kept and flagged (T84.04x moved out of T84 in later years).
    const s72 = t.get('S72')!;
    const periprosthetic = s72.notes.find((n) =>
      n.text.includes('periprosthetic fracture of prosthetic implant of hip'),
    )!;
    expect(periprosthetic.staleRefs).toEqual(['T84.040', 'T84.041']);
  });

  it('lists children and billable descendants of a header', () => {
    const t = tables.get(2026)!;
    expect(t.children('E11.2').map((c) => c.dotted)).toEqual(['E11.21', 'E11.22', 'E11.29']);
    expect(
      t
        .billableDescendants('S72.001')
        .map((c) => c.dotted.slice(-1))
        .join(''),
    ).toBe('ABCDEFGHJKMNPQRS');
    expect(t.children('ZZZ')).toEqual([]);
  });

  it('exposes the Drug and Neoplasm tables and index lines with full paths', () => {
    const t = tables.get(2026)!;
    expect(t.tableHeads('drug')[0]).toBe('Substance');
    const penicillin = [...t.drugRows()].find((r) => r.path === 'Penicillin' && r.nemod === '(any)');
    expect(penicillin?.cells.map((c) => c.code)).toEqual([
      'T36.0X1',
      'T36.0X2',
      'T36.0X3',
      'T36.0X4',
      'T36.0X5',
      'T36.0X6',
    ]);
    const breast = [...t.neoplasmRows()].find((r) => r.path === 'Neoplasm, neoplastic, breast');
    expect(breast?.cells[0]).toMatchObject({ column: 'Malignant Primary', code: 'C50.9-' });
    const amyloid = [...t.indexEntries()].find((e) => e.path === 'Amyloid heart');
    expect(amyloid).toMatchObject({ code: 'E85.4', manif: 'I43', nemod: '(disease)', nec: false });
    const basilar = [...t.indexEntries()].find((e) => e.path === 'Aberrant, artery, basilar NEC');
    expect(basilar).toMatchObject({ code: 'Q28.1', nec: true, nos: false });
    expect(t.release.counts.drugRows).toBe([...t.drugRows()].length);
  });
});
