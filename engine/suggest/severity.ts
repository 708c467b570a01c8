/**
 * CC/MCC levels of ICD-10-CM codes from the MS-DRG grouper tables (engine/grouper), for the
 * suggestion flags. The level is the code's own severity as a secondary diagnosis, before the
 * principal diagnosis' CC exclusions are applied (the DRG panel applies those on the case).
 */
import { readJson, type BundleReader } from '../bundle/reader';
import { normalizeCode } from '../codes/normalize';
import { SEVERITY_BLOCK, severityFromBlock } from '../grouper/severity-block';
import { GrouperTables } from '../grouper/tables';

/** `(code) => 'cc' | 'mcc' | undefined`: a code's CC/MCC level as a secondary diagnosis. */
export type SeverityOf = (code: string) => 'cc' | 'mcc' | undefined;

/** `(code) => 'cc' | 'mcc' | undefined` over one grouper release. @example severityLookup(tables)('I50.23') // 'mcc' */
export function severityLookup(tables: GrouperTables): SeverityOf {
  return (code) => {
    const i = tables.dxLookup.get(normalizeCode(code));
    if (i < 0) return undefined;
    const level = tables.payload.dx.severity[i];
    return level === 2 ? 'mcc' : level === 1 ? 'cc' : undefined;
  };
}

/**
 * The CC/MCC lookup of an `msdrg` bundle: from its `severity` block (engine/grouper/severity-block.ts,
 * a few milliseconds), else from its whole grouper tables (a bundle built before the block existed,
 * or a block this build cannot read), with a `notice` saying so and how to rebuild. Same answers
 * either way.
 *
 * @throws what `new GrouperTables(reader)` throws when the bundle has no usable grouper tables either.
 * @example const { lookup, notice } = severityOfBundle(reader); lookup('I50.23') // 'mcc'
 */
export function severityOfBundle(reader: BundleReader): { lookup: SeverityOf; notice?: string } {
  let reason = `${reader.header.id} has no ${SEVERITY_BLOCK} block`;
  if (reader.has(SEVERITY_BLOCK)) {
    try {
      const level = severityFromBlock(readJson<unknown>(reader, SEVERITY_BLOCK));
      return { lookup: (code) => level(normalizeCode(code)) };
    } catch (error) {
      reason = `the ${SEVERITY_BLOCK} block of ${reader.header.id} cannot be read (${error instanceof Error ? error.message : String(error)})`;
    }
  }
  return {
    lookup: severityLookup(new GrouperTables(reader)),
    notice: `CC/MCC flags were read from the whole MS-DRG tables (slower) because ${reason}. Rebuild the code tables: npx chartside codesets build`,
  };
}
