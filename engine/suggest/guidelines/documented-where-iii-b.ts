/**
 * Where a diagnosis is documented decides whether it is reported:
 * - abnormal findings (laboratory, imaging, pathology, microbiology results) are not coded unless
 *   the provider states their clinical significance (III.B; IV.K for outpatients);
 * - documentation by clinicians other than the provider (nursing, nutrition, wound care,
 *   vital-sign flowsheets) may give details but not the diagnosis itself (I.B.14);
 * - words of the review of systems, the examination, the medication, allergy and order lists,
 *   and the operative narrative (technique, anesthesia) are signs, drugs or steps, not the
 *   provider's diagnostic statement (I.B.4; IV.N codes the postoperative diagnosis of a surgery).
 * A diagnosis whose every established mention lies in such sections goes to "also documented",
 * except a chronic condition a current medication list names as a drug's indication
 * ({@link treatedIndication}: IV.J, III).
 */
import type { SectionKind } from '../../text';
import { isAllergyStatusPath } from '../lexicon';
import { treatedIndication } from './medication-indication';
import { demote, keep } from './tiers';
import type { GuidelineRule } from './types';

const WHY: Partial<Record<SectionKind, [string, string]>> = {
  labs: ['III.B', 'an abnormal finding in the results: coded only when the provider states its significance'],
  imaging: ['III.B', 'an abnormal finding in the results: coded only when the provider states its significance'],
  microbiology: ['III.B', 'an abnormal finding in the results: coded only when the provider states its significance'],
  nursing: ['I.B.14', "documented by another clinician: the diagnosis must be the provider's"],
  nutrition: ['I.B.14', "documented by another clinician: the diagnosis must be the provider's"],
  'wound-care': ['I.B.14', "documented by another clinician: the diagnosis must be the provider's"],
  vitals: ['III.B', 'a measurement, not a diagnostic statement'],
  ros: ['I.B.4', 'a symptom in the review of systems, not a diagnostic statement'],
  'physical-exam': ['I.B.4', 'an examination finding, not a diagnostic statement'],
  medications: ['I.B.4', 'words of the medication list, not a diagnostic statement'],
  allergies: ['I.B.4', 'words of the allergy list, not a diagnostic statement'],
  orders: ['I.B.4', 'words of the orders, not a diagnostic statement'],
  'discharge-instructions': ['I.B.4', 'words of the instructions, not a diagnostic statement'],
  'procedure-description': ['IV.N', 'words of the operative narrative: the postoperative diagnosis is coded'],
  anesthesia: ['IV.N', 'words of the anesthesia line: the postoperative diagnosis is coded'],
  procedures: ['IV.N', 'words of the procedure title: the postoperative diagnosis is coded'],
};

export const documentedWhereRule: GuidelineRule = {
  section: 'III.B',
  name: 'where the diagnosis is documented',
  apply(cands, ctx) {
    for (const c of cands) {
      if (c.tier !== 'report' || c.system !== 'cm' || c.mentions.length === 0) continue;
      const established = c.mentions.filter(
        (m) => m.assertion.codedAsEstablished || m.assertion.assertion === 'historical',
      );
      if (established.length === 0) continue;
      // The allergy list is where an allergy status (I.C.21.c.3, the Index's "History, personal >
      // allergy > <agent>" lines) is documented: its words are that status, not a diagnosis.
      const allergyStatus = isAllergyStatusPath(c.suggestion.path);
      if (established.some((m) => !WHY[m.section.kind] || (allergyStatus && m.section.kind === 'allergies'))) continue;
      // A chronic condition written as a current drug's indication is treated on an ongoing basis (IV.J, III).
      const treated = treatedIndication(c, ctx);
      if (treated) {
        keep(
          c,
          { section: ctx.setting === 'inpatient' ? 'III' : 'IV.J' },
          `a chronic condition under current treatment: "${treated.item}" in the ${treated.mention.section.title || 'medication'} list names it as the drug's indication, and the Tabular holds it chronic (${treated.chronic.title}): coded while it is treated (${ctx.setting === 'inpatient' ? 'III, other diagnoses that require treatment' : 'IV.J, chronic diseases treated on an ongoing basis'})`,
        );
        continue;
      }
      const [section, reason] = WHY[established[0]!.section.kind]!;
      demote(
        c,
        { section },
        `${reason} ("${established[0]!.evidence.text}" under ${established[0]!.section.title || 'the opening lines'})`,
      );
    }
  },
};
