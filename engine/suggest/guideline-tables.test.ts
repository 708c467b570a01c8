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
import { adverseEffectsOf } from './guidelines/adverse-effect-drugs';
import { allergyKey, allergyTermsOf } from './guidelines/allergy-status-codes';
import { familyHistoryCodeOf, familyHistoryLinksOf } from './guidelines/family-history-codes';
import { historyLinksOf } from './guidelines/history-codes';
import { agentIndexOf } from './guidelines/infectious-agent-index';
import { longTermDrugClasses } from './guidelines/long-term-drug-classes';
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
  ['History, personal, allergy, latex', 'Z91.040'],
  ['History, family, arthritis', 'Z82.61'],
  ['Arthritis, rheumatoid', 'M06.9'],
  ['Escherichia coli [E. coli], as cause of disease classified elsewhere', 'B96.20', '(E. coli)'],
  ['Staphylococcus aureus, methicillin resistant, as cause of disease classified elsewhere', 'B95.62', '(MRSA)'],
  ['Bacterium, bacteria, bacterial, agent NEC, as cause of disease classified elsewhere', 'B96.89'],
];
/** Tabular titles the builders read (the rest are invented). */
const TITLES: Record<string, string> = {
  Z803: 'Family history of malignant neoplasm of breast',
  Z826: 'Family history of arthritis and other diseases of the musculoskeletal system and connective tissue',
  Z8261: 'Family history of arthritis',
  Z8269: 'Family history of other diseases of the musculoskeletal system and connective tissue',
  Z91040: 'Latex allergy status',
};
/** Billable codes under a category (the rest have none here). */
const DESCENDANTS: Record<string, { code: string; dotted: string; long: string }[]> = {
  Z910: [{ code: 'Z91040', dotted: 'Z91.040', long: TITLES.Z91040! }],
  Z826: [
    { code: 'Z8261', dotted: 'Z82.61', long: TITLES.Z8261! },
    { code: 'Z8269', dotted: 'Z82.69', long: TITLES.Z8269! },
  ],
  B95: [{ code: 'B9562', dotted: 'B95.62', long: 'Invented agent title' }],
  B96: [
    { code: 'B9620', dotted: 'B96.20', long: 'Invented agent title' },
    { code: 'B9689', dotted: 'B96.89', long: 'Invented agent title' },
  ],
};
const DRUG_ROWS = [
  {
    path: 'Warfarin',
    title: 'Warfarin',
    nemod: '',
    see: '',
    cells: [
      { column: 'Poisoning, Accidental (unintentional)', code: 'T45.511' },
      { column: 'Adverse Effect', code: 'T45.515' },
    ],
  },
];
const INCLUSION = [
  { code: 'Z853', dotted: 'Z85.3', text: 'Conditions classifiable to C50.-' },
  { code: 'Z992', dotted: 'Z99.2', text: 'Renal dialysis status' },
  { code: 'Z803', dotted: 'Z80.3', text: 'Conditions classifiable to C50.-' },
  { code: 'Z826', dotted: 'Z82.6', text: 'Conditions classifiable to M00-M99' },
];
/** The table's codes (undotted). */
const CODES = ['E119', 'E1151', 'I739', 'I639', 'I6340', 'M069', 'M1990', 'C50911', 'Z803', 'Z8261', 'Z8269'];

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
    *all() {
      t.walks++;
      for (const code of CODES) yield { code };
    },
    *neoplasmRows() {
      t.walks++;
      yield* [];
    },
    *drugRows() {
      t.walks++;
      yield* DRUG_ROWS;
    },
    get: (code: string, options?: { indexEntries?: boolean }) => {
      if (options?.indexEntries !== false) t.walks++;
      return {
        long: `Invented title of ${code}`,
        indexEntries: INDEX.filter((l) => l[1] === code).map(([path, c, nemod]) => ({
          path,
          code: c,
          see: '',
          nemod: nemod ?? '',
        })),
      };
    },
    summary: (code: string) => ({ long: TITLES[code] ?? `Invented title of ${code}`, billable: true }),
    billableDescendants: (code: string) => DESCENDANTS[code.replace('.', '')] ?? [],
    isBillable: (code: string) => code !== 'Z826',
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
    const family = ['M06.9', 'M19.90', 'C50.911', 'I63.9', 'Q99.9'];
    const familyOf = (t: typeof built) => family.map((c) => familyHistoryCodeOf(t, c)?.code);
    expect(familyOf(built)).toEqual(['Z82.61', 'Z82.69', 'Z80.3', undefined, undefined]);
    expect(familyOf(primed)).toEqual(familyOf(built));
    expect(covered(familyHistoryLinksOf(primed), family)).toStrictEqual(covered(familyHistoryLinksOf(built), family));
    expect(allergyTermsOf(primed)).toStrictEqual(allergyTermsOf(built));
    expect(allergyTermsOf(primed).terms.get(allergyKey('latex'))?.code).toBe('Z91.040');
    expect(agentIndexOf(primed)).toStrictEqual(agentIndexOf(built));
    expect(agentIndexOf(primed).terms.find((x) => x.acronym === 'MRSA')?.code).toBe('B95.62');
    expect(agentIndexOf(primed).genera.get('escherichia')?.codes).toEqual(new Set(['B96.20']));
    expect(agentIndexOf(primed).bacterialNec?.code).toBe('B96.89');
    expect(adverseEffectsOf(primed)).toStrictEqual(adverseEffectsOf(built));
    expect(adverseEffectsOf(primed).get('warfarin')?.code).toBe('T45.515');
    expect(longTermDrugClasses(primed)).toStrictEqual(longTermDrugClasses(built));
    expect(longTermDrugClasses(primed).find((c) => c.code === 'Z79.01')?.drugs).toContain('warfarin');
    expect(primed.walks).toBe(0);
  });

  it('keeps tables already built from the table itself', () => {
    const t = table();
    const own = withLinesOf(t);
    const agents = agentIndexOf(t);
    primeGuidelineTables(t, {
      withLines: [],
      statusLines: [],
      historyLinks: [],
      familyHistoryLinks: [],
      allergyTerms: { terms: [], maxWords: 1 },
      agentIndex: { terms: [], genera: [] },
      adverseEffects: [],
      longTermDrugClasses: [],
    });
    expect(withLinesOf(t)).toBe(own);
    expect(agentIndexOf(t)).toBe(agents);
  });

  it('refuses a malformed block, naming the field', () => {
    const data = guidelineTablesData(table());
    expect(() => parseGuidelineTables({ ...data, statusLines: [{ ...data.statusLines[0], kind: 'absence' }] })).toThrow(
      /malformed guideline tables: statusLines\.0\.kind/,
    );
    expect(() => parseGuidelineTables({ withLines: [] })).toThrow(/malformed guideline tables: statusLines/);
    expect(() =>
      parseGuidelineTables({ ...data, agentIndex: { ...data.agentIndex, genera: [['klebsiella', {}]] } }),
    ).toThrow(/malformed guideline tables: agentIndex\.genera\.0\.1\.codes/);
  });
});
