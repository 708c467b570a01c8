/**
 * CDI area of the engine worker: query opportunities and drafts for the chart snapshot.
 * Pure computation over the snapshot text: no code tables, nothing leaves the device.
 */
import { analyzeCdi, cdiInputFromSnapshot, type CdiResult, type CdiSnapshotLike } from '../../engine/cdi/index';
import type { EngineApi } from './api';
import type { EngineContext } from './context';

export function cdiMethods(_ctx: EngineContext): Pick<EngineApi, 'cdi'> {
  return {
    async cdi(snapshot: CdiSnapshotLike): Promise<CdiResult> {
      return analyzeCdi(cdiInputFromSnapshot(snapshot));
    },
  };
}
