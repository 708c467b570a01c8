/**
 * Case area of the engine worker: one round trip recomputes everything the case
 * workspace shows after a change (MS-DRG, MCE, Tabular List edits, principal what-if), with the
 * ICD-10-CM release of the case's date of service. The computation itself is
 * `engine/case/recompute.ts` (pure); this file only finds the tables.
 */
import { CaseSchema, recomputeCase, serviceDate, type CaseComputation, type CodingCase } from '../../engine/case';
import { CmTable } from '../../engine/icd10cm';
import type { EngineApi, ReleaseUsed } from './api';
import { CM_TABLE } from './codes';
import type { EngineContext } from './context';
import { grouperOf, mceOf } from './drg-engines';

/** Result of {@link EngineApi.recomputeCase}. */
export interface CaseRecompute extends CaseComputation {
  /** The ICD-10-CM release used for the tabular edits and titles (with any fallback notice). */
  cmRelease: ReleaseUsed;
  /** Long titles of the case's ICD-10-CM codes, by undotted code (absent: not a code of that year). */
  titles: Record<string, string>;
  /** Codes of the case on the POA-exempt list of that release (reported blank / 1). */
  poaExempt: string[];
  /** Milliseconds spent computing inside the worker (tables already loaded). */
  tookMs: number;
  /**
   * The discharge date the DRG and MCE results were computed for: a notice about them (MS-DRG v43.1
   * for an FY2027 discharge) is about this date, not a date edited since.
   */
  dischargeDate?: string;
}

export function caseMethods(ctx: EngineContext): Pick<EngineApi, 'recomputeCase'> {
  return {
    async recomputeCase(raw: CodingCase): Promise<CaseRecompute> {
      // The case crosses a boundary (side panel -> worker): validate it.
      const c = CaseSchema.parse(raw);
      const [cm, grouper, mce] = await Promise.all([
        ctx.tableFor('icd10cm', CM_TABLE, (r) => CmTable.fromReader(r), serviceDate(c)),
        grouperOf(ctx),
        mceOf(ctx, c.dischargeDate),
      ]);
      const start = performance.now();
      const computed = recomputeCase(c, { grouper, mce, cm: cm.table });
      const titles: Record<string, string> = {};
      const poaExempt: string[] = [];
      for (const d of c.diagnoses) {
        const title = cm.table.summary(d.code)?.long;
        if (title) titles[d.code] = title;
        if (cm.table.get(d.code)?.poaExempt) poaExempt.push(d.code);
      }
      return {
        ...computed,
        cmRelease: {
          id: cm.row.id,
          release: cm.row.header.release,
          fiscalYear: cm.row.fiscalYear,
          ...(cm.fallback ? { fallback: cm.fallback } : {}),
        },
        titles,
        poaExempt,
        tookMs: performance.now() - start,
        ...(c.dischargeDate ? { dischargeDate: c.dischargeDate } : {}),
      };
    },
  };
}
