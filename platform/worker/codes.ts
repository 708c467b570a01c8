/** Codes area of the engine worker: single-code lookup by date of service. */
import { ChartsideNoReleaseError } from '../../engine/codes';
import { CmTable } from '../../engine/icd10cm';
import type { CodeLookup, EngineApi } from './api';
import type { EngineContext } from './context';

/** Key under which `CmTable`s are cached in the context (other areas may reuse it). */
export const CM_TABLE = 'cm-table';

export function codesMethods(ctx: EngineContext): Pick<EngineApi, 'lookupCode'> {
  return {
    async lookupCode(code, dateOfService): Promise<CodeLookup> {
      const query = code.trim();
      let picked;
      try {
        picked = await ctx.tableFor('icd10cm', CM_TABLE, (r) => CmTable.fromReader(r), dateOfService);
      } catch (error) {
        if (error instanceof ChartsideNoReleaseError)
          return {
            status: 'no-release',
            query,
            message: `${error.message}. Open the options page to install the code tables.`,
          };
        throw error;
      }
      const used = {
        id: picked.row.id,
        release: picked.row.header.release,
        fiscalYear: picked.row.fiscalYear,
        ...(picked.fallback ? { fallback: picked.fallback } : {}),
      };
      const detail = picked.table.get(query);
      if (!detail) {
        return { status: 'not-found', query, used, message: `${query} is not an ICD-10-CM code in ${used.release}.` };
      }
      return { status: 'found', system: 'icd10cm', code: detail, used };
    },
  };
}
