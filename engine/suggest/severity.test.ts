// The compact CC/MCC block agrees with the whole grouper tables on every diagnosis of the real
// MS-DRG releases (built from the official files by the real builder), and a bundle without a
// usable block still flags, from the whole tables, and says why.
import { beforeAll, describe, expect, it } from 'vitest';
import { msdrgReaders } from '../../test/golden/msdrg-bundles';
import { jsonPayload } from '../bundle/format';
import type { BundleReader } from '../bundle/reader';
import { SEVERITY_BLOCK } from '../grouper/severity-block';
import { GrouperTables } from '../grouper/tables';
import { severityLookup, severityOfBundle } from './severity';

let readers: BundleReader[];
beforeAll(async () => {
  readers = (await msdrgReaders()).grouper;
});

/** The same bundle with its `severity` block replaced (undefined: removed). */
function withSeverityBlock(reader: BundleReader, json: unknown): BundleReader {
  return {
    header: reader.header,
    has: (name) => (name === SEVERITY_BLOCK ? json !== undefined : reader.has(name)),
    bytes: (name) => (name === SEVERITY_BLOCK ? jsonPayload(json) : reader.bytes(name)),
  };
}

describe('severityOfBundle', () => {
  it('answers as the whole grouper tables for every diagnosis code, dotted or not, and for unknown codes', () => {
    for (const reader of readers) {
      const tables = new GrouperTables(reader);
      const slow = severityLookup(tables);
      const { lookup, notice } = severityOfBundle(reader);
      expect(notice).toBeUndefined();
      const differ = tables.dxCodes.filter((code) => lookup(code) !== slow(code));
      expect(differ).toEqual([]);
      expect(tables.dxCodes.filter((code) => lookup(code) === 'mcc').length).toBeGreaterThan(1_000);
      expect(tables.dxCodes.filter((code) => lookup(code) === 'cc').length).toBeGreaterThan(1_000);
      expect(lookup('I50.23')).toBe('mcc');
      expect(lookup('e11.65')).toBe(slow('E1165'));
      for (const unknown of ['', 'I50', 'ZZZ99', 'not a code']) expect(lookup(unknown)).toBe(slow(unknown));
    }
  });

  it('without the block, or with one of another version, reads the whole tables and says so', () => {
    const reader = readers[1]!;
    for (const json of [undefined, { version: 99, msdrg: '43.1', mcc: '', cc: '' }, { mcc: 1 }]) {
      const { lookup, notice } = severityOfBundle(withSeverityBlock(reader, json));
      expect(notice).toMatch(/whole MS-DRG tables .* codesets build/);
      expect(notice).toContain(reader.header.id);
      expect(lookup('I50.23')).toBe('mcc');
    }
  });
});
