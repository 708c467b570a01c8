/**
 * Loads an area of the engine worker on its first call. The worker then starts with only what
 * opening the tables needs (Dexie, Zod, the installer), and the grouper, the CDI engine and the
 * code tables' classes are fetched and parsed when first asked for: the side panel's
 * open-to-ready time does not grow with every capability added.
 */
import type { EngineApi } from './api';

type AnyMethod = (...args: unknown[]) => unknown;

/**
 * Methods `names` that forward to the object `load()` resolves to (loaded once; a failed load is
 * retried on the next call). List every method of the area: a missing one is a compile error in
 * `createEngine` (its object must be a full `EngineApi`).
 *
 * @example ...lazyArea(['cdi'], async () => (await import('./cdi')).cdiMethods(ctx))
 */
export function lazyArea<K extends keyof EngineApi>(
  names: readonly K[],
  load: () => Promise<Pick<EngineApi, K>>,
): Pick<EngineApi, K> {
  let loading: Promise<Pick<EngineApi, K>> | undefined;
  const out: Partial<Record<K, AnyMethod>> = {};
  for (const name of names) {
    out[name] = async (...args: unknown[]) => {
      loading ??= load().catch((error: unknown) => {
        loading = undefined;
        throw error;
      });
      const methods = await loading;
      return (methods[name] as AnyMethod)(...args);
    };
  }
  return out as Pick<EngineApi, K>;
}
