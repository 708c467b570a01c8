/**
 * DRG area of the engine worker: MS-DRG grouping (every installed MS-DRG release; the
 * discharge date picks the version), Medicare Code Editor edits and the what-if list.
 */
import { whatIf } from '../../engine/grouper';
import type { EngineApi } from './api';
import type { EngineContext } from './context';
import { grouperOf, mceOf } from './drg-engines';

export function drgMethods(ctx: EngineContext): Pick<EngineApi, 'groupClaim' | 'editClaim' | 'drgWhatIf'> {
  const grouper = () => grouperOf(ctx);
  return {
    async groupClaim(claim, options) {
      return (await grouper()).group(claim, options ?? {});
    },
    async editClaim(claim) {
      // The discharge date picks the fiscal year's editor (MCE 43.1 for FY2026, MCE 44 for FY2027).
      return (await mceOf(ctx, claim.dischargeDate)).edit(claim);
    },
    async drgWhatIf(claim, candidates, options) {
      const list = candidates ?? [];
      return whatIf(await grouper(), claim, { ...(options ?? {}), candidates: () => list });
    },
  };
}
