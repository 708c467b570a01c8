/**
 * Composes the engine worker's API from its areas (one file per area beside this one). Kept free
 * of Comlink and of `self` so Node tests call it directly with fake-indexeddb.
 */
import type { ChartsideDb } from '../db';
import type { EngineApi } from './api';
import { cdiMethods } from './cdi';
import { codesMethods } from './codes';
import { drgMethods } from './drg';
import { createContext, type EngineContext } from './context';
import { releasesMethods } from './releases';

export function createEngine(db: ChartsideDb): { api: EngineApi; ctx: EngineContext } {
  const ctx = createContext(db);
  const api: EngineApi = {
    ...releasesMethods(ctx),
    ...codesMethods(ctx),
    ...drgMethods(ctx),
    ...cdiMethods(ctx),
    // Colleagues: spread your area here, e.g. `...searchMethods(ctx),`.
  };
  return { api, ctx };
}
