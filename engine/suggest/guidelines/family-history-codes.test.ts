// Family history codes of relatives' conditions, read from the FY2026 Tabular inclusion terms,
// Alphabetic Index and Neoplasm Table (golden/family-allergy-codes.json).
import { beforeAll, describe, expect, it } from 'vitest';
import { loadInstalledTables } from '../../../codesets/node';
import type { CmTable } from '../../icd10cm';
import { familyHistoryCodeOf } from './family-history-codes';
import golden from './golden/family-allergy-codes.json';

let cm: CmTable;
beforeAll(async () => {
  cm = (await loadInstalledTables()).icd10cm.get(2026)!;
});

describe('familyHistoryCodeOf', () => {
  it.each(golden.familyHistory)('%s -> %s (%s)', (condition, expected) => {
    const link = familyHistoryCodeOf(cm, condition);
    expect(link?.code).toBe(expected);
    expect(cm.isBillable(expected.replace('.', ''))).toBe(true);
    expect(link!.source.length).toBeGreaterThan(10);
  });
  it.each(golden.noFamilyHistory)('%s has none (%s)', (condition) => {
    expect(familyHistoryCodeOf(cm, condition)).toBeUndefined();
  });
});
