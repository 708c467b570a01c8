/**
 * The case a coder works on: one per chart. Plain data, validated with Zod wherever it crosses a
 * trust boundary (read back from IndexedDB, imported, received from the side panel).
 *
 * Every update function returns a new case; nothing is mutated, so the side panel can keep an undo
 * history and the worker can recompute from any version.
 */
import { z } from 'zod';
import { normalizeCode } from '../codes/normalize';
import { ChartsideError } from '../errors';

/** Version of the stored case format; bump with a migration in platform/db.ts when it changes. */
export const CASE_FORMAT_VERSION = 1;

/**
 * Present-on-admission indicator (CMS UB-04 FL 67 / 837I): Y yes, N no, U documentation
 * insufficient, W clinically undetermined, 1 exempt from reporting (blank on paper), '' not yet set.
 */
export const PoaSchema = z.enum(['Y', 'N', 'U', 'W', '1', '']);
export type Poa = z.infer<typeof PoaSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date YYYY-MM-DD');

/** Where a code on the case came from (for the audit log and the UI). */
export const CodeOriginSchema = z.enum(['suggestion', 'search', 'typed']);

export const DiagnosisEntrySchema = z.object({
  /** Undotted ICD-10-CM code. */
  code: z.string().min(3).max(7),
  poa: PoaSchema,
  origin: CodeOriginSchema,
});
export type DiagnosisEntry = z.infer<typeof DiagnosisEntrySchema>;

export const ProcedureEntrySchema = z.object({
  /** Undotted ICD-10-PCS code (inpatient) or HCPCS Level II code (outpatient). */
  code: z.string().min(5).max(7),
  system: z.enum(['icd10pcs', 'hcpcs']),
  date: isoDate.optional(),
  origin: CodeOriginSchema,
});
export type ProcedureEntry = z.infer<typeof ProcedureEntrySchema>;

/** Most ranked principal candidates kept on a case (the chosen one and the alternatives a coder could defend). */
export const MAX_PRINCIPAL_CANDIDATES = 6;

/** One ranked principal candidate (structurally the abstract's `PrincipalDecision`, without its quote). */
export const PrincipalCandidateSchema = z.object({
  /** Dotted or undotted ICD-10-CM code. */
  code: z.string().min(3).max(8),
  /** Official Guidelines section that placed it, e.g. `II`, `II.C`, `I.C.1.d.4`. */
  rule: z.string().min(1).max(40),
  reason: z.string().max(1000),
});
export type PrincipalCandidateEntry = z.infer<typeof PrincipalCandidateSchema>;

export const CaseSchema = z.object({
  formatVersion: z.literal(CASE_FORMAT_VERSION),
  /** Stable id, e.g. derived from the chart's document title by the side panel, or random. */
  id: z.string().min(1).max(200),
  /** Guideline setting: uncertain diagnoses are coded as established only for inpatient (Section II.H / IV.H). */
  setting: z.enum(['inpatient', 'outpatient']),
  admissionDate: isoDate.optional(),
  dischargeDate: isoDate.optional(),
  /** Age in years at admission. */
  age: z.number().int().min(0).max(124).optional(),
  sex: z.enum(['M', 'F', 'U']),
  /** UB-04 patient discharge status, two digits (01 home, 20 expired, ...). */
  dischargeStatus: z.string().regex(/^\d{2}$/),
  /** Principal diagnosis first, then secondary diagnoses in sequence. */
  diagnoses: z.array(DiagnosisEntrySchema).max(25),
  /**
   * `true` once the coder chose the principal diagnosis ({@link choosePrincipal}): accepting
   * suggestions never moves it again. Optional, so cases stored before it still parse unchanged.
   */
  principalOverride: z.boolean().optional(),
  /**
   * The principal candidates as the sequencing stage ranked them for this chart (best first), each
   * with the guideline section and reason that placed it, kept so the DRG panel can show what
   * each would group to. Optional, so cases stored before it still parse unchanged.
   */
  principalCandidates: z.array(PrincipalCandidateSchema).max(MAX_PRINCIPAL_CANDIDATES).optional(),
  procedures: z.array(ProcedureEntrySchema).max(25),
});
export type CodingCase = z.infer<typeof CaseSchema>;

/** A new, empty case. */
export function newCase(id: string, setting: CodingCase['setting'] = 'inpatient'): CodingCase {
  return {
    formatVersion: CASE_FORMAT_VERSION,
    id,
    setting,
    sex: 'U',
    dischargeStatus: '01',
    diagnoses: [],
    procedures: [],
  };
}

/** The date that picks the fiscal year of the tables: discharge date, else admission date. */
export function serviceDate(c: CodingCase): string | undefined {
  return c.dischargeDate ?? c.admissionDate;
}

/** Raised when an update would make the case invalid (e.g. a 26th diagnosis). */
export class ChartsideCaseError extends ChartsideError {
  override name = 'ChartsideCaseError';
}

/**
 * Adds a diagnosis at the end of the list (it becomes principal when the list is empty).
 * A code already on the case is not added twice.
 *
 * @example addDiagnosis(c, 'e11.22', 'search').diagnoses.at(-1)?.code // 'E1122'
 */
export function addDiagnosis(c: CodingCase, code: string, origin: DiagnosisEntry['origin'], poa: Poa = ''): CodingCase {
  const normal = normalizeCode(code);
  if (c.diagnoses.some((d) => d.code === normal)) return c;
  if (c.diagnoses.length >= 25) throw new ChartsideCaseError('a claim holds at most 25 diagnoses (principal + 24)');
  return { ...c, diagnoses: [...c.diagnoses, { code: normal, poa, origin }] };
}

