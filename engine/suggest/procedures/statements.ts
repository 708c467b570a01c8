/**
 * Procedure statements: where a chart says what was done in this encounter. A coder reads the
 * procedure title of an operative report ("Procedure performed"), the procedure list of a
 * discharge summary, and the sentences of the hospital or emergency-department course that say a
 * procedure was done ("underwent", "was intubated", "was transfused"). The operative narrative
 * itself (positioning, prepping, catheters for the operation) is read only for the approach.
 */
import { assertMention, type ChartAnalysis, type SectionKind } from '../../text';

/** One line or sentence that may name procedures, with its section. */
export interface ProcedureLine {
  start: number;
  end: number;
  section: SectionKind;
  /**
   * `title` = a procedure list or title; `course` = a sentence of the hospital / ED course;
   * `description` = a sentence of an operative report's narrative saying the surgeon took out a
   * body part or fixed one with a device (read with {@link DESCRIPTION_ACTION}'s verbs only).
   */
  source: 'title' | 'course' | 'description';
}

const TITLE_SECTIONS: ReadonlySet<SectionKind> = new Set(['procedures']);
/**
 * The course of this encounter. The history of present illness is read only from the sentence
 * that places it in this encounter (THIS_ENCOUNTER): before that it tells what happened before
 * this encounter (another facility's procedures are not this encounter's).
 */
const COURSE_SECTIONS: ReadonlySet<SectionKind> = new Set(['hospital-course', 'ed-course', 'assessment-plan']);

/**
 * A sentence of the history of present illness that places the story in this encounter: on this
 * admission or arrival, in this hospital's emergency department or unit.
 * From it on, the history tells this encounter's course (a consult or an admission note written
 * during the stay), so a procedure it says was done is this encounter's. Before it, the history
 * tells what happened before (UHDDS: only procedures of this encounter are reported).
 */
const THIS_ENCOUNTER =
  /\b((on|upon|since|after) (admission|arrival)|(in|to|at) (our|this) (emergency (room|department)|ed|er|hospital|facility|unit|icu|intensive care unit)|this (admission|hospitalization|hospital stay)|(admitted|transferred|presented|brought) here)\b/i;
/** An anchor that names another facility ("admitted to an outside hospital") places nothing here. */
const ELSEWHERE =
  /\b(outside|another|other|referring|previous|prior) (hospital|facility|institution|emergency)|\btransferred from\b/i;
/**
 * A sentence of the history that tells what was done before this encounter even after the story
 * has reached it: before arrival (in the field, by paramedics) or at a past time ("in 2010",
 * "five years ago", "previously").
 */
export const BEFORE_ARRIVAL =
  /\b(in the field|by (ems|emt|paramedics?|the ambulance crew)|prior to (arrival|transfer|admission)|before (arrival|transfer|admission)|previously|in the past|(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|many|few) (years?|months?|weeks?|days?) ago|in (19|20)\d\d|last (year|month|week|spring|summer|fall|autumn|winter))\b/i;

/** A title line describes what was done; a narrative sentence of the operation does not belong. */
const NARRATIVE = /\b(was|were|is|are|had|has|will|then|patient)\b/i;

/** Words of a course sentence saying a procedure was done in this encounter. */
const DONE =
  /\b(underwent|undergone|was taken to the (operating room|or)|was (intubated|transfused|extubated|started on|given|placed on)|were (transfused|given)|received|(was|were) (performed|done|placed|inserted)|(has|have) been (performed|done|placed|inserted))\b/i;

/**
 * "Required" says an intervention was done in a sentence of the course ("she required intubation");
 * in an operative narrative it tells a step ("hemostasis required cautery"), so it is read only
 * in the course. So is something taken out ("a clot was extracted"): in a narrative that is the
 * operation's own steps (trocars, sponges), read there by DESCRIPTION_ACTION only.
 */
const COURSE_DONE = /\brequired\b|\b(was|were|has been|have been) (extracted|removed|retrieved|evacuated)\b/i;

