/**
 * The abstract's principal selection (`PrincipalSelector` of `engine/suggest/abstract.ts`): the
 * best ranked choice of {@link selectPrincipalExplained} stands as principal, and the other reportable
 * diagnoses (with any documented one a rule promoted) follow in the Tabular List's order
 * ({@link sequenceDiagnoses}); every ranked choice is returned for the DRG panel, and the codes
 * that may only be principal but are not (I.C.21.c.15) are returned to leave the report.
 */
import type { PrincipalDecision, PrincipalSelector } from '../types';
import { selectPrincipalExplained } from './select-principal';
import { sequenceDiagnoses } from './sequence-diagnoses';
import type { PrincipalChoice, SequenceTables } from './types';

/**
 * A selector over the given tables.
 *
 * @example buildAbstract(result, text, analysis, { selectPrincipal: principalSelector({ cm }) }).principal?.code // 'A41.51'
 */
export function principalSelector(tables: SequenceTables): PrincipalSelector {
  return ({ text, setting, analysis, diagnoses, documented = [] }) => {
    const { ranked, promoted, notSecondary } = selectPrincipalExplained(
      diagnoses,
      { text, ...analysis },
      setting,
      tables,
      {
        documented,
      },
    );
    const best = ranked[0];
    if (!best) return { principal: undefined };
    const decision = (c: PrincipalChoice): PrincipalDecision => ({
      code: c.code,
      rule: c.rule,
      reason: c.reason,
      quote: c.quote,
      ...(c.span ? { span: c.span } : {}),
    });
    return {
      principal: decision(best),
      secondaryOrder: sequenceDiagnoses(
        best.code,
        [...diagnoses.map((d) => d.code), ...promoted.map((p) => p.code)],
        tables,
      ).slice(1),
      promoted: promoted.map(decision),
      ranked: ranked.map(decision),
      notSecondary: notSecondary.map((n) => {
        const c = ranked.find((r) => r.code === n.code)!;
        return { ...decision(c), rule: 'I.C.21.c.15', reason: n.reason };
      }),
    };
  };
}
