/**
 * Where a chart says why the patient was admitted or seen: the structure Official Guidelines
 * Section II ("the condition established after study to be chiefly responsible for occasioning
 * the admission") and Section IV ("the diagnosis, condition, problem, or other reason for
 * encounter/visit shown in the medical record to be chiefly responsible for the services
 * provided") are read from. Each mention of a candidate gets a placement strength from its
 * section, its position in that section, and the "admitted for / presents with" phrase before it.
 *
 * The strengths are an ordering, not probabilities: a principal or first discharge diagnosis
 * outranks an admitting diagnosis, which outranks the chief complaint, which outranks a mention
 * in the course or the history.
 */
import type { Setting } from '../types';
import type { CandidateMention, ChartView } from './types';

/** One placement of a mention: how strongly it says "this occasioned the admission", and why. */
export interface Placement {
  strength: number;
  /** Which structure placed it (`postoperative-diagnosis`, `discharge-diagnoses`, `admission-phrase` ...). */
  kind: string;
  /** Short description for the reason ("first listed discharge diagnosis"). */
  where: string;
}

/**
 * "Admitted for", "presents with", "reason for admission is": the phrase, then at most 60
 * characters of the same sentence, then the mention. `because of` and `due to` follow a verb of
 * arrival only ("admitted due to").
 */
const ADMISSION_PHRASE =
  /\b(?:(?:re)?admitted|admit|hospitali[sz]ed|presents?|presented|presenting|came in|comes in|brought in|transferred|referred|seen|evaluated)\b[^.;\n]{0,40}?\b(?:for|with|due to|because of|after)\b|\breason for (?:admission|visit|encounter|consult(?:ation)?)\b|\badmitting diagnosis\b/gi;

/**
 * "... and was admitted", "... then admitted to the hospital": the condition named before the verb
 * of admission in the same sentence, with no "for / with / due to" after the verb naming another
 * reason and no "not / never" before it. Read only at most 100 characters after the mention.
 */
const ADMITTED_AFTER =
  /^[^.;\n]{0,100}?\b(?:and|was|were|then|so|therefore)\b(?:(?!\b(?:not|never)\b)[^.;\n]){0,60}?\b(?:(?:re)?admitted|hospitali[sz]ed)\b(?![^.;\n]{0,30}?\b(?:for|with|due to|because of)\b)/i;
/** Words that put a sentence's admission in the past (an earlier stay, not this one). */
const EARLIER_STAY =
  /\b(?:ago|last (?:year|month|week|spring|summer|fall|autumn|winter)|previously|prior (?:admission|hospitali[sz]ation)|in (?:19|20)\d\d|history of)\b/i;
/**
 * A consultation's stated reason is the question put to the consultant, not necessarily what
 * occasioned the admission (Section II: "that condition established after study to be chiefly
 * responsible for occasioning the admission of the patient to the hospital for care").
 */
const CONSULT_TITLE = /\breason for consult(?:ation)?\b|\bconsult(?:ation)? (?:reason|request)\b/i;

/** Headings of operative notes, read from the section title as written (the section model keeps them as `other`). */
const POSTOP = /\bpost[- ]?op(?:erative)?\.?\s*(?:diagnos[ie]s|dx)\b/i;
const PREOP = /\bpre[- ]?op(?:erative)?\.?\s*(?:diagnos[ie]s|dx)\b|\bindications?\b/i;
/** A differential diagnosis list names possibilities, not the established reason (II.H / IV.H decide whether they are coded at all). */
const DIFFERENTIAL = /\bdifferentials?\b|\bddx\b/i;
/**
 * A plan or recommendations section says what will be done, not what the patient has: its items
 * are not the provider's diagnostic statement (Section III: diagnoses are taken from the
 * provider's statements), so they place a condition as a passing mention does.
 */
const PLAN_ONLY = /^\W*(?:plans?|recommendations?|disposition|treatment|follow[- ]?up|instructions?)\b/i;
const DIAGNOSTIC_TITLE = /\bassess|\bimpression|\bdiagnos/i;
const PRINCIPAL_TITLE = /\bprincipal\b|\bprimary\b|\breason for (?:admission|visit)\b/i;
const SECONDARY_TITLE = /\bsecondary\b|\bother diagnos/i;

/**
 * The patient named before the statement ("This is a 52-year-old man with", "Patient is a 60 y/o
 * female presenting with"): it introduces the item's subject, so the symptom after it still opens
 * the statement. Qualifiers between it and the symptom count toward the item's lead.
 */
export const PATIENT_LEAD =
  /^(?:(?:this|the|our)\s+)?(?:(?:patient|pt)\s+)?(?:is\s+|was\s+)?(?:an?\s+)?\d{1,3}[- ](?:years?|y(?:\/|\.)?o\.?|yrs?)(?:[- ]old)?\s+(?:\w+\s+){0,2}?(?:male|female|man|woman|boy|girl|gentleman|lady|patient|child|infant)(?:\s+patient)?\s+(?:who\s+)?(?:with|presents?\s+with|presenting\s+with|complaining\s+of|has|had)\s+/i;