/** A list number standing alone as a sentence ("2."). */
const LIST_MARKER = /^\s*\d{1,2}[.)]\s*$/;

/** The next sentence saying the one before was done ("... intubation. This was done in the ED"). */
const DONE_AFTER = /^\W*(this|it|which) was (done|performed|carried out)\b/i;

/**
 * A performed action of the surgeon in an operative narrative, in the past tense: a body part
 * taken out ("the trapezium was removed in toto", "we excised the cyst") or fixed with a pin.
 * Everything else the narrative tells (positioning, prepping, retractors, sutures, drains, the
 * exposure and the closure) is the operation's own steps and is read for the approach only.
 */
export const DESCRIPTION_ACTION =
  /\b((was|were)( then| subsequently| next| also| carefully| sharply)?( \w+ and)? (removed|excised|resected|amputated|pinned)|(was|were) [^.;,]{0,60} and (then )?pinned|we (then )?(removed|excised|resected|amputated))\b/i;

/** The lines of the chart that may name procedures done in this encounter. */
export function procedureLines(text: string, chart: ChartAnalysis): ProcedureLine[] {
  const out: ProcedureLine[] = [];
  // An operative report: a procedure title over its narrative.
  const operative = chart.sections.some((x) => x.kind === 'procedures');
  let narrative = false;
  let lastSection = -1;
  let afterMarker = false;
  /** The history of present illness has reached this encounter (see THIS_ENCOUNTER). */
  let inEncounter = false;
  for (const s of chart.sentences) {
    const section = chart.sections[s.section];
    if (!section) continue;
    if (s.section !== lastSection) {
      narrative = false;
      inEncounter = false;
      lastSection = s.section;
    }
    const line = text.slice(s.start, s.end);
    if (section.kind === 'hpi' && THIS_ENCOUNTER.test(line) && !ELSEWHERE.test(line)) inEncounter = true;
    // A numbered item of a procedure list ("1." alone, its text the next sentence) is a title of its
    // own, whatever the items before it say ("2. ... was debrided on 3/16 by Dr. X").
    const item = afterMarker || (s.listItem && !LIST_MARKER.test(line));
    afterMarker = s.listItem && LIST_MARKER.test(line);
    if (afterMarker) continue;
    if (TITLE_SECTIONS.has(section.kind)) {
      if (item) narrative = false;
      // A "Procedure:" heading over the operative narrative: its first line can be the title,
      // the story after it is not (read for the approach only).
      if (narrative || (!item && NARRATIVE.test(line) && !DONE.test(line))) {
        narrative = true;
        if (DESCRIPTION_ACTION.test(line))
          out.push({ start: s.start, end: s.end, section: section.kind, source: 'description' });
        continue;
      }
      out.push({ start: s.start, end: s.end, section: section.kind, source: 'title' });
    } else if (operative && section.kind === 'procedure-description' && DESCRIPTION_ACTION.test(line)) {
      out.push({ start: s.start, end: s.end, section: section.kind, source: 'description' });
    } else if (
      (COURSE_SECTIONS.has(section.kind) ||
        (section.kind === 'hpi' && inEncounter && !ELSEWHERE.test(line) && !BEFORE_ARRIVAL.test(line))) &&
      section.author === 'provider' &&
      (DONE.test(line) || COURSE_DONE.test(line) || DONE_AFTER.test(text.slice(s.end, s.end + 40)))
    ) {
      out.push({ start: s.start, end: s.end, section: section.kind, source: 'course' });
    }
  }
  return out;
}

/** Text of the operative description sections (where the approach is written when the title does not say). */
export function descriptionText(text: string, chart: ChartAnalysis): string {
  return chart.sections
    .filter((s) => s.kind === 'procedure-description' || s.kind === 'procedures')
    .map((s) => text.slice(s.titleEnd, s.end))
    .join('\n');
}

/** Assertion of an operation word (only an affirmed procedure was done in this encounter). */
export function assertionOf(text: string, chart: ChartAnalysis, start: number, end: number) {
  return assertMention(text, { start, end }, chart);
}
