/**
 * Present-on-admission pre-fill (inpatient claims), following the POA reporting guidelines of the
 * ICD-10-CM Official Guidelines (Appendix I). Every indicator comes with its reason and the chart
 * words it rests on; an indicator read from the kind of condition rather than a statement of the
 * chart is marked `inferred` so the coder confirms it (nothing is silently Y):
 * 1. Codes on the release's POA-exempt list: `1` (reported blank; Appendix I, "exempt from POA").
 * 2. The provider says the time of onset cannot be determined: `W`, with a query suggestion.
 * 3. A mention stated at admission ("on admission", "admitted with", in the ED): `Y`.
 * 4. A mention that arose after admission ("developed on hospital day 2", postoperatively): `N`,
 *    unless an admission-time statement of the same code says otherwise (then 3 applies).
 * 5. A mention in a section written at admission (chief complaint, HPI, admitting diagnoses,
 *    examination, ED course, preoperative diagnosis): `Y`.
 * 6. A complication of care with no admission-time mention: `N` (it arose from care in this stay).
 * 6b. A condition named as following a procedure ("postoperative ileus") with no admission-time
 *    mention: `N`, inferred.
 * 7. A chronic condition, or one in the past history or medications: `Y` ("assign Y for chronic
 *    conditions", "for conditions that were diagnosed prior to admission"), inferred.
 * 8. An admission note (no hospital course, no discharge diagnoses): `Y`, inferred: it documents
 *    the patient's conditions at admission.
 * 9. Otherwise (only in the course or the discharge list, nothing about onset): `Y`, inferred, and
 *    the reason says that the chart does not state the time of onset ("conditions diagnosed
 *    during the admission but clearly present before admission" are Y; the coder confirms or
 *    queries).
 */
import type { Setting } from '../types';
import { quoteAround } from '../sequence/chart-cues';
import type { CandidateMention, ChartView, SequenceCandidate, SequenceTables } from '../sequence/types';
import { isAdmissionNote, timingOf, type Timing } from './admission-time';
import type { PoaAssignment } from './types';

const COMPLICATION_TITLE =
  /\b(?:postprocedural|post-procedural|intraoperative|complication|following (?:a )?procedure)\b/i;

/** Words before a mention that name it as following a procedure. */
const POST_PROCEDURE =
  /\b(?:post-?operative|post-?procedur(?:al|e)|post-?surgical|after (?:the )?(?:surgery|operation|procedure))\s*$/i;

const SECTION_WORDS: Record<string, string> = {
  'chief-complaint': 'the chief complaint',
  hpi: 'the history of present illness',
  'admission-diagnoses': 'the admitting diagnoses',
  'physical-exam': 'the admission examination',
  ros: 'the review of systems',
  vitals: 'the vital signs',
  'ed-course': 'the emergency department course',
  'preoperative-diagnosis': 'the preoperative diagnosis',
  indications: 'the indications',
  'past-history': 'the past medical history',
  'past-surgical-history': 'the past surgical history',
  medications: 'the medication list',
};

/**
 * Proposes a POA indicator for every code (inpatient only: outpatient encounters report none and
 * get an empty list).
 *
 * @param codes The diagnoses to report, dotted, with their chart mentions (suggestions).
 * @param view The chart text with its sections and sentences.
 * @param tables The ICD-10-CM table of the encounter (POA-exempt flags, titles).
 * @example
 * assignPoa(diagnoses, view, { cm }, 'inpatient')
 *   // [{ code: 'A41.51', poa: 'Y', basis: 'documented', reason: 'stated at admission ...', quote: 'admitted with sepsis ...' }, ...]
 */
