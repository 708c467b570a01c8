/**
 * A joint replacement named as an item of a diagnostic statement is the patient's implant status,
 * not an operation done in this encounter.
 */
import type { SectionKind, TextAnalysis } from '../text';
import { keyOf, type SentenceKeys } from './tokens';

/** Headings whose lines are the provider's diagnostic statement (Guidelines III, IV.M / IV.N). */
const DIAGNOSIS_SECTIONS: ReadonlySet<SectionKind> = new Set<SectionKind>([
  'preoperative-diagnosis',
  'postoperative-diagnosis',
  'discharge-diagnoses',
]);

const ARTHROPLASTY = keyOf('arthroplasty');
/** Keys of the Index line "Presence (of) > <site>-joint implant" (Z96.6-) other than the site. */
export const IMPLANT_STATUS_KEYS: readonly string[] = ['presence', 'implant', 'joint'].map(keyOf);

/**
 * In a diagnostic statement, "arthroplasty" (a prosthetic joint from past treatment) reads as the
 * Index words "presence of joint implant" at the word's own position, so "right total knee
 * arthroplasty" listed as a diagnosis reaches "Presence > knee-joint implant" (Z96.65-) with its
 * laterality (Guidelines I.C.21.c.3: status Z codes for the presence of prosthetic devices).
 * Mutates `keys`.
 *
 * @example addImplantStatusKeys(keys, analysis) // the arthroplasty token also holds "presence"
 */
export function addImplantStatusKeys(keys: SentenceKeys[], analysis: TextAnalysis): void {
  analysis.sentences.forEach((s, i) => {
    const kind = analysis.sections[s.section]?.kind;
    const sk = keys[i];
    if (!sk || !kind || !DIAGNOSIS_SECTIONS.has(kind)) return;
    const at = sk.positions.get(ARTHROPLASTY);
    if (!at) return;
    for (const k of IMPLANT_STATUS_KEYS) {
      const list = sk.positions.get(k) ?? [];
      for (const p of at) if (!list.includes(p)) list.push(p);
      list.sort((x, y) => x - y);
      sk.positions.set(k, list);
    }
  });
}
