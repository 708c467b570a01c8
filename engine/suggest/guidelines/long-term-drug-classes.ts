/**
 * Which drug names stand for which long-term drug therapy code (category Z79, Guideline
 * I.C.21.c.3), read from the Table of Drugs and Chemicals: a substance's adverse-effect code
 * names its class (Warfarin -> T45.515, "adverse effect of anticoagulants"), and the class is the
 * one a Z79 code names ("Long term (current) use of anticoagulants", Z79.01). Drugs the table
 * does not list (newer generics and brand names) come from the reviewed supplement
 * {@link LONG_TERM_DRUGS}.
 */
import { LONG_TERM_DRUGS } from './data/long-term-drugs';

/** A Z79 code and the drug names of its class. */
export interface LongTermDrugClass {
  code: string;
  drugs: string[];
}

/** What the reader needs of the table (structurally `CmTable`). */
export interface DrugTableSource {
  drugRows?(): Iterable<{ path: string; see: string; cells: readonly { column: string; code: string }[] }>;
}

/**
 * Reviewed: the T-code subcategory (undotted) of a Drug Table class and the Z79 code naming the
 * same class, each pair read from the two Tabular titles:
 * - T45.51 "... anticoagulants" -> Z79.01 "Long term (current) use of anticoagulants";
 * - T45.52 "... antithrombotic drugs" (inclusion term "antiplatelet drugs") -> Z79.02
 *   "... antithrombotics/antiplatelets";
 * - T38.3 "... insulin and oral hypoglycemic [antidiabetic] drugs" -> Z79.4 "... insulin" for an
 *   insulin, else Z79.84 "... oral hypoglycemic drugs";
 * - T40.2 "other opioids", T40.3 "methadone", T40.4 "other synthetic narcotics" -> Z79.891
 *   "... opiate analgesic";
 * - T39.01 "... aspirin" -> Z79.82 "... aspirin".
 */
const CLASS_OF: readonly { prefix: string; code: string }[] = [
  { prefix: 'T4551', code: 'Z79.01' },
  { prefix: 'T4552', code: 'Z79.02' },
  { prefix: 'T383', code: 'Z79.84' },
  { prefix: 'T402', code: 'Z79.891' },
  { prefix: 'T403', code: 'Z79.891' },
  { prefix: 'T404', code: 'Z79.891' },
  { prefix: 'T3901', code: 'Z79.82' },
];
/** An insulin among the T38.3 substances (its name says so; Iletin and PZI are insulin products). */
const INSULIN = /insulin|[il]l?etin|^pzi$/i;
/**
 * Reviewed: substances the table files under one of these classes but that are not taken as
 * that therapy: glucagon (T38.3) raises the blood glucose; prostaglandin, prostacyclin and
 * epoprostenol (T45.52) are vasodilators (pulmonary hypertension, obstetrics); alfentanil and
 * sufentanil (T40.4) are anesthetic adjuncts; Alka-Seltzer (T39.01) is an antacid remedy;
 * unfractionated heparin (T45.51) is given by infusion or injection during a stay (prophylaxis,
 * bridging), "for a brief period of time" (I.C.21.c.3), not as a home anticoagulant.
 */
const NOT_THIS_THERAPY = new Set([
  'heparin',
  'heparin-fraction',
  'heparinoid',
  'glucagon',
  'prostaglandin',
  'prostacyclin',
  'epoprostenol',
  'alfentanil',
  'sufentanil',
  'alka-seltzer',
]);
/**
 * A substance named by one plain term of at least four letters (not "Anticoagulant NEC", "Cough
 * mixture, containing opiates", nor a three-letter abbreviation a chart uses for other things).
 */
const PLAIN = /^[a-z][a-z0-9-]{3,}(?: [a-z][a-z0-9-]*)?$/i;
const NEC = /\sNEC$/i;

const cache = new WeakMap<object, LongTermDrugClass[]>();

/**
 * Uses `classes` (what {@link longTermDrugClasses} returned for this very table, e.g. read from a
 * bundle built at build time) as the table's drug classes, unless they were built already.
 */
export function primeLongTermDrugClasses(cm: DrugTableSource, classes: LongTermDrugClass[]): void {
  if (!cache.has(cm)) cache.set(cm, classes);
}

/**
 * The Z79 classes with their drug names: the Drug Table's substances of each class, then the
 * reviewed supplement (cached per table). Without a Drug Table, the supplement alone.
 *
 * @example longTermDrugClasses(cm).find((c) => c.code === 'Z79.01')!.drugs.includes('warfarin') // true
 */
export function longTermDrugClasses(cm: DrugTableSource): LongTermDrugClass[] {
  const hit = cache.get(cm);
  if (hit) return hit;
  const byCode = new Map<string, Set<string>>();
  const add = (code: string, name: string): void => {
    const set = byCode.get(code) ?? new Set<string>();
    set.add(name.toLowerCase());
    byCode.set(code, set);
  };
  for (const row of cm.drugRows?.() ?? []) {
    if (row.see || !PLAIN.test(row.path) || NEC.test(row.path) || NOT_THIS_THERAPY.has(row.path.toLowerCase()))
      continue;
    const adverse = row.cells.find((c) => /adverse/i.test(c.column))?.code.replace('.', '') ?? '';
    const cls = CLASS_OF.find((c) => adverse.startsWith(c.prefix));
    if (!cls) continue;
    add(cls.prefix === 'T383' && INSULIN.test(row.path) ? 'Z79.4' : cls.code, row.path);
  }
  for (const row of LONG_TERM_DRUGS) for (const d of row.drugs) add(row.code, d);
  const out = [...byCode].map(([code, drugs]) => ({ code, drugs: [...drugs] }));
  if (typeof cm === 'object') cache.set(cm, out);
  return out;
}
