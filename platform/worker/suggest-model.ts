/**
 * The suggestion model inside the engine worker: the newest installed `suggest-model` bundle,
 * decoded once per installed file (id + sha256) and kept for the worker's life, and the user's
 * setting that turns it off. A model that cannot be read is refused with a notice and suggestions
 * go on with the Index alone (bad input gets a clear error and loses nothing).
 */
import type { SuggestModel } from '../../engine/suggest/model';
import {
  NO_SUGGEST_MODEL_NOTICE,
  suggestModelFromBundle,
  suggestModelInfo,
  type SuggestModelInfo,
} from '../../engine/suggest/model-bundle';
import { readSettings, StoredRowError } from '../db';
import type { EngineContext } from './context';

/**
 * The model to apply to one suggest call (the UI names it from `info`, beside the releases), or
 * why there is none (`notice`, shown with the suggestions).
 */
export type ModelChoice =
  | { model: SuggestModel; info: SuggestModelInfo; notice?: string }
  | { model?: undefined; info?: undefined; notice: string };

/** Notice when the user turned the model off in the options page. */
export const MODEL_OFF_NOTICE =
  'Ranked by the Index and Tabular alone; the ranking learned from the CodiEsp annotators is off (options page)';

type Loaded = { model: SuggestModel; info: SuggestModelInfo } | { error: string };

/** Returns a function that picks the model for each suggest call (decoding each installed file once). */
export function suggestModelLoader(ctx: EngineContext): () => Promise<ModelChoice> {
  const decoded = new Map<string, Promise<Loaded>>();
  return async () => {
    const rows = (await ctx.releases()).filter((r) => r.system === 'suggest-model');
    const row = rows.sort((a, b) => b.fiscalYear - a.fiscalYear || (a.id < b.id ? 1 : -1))[0];
    if (!row) return { notice: NO_SUGGEST_MODEL_NOTICE };
    let enabled = false;
    try {
      enabled = (await readSettings(ctx.db)).rankWithSuggestModel;
    } catch (error) {
      if (!(error instanceof StoredRowError)) throw error;
      // A broken settings row must not stop suggestions: the default (off) applies and the user is told.
      return { notice: `${error.message} (the learned model stays off). ${MODEL_OFF_NOTICE}` };
    }
    if (!enabled) return { notice: MODEL_OFF_NOTICE };
    const key = `${row.id}:${row.sha256}`;
    let hit = decoded.get(key);
    if (!hit) {
      hit = (async (): Promise<Loaded> => {
        try {
          const model = suggestModelFromBundle(await ctx.reader(row.id));
          return { model, info: suggestModelInfo(row.id, model) };
        } catch (error) {
          return { error: error instanceof Error ? error.message : String(error) };
        }
      })();
      decoded.set(key, hit);
    }
    const loaded = await hit;
    if ('error' in loaded)
      return {
        notice: `The suggestion model was refused (${loaded.error}); suggestions are ranked by the Index alone. Reinstall the extension or import a model bundle built by this version.`,
      };
    return loaded;
  };
}
