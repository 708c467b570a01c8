/**
 * Composes the engine worker's API from its areas (one file per area beside this one). Kept free
 * of Comlink and of `self` so Node tests call it directly with fake-indexeddb.
 *
 * Areas other than `releases` are loaded on first use ({@link lazyArea}): add yours as
 * `...lazyArea([<every method name>], async () => (await import('./<area>')).<area>Methods(ctx)),`.
 */
import type { ChartsideDb } from '../db';
import type { EngineApi } from './api';
import { createContext, type EngineContext } from './context';
import { lazyArea } from './lazy-area';
import { releasesMethods } from './releases';

export function createEngine(db: ChartsideDb): { api: EngineApi; ctx: EngineContext } {
  const ctx = createContext(db);
  const api: EngineApi = {
    ...releasesMethods(ctx),
    ...lazyArea(['lookupCode'], async () => (await import('./codes')).codesMethods(ctx)),
    ...lazyArea(['search', 'codeDetail', 'howToFind', 'pcsOptions', 'prepareSearch'], async () =>
      (await import('./search')).searchMethods(ctx),
    ),
    ...lazyArea(['groupClaim', 'editClaim', 'drgWhatIf'], async () => (await import('./drg')).drgMethods(ctx)),
    ...lazyArea(['cdi'], async () => (await import('./cdi')).cdiMethods(ctx)),
    ...lazyArea(['suggest', 'prepareSuggest'], async () => (await import('./suggest')).suggestMethods(ctx)),
    ...lazyArea(['recomputeCase'], async () => (await import('./case')).caseMethods(ctx)),
  };
  return { api, ctx };
}
