/**
 * Exports of the case abstract: plain text for the coder's notes or the abstracting screen, and a
 * FHIR R4 `Claim` (http://hl7.org/fhir/R4/claim.html) with diagnoses, POA and procedures. Neither
 * carries chart text: only codes, titles, dates and the case's demographics fields.
 */
import { z } from 'zod';
import { formatCmCode } from '../codes/normalize';
import type { CodingCase } from './model';

/** The DRG summary an export may include (structurally a grouper result). */
export interface DrgSummary {
  drg: string;
  title: string;
  mdc: string;
  weight: number;
  /** Grouper version, e.g. `43.1`. */
  version: string;
  /**
   * Set when the grouper version is older than the discharge's fiscal year (see
   * `engine/codes/drg-orientation.ts`): the result is for orientation only, exported with it.
   */
  notice?: string;
}

/** Titles for display; a code without a title is exported with its code only. */
export type TitleOf = (code: string, system: 'icd10cm' | 'icd10pcs' | 'hcpcs') => string | undefined;

/**
 * The abstract as plain text, one code per line.
 *
 * @example
 * abstractText(c, title) // "Principal diagnosis\n  I50.23  POA Y  Acute on chronic systolic ..."
 */
export function abstractText(c: CodingCase, titleOf: TitleOf, drg?: DrgSummary): string {
  const lines: string[] = [];
  lines.push(`Chartside abstract (${c.setting})`);
  const dates = [
    c.admissionDate && `admitted ${c.admissionDate}`,
    c.dischargeDate && `discharged ${c.dischargeDate}`,
  ].filter(Boolean);
  if (dates.length) lines.push(dates.join(', '));
  lines.push(`Sex ${c.sex}${c.age === undefined ? '' : `, age ${c.age}`}, discharge status ${c.dischargeStatus}`);
  const dx = (code: string, poa: string): string =>
    `  ${formatCmCode(code).padEnd(9)}${c.setting === 'inpatient' ? `POA ${poa || '-'}  ` : ''}${titleOf(code, 'icd10cm') ?? ''}`.trimEnd();
  const [principal, ...secondary] = c.diagnoses;
  lines.push(c.setting === 'inpatient' ? 'Principal diagnosis' : 'First-listed diagnosis');
  lines.push(principal ? dx(principal.code, principal.poa) : '  (none)');
  if (secondary.length) {
    lines.push('Secondary diagnoses');
    for (const d of secondary) lines.push(dx(d.code, d.poa));
  }
  if (c.procedures.length) {
    lines.push('Procedures');
    for (const p of c.procedures) {
      lines.push(`  ${p.code.padEnd(9)}${p.date ? `${p.date}  ` : ''}${titleOf(p.code, p.system) ?? ''}`.trimEnd());
    }
  }
  if (drg)
    lines.push(`MS-DRG ${drg.drg} (v${drg.version}, MDC ${drg.mdc}, weight ${drg.weight.toFixed(4)}): ${drg.title}`);
  if (drg?.notice) lines.push(`  Note: ${drg.notice}`);
  return `${lines.join('\n')}\n`;
}

const SYSTEM = {
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  icd10pcs: 'http://www.cms.gov/Medicare/Coding/ICD10',
  hcpcs: 'http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets',
  msdrg:
    'http://www.cms.gov/Medicare/Medicare-Fee-for-Service-Payment/AcuteInpatientPPS/MS-DRG-Classifications-and-Software',
  poa: 'http://terminology.hl7.org/CodeSystem/ex-diagnosis-on-admission',
  diagnosisType: 'http://terminology.hl7.org/CodeSystem/ex-diagnosistype',
  claimType: 'http://terminology.hl7.org/CodeSystem/claim-type',
  priority: 'http://terminology.hl7.org/CodeSystem/processpriority',
} as const;

const coding = z.object({ system: z.string().url(), code: z.string().min(1), display: z.string().optional() });
const concept = z.object({ coding: z.array(coding).min(1), text: z.string().optional() });
const fhirDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * The subset of FHIR R4 `Claim` Chartside produces, with R4's required elements (status, type,
 * use, patient, created, provider, priority, insurance) and our diagnosis/procedure content.
 */
