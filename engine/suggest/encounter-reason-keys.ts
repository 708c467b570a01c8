/**
 * The reason for an operation is stated under a diagnosis heading of the operative report, not in
 * words like "encounter for": the heading itself says what the line is.
 */
import type { SectionKind, TextAnalysis } from '../text';
import { keyOf, type SentenceKeys } from './tokens';

/**
 * Headings whose lines state the reason for the surgical encounter: ICD-10-CM Official Guidelines
 * IV.M / IV.N (ambulatory surgery: code the reason for the surgery, the postoperative diagnosis
 * when it differs from the preoperative one).
 */
const REASON_SECTIONS: ReadonlySet<SectionKind> = new Set<SectionKind>([
  'preoperative-diagnosis',
  'postoperative-diagnosis',
]);

/** Stemmed key of the Index main term "Encounter (with health service) (for)". */
export const ENCOUNTER_KEY = keyOf('encounter');

/**
 * Adds the implied key "encounter" to every sentence under a preoperative or postoperative
 * diagnosis heading, at the sentence's first token, so a stated reason ("elective sterilization")
 * reaches its Index line "Encounter (for) > sterilization" (Z30.2) as the chart's reason for the
 * encounter (Guidelines I.C.21.c, Z codes as the reason for the encounter; IV.M). Sentences that
 * already hold the word are left as they are. Mutates `keys`.
 *
 * @example addEncounterReasonKeys(keys, analysis) // keys[i].positions.get(ENCOUNTER_KEY) -> [0]
 */
export function addEncounterReasonKeys(keys: SentenceKeys[], analysis: TextAnalysis): void {
  analysis.sentences.forEach((s, i) => {
    const kind = analysis.sections[s.section]?.kind;
    const sk = keys[i];
    if (!sk || !kind || !REASON_SECTIONS.has(kind) || sk.tokens.length === 0) return;
    if (!sk.positions.has(ENCOUNTER_KEY)) sk.positions.set(ENCOUNTER_KEY, [0]);
  });
}
