/**
 * CC/MCC levels of ICD-10-CM codes from the MS-DRG grouper tables (engine/grouper), for the
 * suggestion flags. The level is the code's own severity as a secondary diagnosis, before the
 * principal diagnosis' CC exclusions are applied (the DRG panel applies those on the case).
 */
import { normalizeCode } from '../codes/normalize';
import type { GrouperTables } from '../grouper/tables';

/** `(code) => 'cc' | 'mcc' | undefined` over one grouper release. @example severityLookup(tables)('I50.23') // 'mcc' */
export function severityLookup(tables: GrouperTables): (code: string) => 'cc' | 'mcc' | undefined {
  return (code) => {
    const i = tables.dxIndex.get(normalizeCode(code));
    if (i === undefined) return undefined;
    const level = tables.payload.dx.severity[i];
    return level === 2 ? 'mcc' : level === 1 ? 'cc' : undefined;
  };
}
