/**
 * Side-panel (and options-page) side of the engine worker: starts it and returns the typed
 * Comlink proxy. One worker per page; `close()` terminates it.
 */
import * as Comlink from 'comlink';
import type { EngineApi } from './api';

export type EngineRemote = Comlink.Remote<EngineApi>;

export interface EngineClient {
  api: EngineRemote;
  close(): void;
}

export function startEngine(): EngineClient {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), {
    type: 'module',
    name: 'chartside-engine',
  });
  const api = Comlink.wrap<EngineApi>(worker);
  return {
    api,
    close() {
      api[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}

export { Comlink };