/** Adds a procedure (ICD-10-PCS or HCPCS); duplicates with the same date are not added twice. */
export function addProcedure(
  c: CodingCase,
  code: string,
  system: ProcedureEntry['system'],
  origin: ProcedureEntry['origin'],
  date?: string,
): CodingCase {
  const normal = normalizeCode(code);
  if (c.procedures.some((p) => p.code === normal && p.date === date)) return c;
  if (c.procedures.length >= 25) throw new ChartsideCaseError('a claim holds at most 25 procedures');
  const entry: ProcedureEntry = date ? { code: normal, system, date, origin } : { code: normal, system, origin };
  return { ...c, procedures: [...c.procedures, entry] };
}

/** Removes a diagnosis or procedure by code. */
export function removeCode(c: CodingCase, code: string): CodingCase {
  const normal = normalizeCode(code);
  return {
    ...c,
    diagnoses: c.diagnoses.filter((d) => d.code !== normal),
    procedures: c.procedures.filter((p) => p.code !== normal),
  };
}

/**
 * Moves the diagnosis at `from` to position `to` (0 = principal). Out-of-range indexes are clamped.
 *
 * @example moveDiagnosis(c, 2, 0) // the third diagnosis becomes principal
 */
export function moveDiagnosis(c: CodingCase, from: number, to: number): CodingCase {
  if (from < 0 || from >= c.diagnoses.length) return c;
  const list = [...c.diagnoses];
  const [item] = list.splice(from, 1);
  list.splice(Math.max(0, Math.min(to, list.length)), 0, item!);
  return { ...c, diagnoses: list };
}

/** Sets the POA indicator of a diagnosis. */
export function setPoa(c: CodingCase, code: string, poa: Poa): CodingCase {
  const normal = normalizeCode(code);
  return { ...c, diagnoses: c.diagnoses.map((d) => (d.code === normal ? { ...d, poa } : d)) };
}

/** Fields of the case header the workspace edits (everything but the code lists). */
export type CaseHeader = Pick<
  CodingCase,
  'setting' | 'admissionDate' | 'dischargeDate' | 'age' | 'sex' | 'dischargeStatus'
>;

/**
 * Updates header fields; an `undefined` value clears an optional field. The result is validated
 * with {@link CaseSchema}, so a bad date or age raises a ZodError instead of entering the case.
 *
 * @example updateHeader(c, { dischargeDate: '2025-11-15', age: 71 })
 */
export function updateHeader(c: CodingCase, patch: Partial<CaseHeader>): CodingCase {
  const next: Record<string, unknown> = { ...c };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined || v === '') delete next[k];
    else next[k] = v;
  }
  return CaseSchema.parse(next);
}

/** Moves the procedure at `from` to position `to` (clamped). */
export function moveProcedure(c: CodingCase, from: number, to: number): CodingCase {
  if (from < 0 || from >= c.procedures.length) return c;
  const list = [...c.procedures];
  const [item] = list.splice(from, 1);
  list.splice(Math.max(0, Math.min(to, list.length)), 0, item!);
  return { ...c, procedures: list };
}

/** Sets (or clears, with `undefined`) the date of a procedure at `index`. */
export function setProcedureDate(c: CodingCase, index: number, date: string | undefined): CodingCase {
  return CaseSchema.parse({
    ...c,
    procedures: c.procedures.map((p, i) => {
      if (i !== index) return p;
      const { date: _old, ...rest } = p;
      return date ? { ...rest, date } : rest;
    }),
  });
}

/**
 * The coder's choice of principal diagnosis (one key in the workspace): the code moves first and
 * the choice sticks ({@link CodingCase.principalOverride}), so later accepted suggestions are
 * added after it and never re-sequence it. A code not on the case is added as principal.
 *
 * @example choosePrincipal(c, 'N39.0').diagnoses[0]?.code // 'N390', and principalOverride === true
 */
export function choosePrincipal(c: CodingCase, code: string, origin: DiagnosisEntry['origin'] = 'typed'): CodingCase {
  const normal = normalizeCode(code);
  const at = c.diagnoses.findIndex((d) => d.code === normal);
  const withCode =
    at >= 0 ? moveDiagnosis(c, at, 0) : moveDiagnosis(addDiagnosis(c, normal, origin), c.diagnoses.length, 0);
  return { ...withCode, principalOverride: true };
}

/** Lets the sequencing stage place the principal again (undo of {@link choosePrincipal}'s stickiness). */
export function releasePrincipal(c: CodingCase): CodingCase {
  const { principalOverride: _, ...rest } = c;
  return rest;
}

/**
 * Keeps the sequencing stage's ranked principal candidates on the case (at most
 * {@link MAX_PRINCIPAL_CANDIDATES}, best first); an empty list removes them.
 *
 * @example withPrincipalCandidates(c, [{ code: 'A41.51', rule: 'I.C.1.d.4', reason: '...' }]).principalCandidates?.length // 1
 */
export function withPrincipalCandidates(c: CodingCase, ranked: readonly PrincipalCandidateEntry[]): CodingCase {
  const { principalCandidates: _, ...rest } = c;
  if (ranked.length === 0) return rest;
  return {
    ...rest,
    principalCandidates: ranked
      .slice(0, MAX_PRINCIPAL_CANDIDATES)
      .map((r) => PrincipalCandidateSchema.parse({ code: r.code, rule: r.rule, reason: r.reason })),
  };
}
