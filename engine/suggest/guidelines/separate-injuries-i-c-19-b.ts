/**
 * Multiple injuries named in one phrase (I.C.19.b: "assign separate codes for each injury unless a
 * combination code is provided"): "second through fifth metatarsal fractures" is four fractures,
 * each its own code, though all four rest on the same words of the chart.
 */
import { namesOrdinalRange, ordinalWords } from '../ordinal-range-keys';
import type { GuidelineContext } from './types';

/**
 * `true` when two injury codes (S00-S99) quote a run of ordinals and their Tabular titles name
 * different members of it ("second" and "third" metatarsal bone).
 *
 * @example separateInjuries('S92.321D', 'S92.331D', 'second through fifth metatarsal fractures', ctx.tables) // true
 */
export function separateInjuries(a: string, b: string, quoted: string, tables: GuidelineContext['tables']): boolean {
  if (!/^S/.test(a) || !/^S/.test(b) || !namesOrdinalRange(quoted)) return false;
  const x = ordinalWords(tables.cm.get(a)?.long ?? '');
  const y = ordinalWords(tables.cm.get(b)?.long ?? '');
  return x.length > 0 && y.length > 0 && !y.some((w) => x.includes(w));
}