export function assignPoa(
  codes: readonly SequenceCandidate[],
  view: ChartView,
  tables: SequenceTables,
  setting: Setting = 'inpatient',
): PoaAssignment[] {
  if (setting !== 'inpatient') return [];
  const admissionNote = isAdmissionNote(view);
  const out: PoaAssignment[] = [];
  for (const c of codes) {
    const detail = tables.cm.get(c.code, { indexEntries: false });
    if (detail?.poaExempt) {
      out.push({
        code: c.code,
        poa: '1',
        basis: 'exempt',
        reason: `${c.code} is on the POA-exempt list of this ICD-10-CM release: leave POA blank (1 on the 837I; Appendix I: "Condition is on the 'Exempt from Reporting' list")`,
        quote: '',
      });
      continue;
    }
    const mentions = c.evidence.filter((e) => !e.context.negated && !e.context.family && !e.context.hypothetical);
    const timed = mentions.map((m) => ({ m, ...timingOf(view, m) }));
    const first = (t: Timing): { m: CandidateMention; sentence: { start: number; end: number } } | undefined =>
      timed.find((x) => x.timing === t);
    const at = (m: CandidateMention): { quote: string; span: { start: number; end: number } } => quoteAround(view, m);
    const title = c.title ?? detail?.long ?? '';

    const undetermined = first('undetermined');
    if (undetermined) {
      out.push({
        code: c.code,
        poa: 'W',
        basis: 'query',
        reason: 'the provider documents that the time of onset cannot be clinically determined (W; Appendix I)',
        ...at(undetermined.m),
        query: `Was the ${title.toLowerCase() || c.code} present at the time of the inpatient admission order? Please document: present on admission, developed after admission, or clinically undetermined.`,
      });
      continue;
    }
    const stated = first('at-admission-phrase');
    if (stated) {
      out.push({
        code: c.code,
        poa: 'Y',
        basis: 'documented',
        reason:
          'stated as present at admission (Appendix I: present at the time the order for inpatient admission occurs)',
        ...at(stated.m),
      });
      continue;
    }
    const after = first('after-admission');
    if (after) {
      out.push({
        code: c.code,
        poa: 'N',
        basis: 'documented',
        reason: 'documented as arising after admission (Appendix I: N, not present at the time of inpatient admission)',
        ...at(after.m),
      });
      continue;
    }
    const section = first('admission-section');
    if (section) {
      out.push({
        code: c.code,
        poa: 'Y',
        basis: 'documented',
        reason: `documented in ${SECTION_WORDS[section.m.section] ?? section.m.section}, written at admission (Appendix I)`,
        ...at(section.m),
      });
      continue;
    }
    const any = mentions[0] ?? c.evidence[0];
    if (COMPLICATION_TITLE.test(title.replace(/\bwithout (?:\w+ )?complications?\b/gi, ''))) {
      out.push({
        code: c.code,
        poa: 'N',
        basis: 'inferred',
        reason:
          'complication of care with no mention at admission: read as arising during this stay (Appendix I); confirm, or query if it was present on arrival',
        ...(any ? at(any) : { quote: '' }),
      });
      continue;
    }
    // "Postoperative ileus", "post-procedure urinary retention": a condition named as following a
    // procedure, with no admission-time mention, arose after the operation of this stay.
    const postProcedure = mentions.find((m) =>
      POST_PROCEDURE.test(view.text.slice(Math.max(0, m.start - 30), m.start)),
    );
    if (postProcedure) {
      out.push({
        code: c.code,
        poa: 'N',
        basis: 'inferred',
        reason:
          'named as following a procedure, with no mention at admission: read as arising after the operation of this stay (Appendix I); confirm, or query if the procedure preceded the admission',
        ...at(postProcedure),
      });
      continue;
    }
    const chronicMention = mentions.find((m) => /\bchronic\b/i.test(view.text.slice(Math.max(0, m.start - 40), m.end)));
    const history = first('history-section');
    if (history || chronicMention || /\bchronic\b/i.test(title)) {
      const m = history?.m ?? chronicMention ?? any;
      out.push({
        code: c.code,
        poa: 'Y',
        basis: 'inferred',
        reason: history
          ? `condition listed in ${SECTION_WORDS[history.m.section] ?? history.m.section}, diagnosed before admission (Appendix I: assign "Y" for conditions that were diagnosed prior to admission)`
          : 'chronic condition (Appendix I: assign "Y" for chronic conditions, even though the condition may not be diagnosed until after admission)',
        ...(m ? at(m) : { quote: '' }),
      });
      continue;
    }
    if (admissionNote) {
      out.push({
        code: c.code,
        poa: 'Y',
        basis: 'inferred',
        reason:
          'documented in an admission note (history and physical, consultation or ED note) written at admission (Appendix I)',
        ...(any ? at(any) : { quote: '' }),
      });
      continue;
    }
    out.push({
      code: c.code,
      poa: 'Y',
      basis: 'inferred',
      reason:
        'no sentence places its onset after admission: read as present before it (Appendix I: "Y" for conditions diagnosed during the admission that were clearly present before it); confirm, and query when it may have arisen during the stay (Appendix I: "U" when the documentation is unclear)',
      ...(any ? at(any) : { quote: '' }),
    });
  }
  return out;
}
