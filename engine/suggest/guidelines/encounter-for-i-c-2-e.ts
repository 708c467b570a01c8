/**
 * "Encounter for" codes (category Z51: antineoplastic chemotherapy, radiotherapy, other aftercare
 * and medical care) name the reason for this encounter (I.C.2.e.2: "If a patient
 * admission/encounter is chiefly for the administration of chemotherapy, immunotherapy or
 * external beam radiation therapy assign code Z51.0, Z51.11, or Z51.12 as the first-listed or
 * principal diagnosis"; I.C.21.c.7 aftercare). A treatment named only in the history ("neuropathy
 * after chemotherapy for lymphoma", "radiation therapy in the past") is an earlier encounter's: such
 * a code goes to "also documented". Named where the reason for this encounter is written (the
 * chief complaint or reason for admission, the diagnostic statement, the course), it stays.
 */
import type { SectionKind } from '../../text';
import { demote, reported } from './tiers';
import type { GuidelineRule } from './types';
import { DIAGNOSTIC_STATEMENT } from './uncertain-diagnosis-ii-h-iv-h';

/** Where the reason for this encounter or what was done in it is written. */
const THIS_ENCOUNTER: ReadonlySet<SectionKind> = new Set([
  ...DIAGNOSTIC_STATEMENT,
  'chief-complaint',
  'hospital-course',
  'ed-course',
  'procedures',
  'procedure-description',
  'indications',
  'orders',
  'none',
]);

export const encounterForRule: GuidelineRule = {
  section: 'I.C.2.e.2',
  name: 'encounter-for codes name this encounter',
  apply(cands) {
    for (const c of reported(cands)) {
      if (!c.code.startsWith('Z51')) continue;
      const established = c.mentions.filter((m) => m.assertion.codedAsEstablished);
      if (established.length === 0 || established.some((m) => THIS_ENCOUNTER.has(m.section.kind))) continue;
      const m = established[0]!;
      demote(
        c,
        encounterForRule,
        `"${m.evidence.text}" is named under ${m.section.title.trim() || m.section.kind}, not as the reason for this encounter`,
      );
    }
  },
};
