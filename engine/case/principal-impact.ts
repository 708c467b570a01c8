/**
 * The DRG impact of each principal candidate, for the coder's DRG panel: the candidates come in the
 * order the Official Guidelines rank them (engine/suggest/sequence), and each gets the MS-DRG and
 * relative weight the case would group to with it as principal, the other diagnoses of the case
 * as secondary, and whether the Medicare Code Editor accepts it as principal.
 *
 * **Private work aid**, like the grouper's what-if: it helps the coder see what the sequencing
 * decision means; the order stays the guidelines' (never re-sorted by weight), and it must never
 * appear in, or word, a physician query (ACDIS/AHIMA compliant query practice).
 */
import { formatCmCode, normalizeCode } from '../codes/normalize';
import type { Grouper } from '../grouper/grouper';
import type { GrouperClaim, GroupResult } from '../grouper/types';
import type { Mce } from '../mce/mce';
import type { CodingCase } from './model';
import { grouperClaimOf } from './recompute';

/** A principal candidate as ranked by the sequencing stage (structurally its `PrincipalChoice`). */
export interface RankedPrincipal {
  code: string;
  rule?: string;
  reason?: string;
}

/** What one candidate as principal does to the case. */
export interface PrincipalImpact {
  /** Dotted code. */
  code: string;
  /** Guideline section and reason that ranked it (from the sequencing stage). */
  rule?: string;
  reason?: string;
  /** `true` for the case's current principal. */
  current: boolean;
  drg: number;
  title: string;
  weight: number;
  /** Weight minus the current case's weight (4 decimals). */
  weightDelta: number;
  returnCode: GroupResult['returnCode'];
  /** MCE principal-diagnosis edits it triggers (e.g. `MANIFESTATION_AS_PDX`); empty when accepted. */
  pdxEdits: string[];
}

/** Result of {@link principalImpact}: the candidates' figures, or why the case cannot be grouped. */
export type PrincipalImpactResult =
  | { status: 'grouped'; current: { drg: number; weight: number }; candidates: PrincipalImpact[] }
  | { status: 'not-grouped'; reason: string };

const round4 = (n: number): number => Math.round(n * 10000) / 10000;
const PDX_EDITS = new Set([
  'MANIFESTATION_AS_PDX',
  'UNACCEPTABLE_PDX',
  'E_CODE_AS_PDX',
  'QUESTIONABLE_ADMISSION',
  'NONSPECIFIC_PDX',
  'INVALID_CODE',
  'SEX_CONFLICT',
  'AGE_CONFLICT',
]);

/** The case's claim with `code` as principal: the old principal becomes the first secondary. */
function withPrincipal(claim: GrouperClaim, code: string, c: CodingCase): GrouperClaim {
  if (code === claim.pdx) return claim;
  const poaOf = (x: string): string => c.diagnoses.find((d) => d.code === x)?.poa ?? 'Y';
  const sdx = [{ code: claim.pdx, poa: claim.pdxPoa ?? '' }, ...claim.sdx.filter((s) => s.code !== code)].slice(0, 24);
  return { ...claim, pdx: code, pdxPoa: poaOf(code), sdx };
}

/**
 * Groups the case once per principal candidate, in the given (guideline) order.
 *
 * @param c The case (inpatient, with discharge date and age).
 * @param ranked Principal candidates, best first; codes dotted or not. A candidate not on the case is grouped as if added as principal.
 * @example
 * principalImpact(c, [{ code: 'A41.51', rule: 'I.C.1.d.4' }, { code: 'N39.0' }], { grouper, mce })
 *   // { status: 'grouped', candidates: [{ code: 'A41.51', drg: 871, weight: 1.9…, … }, { code: 'N39.0', drg: 689, … }] }
 */
export function principalImpact(
  c: CodingCase,
  ranked: readonly RankedPrincipal[],
  tables: { grouper: Grouper; mce?: Mce },
): PrincipalImpactResult {
  const made = grouperClaimOf(c);
  if ('reason' in made) return { status: 'not-grouped', reason: made.reason };
  const base = made.claim;
  const current = tables.grouper.group(base, { explain: false });
  const seen = new Set<string>();
  const candidates: PrincipalImpact[] = [];
  for (const r of ranked) {
    const code = normalizeCode(r.code);
    if (seen.has(code)) continue;
    seen.add(code);
    const claim = withPrincipal(base, code, c);
    const g = code === base.pdx ? current : tables.grouper.group(claim, { explain: false });
    const pdxEdits =
      tables.mce && claim.dischargeDate
        ? tables.mce
            .edit({ ...claim, dischargeDate: claim.dischargeDate })
            .edits.filter((e) => e.target.kind === 'pdx' && PDX_EDITS.has(e.edit))
            .map((e) => e.edit)
        : [];
    const impact: PrincipalImpact = {
      code: formatCmCode(code),
      current: code === base.pdx,
      drg: g.finalDrg,
      title: g.title,
      weight: g.weight,
      weightDelta: round4(g.weight - current.weight),
      returnCode: g.returnCode,
      pdxEdits,
    };
    if (r.rule !== undefined) impact.rule = r.rule;
    if (r.reason !== undefined) impact.reason = r.reason;
    candidates.push(impact);
  }
  return { status: 'grouped', current: { drg: current.finalDrg, weight: current.weight }, candidates };
}
