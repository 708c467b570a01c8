/**
 * The JSONL claim of `chartside group --format jsonl` / `chartside edits --format jsonl`: one
 * JSON object per line, parsed with Zod (user input crosses a trust boundary here). Loaded only
 * for JSONL input, so the TSV path starts without it.
 *
 * Malformed fields are refused with a message naming them, never defaulted: an empty sex, an
 * empty or non-numeric discharge status, empty list items, a POA longer than one character.
 */
import { z } from 'zod';
import type { GrouperClaim } from '../../engine/grouper/types';

const poa = z.string().max(1, 'POA is one character: Y, N, U, W, 1 or blank');
const code = z.string().trim().min(1, 'empty code');
const sdxItem = z.union([code, z.object({ code, poa: poa.optional() })]);
/** JSONL claim schema. */
export const JsonClaim = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  /** `"J18.9"`, or with the principal's POA `"A41.51:Y"`; `""` = no principal diagnosis. */
  pdx: z.string(),
  pdxPoa: poa.optional(),
  sdx: z.array(sdxItem).max(24).default([]),
  procedures: z.array(code).max(25).default([]),
  age: z.number().int(),
  sex: z.string().trim().min(1, 'empty sex: M, F or U'),
  dischargeStatus: z
    .union([
      z
        .string()
        .trim()
        .regex(/^\d{1,2}$/, 'a UB-04 patient status: one or two digits, e.g. "01"'),
      z.number().int().min(0).max(99),
    ])
    .transform(String),
  admissionDate: z
    .string()
    .regex(/^\d{4}-\d\d-\d\d$/)
    .optional(),
  dischargeDate: z
    .string()
    .regex(/^\d{4}-\d\d-\d\d$/)
    .optional(),
  version: z.string().min(1).optional(),
  poaExemptHospital: z.boolean().optional(),
});
export type JsonClaimInput = z.infer<typeof JsonClaim>;

/**
 * Converts a validated JSONL claim to the engine's claim; a principal written `CODE:POA` gives
 * its POA (refused when `pdxPoa` says otherwise).
 */
export function toGrouperClaim(j: JsonClaimInput): GrouperClaim {
  let pdx = j.pdx.trim();
  let pdxPoa = j.pdxPoa;
  const colon = pdx.indexOf(':');
  if (colon >= 0) {
    const written = pdx.slice(colon + 1).trim();
    pdx = pdx.slice(0, colon).trim();
    if (pdx === '') throw new Error(`pdx "${j.pdx}" has no code`);
    if (written.length > 1) throw new Error(`pdx "${j.pdx}": POA "${written}" is not one character`);
    if (pdxPoa !== undefined && pdxPoa !== written)
      throw new Error(`pdx "${j.pdx}" and pdxPoa "${pdxPoa}" give two POAs`);
    pdxPoa = written;
  }
  const claim: GrouperClaim = {
    pdx,
    sdx: j.sdx.map((s) =>
      typeof s === 'string' ? { code: s } : s.poa === undefined ? { code: s.code } : { code: s.code, poa: s.poa },
    ),
    procedures: j.procedures,
    age: j.age,
    sex: j.sex,
    dischargeStatus: j.dischargeStatus,
  };
  if (pdxPoa !== undefined) claim.pdxPoa = pdxPoa;
  if (j.admissionDate) claim.admissionDate = j.admissionDate;
  if (j.dischargeDate) claim.dischargeDate = j.dischargeDate;
  if (j.version) claim.version = j.version;
  return claim;
}

/** Parses a JSONL line; throws an Error with a readable message when invalid. */
export function parseJsonLine(line: string): JsonClaimInput {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    throw new Error(`not JSON: ${(e as Error).message}`);
  }
  const parsed = JsonClaim.safeParse(value);
  if (!parsed.success)
    throw new Error(parsed.error.issues.map((i) => `${i.path.join('.') || 'claim'}: ${i.message}`).join('; '));
  return parsed.data;
}
