/**
 * What a Chapter 21 code (Z00-Z99, factors influencing health status and contact with health
 * services) may do in a diagnosis sequence. Official Guidelines I.C.21.a: "Z codes may be used as
 * either a first-listed (principal diagnosis code in the inpatient setting) or secondary code,
 * depending on the circumstances of the encounter. Certain Z codes may only be used as first-listed
 * or principal diagnosis."
 *
 * - `principal-only`: the codes of I.C.21.c.15, "Z Codes That May Only be Principal/First-Listed
 *   Diagnosis". The guideline gives them as a list, reproduced in {@link PRINCIPAL_ONLY} with its
 *   exceptions; which codes exist under each prefix is read from the Tabular List.
 * - `history`: personal and family history codes (I.C.21.c.4), recognised by their Tabular title
 *   ("Personal history of ...", "Family history of ...", "History of falling"). "The reason for
 *   the encounter ... should be sequenced first and the appropriate personal and/or family history
 *   code(s) should be assigned as additional diagnos(es)."
 * - `status`: status codes (I.C.21.c.3), recognised by their Tabular title: "... status",
 *   "Presence of ...", "Dependence on ...", "Acquired absence of ...", "Long term (current) use of
 *   ...", "Genetic susceptibility ...", "Carrier of ...", "Allergy to ...", "... postprocedural
 *   states", "Do not resuscitate", "Body mass index ...". "A status code is informative, because the status may affect the course of treatment
 *   and its outcome."
 * - `other`: every other code (encounter reasons, contact and exposure, social determinants ...),
 *   placed by the chart like any condition.
 *
 * Titles, not a hand list of codes, decide the history and status roles, so a code added to the
 * classification in a later year is read the same way.
 */
import type { SequenceTables } from './types';

/** Role of a code in a sequence (see the module comment). */
export type ZCodeRole = 'principal-only' | 'history' | 'status' | 'other';

/**
 * I.C.21.c.15: "The following Z codes/subcategories/categories may only be reported as the
 * principal/first-listed diagnosis, except when there are multiple encounters on the same day and
 * the medical records for the encounters are combined". Undotted prefixes with the guideline's
 * "Except" entries.
 */
export const PRINCIPAL_ONLY: readonly { prefix: string; except?: readonly string[]; title: string }[] = [
  { prefix: 'Z00', except: ['Z006'], title: 'Encounter for general examination without complaint' },
  { prefix: 'Z01', title: 'Encounter for other special examination without complaint' },
  { prefix: 'Z02', title: 'Encounter for administrative examination' },
  { prefix: 'Z04', title: 'Encounter for examination and observation for other reasons' },
  { prefix: 'Z332', title: 'Encounter for elective termination of pregnancy' },
  { prefix: 'Z3181', title: 'Encounter for male factor infertility in female patient' },
  { prefix: 'Z3183', title: 'Encounter for assisted reproductive fertility procedure cycle' },
  { prefix: 'Z3184', title: 'Encounter for fertility preservation procedure' },
  { prefix: 'Z34', title: 'Encounter for supervision of normal pregnancy' },
  { prefix: 'Z39', title: 'Encounter for maternal postpartum care and examination' },
  { prefix: 'Z38', title: 'Liveborn infants according to place of birth and type of delivery' },
  { prefix: 'Z40', title: 'Encounter for prophylactic surgery' },
  { prefix: 'Z42', title: 'Encounter for plastic and reconstructive surgery following medical procedure' },
  { prefix: 'Z510', title: 'Encounter for antineoplastic radiation therapy' },
  { prefix: 'Z511', title: 'Encounter for antineoplastic chemotherapy and immunotherapy' },
  { prefix: 'Z52', except: ['Z529'], title: 'Donors of organs and tissues' },
  { prefix: 'Z761', title: 'Encounter for health supervision and care of foundling' },
  { prefix: 'Z762', title: 'Encounter for health supervision and care of other healthy infant and child' },
  { prefix: 'Z9912', title: 'Encounter for respirator [ventilator] dependence during power failure' },
];

/** I.C.21.c.4 history categories, by title. */
const HISTORY_TITLE = /^(?:personal |family )?history of\b/i;
/**
 * I.C.21.c.3 status categories, by title (Z79 "Long term (current) use of ...", Z66 "Do not
 * resuscitate", Z67 "Type A blood ...", Z68 "Body mass index [BMI] ..." are among them).
 */
const STATUS_TITLE =
  /\bstatus\b|^presence of\b|^dependence on\b|^acquired absence\b|^long term \(current\)|^genetic susceptibility\b|^(?:genetic )?carrier of\b|^(?:other )?allergy to\b|\bpostprocedural states?\b|^do not resuscitate\b|^type \w+ blood\b|^body mass index\b/i;

/** Is the dotted or undotted code one of I.C.21.c.15's principal/first-listed-only codes? */
export function isPrincipalOnly(code: string): boolean {
  const u = code.replace('.', '').toUpperCase();
  return PRINCIPAL_ONLY.some((r) => u.startsWith(r.prefix) && !r.except?.some((x) => u.startsWith(x)));
}

/**
 * The role of a code; `other` for every code outside Chapter 21 and for a code the table lacks.
 *
 * @example zCodeRole('Z96.611', { cm }) // 'status' ("Presence of right artificial shoulder joint")
 * @example zCodeRole('Z85.3', { cm }) // 'history'
 * @example zCodeRole('Z51.11', { cm }) // 'principal-only'
 */
export function zCodeRole(code: string, tables: SequenceTables): ZCodeRole {
  if (!/^z/i.test(code)) return 'other';
  if (isPrincipalOnly(code)) return 'principal-only';
  const title = tables.cm.get(code, { indexEntries: false })?.long ?? '';
  if (HISTORY_TITLE.test(title)) return 'history';
  if (STATUS_TITLE.test(title)) return 'status';
  return 'other';
}
