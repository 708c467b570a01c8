/**
 * When a mention places its condition: at admission (ED, H&P, "on admission", the chief complaint)
 * or after it (during the stay, postoperatively, "on hospital day 3"). The cue words follow the
 * POA reporting guidelines (ICD-10-CM Official Guidelines, Appendix I): "conditions present at the
 * time the order for inpatient admission occurs ... conditions that develop during an outpatient
 * encounter, including emergency department, observation, or outpatient surgery, are considered
 * as present on admission."
 */
import { afterAdmissionPhrase, sentenceIndexAt } from '../sequence/chart-cues';
import type { CandidateMention, ChartView } from '../sequence/types';

/** Section kinds written at (or describing the time of) admission. Kinds the section model may not know yet are compared as strings. */
const ADMISSION_SECTIONS = new Set<string>([
  'chief-complaint',
  'hpi',
  'admission-diagnoses',
  'physical-exam',
  'ros',
  'vitals',
  'ed-course',
  'preoperative-diagnosis',
  'indications',
]);
/** Sections that record the patient's past and standing conditions. */
const HISTORY_SECTIONS = new Set<string>(['past-history', 'past-surgical-history', 'medications']);

/** Onset after admission, wherever written. */
const AFTER_ADMISSION =
  /\b(?:after (?:the )?admission|during (?:this|the|her|his) (?:hospitali[sz]ation|admission|hospital stay|stay)|on (?:hospital )?day (?:\d+|two|three|four|five|six|seven)|hospital[- ]acquired|post-?operative day|post-?operatively|in the post-?operative period|while (?:an )?inpatient|while in the hospital)\b/i;
/** Onset words read as "after admission" only in the hospital course. */
const ONSET =
  /\b(?:developed|subsequently|new(?:ly)? onset|became|was noted to have|then had|(?:course|stay) was complicated by)\b/i;
/** Present at admission, wherever written. */
const AT_ADMISSION =
  /\b(?:present on admission|(?:on|at|upon) (?:admission|arrival|presentation)|in the (?:emergency department|ED|emergency room)|prior to admission|before admission|(?:on|at) the time of admission)\b/i;
/** The provider says the time of onset cannot be determined (the W indicator). */
const UNDETERMINED =
  /\b(?:unable to (?:be )?(?:clinically )?determined?|clinically undetermined|cannot (?:be )?(?:clinically )?determined?|unclear (?:whether|if)|undetermined whether)\b[^.]{0,60}\b(?:admission|admitted|present)\b/i;
/** Explicitly not present at admission. */
const NOT_AT_ADMISSION = /\b(?:not (?:been )?present (?:on|at) admission|absent (?:on|at) admission)\b/i;

/** What one mention says about the time of onset. */
export type Timing =
  'at-admission-phrase' | 'admission-section' | 'history-section' | 'after-admission' | 'undetermined' | 'unstated';

/** The sentence around a mention and what it says about onset. */
export function timingOf(
  view: ChartView,
  m: CandidateMention,
): { timing: Timing; sentence: { start: number; end: number } } {
  const si = sentenceIndexAt(view, m.start);
  const s = si >= 0 ? view.sentences[si]! : { start: m.start, end: m.end };
  const text = view.text.slice(s.start, s.end);
  const section = m.section as string;
  if (UNDETERMINED.test(text)) return { timing: 'undetermined', sentence: s };
  if (NOT_AT_ADMISSION.test(text)) return { timing: 'after-admission', sentence: s };
  if (AT_ADMISSION.test(text) || afterAdmissionPhrase(view, s.start, m.start))
    return { timing: 'at-admission-phrase', sentence: s };
  if (section !== 'hpi' && section !== 'chief-complaint' && AFTER_ADMISSION.test(text))
    return { timing: 'after-admission', sentence: s };
  if (section === 'hospital-course' && ONSET.test(text)) return { timing: 'after-admission', sentence: s };
  if (ADMISSION_SECTIONS.has(section)) return { timing: 'admission-section', sentence: s };
  if (HISTORY_SECTIONS.has(section)) return { timing: 'history-section', sentence: s };
  return { timing: 'unstated', sentence: s };
}

/** `true` when the chart is written at admission (an H&P, consult or ED note: no hospital course and no discharge diagnoses). */
export function isAdmissionNote(view: ChartView): boolean {
  return !view.sections.some((s) => s.kind === 'hospital-course' || s.kind === 'discharge-diagnoses');
}
