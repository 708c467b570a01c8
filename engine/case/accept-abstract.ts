/**
 * Accepting the coded abstract into the case: the proposed principal first (unless the coder has
 * chosen one: that choice sticks), the secondary diagnoses in the proposed sequence, each with its
 * pre-filled POA where the case has none yet. Nothing the coder entered is overwritten: a POA the
 * coder set stays, codes the coder added stay, in their order, after the principal.
 */
import { normalizeCode } from '../codes/normalize';
import {
  addDiagnosis,
  moveDiagnosis,
  setPoa,
  withPrincipalCandidates,
  type CodingCase,
  type Poa,
  type PrincipalCandidateEntry,
} from './model';

/** One accepted diagnosis (structurally an `AbstractEntry` of engine/suggest). */
export interface AcceptedDiagnosis {
  code: string;
  /** Pre-filled POA (`1`, exempt, is stored blank as on the UB-04). */
  poa?: 'Y' | 'N' | 'U' | 'W' | '1';
}

/** The diagnoses of an abstract (structurally engine/suggest's `CodedAbstract`). */
export interface AcceptedAbstract {
  principal: AcceptedDiagnosis | undefined;
  secondary: readonly AcceptedDiagnosis[];
  /** The sequencing stage's ranked principal candidates, kept on the case for the DRG panel. */
  principalCandidates?: readonly PrincipalCandidateEntry[];
}

/**
 * Adds the abstract's diagnoses to the case in its sequence.
 *
 * - Not yet overridden: the abstract's principal becomes the case's principal, the codes already
 *   on the case keep their relative order after it, and new secondary codes are appended in the
 *   abstract's order.
 * - Overridden by the coder (`principalOverride`): the case's principal stays; all new codes are
 *   appended in the abstract's order (its principal first among them).
 * - POA: a pre-filled indicator is written only where the case's indicator is blank; exempt (`1`)
 *   stays blank.
 * - The ranked principal candidates, when given, replace the case's (the DRG panel shows them).
 *
 * @example acceptAbstract(c, { principal: { code: 'A41.51', poa: 'Y' }, secondary: [{ code: 'N39.0', poa: 'Y' }] }).diagnoses.map((d) => d.code) // ['A4151', 'N390']
 */
export function acceptAbstract(c: CodingCase, abstract: AcceptedAbstract): CodingCase {
  const incoming = [...(abstract.principal ? [abstract.principal] : []), ...abstract.secondary];
  let next = abstract.principalCandidates ? withPrincipalCandidates(c, abstract.principalCandidates) : c;
  for (const d of incoming) {
    if (next.diagnoses.length >= 25 && !next.diagnoses.some((x) => x.code === normalizeCode(d.code))) break;
    next = addDiagnosis(next, d.code, 'suggestion');
    const entry = next.diagnoses.find((x) => x.code === normalizeCode(d.code));
    if (entry && entry.poa === '' && d.poa && d.poa !== '1') next = setPoa(next, d.code, d.poa satisfies Poa);
  }
  if (!c.principalOverride && abstract.principal) {
    const at = next.diagnoses.findIndex((x) => x.code === normalizeCode(abstract.principal!.code));
    if (at > 0) next = moveDiagnosis(next, at, 0);
  }
  return next;
}
