// The guideline tables as bundle data: what the builders build from a table, written as JSON and
// read back, is what the rules then read from another table object, without an Index walk; a
// malformed block is refused by field. A small hand-made Index and Tabular (invented lines of
// the official shape), no release file.
import { describe, expect, it } from 'vitest';
import {
  guidelineTablesData,
  parseGuidelineTables,
  primeGuidelineTables,
  type GuidelineTableSource,
} from './guideline-tables';
import { historyLinksOf } from './guidelines/history-codes';
import { statusLinesOf } from './guidelines/status-lines';
import { withLinesOf } from './guidelines/with-combination-index';

const INDEX: [path: string, code: string, nemod?: string][] = [
  ['Diabetes, type 2', 'E11.9'],
  ['Diabetes, type 2, with, peripheral angiopathy', 'E11.51'],
  ['Angiopathy, peripheral', 'I73.9'],
  ['Dependence, on, dialysis', 'Z99.2', '(hemodialysis) (peritoneal)'],
  ['Status, dialysis', 'Z99.2'],
  ['History, personal, stroke', 'Z86.73'],
  ['Stroke', 'I63.9'],
  ['Stroke, embolic', 'I63.40'],
];
const INCLUSION = [
  { code: 'Z853', dotted: 'Z85.3', text: 'Conditions classifiable to C50.-' },
  { code: 'Z992', dotted: 'Z99.2', text: 'Renal dialysis status' },
];

/** A table of those lines; `walks` counts the Index and Tabular reads. */
function table(): GuidelineTableSource & { walks: number } {
  const t = {
    walks: 0,
    *indexEntries(source: 'index' | 'eindex' = 'index') {
      t.walks++;
      if (source !== 'index') return;
      for (const [path, code, nemod] of INDEX) yield { path, code, see: '', nemod: nemod ?? '' };
    },
    *inclusionTerms() {
      t.walks++;
      yield* INCLUSION;
    },
    get: (code: string) => ({ long: `Invented title of ${code}` }),
    billableDescendants: () => [],
    isBillable: () => true,
  };
  return t as unknown as GuidelineTableSource & { walks: number };
}

const covered = (links: ReturnType<typeof historyLinksOf>, codes: string[]) =>
  links.map((l) => ({ code: l.code, width: l.width, source: l.source, covers: codes.filter((c) => l.covers(c)) }));

describe('guideline tables as bundle data', () => {
  it('reads back, through JSON, exactly what the builders build, and the primed table walks nothing', () => {
    const built = table();
    const data = guidelineTablesData(built);
    expect(data.withLines.map((l) => [l.code, l.baseCode, l.subtermCodes])).toEqual([['E11.51', 'E11.9', ['I73.9']]]);
    expect(data.statusLines.map((l) => l.code)).toContain('Z99.2');
    expect(data.historyLinks.map((l) => l.code).sort()).toEqual(['Z85.3', 'Z86.73']);

    const primed = table();
    primeGuidelineTables(primed, parseGuidelineTables(JSON.parse(JSON.stringify(data))));
    expect(withLinesOf(primed)).toStrictEqual(withLinesOf(built));
    expect(statusLinesOf(primed)).toStrictEqual(statusLinesOf(built));
    const probe = ['C50.911', 'C34.90', 'I63.9', 'I63.40', 'I63.50'];
    expect(covered(historyLinksOf(primed), probe)).toStrictEqual(covered(historyLinksOf(built), probe));
    // The condition's own entry (the same words), not the lines below it.
    expect(covered(historyLinksOf(primed), probe).find((l) => l.code === 'Z86.73')?.covers).toEqual(['I63.9']);
    expect(covered(historyLinksOf(primed), probe).find((l) => l.code === 'Z85.3')?.covers).toEqual(['C50.911']);
    expect(primed.walks).toBe(0);
  });

  it('keeps tables already built from the table itself', () => {
    const t = table();
    const own = withLinesOf(t);
    primeGuidelineTables(t, { withLines: [], statusLines: [], historyLinks: [] });
    expect(withLinesOf(t)).toBe(own);
  });

  it('refuses a malformed block, naming the field', () => {
    const data = guidelineTablesData(table());
    expect(() => parseGuidelineTables({ ...data, statusLines: [{ ...data.statusLines[0], kind: 'absence' }] })).toThrow(
      /malformed guideline tables: statusLines\.0\.kind/,
    );
    expect(() => parseGuidelineTables({ withLines: [] })).toThrow(/malformed guideline tables: statusLines/);
  });
});
