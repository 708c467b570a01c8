import { deflateSync, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { listCmFiles } from '../icd10cm/files';
import { crc32 } from './crc32';
import { ChartsideZipError, listZip, readZipMember, readZipMembers } from './read-zip';
import { patchZipMember } from './testing/patch-zip';

const MiB = 1024 * 1024;
const text = strToU8('<note>Fictional release file</note>\n'.repeat(100));
const read = (zip: Uint8Array, name: string, maxBytes?: number): Uint8Array =>
  readZipMember(zip, listZip(zip, 'test.zip'), name, 'test.zip', maxBytes === undefined ? {} : { maxBytes });

describe('bounded zip reader', () => {
  it('computes the zip CRC-32 (check value of "123456789")', () => {
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
  });

  it('lists from the central directory and reads stored and deflated members', () => {
    const zip = zipSync({ 'a.xml': [text, { level: 0 }], 'dir/b.xml': [text, { level: 9 }] });
    expect(listZip(zip, 'test.zip').map((e) => [e.name, e.method])).toEqual([
      ['a.xml', 0],
      ['dir/b.xml', 8],
    ]);
    expect(read(zip, 'a.xml')).toEqual(text);
    expect(read(zip, 'dir/b.xml')).toEqual(text);
    expect([...readZipMembers(zip, 'test.zip', (n) => n.startsWith('dir/')).keys()]).toEqual(['dir/b.xml']);
  });

  it('inflates only the members asked for: a corrupt bomb beside them is never touched', () => {
    const zip = zipSync({ 'a.xml': text, 'bomb.bin': new Uint8Array(4 * MiB) });
    // The bomb's deflate data overwritten with garbage and its claim made absurd: reading a.xml
    // succeeds only because bomb.bin is never inflated.
    const bomb = listZip(zip, 'test.zip').find((e) => e.name === 'bomb.bin')!;
    const start = bomb.offset + 30 + 'bomb.bin'.length;
    const broken = patchZipMember(zip, 'bomb.bin', { size: 0xfffffffe });
    broken.fill(0xff, start, start + bomb.compressedSize);
    expect(read(broken, 'a.xml')).toEqual(text);
    expect(() => read(broken, 'bomb.bin')).toThrow(/more than the .*-byte limit/);
  });

  it('refuses a member whose claimed size is above the cap before inflating it', () => {
    const zip = zipSync({ 'huge.bin': new Uint8Array(2 * MiB) });
    expect(() => read(zip, 'huge.bin', 1 * MiB)).toThrow(ChartsideZipError);
    expect(() => read(zip, 'huge.bin', 1 * MiB)).toThrow(/claims 2097152 bytes, more than the 1048576-byte limit/);
    expect(read(zip, 'huge.bin', 2 * MiB)).toHaveLength(2 * MiB);
  });

  it('stops a member that inflates past the size it claims (lying sizes)', () => {
    const zip = patchZipMember(zipSync({ 'liar.xml': new Uint8Array(4 * MiB) }), 'liar.xml', { size: 1000 });
    expect(() => read(zip, 'liar.xml')).toThrow(/liar\.xml: inflates past the 1000 bytes the archive claims/);
    // Claiming more than it holds is refused too.
    const short = patchZipMember(zipSync({ 'short.xml': text }), 'short.xml', { size: text.length + 10 });
    expect(() => read(short, 'short.xml')).toThrow(/inflated to 3600 bytes, the archive claims 3610/);
  });

  it('refuses a member whose CRC-32 does not match', () => {
    const zip = zipSync({ 'a.xml': text });
    const entry = listZip(zip, 'test.zip')[0]!;
    const altered = patchZipMember(zip, 'a.xml', { crc32: (entry.crc32 ^ 1) >>> 0 });
    expect(() => read(altered, 'a.xml')).toThrow(/a\.xml: CRC-32 mismatch/);
  });

  it('never opens a nested zip: its members are not listed, and reading it returns its bytes', () => {
    const inner = zipSync({ 'icd10cm-tabular-2026.xml': new Uint8Array(1 * MiB) });
    const outer = zipSync({ 'icd10cm-table-index-2026.zip': inner, 'icd10cm-index-2026.xml': text });
    expect(listZip(outer, 'outer.zip').map((e) => e.name)).toEqual([
      'icd10cm-table-index-2026.zip',
      'icd10cm-index-2026.xml',
    ]);
    expect(read(outer, 'icd10cm-table-index-2026.zip')).toEqual(inner);
    const source = {
      description: 'memory',
      list: () => ['icd10cm/FY2026/icd10cm-xml-2026.zip'],
      read: () => ({
        path: 'icd10cm/FY2026/icd10cm-xml-2026.zip',
        name: 'icd10cm-xml-2026.zip',
        bytes: outer,
        sha256: '',
      }),
    };
    // Only the outer index member: the tabular inside the nested zip is not seen.
    expect(listCmFiles(source).map((f) => f.member)).toEqual(['icd10cm-index-2026.xml']);
  });

  it('refuses what is not a zip, truncated archives and unsupported methods, naming the archive', () => {
    expect(() => listZip(strToU8('not a zip at all'), 'x.zip')).toThrow(/x\.zip: not a zip archive/);
    const zip = zipSync({ 'a.xml': text });
    expect(() => listZip(zip.subarray(0, zip.length - 30), 'cut.zip')).toThrow(ChartsideZipError);
    const method = zip.slice();
    const at = listZip(zip, 'm.zip')[0]!;
    new DataView(method.buffer).setUint16(at.offset + 8, 12, true); // local header says bzip2
    expect(() => read(method, 'a.xml')).toThrow(/local header disagrees/);
    expect(deflateSync(text).length).toBeGreaterThan(0);
  });
});
