/** `chartside code` and `chartside codesets info` over the installed ICD-10-CM tables (built if missing). */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadInstalledTables } from '../../codesets/node/cache';
import { runCli } from '../testing';

const run = (...argv: string[]): ReturnType<typeof runCli> => runCli(argv);

beforeAll(async () => {
  await loadInstalledTables(); // builds the ICD-10-CM tables once when the cache lacks them
});

describe('chartside code', () => {
  it('prints titles, ancestors and every note that applies, inherited ones with where from', async () => {
    const r = await run('code', 'e1122');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^E11\.22 {2}billable\n/);
    expect(r.out).toContain('long:  Type 2 diabetes mellitus with diabetic chronic kidney disease');
    expect(r.out).toContain('notes from the FY2017 Tabular List (newest available)');
    expect(r.out).toContain('  < E11.2    Type 2 diabetes mellitus with kidney complications');
    expect(r.out).toContain('Use additional code: code to identify stage of chronic kidney disease (N18.1-N18.6)\n');
    expect(r.out).toContain('Excludes1: type 1 diabetes mellitus (E10.-) [from E11]');
    expect(r.out).toContain('[from Chapter 4]');
  });

  it('shows the 7th-character table of a code that requires one', async () => {
    const r = await run('code', 'S72.001');
    expect(r.out).toMatch(/^S72\.001 {2}header \(not billable\), requires a 7th character/);
    expect(r.out).toContain('7th characters [from S72]:');
    expect(r.out).toMatch(/ {4}A {2}initial encounter for closed fracture +S72\.001A\n/);
  });

  it('gives JSON with the same detail', async () => {
    const r = await run('code', 'I50.23', '--json');
    const j = JSON.parse(r.out) as {
      fiscalYear: number;
      found: boolean;
      code: { notes: { kind: string; from: string }[] };
    };
    // The newest installed year: FY2027, derived from the FY2027 addenda.
    expect(j.fiscalYear).toBe(2027);
    expect(j.found).toBe(true);
    expect(j.code.notes).toContainEqual(
      expect.objectContaining({ kind: 'excludes2', from: 'I50', text: 'cardiac arrest (I46.-)' }),
    );
  });

  it('picks the year by --year or --date, says when it falls back, and reports unknown and deleted codes', async () => {
    const missing = await run('code', 'QA0.0101', '--year', 'FY2025');
    expect(missing.code).toBe(1);
    expect(missing.out).toBe('QA0.0101: not an ICD-10-CM code in FY2025.\n');
    const deleted = await run('code', 't78.07xa', '--date', '2025-11-15');
    expect(deleted.code).toBe(1);
    expect(deleted.out).toBe(
      'T78.07XA was deleted in FY2026 (was: Anaphylactic reaction due to milk and dairy products, initial encounter).\n',
    );
    const older = await run('code', 'T78.07XA', '--date', '2025-03-01');
    expect(older.out).toMatch(/^T78\.07XA {2}billable/);
    const later = await run('code', 'E11.22', '--date', '2030-01-01');
    expect(later.err).toMatch(
      /^No ICD-10-CM release covers 2030-01-01 \(after the newest installed release\); using FY2027 .* ICD-10-CM FY2027 is not an official full release: derived: FY2026 order file \+ FY2027 order addenda/,
    );
    // A date in FY2027 uses the derived FY2027 table and says so; a code new in FY2027 is found.
    const fy2027 = await run('code', 'I42.01', '--date', '2026-10-01');
    expect(fy2027.out).toMatch(/^I42\.01 {2}billable/);
    expect(fy2027.err).toMatch(/^ICD-10-CM FY2027 is not an official full release: derived: FY2026 order file/);
    const gone = await run('code', 'S23.420A', '--date', '2026-10-01');
    expect(gone.out).toBe(
      'S23.420A was deleted in FY2027 (was: Sprain of sternoclavicular (joint) (ligament), initial encounter).\n',
    );
    expect((await run('code')).code).toBe(2);
    expect((await run('code', 'E11.22', '--year', '1999')).code).toBe(2);
  });
});

describe('chartside codesets info', () => {
  it('lists installed bundles with provenance and counts', async () => {
    const json = await run('codesets', 'info', '--json');
    const j = JSON.parse(json.out) as {
      bundles: {
        id: string;
        provenance: { role: string; releaseYear: number; sha256: string }[];
        counts: Record<string, number>;
      }[];
    };
    const cm = j.bundles.find((b) => b.id === 'icd10cm-2026')!;
    expect(cm.counts.billable).toBe(74_719);
    expect(cm.provenance.find((p) => p.role === 'order')).toMatchObject({
      releaseYear: 2026,
      sha256: '6dc95c9c7e96c734806e1682f4bf9df76251d60e99199bba0d375ba3dd11026b',
    });
    const fy2027 = j.bundles.find((b) => b.id === 'icd10cm-2027')!;
    expect(fy2027.counts).toMatchObject({ billable: 74_879, headers: 23_524 });
    const text = await run('codesets', 'info');
    expect(text.out).toContain('== icd10cm ==');
    // FY2027 is listed with its derivation on the line after its label, before its files.
    expect(text.out).toMatch(
      /icd10cm-2027 {2}ICD-10-CM FY2027 \(Oct 1, 2026\), derived: FY2026 order file \+ FY2027 order addenda {2}effective 2026-10-01\.\.2027-09-30\n {2}derived: FY2026 order file \+ FY2027 order addenda \(no FY2027 order file available\)\n {2}files:\n/,
    );
    expect(text.out).toMatch(
      /icd10pcs-2027 {2}ICD-10-PCS FY2027 \(Oct 1, 2026\), derived: FY2026 April 1 update \+ FY2027 codes addenda {2}effective/,
    );
    expect(text.out).toContain('tabular     FY2017  ICD10CM_FY2017_Full_XML.zip:icd10cm_tabular_2017.xml');
    expect((await run('codesets', 'frobnicate')).code).toBe(2);
  });
});