/**
 * Most characters of an item before the mention that opens it (after any list marker and the
 * patient's introduction): a condition named further into a narrative line ("... with a long list
 * of conditions such as hypertension") is not the item's lead statement.
 */
const MAX_ITEM_LEAD = 30;

/**
 * Position of the line holding `pos` among the non-empty lines of its section body: 0 = the first
 * item (the text after the heading on its own line counts as the first item). Lists are read by
 * line because a numbered item ("1.") may be split into several sentences.
 */
function itemIndex(view: ChartView, section: { titleEnd: number; end: number }, pos: number): number {
  let k = 0;
  let lineStart = section.titleEnd;
  const target = view.text.lastIndexOf('\n', pos - 1) + 1;
  while (lineStart < target) {
    const nl = view.text.indexOf('\n', lineStart);
    if (nl < 0 || nl >= target) break;
    if (/\S/.test(view.text.slice(lineStart, nl).replace(/^\s*:/, ''))) k++;
    lineStart = nl + 1;
  }
  return k;
}

/** Index of the sentence holding `pos`, by binary search; -1 when none. */
export function sentenceIndexAt(view: ChartView, pos: number): number {
  let lo = 0;
  let hi = view.sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = view.sentences[mid]!;
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** The sentence (or list item) around a span, at most 240 characters, as a quote. */
export function quoteAround(
  view: ChartView,
  span: { start: number; end: number },
): { quote: string; span: { start: number; end: number } } {
  const i = sentenceIndexAt(view, span.start);
  let start = span.start;
  let end = span.end;
  if (i >= 0) {
    start = view.sentences[i]!.start;
    end = Math.max(end, view.sentences[i]!.end);
  }
  if (end - start > 240) {
    start = Math.max(start, span.start - 100);
    end = Math.min(end, Math.max(span.end, start + 240));
  }
  return { quote: view.text.slice(start, end).replace(/\s+/g, ' ').trim(), span: { start, end } };
}

/** `true` when an admission phrase ends at most 60 characters before `start` in the same sentence. */
export function afterAdmissionPhrase(view: ChartView, sentenceStart: number, start: number): boolean {
  const before = view.text.slice(Math.max(sentenceStart, start - 120), start);
  for (const m of before.matchAll(ADMISSION_PHRASE)) {
    const gap = before.length - (m.index + m[0].length);
    if (gap <= 60) return true;
  }
  return false;
}

/** `true` when the same sentence goes on from the mention to say the patient was admitted (see {@link ADMITTED_AFTER}). */
export function beforeAdmissionVerb(view: ChartView, sentence: { start: number; end: number }, end: number): boolean {
  // An earlier stay ("two years ago she had X and was admitted") did not occasion this admission.
  if (EARLIER_STAY.test(view.text.slice(sentence.start, sentence.end))) return false;
  return ADMITTED_AFTER.test(view.text.slice(end, Math.min(sentence.end, end + 200)));
}

/**
 * `true` when the mention opens its line's item: no earlier sentence of the line before it and, for
 * `splitItems` (a one-line list of diagnoses), no ",", ";" or "and" between the item's start and it.
 */
function leadsItsLine(
  view: ChartView,
  itemStart: number,
  m: CandidateMention,
  sentence: number,
  splitItems: boolean,
): boolean {
  const before = view.text.slice(itemStart, m.start);
  // A list marker ("1.", "-") may be read as a sentence of its own: the item starts after it.
  const firstChar = itemStart + (/^[\s:]*(?:\(?\d{1,2}[.)]|[-*\u2022])?\s*/.exec(before)?.[0].length ?? 0);
  if (sentence >= 0 && firstChar < m.start && sentenceIndexAt(view, firstChar) !== sentence) return false;
  if (view.text.slice(firstChar, m.start).replace(PATIENT_LEAD, '').length > MAX_ITEM_LEAD) return false;
  return !(splitItems && /[,;]|\band\b/i.test(before));
}

/**
 * How strongly one mention places its condition as the reason for the admission (inpatient) or
 * the visit (outpatient).
 *
 * @example placement(view, mention, 'inpatient') // { strength: 104.2, where: 'first listed discharge diagnosis' }
 */
export function placement(view: ChartView, m: CandidateMention, setting: Setting): Placement {
  const si = sentenceIndexAt(view, m.start);
  const sentence = si >= 0 ? view.sentences[si]! : undefined;
  const sectionIndex = sentence?.section ?? view.sections.findIndex((s) => m.start >= s.start && m.start < s.end);
  const section = view.sections[sectionIndex];
  const title = section?.title ?? '';
  // Kinds the section model may add (operative-note headings) are compared as strings.
  const kindName: string = section?.kind ?? 'none';
  const lineStart = view.text.lastIndexOf('\n', m.start - 1) + 1;
  const opHeading = POSTOP.test(title) || PREOP.test(title) || kindName === 'postoperative-diagnosis';
  const k = section ? itemIndex(view, section, m.start) : 9;
  // The first item is the first sentence of the first line (a paragraph's later sentences are not
  // its lead statement) and, under an operative diagnosis heading written as one line ("A, B and
  // C"), the first of its items: IV.A.1 / IV.N make the reason for the surgery first-listed, not a
  // comorbidity named after it.
  const first =
    k === 0 && section !== undefined && leadsItsLine(view, Math.max(lineStart, section.titleEnd), m, si, opHeading);
  const phrase = sentence !== undefined && afterAdmissionPhrase(view, sentence.start, m.start);
  // Section II: "X ... and admitted" states the reason as plainly as "admitted for X"; slightly
  // weaker, so that "with A ... admitted for B" keeps B first.
  const phraseAfter = !phrase && sentence !== undefined && beforeAdmissionVerb(view, sentence, m.end);
  // Within one item, the condition named first and in more words leads ("sepsis due to UTI",
  // "inguinal hernia" over "hernia"): at most 6 points, less than the gap between placements.
  const lead = 3 - Math.min(3, (m.start - lineStart) / 20) + Math.min(3, (m.end - m.start) / 12);
  const at = (strength: number, where: string, kind: string = section?.kind ?? 'none'): Placement => ({
    strength: strength + lead,
    where,
    kind,
  });
  const outpatient = setting === 'outpatient';

  if (DIFFERENTIAL.test(title)) return at(25, `listed under "${title}"`);
  if (POSTOP.test(title) || kindName === 'postoperative-diagnosis')
    return first
      ? at(95, 'first postoperative diagnosis', 'postoperative-diagnosis')
      : at(60, 'postoperative diagnosis', 'postoperative-diagnosis');
  if (PREOP.test(title))
    return first ? at(80, 'first preoperative diagnosis (indication)') : at(50, 'preoperative diagnosis');
  switch (section?.kind) {
    case 'discharge-diagnoses':
      if (PRINCIPAL_TITLE.test(title)) return at(100, `listed under "${title}"`);
      if (SECONDARY_TITLE.test(title)) return at(Math.max(30, 45 - 3 * k), `listed under "${title}"`);
      return first
        ? at(100, 'first listed discharge diagnosis')
        : at(Math.max(35, 70 - 6 * k), `discharge diagnosis no. ${k + 1}`);
    case 'admission-diagnoses':
      return first
        ? at(88, 'first listed admission diagnosis')
        : at(Math.max(35, 62 - 6 * k), `admission diagnosis no. ${k + 1}`);
    case 'chief-complaint':
      // Inpatient consultation: the consultant's question ranks below a stated admission reason
      // (Section II), above a passing mention. Outpatient, it is the reason for the visit (IV).
      if (!outpatient && CONSULT_TITLE.test(title))
        return at(first ? 64 : 52, `reason for the consultation (not necessarily the admission's)`);
      return PRINCIPAL_TITLE.test(title) ? at(88, `"${title}"`) : at(first ? 75 : 60, 'chief complaint');
    case 'assessment-plan':
      if (PLAN_ONLY.test(title) && !DIAGNOSTIC_TITLE.test(title))
        return at(30, `"${title}" section (plan, not a diagnosis)`);
      if (first) return at(outpatient ? 90 : 78, 'first item of the assessment');
      return at(Math.max(30, (outpatient ? 68 : 62) - 6 * k), `assessment item no. ${k + 1}`);
    case 'hpi':
      if (phrase) return at(82, 'admission reason in the history of present illness', 'admission-phrase');
      if (phraseAfter)
        return at(76, 'stated as what led to the admission in the history of present illness', 'admission-phrase');
      return at(k < 2 ? 45 : 30, 'history of present illness');
    case 'hospital-course':
      if (phrase) return at(82, 'admission reason in the hospital course', 'admission-phrase');
      if (phraseAfter) return at(76, 'stated as what led to the admission in the hospital course', 'admission-phrase');
      return at(first ? 55 : 30, 'hospital course');
    case 'procedures':
      return at(35, 'procedure section');
    case 'past-history':
    case 'past-surgical-history':
    case 'medications':
    case 'allergies':
    case 'family-history':
    case 'social-history':
    case 'ros':
    case 'vitals':
      return at(8, `${section.kind.replace('-', ' ')} section`);
    case 'physical-exam':
    case 'labs':
    case 'imaging':
      return at(15, `${section.kind.replace('-', ' ')} section`);
    default:
      if (phrase) return at(78, 'admission reason', 'admission-phrase');
      if (phraseAfter) return at(74, 'stated as what led to the admission', 'admission-phrase');
      return at(first ? 30 : 20, 'chart text');
  }
}
