/**
 * The abstract's principal selection (`PrincipalSelector` of `engine/suggest/abstract.ts`): the
 * best ranked choice of {@link selectPrincipal} stands as principal, and the other reportable
 * diagnoses follow in the Tabular List's order ({@link sequenceDiagnoses}).
 */
import type { PrincipalSelector } from '../types';
import { selectPrincipal } from './select-principal';
import { sequenceDiagnoses } from './sequence-diagnoses';
import type { SequenceTables } from './types';

/**
 * A selector over the given tables.
 *
 * @example buildAbstract(result, text, analysis, { selectPrincipal: principalSelector({ cm }) }).principal?.code // 'A41.51'
 */
export function principalSelector(tables: SequenceTables): PrincipalSelector {
  return ({ text, setting, analysis, diagnoses }) => {
    const ranked = selectPrincipal(diagnoses, { text, ...analysis }, setting, tables);
    const best = ranked[0];
    if (!best) return { principal: undefined };
    const principal = {
      code: best.code,
      rule: best.rule,
      reason: best.reason,
      quote: best.quote,
      ...(best.span ? { span: best.span } : {}),
    };
    return {
      principal,
      secondaryOrder: sequenceDiagnoses(
        best.code,
        diagnoses.map((d) => d.code),
        tables,
      ).slice(1),
    };
  };
}
