import { describe, expect, it } from 'vitest';
import { encodeBundle, decodeBundle, jsonPayload, BundleFormatError } from '../bundle/format';
import { readerFromCompressed } from '../bundle/reader';
import { HCPCS_BLOCK, HCPCS_BLOCKS_VERSION, type HcpcsColumnsBlock } from './format';
import { HcpcsTable } from './hcpcs-table';

const cols = (rows: [code: string, long: string, added: string, terminated: string][]): HcpcsColumnsBlock => ({
  version: HCPCS_BLOCKS_VERSION,
  code: rows.map((r) => r[0]),
  long: rows.map((r) => r[1]),
  short: rows.map((r) => r[1].slice(0, 28)),
  added: rows.map((r) => r[2]),
  actionEffective: rows.map((r) => r[2]),
  terminated: rows.map((r) => r[3]),
  action: rows.map(() => 'N'),
  coverage: rows.map(() => 'C'),
  betos: rows.map(() => ''),
  pricing: rows.map(() => '00'),
});

function bundle(codes: HcpcsColumnsBlock, system: 'hcpcs' | 'icd10pcs' = 'hcpcs'): HcpcsTable {
  const bytes = encodeBundle(
    {
      id: 'hcpcs-2025',
      system,
      fiscalYear: 2025,
      effectiveFrom: '2025-01-01',
      effectiveTo: '2025-12-31',
      release: 'synthetic',
      provenance: [],
      notes: [],
      counts: {},
    },
    [
      { name: HCPCS_BLOCK.codes, kind: 'json', payload: jsonPayload(codes) },
      { name: HCPCS_BLOCK.modifiers, kind: 'json', payload: jsonPayload(cols([['LT', 'Left side', '', '']])) },
    ],
  );
  const d = decodeBundle(bytes);
  return HcpcsTable.fromBundle(readerFromCompressed(d.header, d.compressed));
}

describe('HcpcsTable (synthetic bundle)', () => {
  const table = bundle(
    cols([
      ['A0001', 'Synthetic always-active supply', '', ''],
      ['B0002', 'Synthetic item added in April', '2025-04-01', ''],
      ['C0003', 'Synthetic item ended in June', '2000-01-01', '2025-06-30'],
    ]),
  );

  it('looks codes and modifiers up case-insensitively and iterates in order', () => {
    expect(table.get(' b0002 ')).toMatchObject({ code: 'B0002', kind: 'code', added: '2025-04-01' });
    expect(table.get('B0002')?.terminated).toBeUndefined();
    expect(table.modifier('lt')).toMatchObject({ code: 'LT', kind: 'modifier', long: 'Left side' });
    expect(table.get('LT')).toBeUndefined();
    expect([...table.codes()].map((c) => c.code)).toEqual(['A0001', 'B0002', 'C0003']);
    expect(table.size).toBe(3);
    expect(table.modifierCount).toBe(1);
  });

  it('checks activity on a date of service from the added and termination dates', () => {
    expect(table.isActiveOn('A0001', '1990-01-01')).toBe(true);
    expect(table.isActiveOn('B0002', '2025-03-31')).toBe(false);
    expect(table.isActiveOn('B0002', '2025-04-01')).toBe(true);
    expect(table.isActiveOn('C0003', '2025-06-30')).toBe(true);
    expect(table.isActiveOn('C0003', '2025-07-01')).toBe(false);
    expect(table.isActiveOn('LT', '2025-07-01')).toBe(true);
    expect(table.isActiveOn('Z9999', '2025-07-01')).toBeUndefined();
  });

  it('refuses a bundle of another system or a block of another version', () => {
    expect(() => bundle(cols([]), 'icd10pcs')).toThrow(BundleFormatError);
    expect(() => bundle({ ...cols([]), version: 99 })).toThrow(/HCPCS block version 99/);
    expect(() => bundle({ ...cols([['A0001', 'x', '', '']]), long: [] })).toThrow(/columns differ/);
  });
});
