/**
 * The CC/MCC level of every diagnosis of one MS-DRG version as a small block (`severity`) of its
 * `msdrg-<version>` bundle, written at build time by the msdrg builder from the grouper payload
 * (the one source of the levels: the CMS grouper's `severity` column, payload.ts). The suggestion
 * flags read this block instead of parsing the whole payload and compiling every formula
 * (GrouperTables, a quarter of a second in a fresh `chartside suggest` process); the levels are
 * the code's own severity as a secondary diagnosis, before the principal's CC exclusions.
 */
import { z } from 'zod';
import type { GrouperPayload } from './payload';

/** Block name in an `msdrg` bundle. */
export const SEVERITY_BLOCK = 'severity';

/** Version of {@link SeverityBlock}'s layout; another version is refused by {@link severityFromBlock}. */
export const SEVERITY_BLOCK_VERSION = 1;

/** The `severity` block: codes without dots, in payload order, space-joined (empty string = none). */
export interface SeverityBlock {
  version: number;
  /** MS-DRG version the levels are from, e.g. `43.1`. */
  msdrg: string;
  mcc: string;
  cc: string;
}

const SCHEMA = z.object({ version: z.number().int(), msdrg: z.string(), mcc: z.string(), cc: z.string() });

/**
 * The block of one grouper payload (build time).
 *
 * @example severityBlock(payload) // { version: 1, msdrg: '43.1', mcc: 'A0103 A0104 ...', cc: '...' }
 */
export function severityBlock(payload: GrouperPayload): SeverityBlock {
  const codes = payload.dx.codes === '' ? [] : payload.dx.codes.split(' ');
  const mcc: string[] = [];
  const cc: string[] = [];
  codes.forEach((code, i) => {
    const level = payload.dx.severity[i];
    if (level === 2) mcc.push(code);
    else if (level === 1) cc.push(code);
  });
  return { version: SEVERITY_BLOCK_VERSION, msdrg: payload.version, mcc: mcc.join(' '), cc: cc.join(' ') };
}

/**
 * `(code) => 'cc' | 'mcc' | undefined` over a block's JSON; `code` already normalised (no dot,
 * upper case), as `normalizeCode` gives it.
 *
 * @throws Error naming what is wrong: a malformed block or another {@link SEVERITY_BLOCK_VERSION}.
 * @example severityFromBlock(json)('I5023') // 'mcc'
 */
export function severityFromBlock(json: unknown): (code: string) => 'cc' | 'mcc' | undefined {
  const parsed = SCHEMA.safeParse(json);
  if (!parsed.success)
    throw new Error(`malformed severity block: ${parsed.error.issues[0]?.message ?? 'unknown shape'}`);
  const block = parsed.data;
  if (block.version !== SEVERITY_BLOCK_VERSION)
    throw new Error(`severity block version ${block.version}; this build reads ${SEVERITY_BLOCK_VERSION}`);
  const level = new Map<string, 'cc' | 'mcc'>();
  for (const code of block.cc === '' ? [] : block.cc.split(' ')) level.set(code, 'cc');
  for (const code of block.mcc === '' ? [] : block.mcc.split(' ')) level.set(code, 'mcc');
  return (code) => level.get(code);
}
