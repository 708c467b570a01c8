import { describe, expect, it } from 'vitest';
import type { CmTable } from '../icd10cm';
import type { PcsTable } from '../icd10pcs/pcs-table';
import { historyLinksOf } from './guidelines/history-codes';
import { statusLinesOf } from './guidelines/status-lines';
import { withLinesOf } from './guidelines/with-combination-index';
import { suggestTableSteps } from './prepare-tables';

/** A tiny synthetic table (structurally what the builders read) that counts the passes over it. */
function countingTable(): { cm: CmTable; passes: () => number; details: string[] } {
  let passes = 0;
  const details: string[] = [];
  const entries = [
    { path: 'Widgetitis', code: 'X01.9', see: '', nemod: '' },
    { path: 'Widgetitis, with, gadget failure', code: 'X01.1', see: '', nemod: '' },
    { path: 'Failure, gadget', code: 'X02.0', see: '', nemod: '' },
  ];
  const fake = {
    *indexEntries() {
      passes++;
      yield* entries;
    },
    *inclusionTerms() {
      passes++;
      yield* [] as { code: string; dotted: string; text: string }[];
    },
    get: (code: string) => void details.push(code),
    *all() {
      yield { code: 'X019', dotted: 'X01.9' };
      yield { code: 'X011', dotted: 'X01.1' };
    },
    billableDescendants: () => [],
    isBillable: () => true,
  };
  return { cm: fake as unknown as CmTable, passes: () => passes, details };
}

describe('suggestTableSteps', () => {
  it('builds the guideline tables once, so the rules find them cached', () => {
    const { cm, passes, details } = countingTable();
    const steps = suggestTableSteps(cm);
    expect(steps).toHaveLength(4);
    for (const step of steps) step();
    const built = passes();
    expect(built).toBeGreaterThan(0);
    const lines = withLinesOf(cm);
    statusLinesOf(cm);
    historyLinksOf(cm);
    expect(passes()).toBe(built);
    expect(lines.map((l) => [l.code, l.baseCode])).toEqual([['X01.1', 'X01.9']]);
    // One code's detail decodes the table's lazily read blocks.
    expect(details).toEqual(['X019']);
  });

  it('leaves a PCS release without its Index to the suggestion, which reports it', () => {
    const { cm } = countingTable();
    const pcs = {
      get index(): never {
        throw new Error('PCS bundle FY2099 has no index block');
      },
    } as unknown as PcsTable;
    const steps = suggestTableSteps(cm, pcs);
    expect(steps).toHaveLength(5);
    expect(() => steps[4]!()).not.toThrow();
  });
});
