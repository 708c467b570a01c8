// Allergy status codes of substances, read from the FY2026 Alphabetic Index, Table of Drugs and
// Chemicals and Tabular titles (golden/family-allergy-codes.json).
import { beforeAll, describe, expect, it } from 'vitest';
import { loadInstalledTables } from '../../../codesets/node';
import type { CmTable } from '../../icd10cm';
import { allergyKey, allergyTermsOf } from './allergy-status-codes';
import golden from './golden/family-allergy-codes.json';

let cm: CmTable;
beforeAll(async () => {
  cm = (await loadInstalledTables()).icd10cm.get(2026)!;
});

describe('allergyKey', () => {
  it('reads a class line and a listed name alike', () => {
    expect(allergyKey('Penicillin (any)')).toBe(allergyKey('penicillins'));
    expect(allergyKey('Iodine NEC')).toBe(allergyKey('iodine'));
    expect(allergyKey('contrast media')).not.toBe(allergyKey('contrast'));
  });
});

describe('allergyTermsOf', () => {
  it.each(golden.allergyStatus)('%s -> %s (%s)', (name, expected) => {
    const term = allergyTermsOf(cm).terms.get(allergyKey(name));
    expect(term?.code).toBe(expected);
    expect(cm.isBillable(expected.replace('.', ''))).toBe(true);
  });
  it.each(golden.noAllergyStatus)('%s has none (%s)', (name) => {
    expect(allergyTermsOf(cm).terms.get(allergyKey(name))).toBeUndefined();
  });
  it('never leads to the nonspecific Z88.9 (I.C.21.c.16)', () => {
    for (const t of allergyTermsOf(cm).terms.values()) expect(t.code).not.toBe('Z88.9');
  });
});
