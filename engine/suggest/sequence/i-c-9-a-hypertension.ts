/**
 * Official Guidelines I.C.9.a, hypertension: heart disease (I.C.9.a.1) and chronic kidney disease
 * (I.C.9.a.2, a.3) with hypertension are presumed linked and coded to the combination categories
 * I11, I12 and I13, sequenced before the heart failure (I50.-) and CKD stage (N18.-) codes that
 * are also assigned ("Code first ... (I11.0) ... (I13.-)" at I50, "Code first ... hypertensive
 * chronic kidney disease (I12.-, I13.-)" at N18). The order is read from those notes; the
 * combination codes are recognised by their Tabular section, Hypertensive diseases.
 */
import { applyPrecedence } from './i-a-13-code-first';
import type { RankedCandidate, SelectionContext, SequenceRule } from './types';

function isHypertensive(c: RankedCandidate, ctx: SelectionContext): boolean {
  return /^hypertensive diseases/i.test(ctx.tables.cm.get(c.code, { indexEntries: false })?.section?.desc ?? '');
}

export const hypertensionCombinations: SequenceRule = {
  section: 'I.C.9.a',
  settings: ['inpatient', 'outpatient'],
  apply(ranked: RankedCandidate[], ctx: SelectionContext): void {
    applyPrecedence(ranked, ctx, 'I.C.9.a', (first) => isHypertensive(first, ctx));
  },
};
