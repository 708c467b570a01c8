/**
 * The adverse effect code (T36-T50 with fifth or sixth character 5) of each substance of the
 * official Table of Drugs and Chemicals, read once per table: the "Adverse effect" column of its
 * main-term rows ("Heparin" -> T45.515, "Iron NEC" -> T45.4X5). A substance whose adverse effect
 * is not classified in T36-T50 (alcohol, lithium as a metal, rodenticides: toxic effects, T51-T65)
 * has none, and a name two rows give different codes is left out (the chart would not decide).
 */
import { refCovers } from '../codes-in-note';
import { rangeRefs } from './infectious-agent-index';

/** One substance of the Table with its adverse effect code (six characters, no 7th). */
export interface DrugAdverseEffect {
  /** Lower-case name as the Table prints it, without NEC/NOS (`heparin`, `iron`). */
  name: string;
  /** e.g. `T45.515`. */
  code: string;
  /** The Table row ("Heparin (sodium)"). */
  row: string;
}

/** What {@link adverseEffectsOf} reads (structurally `CmTable`). */
export interface DrugTableSource {
  drugRows(): Iterable<{
    path: string;
    nemod: string;
    see: string;
    cells: readonly { column: string; code: string }[];
  }>;
}

/** Drugs, medicaments and biological substances (I.C.19.e.5.a). */
const DRUG_CATEGORIES = rangeRefs('T36-T50');
const ADVERSE_COLUMN = /^adverse effect$/i;

const cache = new WeakMap<object, ReadonlyMap<string, DrugAdverseEffect>>();

/**
 * Uses `effects` (what {@link adverseEffectsOf} returned for this very table, e.g. read from a
 * bundle built at build time) as the table's adverse effect codes, unless they were built already.
 */
export function primeAdverseEffects(cm: DrugTableSource, effects: ReadonlyMap<string, DrugAdverseEffect>): void {
  if (!cache.has(cm)) cache.set(cm, effects);
}

/**
 * Adverse effect code of every substance name of the Table (cached per table).
 *
 * @example adverseEffectsOf(cm).get('heparin')?.code // 'T45.515'
 */
export function adverseEffectsOf(cm: DrugTableSource): ReadonlyMap<string, DrugAdverseEffect> {
  const hit = cache.get(cm);
  if (hit) return hit;
  const out = new Map<string, DrugAdverseEffect>();
  const ambiguous = new Set<string>();
  for (const r of cm.drugRows()) {
    if (r.path.includes(', ') || r.see) continue; // a subterm qualifies its main term's substance
    const code = r.cells.find((c) => ADVERSE_COLUMN.test(c.column))?.code ?? '';
    if (!/^T\d\d\.\w+$/.test(code) || !DRUG_CATEGORIES.some((ref) => refCovers(ref, code.replace('.', '')))) continue;
    const name = r.path
      .replace(/\b(NEC|NOS)\b/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .toLowerCase();
    if (!name) continue;
    const prior = out.get(name);
    if (prior && prior.code !== code) ambiguous.add(name);
    else out.set(name, { name, code, row: `${r.path}${r.nemod ? ` ${r.nemod}` : ''}` });
  }
  for (const name of ambiguous) out.delete(name);
  cache.set(cm, out);
  return out;
}
