/**
 * The derived FY2027 tables in use: search finds codes added by the FY2027 addenda by their
 * titles (ICD-10-CM and ICD-10-PCS), dates pick the year (2026-09-30 FY2026, 2026-10-01 FY2027,
 * saying it is derived), and a code the FY2027 addenda delete is an edit on an FY2027 case with
 * its FY2026 title. Real bundles from ../shared (built into .cache/codesets when missing).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadNodeSearch, type NodeSearch } from '../../cli/commands/search';
import { tabularEdits } from '../../engine/case/tabular-edits';
import { cmDetail } from '../../engine/search/detail';
import { addDiagnosis, newCase, type CodingCase } from '../../engine/case/model';
import { loadInstalledTables, type InstalledTables } from '../node/cache';

let search: NodeSearch;
let installed: InstalledTables;
beforeAll(async () => {
  installed = await loadInstalledTables();
  search = await loadNodeSearch({});
}, 180_000);

// Titles exactly as the FY2027 addenda print them; the code must come first for its own title.
const NEW_CM: [string, string][] = [
  ['Secondary malignant neoplasm of larynx', 'C78.31'],
  ['Glanzmann thrombasthenia', 'D69.11'],
  ['Post bariatric hypoglycemia', 'E89.830'],
  ['Familial-genetic dilated cardiomyopathy', 'I42.01'],
  ['Arrhythmogenic cardiomyopathy', 'I42.81'],
];
const NEW_PCS: [string, string][] = [
  ['Division of Aortic Valve, Percutaneous Approach, Prosthetic Leaflet', '028F3Z1'],
  ['Drainage of Right Pleural Cavity with Drainage Device, Active Mechanical Clearance, Open Approach', '0W99003'],
  ['Introduction of Elamipretide into Subcutaneous Tissue, Percutaneous Approach, New Technology Group 12', 'XW0134C'],
];

describe('FY2027 in use', () => {
  it.each(NEW_CM)('search finds the new ICD-10-CM code by its title: "%s" -> %s', (title, code) => {
    const r = search.search.search(title, { dateOfService: '2026-11-15', system: 'cm', limit: 5 });
    expect(r.fiscalYear).toBe(2027);
    expect(r.hits[0]?.code).toBe(code);
    // Not a code of FY2026: a search on an FY2026 date does not offer it.
    const before = search.search.search(title, { dateOfService: '2026-09-30', system: 'cm', limit: 20 });
    expect(before.fiscalYear).toBe(2026);
    expect(before.hits.map((h) => h.code)).not.toContain(code);
  });

  it.each(NEW_PCS)('search finds the new ICD-10-PCS code by its title: "%s" -> %s', (title, code) => {
    const r = search.search.search(title, { dateOfService: '2026-10-01', system: 'pcs', limit: 5 });
    expect(r.hits.slice(0, 3).map((h) => h.code)).toContain(code);
  });

  it('the FY2027 search index names its derived sources', () => {
    const r = search.search.search('glanzmann', { dateOfService: '2026-10-01' });
    expect(r.sources.map((s) => s.release).join(' | ')).toMatch(
      /ICD-10-CM FY2027 \(Oct 1, 2026\), derived: FY2026 order file \+ FY2027 order addenda.*ICD-10-PCS FY2027 \(Oct 1, 2026\), derived: FY2026 April 1 update \+ FY2027 codes addenda/,
    );
  });

  it('dates decide: 2026-09-30 is FY2026, 2026-10-01 the derived FY2027 with its notice', () => {
    expect(installed.cmFor('2026-09-30')).toMatchObject({ release: { fiscalYear: 2026 } });
    expect(installed.cmFor('2026-09-30').fallback).toBeUndefined();
    const fy27 = installed.cmFor('2026-10-01');
    expect(fy27.table.release.fiscalYear).toBe(2027);
    expect(fy27.fallback).toMatch(
      /^ICD-10-CM FY2027 is not an official full release: derived: FY2026 order file \+ FY2027 order addenda/,
    );
  });

  it('a new FY2027 code takes its notes and Index lines from its nearest ancestor, and the detail view says so', () => {
    const cm = installed.icd10cm.get(2027)!;
    const d = cm.get('I42.01')!;
    expect(d).toMatchObject({
      newInYear: true,
      long: 'Familial-genetic dilated cardiomyopathy',
      indexEntriesFrom: 'I42.0',
    });
    expect(d.indexEntries.map((e) => e.code)).toEqual(cm.get('I42.0')!.indexEntries.map((e) => e.code));
    expect(d.notes.length).toBeGreaterThan(0);
    expect(d.notes.every((n) => n.from !== 'I42.01')).toBe(true);
    expect(cmDetail(cm, 'I42.01')).toMatchObject({ newInYear: true, indexFrom: 'I42.0' });
    // A code the Index names keeps its own lines, without the marker.
    expect(installed.icd10cm.get(2026)!.get('I42.0')!.indexEntriesFrom).toBeUndefined();
  });

  it('a code deleted in FY2027 is an edit on an FY2027 case, with its FY2026 title; not on an FY2026 case', () => {
    let c: CodingCase = { ...newCase('fictional-fy2027'), dischargeDate: '2026-11-15' };
    for (const code of ['J18.9', 'S23.420A', 'I42.0']) c = addDiagnosis(c, code, 'typed', 'Y');
    const fy27 = tabularEdits(c, installed.cmFor('2026-11-15').table);
    expect(fy27.find((e) => e.code === 'S23420A')).toMatchObject({
      id: 'deleted-code',
      severity: 'error',
      message:
        'S23.420A (Sprain of sternoclavicular (joint) (ligament), initial encounter) was deleted from ICD-10-CM in FY2027: not reportable for this date of service; choose a FY2027 code.',
    });
    // I42.0 stays as a header in FY2027 (its billable codes are new): a header edit that says what it was.
    expect(fy27.find((e) => e.code === 'I420')).toMatchObject({ id: 'header-code' });
    expect(fy27.find((e) => e.code === 'I420')!.message).toMatch(
      /It was billable before FY2027 \(Dilated cardiomyopathy\)\.$/,
    );
    const fy26 = tabularEdits({ ...c, dischargeDate: '2026-09-30' }, installed.cmFor('2026-09-30').table);
    expect(fy26.filter((e) => e.id === 'deleted-code' || e.id === 'header-code' || e.id === 'unknown-code')).toEqual(
      [],
    );
  });
});
