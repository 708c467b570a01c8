/**
 * The course of the stay as a text to read the approach in, when the chart's procedure lines
 * write none: a discharge summary lists "Repair of the diaphragm" and tells the incision only
 * in the course or the aftercare ("the incision may get wet"). PCS Definitions (Approach axis): the
 * approach is how the site was reached, so the access the stay's own sentences describe is the
 * operation's. Read only when no procedure line of the chart writes an approach (then every
 * operation without one shares the access the course describes, and none with its own approach
 * lends it to another) and the chart has no operative narrative (read first, approach.ts).
 */
import { assertMention, type ChartAnalysis, type SectionKind } from '../../text';
import { writesApproach, type ApproachText } from './approach';
import { BEFORE_ARRIVAL, type ProcedureLine } from './statements';

/** Sections that tell this stay's course and its aftercare. */
const COURSE: ReadonlySet<SectionKind> = new Set(['hospital-course', 'discharge-instructions']);

/** A word that tells the access of an operation (approach.ts, COURSE_CUES). */
const ACCESS = /\b(incisions?|laparoscop\w*|thoracoscop\w*|arthroscop\w*|trocars?|port sites?)\b/gi;

/**
 * The sentences of the course that tell an access of this stay (affirmed: not a healed incision
 * of the history, not a planned one), or `undefined` when the procedure lines write their own
 * approach or the chart has an operative narrative.
 *
 * @example courseApproachText(text, chart, lines)?.text // 'Keep the incision clean and dry.'
 */
export function courseApproachText(
  text: string,
  chart: ChartAnalysis,
  lines: readonly ProcedureLine[],
): ApproachText | undefined {
  if (chart.sections.some((s) => s.kind === 'procedure-description')) return undefined;
  if (lines.some((l) => writesApproach(text.slice(l.start, l.end)))) return undefined;
  const kept: string[] = [];
  for (const s of chart.sentences) {
    const section = chart.sections[s.section];
    if (!section || !COURSE.has(section.kind) || section.author !== 'provider') continue;
    const sentence = text.slice(s.start, s.end);
    if (HEALED.test(sentence) || BEFORE_ARRIVAL.test(sentence)) continue;
    for (const m of sentence.matchAll(ACCESS)) {
      const at = s.start + m.index;
      if (assertMention(text, { start: at, end: at + m[0].length }, chart).assertion === 'affirmed') {
        kept.push(sentence);
        break;
      }
    }
  }
  return kept.length > 0 ? { where: 'course of the stay', text: kept.join(' '), course: true } : undefined;
}

/** An old incision or scar is another operation's access. */
const HEALED = /\b(healed|scar|old|prior|previous)\b/i;
