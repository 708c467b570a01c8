/**
 * DRG area of the engine worker: MS-DRG grouping (every installed `msdrg-43.x` release; the
 * discharge date picks the version), Medicare Code Editor edits and the what-if list.
 */
import { whatIf } from '../../engine/grouper';
import type { EngineApi } from './api';
import type { EngineContext } from './context';
import { grouperOf, mceOf } from './drg-engines';

export function drgMethods(ctx: EngineContext): Pick<EngineApi, 'groupClaim' | 'editClaim' | 'drgWhatIf'> {
  const grouper = () => grouperOf(ctx);
  const mce = () => mceOf(ctx);
  return {
    async groupClaim(claim, options) {
      return (await grouper()).group(claim, options ?? {});
    },
    async editClaim(claim) {
      return (await mce()).edit(claim);
    },
    async drgWhatIf(claim, candidates, options) {
      const list = candidates ?? [];
      return whatIf(await grouper(), claim, { ...(options ?? {}), candidates: () => list });
    },
  };
}
