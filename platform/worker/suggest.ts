/**
 * Suggestion area of the engine worker: ICD-10-CM/PCS suggestions for a chart snapshot,
 * from the installed tables matching the date of service. The lexicon is built once per pair of
 * releases and kept for the worker's life.
 */
import { parseSnapshot, type ChartSnapshot } from '../../engine/chart/snapshot';
import { CmTable } from '../../engine/icd10cm';
import { PcsTable } from '../../engine/icd10pcs/pcs-table';
import { GrouperTables } from '../../engine/grouper/tables';
import { severityLookup, Suggester } from '../../engine/suggest';
import { suggestWithModel } from '../../engine/suggest/model';
import { suggestAbstract } from '../../engine/suggest/pipeline';
import { poaAssigner } from '../../engine/suggest/poa';
import { principalSelector } from '../../engine/suggest/sequence';
import type { EngineApi, SuggestRequestOptions, SuggestResponse } from './api';
import type { EngineContext } from './context';
import { suggestModelLoader } from './suggest-model';

export function suggestMethods(ctx: EngineContext): Pick<EngineApi, 'suggest'> {
  const suggesters = new Map<string, Suggester>();
  // The learned model (suggest-model bundle): decoded once, applied unless the user turned it off.
  const pickModel = suggestModelLoader(ctx);
  return {
    async suggest(snapshot: ChartSnapshot, options: SuggestRequestOptions = {}): Promise<SuggestResponse> {
      // A snapshot crosses a trust boundary (it came from a page): parse it here too.
      const chart = parseSnapshot(snapshot);
      const cm = await ctx.tableFor('icd10cm', 'cm-table', (r) => CmTable.fromReader(r), options.dateOfService);
      const notices: string[] = [];
      if (cm.fallback) notices.push(cm.fallback);
      let pcs: { table: PcsTable; row: { id: string } } | undefined;
      try {
        const picked = await ctx.tableFor(
          'icd10pcs',
          'pcs-table',
          (r) => PcsTable.fromBundle(r),
          options.dateOfService,
        );
        if (picked.fallback) notices.push(picked.fallback);
        pcs = picked;
      } catch (error) {
        // Never silent: no PCS release means no procedure suggestions, and the panel says so.
        notices.push(
          `No ICD-10-PCS release is usable, so no procedures are suggested: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      const key = `${cm.row.id}|${pcs?.row.id ?? '-'}`;
      let suggester = suggesters.get(key);
      if (!suggester) {
        suggester = new Suggester(cm.table, pcs?.table);
        suggesters.set(key, suggester);
      }
      // CC/MCC flags when an MS-DRG release is installed; without one the flags are absent and the panel says so.
      let severityOf: ((code: string) => 'cc' | 'mcc' | undefined) | undefined;
      try {
        severityOf = (
          await ctx.tableFor(
            'msdrg',
            'grouper-severity',
            (r) => severityLookup(new GrouperTables(r)),
            options.dateOfService,
          )
        ).table;
      } catch (error) {
        notices.push(
          `No MS-DRG release is usable, so CC/MCC is not shown: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      const suggestOptions = {
        setting: options.setting ?? 'inpatient',
        ...(severityOf ? { severityOf } : {}),
      } as const;
      const choice = await pickModel();
      if (choice.notice) notices.push(choice.notice);
      // The coded abstract (Official Guidelines tiers) comes from the Index/Tabular engine; the
      // learned model, when on, only re-ranks the candidate lists.
      const abstracted = suggestAbstract(suggester, chart.text, {
        ...suggestOptions,
        ...(options.dateOfService ? { dateOfService: options.dateOfService } : {}),
        selectPrincipal: principalSelector({ cm: cm.table }),
        assignPoa: poaAssigner({ cm: cm.table }),
      });
      const result = {
        ...(choice.model
          ? suggestWithModel(suggester, chart.text, choice.model, suggestOptions)
          : abstracted.suggestions),
        abstract: abstracted.abstract,
      };
      // Truncated evidence on a very long note is shown to the user, never hidden.
      notices.push(...(result.warnings ?? []));
      return {
        ...result,
        releases: { cm: cm.row.id, pcs: pcs?.row.id },
        ...(choice.info ? { model: choice.info } : {}),
        notices,
        snapshotCapturedAt: chart.capturedAt,
      };
    },
  };
}