export const FhirClaimSchema = z
  .object({
    resourceType: z.literal('Claim'),
    status: z.literal('draft'),
    type: concept,
    use: z.literal('claim'),
    patient: z.object({ reference: z.string() }),
    contained: z.array(
      z.object({ resourceType: z.literal('Patient'), id: z.string(), gender: z.enum(['male', 'female', 'unknown']) }),
    ),
    billablePeriod: z.object({ start: fhirDate.optional(), end: fhirDate.optional() }).optional(),
    created: fhirDate,
    provider: z.object({ display: z.string() }),
    priority: concept,
    insurance: z
      .array(
        z.object({
          sequence: z.number().int().positive(),
          focal: z.boolean(),
          coverage: z.object({ display: z.string() }),
        }),
      )
      .min(1),
    diagnosis: z.array(
      z.object({
        sequence: z.number().int().positive(),
        diagnosisCodeableConcept: concept,
        type: z.array(concept).optional(),
        onAdmission: concept.optional(),
        packageCode: concept.optional(),
      }),
    ),
    procedure: z
      .array(
        z.object({
          sequence: z.number().int().positive(),
          date: fhirDate.optional(),
          procedureCodeableConcept: concept,
        }),
      )
      .optional(),
  })
  .strict();
export type FhirClaim = z.infer<typeof FhirClaimSchema>;

/**
 * Builds a FHIR R4 Claim (status `draft`) for the case and validates it against
 * {@link FhirClaimSchema}; throws a ZodError if the case cannot make a valid one.
 *
 * @param today ISO date written into `created` (passed in: the engine has no clock).
 */
export function toFhirClaim(c: CodingCase, titleOf: TitleOf, today: string, drg?: DrgSummary): FhirClaim {
  const gender = c.sex === 'M' ? 'male' : c.sex === 'F' ? 'female' : 'unknown';
  const claim: FhirClaim = {
    resourceType: 'Claim',
    status: 'draft',
    type: {
      coding: [{ system: SYSTEM.claimType, code: c.setting === 'inpatient' ? 'institutional' : 'professional' }],
    },
    use: 'claim',
    patient: { reference: '#patient' },
    contained: [{ resourceType: 'Patient', id: 'patient', gender }],
    created: today,
    provider: { display: 'Not specified (Chartside export)' },
    priority: { coding: [{ system: SYSTEM.priority, code: 'normal' }] },
    insurance: [{ sequence: 1, focal: true, coverage: { display: 'Not specified (Chartside export)' } }],
    diagnosis: c.diagnoses.map((d, i) => {
      const display = titleOf(d.code, 'icd10cm');
      const entry: FhirClaim['diagnosis'][number] = {
        sequence: i + 1,
        diagnosisCodeableConcept: {
          coding: [{ system: SYSTEM.icd10cm, code: formatCmCode(d.code), ...(display ? { display } : {}) }],
        },
      };
      if (i === 0) entry.type = [{ coding: [{ system: SYSTEM.diagnosisType, code: 'principal' }] }];
      if (c.setting === 'inpatient' && ['Y', 'N', 'U', 'W'].includes(d.poa)) {
        entry.onAdmission = { coding: [{ system: SYSTEM.poa, code: d.poa.toLowerCase() }] };
      }
      if (i === 0 && drg)
        entry.packageCode = {
          coding: [{ system: SYSTEM.msdrg, code: drg.drg, display: drg.title }],
          ...(drg.notice ? { text: drg.notice } : {}),
        };
      return entry;
    }),
  };
  if (c.admissionDate || c.dischargeDate) {
    claim.billablePeriod = {
      ...(c.admissionDate ? { start: c.admissionDate } : {}),
      ...(c.dischargeDate ? { end: c.dischargeDate } : {}),
    };
  }
  if (c.procedures.length) {
    claim.procedure = c.procedures.map((p, i) => {
      const display = titleOf(p.code, p.system);
      return {
        sequence: i + 1,
        ...(p.date ? { date: p.date } : {}),
        procedureCodeableConcept: {
          coding: [{ system: SYSTEM[p.system], code: p.code, ...(display ? { display } : {}) }],
        },
      };
    });
  }
  return FhirClaimSchema.parse(claim);
}
