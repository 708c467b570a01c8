/**
 * One full recompute of a case after any change: MS-DRG, Medicare Code Editor edits, Tabular List
 * edits and the principal-diagnosis what-if (each secondary diagnosis as principal). Pure: the
 * tables come in as arguments, so the worker, Node tests and the bench run exactly this.
 *
 * Nothing is silently left out (a missing result must never read as "no DRG"): when the case
 * cannot be grouped yet (no principal diagnosis, no discharge date, no age, outpatient setting)
 * the result says why in `drg.reason`.
 */
import type { Grouper } from '../grouper/grouper';
import type { Mce } from '../mce/mce';
import type { GrouperClaim, GroupResult } from '../grouper/types';
import type { MceResult } from '../mce/types';
import type { CodingCase } from './model';
import { mceForDisplay } from './mce-display';
import { principalImpact, type PrincipalImpactResult } from './principal-impact';
import { tabularEdits, type CmLookup, type TabularEdit } from './tabular-edits';

/** Tables a recompute needs (built once per release by the caller). */
export interface CaseTables {
  grouper: Grouper;
  mce: Mce;
  /** ICD-10-CM table of the case's fiscal year. */
  cm: CmLookup;
}

/** What a secondary diagnosis would do to the DRG if it were sequenced as principal. */
export interface PrincipalCandidate {
  /** Undotted code (currently a secondary diagnosis). */
  code: string;
  drg: number;
  title: string;
  weight: number;
  /** Candidate weight minus the current weight (4 decimals). */
  weightDelta: number;
  returnCode: GroupResult['returnCode'];
}

/** Result of {@link recomputeCase}. */
export interface CaseComputation {
  /** The grouper result, or why the case cannot be grouped yet. */
  drg: { status: 'grouped'; result: GroupResult } | { status: 'not-grouped'; reason: string };
  /** MCE result (POA findings the Tabular/POA edits already report left out, codes dotted: `mce-display.ts`), or why it did not run. */
  mce: { status: 'edited'; result: MceResult } | { status: 'not-edited'; reason: string };
  /** Tabular List and POA edits (always computed). */
  tabular: TabularEdit[];
  /** Each secondary diagnosis as principal (empty when the case is not grouped). */
  principalWhatIf: PrincipalCandidate[];
  /**
   * The sequencing stage's ranked principal candidates ({@link CodingCase.principalCandidates}),
   * each with the MS-DRG and weight it would give; absent when the case carries none.
   */
  principalCandidates?: PrincipalImpactResult;
}

/** The grouper claim of a case, or the reason none can be made. */
export function grouperClaimOf(c: CodingCase): { claim: GrouperClaim } | { reason: string } {
  if (c.setting !== 'inpatient') return { reason: 'MS-DRG applies to inpatient cases only (setting is outpatient).' };
  const [principal, ...secondary] = c.diagnoses;
  if (!principal) return { reason: 'Add a principal diagnosis to group the case.' };
  if (!c.dischargeDate) return { reason: 'Enter the discharge date: it picks the grouper version.' };
  if (c.age === undefined) return { reason: 'Enter the age at admission to group the case.' };
  const claim: GrouperClaim = {
    pdx: principal.code,
    pdxPoa: principal.poa,
    sdx: secondary.map((d) => ({ code: d.code, poa: d.poa })),
    procedures: c.procedures.filter((p) => p.system === 'icd10pcs').map((p) => p.code),
    age: c.age,
    sex: c.sex,
    dischargeStatus: c.dischargeStatus,
    dischargeDate: c.dischargeDate,
  };
  if (c.admissionDate) claim.admissionDate = c.admissionDate;
  return { claim };
}

const round4 = (n: number): number => Math.round(n * 10000) / 10000;

/**
 * Recomputes everything the workspace shows for a case, in one call.
 *
 * @example
 * const r = recomputeCase(c, { grouper, mce, cm });
 * r.drg.status === 'grouped' && r.drg.result.finalDrg // 291
 */
export function recomputeCase(c: CodingCase, tables: CaseTables): CaseComputation {
  const tabular = tabularEdits(c, tables.cm);
  const made = grouperClaimOf(c);
  const ranked = c.principalCandidates ?? [];
  if ('reason' in made) {
    return {
      drg: { status: 'not-grouped', reason: made.reason },
      mce: { status: 'not-edited', reason: made.reason },
      tabular,
      principalWhatIf: [],
      ...(ranked.length > 0 ? { principalCandidates: { status: 'not-grouped', reason: made.reason } as const } : {}),
    };
  }
  const { claim } = made;
  const result = tables.grouper.group(claim, { explain: true });
  // One copy of each finding, codes with their dot (see mce-display.ts).
  const mce = mceForDisplay(tables.mce.edit(claim as GrouperClaim & { dischargeDate: string }), tabular);
  const principalWhatIf: PrincipalCandidate[] = claim.sdx.map((s, i) => {
    const sdx = [...claim.sdx];
    sdx[i] = { code: claim.pdx, poa: claim.pdxPoa ?? '' };
    const swapped = tables.grouper.group({ ...claim, pdx: s.code, pdxPoa: s.poa ?? '', sdx }, { explain: false });
    return {
      code: s.code,
      drg: swapped.finalDrg,
      title: swapped.title,
      weight: swapped.weight,
      weightDelta: round4(swapped.weight - result.weight),
      returnCode: swapped.returnCode,
    };
  });
  return {
    drg: { status: 'grouped', result },
    mce: { status: 'edited', result: mce },
    tabular,
    principalWhatIf,
    ...(ranked.length > 0 ? { principalCandidates: principalImpact(c, ranked, tables) } : {}),
  };
}
