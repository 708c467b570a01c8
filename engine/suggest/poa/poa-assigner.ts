/**
 * The abstract's POA stage (`PoaAssigner` of `engine/suggest/abstract.ts`): {@link assignPoa}
 * keyed by code, each indicator with its reason.
 */
import type { SequenceTables } from '../sequence/types';
import type { PoaAssigner, PoaIndicator } from '../types';
import { assignPoa } from './assign-poa';

/**
 * An assigner over the given tables (inpatient only; an outpatient abstract gets an empty map).
 *
 * @example buildAbstract(result, text, analysis, { assignPoa: poaAssigner({ cm }) }).principal?.poa // 'Y'
 */
export function poaAssigner(tables: SequenceTables): PoaAssigner {
  return ({ text, setting, analysis, diagnoses }) => {
    const out = new Map<string, { poa: PoaIndicator; reason: string }>();
    for (const a of assignPoa(diagnoses, { text, ...analysis }, tables, setting))
      out.set(a.code, { poa: a.poa, reason: a.quote ? `${a.reason}: "${a.quote}"` : a.reason });
    return out;
  };
}
