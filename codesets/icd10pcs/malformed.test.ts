/**
 * Malformed ICD-10-PCS release files are refused whole, with the file name and line. Uses
 * truncated and corrupted copies of the official files (made in memory, never written) and small
 * synthetic documents.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReleaseFileError, type ReleaseFile } from '../builder';
import { buildPcsBundle } from './build';
import { parsePcsDefinitions } from './definitions-xml';
import { parsePcsIndex } from './index-xml';
import { parsePcsOrderFile } from './order-file';
import { parsePcsTables } from './tables-xml';
import { decodeUtf8 } from '../text/decode-utf8';
import { refusal } from '../testing/refusal';

const ROOT = resolve(process.env.CODESETS_SRC ?? join(__dirname, '..', '..', '..', 'shared', 'codesets'));
const FY26 = join(ROOT, 'icd10pcs', 'FY2026');
const read = (name: string, dir = FY26): string => readFileSync(join(dir, name), 'utf8');

const lineOf = (text: string, index: number): number => text.slice(0, index).split('\n').length;

describe.skipIf(!existsSync(FY26))('malformed official files', () => {
  it('refuses a truncated Tables XML at the end of the text', () => {
    const xml = read('icd10pcs_tables_2026.xml');
    const cut = xml.slice(0, Math.floor(xml.length / 2));
    const e = refusal(() => parsePcsTables(cut, 'icd10pcs_tables_2026.xml'));
    expect(e.file).toBe('icd10pcs_tables_2026.xml');
    expect(e.line).toBe(cut.split('\n').length);
    expect(e.message).toMatch(/^icd10pcs_tables_2026\.xml:\d+: /);
  });

  it('refuses a corrupted Tables XML at the corrupted line', () => {
    const xml = read('icd10pcs_tables_2026.xml');
    const at = xml.indexOf('</pcsRow>', xml.length / 3);
    const bad = xml.slice(0, at) + '</pcsRox>' + xml.slice(at + 9);
    expect(refusal(() => parsePcsTables(bad, 't.xml')).line).toBe(lineOf(xml, at));
    // A label removed: the axis no longer matches its declared number of values.
    const label = xml.indexOf('<label', xml.length / 2);
    const lineEnd = xml.indexOf('\n', label);
    const missing = xml.slice(0, label) + xml.slice(lineEnd + 1);
    expect(refusal(() => parsePcsTables(missing, 't.xml')).message).toMatch(/declares \d+ values but lists \d+/);
    // An invalid code character (PCS has no letter O).
    const badChar = xml.replace(
      '<label code="6">Cerebral Ventricle</label>',
      '<label code="O">Cerebral Ventricle</label>',
    );
    expect(refusal(() => parsePcsTables(badChar, 't.xml')).message).toMatch(/invalid axis value "O"/);
  });

  it('refuses the wrong file given as the Tables XML', () => {
    const e = refusal(() => parsePcsTables(read('icd10pcs_definitions_2026.xml'), 'icd10pcs_tables_2026.xml'));
    expect(e.message).toMatch(/root element <ICD10PCS\.definitions>, expected <ICD10PCS\.tabular> \(wrong file\?\)/);
    expect(e.line).toBe(2);
  });

  it('refuses a truncated or corrupted Index XML', () => {
    const xml = read('icd10pcs_index_2025.xml', join(ROOT, 'icd10pcs', 'FY2025'));
    const cut = xml.slice(0, 1_000_000);
    expect(refusal(() => parsePcsIndex(cut, 'icd10pcs_index_2025.xml')).line).toBe(cut.split('\n').length);
    const at = xml.indexOf('<codes>0DTJ</codes>');
    const bad = xml.slice(0, at) + '<codes>0DTI</codes>' + xml.slice(at + 19);
    const e = refusal(() => parsePcsIndex(bad, 'icd10pcs_index_2025.xml'));
    expect(e.line).toBe(lineOf(xml, at));
    expect(e.message).toMatch(/invalid code prefix "0DTI"/);
    const level = xml.indexOf('<term level="2">');
    const wrongLevel = xml.slice(0, level) + '<term level="3">' + xml.slice(level + 16);
    expect(refusal(() => parsePcsIndex(wrongLevel, 'i.xml')).message).toMatch(/term level 3 at nesting depth 2/);
  });

  it('refuses a truncated or corrupted Definitions XML', () => {
    const xml = read('icd10pcs_definitions_2026.xml');
    const cut = xml.slice(0, 100_000);
    expect(refusal(() => parsePcsDefinitions(cut, 'd.xml')).line).toBe(cut.split('\n').length);
    const at = xml.indexOf('<includes>');
    const bad = xml.slice(0, at) + '<includes>Hallux</include>' + xml.slice(xml.indexOf('</includes>', at) + 11);
    expect(refusal(() => parsePcsDefinitions(bad, 'd.xml')).line).toBe(lineOf(xml, at));
    // A stray "&": saxes reports it where the entity reference ends, never later than that.
    const amp = xml.slice(0, at) + '<includes>a & b</includes>' + xml.slice(xml.indexOf('</includes>', at) + 11);
    expect(refusal(() => parsePcsDefinitions(amp, 'd.xml')).line).toBeGreaterThanOrEqual(lineOf(xml, at));
  });

  it('refuses a corrupted order file at the bad line', () => {
    const text = read('icd10pcs_order_2026.txt');
    const lines = text.split('\n');
    const flag = [...lines];
    flag[41_999] = `${flag[41_999]!.slice(0, 14)}2${flag[41_999]!.slice(15)}`;
    expect(refusal(() => parsePcsOrderFile(flag.join('\n'), 'icd10pcs_order_2026.txt'))).toMatchObject({
      file: 'icd10pcs_order_2026.txt',
      line: 42_000,
    });
    const short = [...lines];
    short[100] = short[100]!.slice(0, 30);
    expect(refusal(() => parsePcsOrderFile(short.join('\n'), 'o.txt')).line).toBe(101);
    const gap = lines.filter((_, i) => i !== 500);
    expect(refusal(() => parsePcsOrderFile(gap.join('\n'), 'o.txt')).message).toMatch(
      /order number 502 does not follow 500/,
    );
    expect(refusal(() => parsePcsOrderFile('', 'o.txt')).message).toMatch(/empty order file/);
  });

  it('refuses bytes that are not UTF-8, with the line', () => {
    const bytes = new TextEncoder().encode('<?xml version="1.0"?>\n<ICD10PCS.tabular>\n<version>20');
    const bad = new Uint8Array([...bytes, 0xff, 0xfe, 0x0a]);
    expect(refusal(() => decodeUtf8(bad, 'x.xml'))).toMatchObject({ file: 'x.xml', line: 3 });
  });

  it('refuses to build from files of two different releases (FY2025 order file, FY2026 tables)', () => {
    const file = (name: string, dir: string): ReleaseFile => ({
      path: name,
      name,
      bytes: new Uint8Array(readFileSync(join(dir, name))),
      sha256: 'x',
    });
    const fy25 = join(ROOT, 'icd10pcs', 'FY2025');
    const e = refusal(() =>
      buildPcsBundle({
        fiscalYear: 2026,
        order: file('icd10pcs_order_2025.txt', fy25),
        tables: file('icd10pcs_tables_2026.xml', FY26),
        definitions: { file: file('icd10pcs_definitions_2026.xml', FY26), year: 2026 },
      }),
    );
    expect(e.file).toBe('icd10pcs_tables_2026.xml');
    expect(e.message).toMatch(
      /tables expand to 79115 codes but icd10pcs_order_2025\.txt has 78948 valid codes: \d+ only in the tables .* \d+ only in the order file .* nothing was built/,
    );
  });

  it('builds nothing when one file of the release is truncated', () => {
    const file = (name: string, dir = FY26): ReleaseFile => {
      const bytes = new Uint8Array(readFileSync(join(dir, name)));
      return { path: name, name, bytes, sha256: 'x' };
    };
    const index = file('icd10pcs_index_2025.xml', join(ROOT, 'icd10pcs', 'FY2025'));
    const truncated = { ...index, bytes: index.bytes.subarray(0, index.bytes.length - 200) };
    const e = refusal(() =>
      buildPcsBundle({
        fiscalYear: 2026,
        order: file('icd10pcs_order_2026.txt'),
        tables: file('icd10pcs_tables_2026.xml'),
        definitions: { file: file('icd10pcs_definitions_2026.xml'), year: 2026 },
        index: { file: truncated, year: 2025 },
      }),
    );
    expect(e.file).toBe('icd10pcs_index_2025.xml');
    expect(e.line).toBeGreaterThan(60_000);
  });
});

describe('XML parsers never throw anything but ReleaseFileError (property)', () => {
  const doc = `<?xml version="1.0" encoding="utf-8"?>
<ICD10PCS.tabular>
  <version>2026</version>
  <pcsTable>
    <axis pos="1" values="1"><title>Section</title><label code="0">Medical and Surgical</label></axis>
    <axis pos="2" values="1"><title>Body System</title><label code="D">Gastrointestinal System</label></axis>
    <axis pos="3" values="1"><title>Operation</title><label code="T">Resection</label><definition>Cutting out all of a body part</definition></axis>
    <pcsRow codes="2">
      <axis pos="4" values="1"><title>Body Part</title><label code="J">Appendix</label></axis>
      <axis pos="5" values="2"><title>Approach</title><label code="0">Open</label><label code="4">Percutaneous Endoscopic</label></axis>
      <axis pos="6" values="1"><title>Device</title><label code="Z">No Device</label></axis>
      <axis pos="7" values="1"><title>Qualifier</title><label code="Z">No Qualifier</label></axis>
    </pcsRow>
  </pcsTable>
</ICD10PCS.tabular>
`;

  it('parses the synthetic document', () => {
    const parsed = parsePcsTables(doc, 'synthetic.xml');
    expect(parsed.tables[0]?.prefix).toBe('0DT');
    expect(parsed.tables[0]?.axes[2].definition).toBe('Cutting out all of a body part');
  });

  it('refuses every truncation and every single-character corruption or parses it cleanly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: doc.length - 1 }),
        fc.constantFrom('<', '>', '"', '&', 'x', '', '/'),
        (at, ch) => {
          for (const variant of [doc.slice(0, at), doc.slice(0, at) + ch + doc.slice(at + 1)]) {
            try {
              parsePcsTables(variant, 'synthetic.xml');
            } catch (e) {
              if (!(e instanceof ReleaseFileError) || e.file !== 'synthetic.xml' || e.line === undefined) return false;
            }
          }
          return true;
        },
      ),
      { numRuns: 500, seed: 11 },
    );
  });
});
