/**
 * Which candidates may be principal (or first-listed) at all. Each refusal names its guideline:
 * - negated, ruled-out, family-history and hypothetical mentions are not the patient's condition;
 * - a history-of mention is not a current condition, and a personal or family history code is
 *   additional (I.C.21.c.4: "The reason for the encounter ... should be sequenced first and the
 *   appropriate personal and/or family history code(s) should be assigned as additional
 *   diagnos(es)");
 * - a code the chart names only in the medication or allergy list (long-term drug therapy read
 *   from a drug, an allergy status) is not shown to be chiefly responsible for the admission
 *   (Section II) or the visit (IV.G): those lists say what the patient takes or must not take;
 * - outpatient uncertain diagnoses are not coded (IV.H), inpatient ones are (II.H);
 * - manifestation codes, titled "in diseases classified elsewhere", are never principal (I.A.13);
 * - external cause codes (V00-Y99) are never principal (I.C.20);
 * - codes the payer's code editor refuses as principal, when the caller supplies that list.
 */
import type { Setting } from '../types';
import type { SequenceCandidate, SequenceTables } from './types';
import { zCodeRole } from './z-code-role';
import { INJURY_AFTER_ACTIVE_TREATMENT } from '../injury-after-active-treatment';

/** Chart lists that name drugs, not conditions. */
const DRUG_LISTS: ReadonlySet<string> = new Set(['medications', 'allergies']);

/** Why a candidate cannot be principal, or `undefined` when it can. */
export function notPrincipalBecause(
  c: SequenceCandidate,
  setting: Setting,
  tables: SequenceTables,
): string | undefined {
  const affirmed = c.evidence.filter((e) => !e.context.negated && !e.context.family && !e.context.hypothetical);
  if (
    affirmed.length === 0 ||
    c.flags.includes('negated') ||
    c.flags.includes('family') ||
    c.flags.includes('hypothetical')
  )
    return 'not documented as the patient’s current condition (negated, family or hypothetical)';
  // An injury code of the healing phase codes the past injury itself (I.C.19.a).
  const pastInjury = INJURY_AFTER_ACTIVE_TREATMENT.test(c.code);
  if (!pastInjury && (c.flags.includes('historical') || affirmed.every((e) => e.context.historical)))
    return 'history of the condition only (I.C.21.c.4: history codes are not principal)';
  if (zCodeRole(c.code, tables) === 'history')
    return 'personal or family history code: "The reason for the encounter ... should be sequenced first and the appropriate personal and/or family history code(s) should be assigned as additional diagnos(es)" (I.C.21.c.4)';
  if (affirmed.every((e) => DRUG_LISTS.has(e.section)))
    return `named only in the medication or allergy list: not shown to be chiefly responsible for the ${setting === 'inpatient' ? 'admission (Section II)' : 'visit (IV.G)'}`;
  if (setting === 'outpatient' && (c.flags.includes('uncertain') || affirmed.every((e) => e.context.uncertain)))
    return 'uncertain diagnosis in an outpatient encounter is not coded (IV.H)';
  if (/^[V-Y]/.test(c.code)) return 'external cause codes are never principal (I.C.20)';
  const detail = tables.cm.get(c.code, { indexEntries: false });
  // Titles say "in diseases classified elsewhere" or "in other diseases classified elsewhere".
  if (detail && /\bin (?:other )?diseases classified elsewhere\b/i.test(detail.long))
    return 'manifestation code ("in diseases classified elsewhere"): the etiology is sequenced first (I.A.13)';
  if (tables.unacceptablePrincipal?.(c.code)) return 'unacceptable as principal diagnosis (Medicare Code Editor)';
  return undefined;
}
