/**
 * The derived ICD-10-PCS FY2027 table passes the checks an official one passes (the addenda's
 * counts; deleted codes absent; added codes valid with their titles): on the real files in
 * ../shared/codesets (read at test time) and on a synthetic miniature release, where official
 * FY2027 files, when given, are used instead of the derivation.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeBundle } from '../../engine/bundle/format';
import { readerFromCompressed } from '../../engine/bundle/reader';
import { sha256Hex } from '../../engine/bundle/sha256';
import { PcsTable } from '../../engine/icd10pcs/pcs-table';
import { ReleaseFileError, type BuiltBundle } from '../builder';
import { FsReleaseSource } from '../node/fs-source';
import { buildPcsBundle, icd10pcsBuilder, readDerivedPcsRelease } from './build';
import { parsePcsCodesAddenda, type PcsCodesAddenda } from './codes-addenda';
import { COMPOSED_MARK, TITLE_NOT_AVAILABLE, VALUE_NOT_AVAILABLE } from './derive';
import { MemorySource } from '../testing/memory-source';

const ROOT = resolve(process.env.CODESETS_SRC ?? join(__dirname, '..', '..', '..', 'shared', 'codesets'));
const ADDENDA = 'icd10pcs/FY2027/icd10pcs_codes_addenda_2027.txt';
const open = (b: BuiltBundle): PcsTable => {
  const d = decodeBundle(b.bytes);
  return PcsTable.fromBundle(readerFromCompressed(d.header, d.compressed));
};

describe.skipIf(!existsSync(join(ROOT, ADDENDA)))('ICD-10-PCS FY2027 derived from the official files', () => {
  let addenda: PcsCodesAddenda;
  let built: BuiltBundle;
  let pcs: PcsTable;
  let fy2026: PcsTable;
  let april: Set<string>;
  beforeAll(() => {
    const source = new FsReleaseSource(ROOT);
    addenda = parsePcsCodesAddenda(source.read(ADDENDA).bytes, ADDENDA);
    built = buildPcsBundle(readDerivedPcsRelease(source, 2027));
    pcs = open(built);
    fy2026 = open((icd10pcsBuilder.build(source) as BuiltBundle[]).find((b) => b.header.fiscalYear === 2026)!);
    april = new Set(
      readFileSync(join(ROOT, 'msdrg/FY2026/tables/v431/pr_attributes.tsv'), 'utf8')
        .split('\n')
        .slice(1)
        .map((l) => l.split('\t')[0]!)
        .filter(Boolean),
    );
  }, 120_000);

  it('reads the addenda: 101 Add, 38 Delete, 3 Revise; summary 79,193 -> 79,256', () => {
    expect([addenda.added.length, addenda.deleted.length, addenda.revised.length]).toEqual([101, 38, 3]);
    expect(addenda.summary).toEqual({ before: 79_193, after: 79_256 });
    expect(april.size).toBe(79_193);
  });

  it('has exactly the April 2026 codes minus the deletions plus the additions: 79,256', () => {
    expect(pcs.size).toBe(79_256);
    expect(built.header.counts.validCodes).toBe(79_256);
    const expected = new Set(april);
    for (const d of addenda.deleted) expected.delete(d.code);
    for (const a of addenda.added) expected.add(a.code);
    expect(new Set(pcs.codes())).toEqual(expected);
  });

  it('deleted codes are absent; added codes are valid with the addenda title; revisions applied', () => {
    for (const d of addenda.deleted) expect(pcs.isValid(d.code), d.code).toBe(false);
    for (const a of addenda.added) expect(pcs.get(a.code), a.code).toMatchObject({ valid: true, long: a.title });
    expect(pcs.get('XW0V0P7')!.long).toBe(
      'Introduction of Gentamicin-eluting Bone Void Filler into Bones, Open Approach, New Technology Group 7',
    );
    // An April 2026 addition titled by its FY2027 revision.
    expect(pcs.get('XW0E33B')!.long).toBe(
      'Introduction of Lunsotogene Parvec-cwha via Intracochlear Infusion into Ear(s), Percutaneous Approach, New Technology Group 11',
    );
    // Unchanged codes keep the FY2026 title, and the FY2026 table is untouched.
    expect(pcs.get('0DTJ4ZZ')!.long).toBe('Resection of Appendix, Percutaneous Endoscopic Approach');
    expect(fy2026.isValid('XXE5XT7')).toBe(true);
    expect(fy2026.isValid('0W99003')).toBe(false);
  });

  it('short titles of added and revised codes: the long title when it fits the 60-character column, else it stands in', () => {
    const changed = [...addenda.added.map((a) => [a.code, a.title]), ...addenda.revised.map((r) => [r.code, r.to])];
    const fits = changed.filter(([, long]) => long!.length <= 60);
    for (const [code, long] of changed) expect(pcs.get(code!)!.short, code).toBe(long);
    expect(fits.length).toBeGreaterThan(0);
    expect(built.header.counts.shortTitlesFromLong).toBe(changed.length - fits.length);
    expect(built.header.notes.join(' ')).toContain(
      `${fits.length} have long titles of at most 60 characters, which the order file prints unchanged as the short title; ` +
        `the abbreviations of the other ${changed.length - fits.length} are in no available file`,
    );
    // Unchanged codes keep the order file's own abbreviation.
    expect(pcs.get('0016070')!.short).toBe(fy2026.get('0016070')!.short);
    expect(pcs.get('0016070')!.short).not.toBe(pcs.get('0016070')!.long);
  });

  it('April 2026 additions: composed titles are marked, the others labelled plainly; both valid', () => {
    const added = [...april].filter((c) => !fy2026.isValid(c));
    expect(added.length).toBe(80);
    const composed = added.filter((c) => pcs.get(c)?.long?.endsWith(COMPOSED_MARK));
    const untitled = added.filter((c) => pcs.get(c)?.long === TITLE_NOT_AVAILABLE);
    expect([composed.length, untitled.length]).toEqual([
      built.header.counts.titlesComposed,
      built.header.counts.titlesNotAvailable,
    ]);
    expect(composed.length + untitled.length).toBe(79); // + XW0E33B, titled by its revision
    for (const c of added) expect(pcs.isValid(c), c).toBe(true);
    // A composed title lists the table's own labels for operation, body part, approach, device, qualifier.
    const one = composed[0]!;
    const d = pcs.get(one)!;
    expect(d.long).toBe(
      `${d.axes
        .slice(2)
        .map((a) => a.label)
        .join(', ')} ${COMPOSED_MARK}`,
    );
  });

  it('records the derivation and both files with their sha256', () => {
    const h = built.header;
    expect(h.id).toBe('icd10pcs-2027');
    expect(h.derivation).toMatch(/^derived: FY2026 April 1 update \+ FY2027 codes addenda/);
    const sha = (rel: string): string => sha256Hex(new Uint8Array(readFileSync(join(ROOT, rel))));
    expect(h.provenance.map((p) => [p.role, p.releaseYear, p.sha256])).toEqual(
      expect.arrayContaining([
        ['order', 2026, sha('icd10pcs/FY2026/icd10pcs_order_2026.txt')],
        ['tables', 2026, sha('icd10pcs/FY2026/icd10pcs_tables_2026.xml')],
        ['april-codes', 2026, sha('msdrg/FY2026/tables/v431/pr_attributes.tsv')],
        ['addenda', 2027, sha(ADDENDA)],
      ]),
    );
  });
});

// ---- synthetic miniature release (one fictional table; official layouts) ----

const axis = (pos: number, title: string, labels: [string, string][], definition?: string): string =>
  `<axis pos="${pos}" values="${labels.length}"><title>${title}</title>${labels.map(([c, l]) => `<label code="${c}">${l}</label>`).join('')}${definition ? `<definition>${definition}</definition>` : ''}</axis>`;
const leftRow =
  '<pcsRow codes="2">' +
  axis(4, 'Body Part', [['J', 'Appendix']]) +
  axis(5, 'Approach', [
    ['0', 'Open'],
    ['4', 'Percutaneous Endoscopic'],
  ]) +
  axis(6, 'Device', [['Z', 'No Device']]) +
  axis(7, 'Qualifier', [['1', 'Left Side']]) +
  '</pcsRow>';
const tablesXml = (year: number, qualifiers: [string, string][], extraRow = ''): string =>
  `<?xml version="1.0" encoding="utf-8"?>\n<ICD10PCS.tabular>\n<version>${year}</version>\n<title>t</title>\n<pcsTable>` +
  axis(1, 'Section', [['0', 'Medical and Surgical']]) +
  axis(2, 'Body System', [['D', 'Gastrointestinal System']]) +
  axis(3, 'Operation', [['T', 'Resection']], 'Cutting out all of a body part') +
  `<pcsRow codes="${2 * 2 * qualifiers.length}">` +
  axis(4, 'Body Part', [
    ['J', 'Appendix'],
    ['K', 'Gizmo'],
  ]) +
  axis(5, 'Approach', [
    ['0', 'Open'],
    ['4', 'Percutaneous Endoscopic'],
  ]) +
  axis(6, 'Device', [['Z', 'No Device']]) +
  axis(7, 'Qualifier', qualifiers) +
  `</pcsRow>${extraRow}</pcsTable>\n</ICD10PCS.tabular>\n`;
const DEFS = `<?xml version="1.0" encoding="utf-8"?>\n<ICD10PCS.definitions>\n<version>2026</version>\n<title>d</title>\n<section code="0"><title>Medical and Surgical</title><axis pos="3"><title>Operation</title><terms><title>Resection</title><definition>Cutting out all of a body part</definition></terms></axis></section>\n</ICD10PCS.definitions>\n`;
const orderLine = (n: number, code: string, flag: 0 | 1, title: string): string =>
  `${String(n).padStart(5, '0')} ${code.padEnd(7)} ${flag} ${title.slice(0, 60).padEnd(60)} ${title}`;
const TITLE = (bp: string, ap: string): string => `Resection of ${bp}, ${ap} Approach`;
const ORDER_2026 = [
  orderLine(1, '0DT', 0, 'Gastrointestinal System, Resection'),
  orderLine(2, '0DTJ0ZZ', 1, TITLE('Appendix', 'Open')),
  orderLine(3, '0DTJ4ZZ', 1, TITLE('Appendix', 'Percutaneous Endoscopic')),
  orderLine(4, '0DTK0ZZ', 1, TITLE('Gizmo', 'Open')),
  orderLine(5, '0DTK4ZZ', 1, TITLE('Gizmo', 'Percutaneous Endoscopic')),
].join('\r\n');
// The April update added 0DTJ0Z1, whose qualifier no table prints (no title can be composed).
const APRIL = ['code\tor_flag', '0DTJ0ZZ\tOR', '0DTJ4ZZ\tOR', '0DTK0ZZ\tOR', '0DTK4ZZ\tOR', '0DTJ0Z1\tOR', ''].join(
  '\n',
);
const ADDENDA_2027 = [
  'Add:         0DTJ0Z2 Resection of Appendix, Open Approach, Fictional Qualifier Two',
  'Delete:      0DTK4ZZ Resection of Gizmo, Percutaneous Endoscopic Approach',
  'Revise from: 0DTK0ZZ Resection of Gizmo, Open Approach',
  'Revise to:   0DTK0ZZ Resection of Gizmo Remnant, Open Approach',
  'Add:         0DUJ0ZZ Supplement of Appendix, Open Approach',
  '',
  'Codes',
  '  5 codes in icd10pcs_codes_2026.txt',
  '  6 codes in icd10pcs_codes_2027.txt',
  '',
].join('\r\n');

const mini = (extra: [string, string][] = []): MemorySource =>
  new MemorySource(
    new Map([
      ['icd10pcs/FY2026/icd10pcs_order_2026.txt', ORDER_2026],
      ['icd10pcs/FY2026/icd10pcs_tables_2026.xml', tablesXml(2026, [['Z', 'No Qualifier']])],
      ['icd10pcs/FY2026/icd10pcs_definitions_2026.xml', DEFS],
      ['msdrg/FY2026/tables/v431/pr_attributes.tsv', APRIL],
      [ADDENDA, ADDENDA_2027],
      ...extra,
    ]),
  );

describe('derivation on a synthetic miniature release', () => {
  it('derives FY2027 with the addenda applied, new values labelled plainly, and its derivation recorded', () => {
    const built = icd10pcsBuilder.build(mini()) as BuiltBundle[];
    expect(built.map((b) => b.header.id)).toEqual(['icd10pcs-2026', 'icd10pcs-2027']);
    const pcs = open(built[1]!);
    expect([...pcs.codes()].sort()).toEqual(['0DTJ0Z1', '0DTJ0Z2', '0DTJ0ZZ', '0DTJ4ZZ', '0DTK0ZZ', '0DUJ0ZZ']);
    expect(pcs.isValid('0DTK4ZZ')).toBe(false);
    expect(pcs.get('0DTK0ZZ')!.long).toBe('Resection of Gizmo Remnant, Open Approach');
    expect(pcs.get('0DTJ0Z2')!.long).toBe('Resection of Appendix, Open Approach, Fictional Qualifier Two');
    // Short titles: a long title of at most 60 characters is the short title (as in CMS's order
    // files); this 61-character one stands in for an abbreviation no file here gives.
    expect(pcs.get('0DUJ0ZZ')!.short).toBe('Supplement of Appendix, Open Approach');
    expect(pcs.get('0DTK0ZZ')!.short).toBe('Resection of Gizmo Remnant, Open Approach');
    expect(pcs.get('0DTJ0Z2')!.short).toBe('Resection of Appendix, Open Approach, Fictional Qualifier Two');
    expect(built[1]!.header.counts.shortTitlesFromLong).toBe(1);
    // Qualifier 1 is printed nowhere: valid, plainly labelled, its value too.
    expect(pcs.get('0DTJ0Z1')).toMatchObject({ valid: true, long: TITLE_NOT_AVAILABLE });
    expect(pcs.get('0DTJ0Z1')!.axes.find((a) => a.position === 7)!.label).toBe(VALUE_NOT_AVAILABLE);
    // A table of its own (0DU): section and body system labels from the sibling table.
    expect(
      pcs
        .get('0DUJ0ZZ')!
        .axes.slice(0, 2)
        .map((a) => a.label),
    ).toEqual(['Medical and Surgical', 'Gastrointestinal System']);
    const h = built[1]!.header;
    expect(h.derivation).toMatch(/^derived: FY2026 April 1 update \+ FY2027 codes addenda/);
    expect(h.counts).toMatchObject({ validCodes: 6, baseCodes: 5, titlesNotAvailable: 1, titlesComposed: 0 });
    expect(decodeBundle(built[0]!.bytes).header.derivation).toBeUndefined();
  });

  it('composes a title when every axis value is printed in the tables, and marks it', () => {
    // FY2026 prints qualifier 1 (Left Side) for the appendix only; the April update adds
    // 0DTK0Z1, whose every value is printed somewhere in the table.
    const src = mini([['icd10pcs/FY2026/icd10pcs_tables_2026.xml', tablesXml(2026, [['Z', 'No Qualifier']], leftRow)]]);
    const order = [
      ORDER_2026,
      orderLine(6, '0DTJ0Z1', 1, 'Resection of Appendix, Open Approach, Left Side'),
      orderLine(7, '0DTJ4Z1', 1, 'Resection of Appendix, Percutaneous Endoscopic Approach, Left Side'),
    ].join('\r\n');
    src.files.set('icd10pcs/FY2026/icd10pcs_order_2026.txt', order);
    src.files.set(
      'msdrg/FY2026/tables/v431/pr_attributes.tsv',
      APRIL.replace('0DTJ0Z1\tOR', '0DTJ0Z1\tOR\n0DTJ4Z1\tOR\n0DTK0Z1\tOR'),
    );
    src.files.set(ADDENDA, ADDENDA_2027.replace('  5 codes', '  7 codes').replace('  6 codes', '  8 codes'));
    const pcs = open((icd10pcsBuilder.build(src) as BuiltBundle[])[1]!);
    expect(pcs.get('0DTK0Z1')!.long).toBe(`Resection, Gizmo, Open, No Device, Left Side ${COMPOSED_MARK}`);
  });

  it('refuses addenda whose summary the derived set does not match, or that do not fit the base', () => {
    const wrong = mini([[ADDENDA, ADDENDA_2027.replace('  6 codes', '  7 codes')]]);
    expect(() => icd10pcsBuilder.build(wrong)).toThrow(/derived code set has 6 codes, the summary says 7/);
    const notBase = mini([[ADDENDA, ADDENDA_2027.replace('Delete:      0DTK4ZZ', 'Delete:      0DTK4Z9')]]);
    expect(() => icd10pcsBuilder.build(notBase)).toThrow(ReleaseFileError);
  });

  it('official FY2027 order file and Tables XML, when given, are used instead of the derivation', () => {
    const officialOrder = [
      orderLine(1, '0DT', 0, 'Gastrointestinal System, Resection'),
      orderLine(2, '0DTJ0ZZ', 1, 'Official title of the appendix resection'),
      orderLine(3, '0DTJ4ZZ', 1, TITLE('Appendix', 'Percutaneous Endoscopic')),
      orderLine(4, '0DTK0ZZ', 1, TITLE('Gizmo', 'Open')),
      orderLine(5, '0DTK4ZZ', 1, TITLE('Gizmo', 'Percutaneous Endoscopic')),
    ].join('\r\n');
    const built = icd10pcsBuilder.build(
      mini([
        ['icd10pcs/FY2027/icd10pcs_order_2027.txt', officialOrder],
        ['icd10pcs/FY2027/icd10pcs_tables_2027.xml', tablesXml(2027, [['Z', 'No Qualifier']])],
      ]),
    ) as BuiltBundle[];
    expect(built.map((b) => b.header.id)).toEqual(['icd10pcs-2026', 'icd10pcs-2027']);
    expect(built[1]!.header.derivation).toBeUndefined();
    expect(open(built[1]!).get('0DTJ0ZZ')!.long).toBe('Official title of the appendix resection');
  });
});
