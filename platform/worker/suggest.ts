/**
 * Suggestion area of the engine worker: ICD-10-CM/PCS suggestions for a chart snapshot,
 * from the installed tables matching the date of service. The lexicon is the installed
 * `suggest-lexicon` bundle built from those tables (platform/worker/suggest-lexicon.ts), else it is
 * built from them (slow, and said); either way once per pair of releases, kept for the worker's life.
 */
import { parseSnapshot, type ChartSnapshot } from '../../engine/chart/snapshot';
import { CmTable } from '../../engine/icd10cm';
import { PcsTable } from '../../engine/icd10pcs/pcs-table';
import { severityOfBundle, Suggester } from '../../engine/suggest';
import { suggestWithModel } from '../../engine/suggest/model';
import { primeGuidelineTables } from '../../engine/suggest/guideline-tables';
import { suggestAbstract } from '../../engine/suggest/pipeline';
import { poaAssigner } from '../../engine/suggest/poa';
import { suggestTableSteps } from '../../engine/suggest/prepare-tables';
import { principalSelector } from '../../engine/suggest/sequence';
import type { EngineApi, SuggestRequestOptions, SuggestResponse } from './api';
import type { EngineContext, PickedTable } from './context';
import { suggestModelLoader } from './suggest-model';
import { suggestLexiconLoader } from './suggest-lexicon';

export function suggestMethods(ctx: EngineContext): Pick<EngineApi, 'suggest' | 'prepareSuggest'> {
  const suggesters = new Map<string, Promise<{ suggester: Suggester; notice?: string }>>();
  // The learned model (suggest-model bundle): decoded once, applied unless the user turned it off.
  const pickModel = suggestModelLoader(ctx);
  const pickLexicon = suggestLexiconLoader(ctx);
  /** Suggest calls started and not finished: the warm-up never makes one of them wait longer. */
  let suggestsRunning = 0;

  /**
   * The suggester of the releases of a date of service, and the notices about those releases.
   * `report`: the call that will show its notices (a warm-up does not consume the one-time notice
   * of a lexicon built at run time).
   */
  async function suggesterFor(
    dateOfService: string | undefined,
    notices: string[],
    report: boolean,
  ): Promise<{ suggester: Suggester; cm: PickedTable<CmTable>; pcs?: PickedTable<PcsTable> }> {
    const cm = await ctx.tableFor('icd10cm', 'cm-table', (r) => CmTable.fromReader(r), dateOfService);
    if (cm.fallback) notices.push(cm.fallback);
    let pcs: PickedTable<PcsTable> | undefined;
    try {
      const picked = await ctx.tableFor('icd10pcs', 'pcs-table', (r) => PcsTable.fromBundle(r), dateOfService);
      if (picked.fallback) notices.push(picked.fallback);
      pcs = picked;
    } catch (error) {
      // Never silent: no PCS release means no procedure suggestions, and the panel says so.
      notices.push(
        `No ICD-10-PCS release is usable, so no procedures are suggested: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const key = `${cm.row.id}:${cm.row.sha256}|${pcs ? `${pcs.row.id}:${pcs.row.sha256}` : '-'}`;
    let hit = suggesters.get(key);
    if (!hit) {
      const pcsTable = pcs?.table;
      const pcsRow = pcs?.row;
      hit = (async () => {
        const choice = await pickLexicon(cm.row, pcsRow);
        if (choice.lexicon) {
          // The guideline tables built with that lexicon from this very table (same sha256): the
          // first suggestion reads them instead of walking the Index.
          if (choice.guidelines) primeGuidelineTables(cm.table, choice.guidelines);
          const suggester = new Suggester(cm.table, pcsTable, choice.lexicon);
          return choice.guidelines
            ? { suggester }
            : {
                suggester,
                notice: `The guideline tables are built from the installed tables on the first suggestion (about a second) because the shipped ones could not be used: ${choice.guidelinesReason}.`,
              };
        }
        // Same lexicon, built here from the tables: slower, so the user is told why, once.
        const started = performance.now();
        const suggester = new Suggester(cm.table, pcsTable);
        return {
          suggester,
          notice: `The suggestion lexicon was built from the installed tables (${Math.round(performance.now() - started)} ms), and its guideline tables are built from them on the first suggestion, because the shipped ones could not be used: ${choice.reason}.`,
        };
      })();
      suggesters.set(key, hit);
      hit.catch(() => suggesters.delete(key));
    }
    const built = await hit;
    if (built.notice && report) {
      notices.push(built.notice);
      suggesters.set(key, Promise.resolve({ suggester: built.suggester }));
    }
    return { suggester: built.suggester, cm, ...(pcs ? { pcs } : {}) };
  }

  /** CC/MCC lookup of the MS-DRG release of a date of service (absent: said in `notices`). */
  async function severityFor(
    dateOfService: string | undefined,
    notices: string[],
  ): Promise<((code: string) => 'cc' | 'mcc' | undefined) | undefined> {
    // CC/MCC flags when an MS-DRG release is installed; without one the flags are absent and the panel says so.
    try {
      // The bundle's small CC/MCC block, not the whole grouper tables (engine/grouper/severity-block.ts).
      const { lookup, notice } = (await ctx.tableFor('msdrg', 'grouper-severity', severityOfBundle, dateOfService))
        .table;
      if (notice) notices.push(notice);
      return lookup;
    } catch (error) {
      notices.push(
        `No MS-DRG release is usable, so CC/MCC is not shown: ${error instanceof Error ? error.message : String(error)}`,
      );
      return undefined;
    }
  }

  return {
    async prepareSuggest(dateOfService?: string): Promise<{ ms: number }> {
      const started = performance.now();
      const notices: string[] = [];
      const { suggester, pcs } = await suggesterFor(dateOfService, notices, false);
      // The Index/Tabular tables the first suggestion would build (seconds on a slow machine),
      // built now from the tables the suggester was built from (the context caches them): the
      // first chart waits less. One table at a time, a task each, so that a call made meanwhile
      // runs between them; once a suggestion is asked for, the rest is left to it (it builds
      // what it needs itself, as without the warm-up), so the warm-up never delays it by more
      // than the one table being built.
      for (const step of suggestTableSteps(suggester.cm, pcs?.table)) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (suggestsRunning > 0) break;
        step();
      }
      await severityFor(dateOfService, notices);
      return { ms: performance.now() - started };
    },

    async suggest(snapshot: ChartSnapshot, options: SuggestRequestOptions = {}): Promise<SuggestResponse> {
      suggestsRunning++;
      try {
        return await suggestNow(snapshot, options);
      } finally {
        suggestsRunning--;
      }
    },
  };

  async function suggestNow(snapshot: ChartSnapshot, options: SuggestRequestOptions): Promise<SuggestResponse> {
    // A snapshot crosses a trust boundary (it came from a page): parse it here too.
    const chart = parseSnapshot(snapshot);
    const notices: string[] = [];
    const { suggester, cm, pcs } = await suggesterFor(options.dateOfService, notices, true);
    const severityOf = await severityFor(options.dateOfService, notices);
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
  }
}
