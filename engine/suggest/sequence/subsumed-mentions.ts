/**
 * Mentions inside a longer mention of another candidate: "right inguinal hernia" inside "right
 * inguinal hernia with obstruction", "heart failure" inside "acute on chronic systolic heart
 * failure". Such a mention names the same condition less specifically, so it does not place its
 * code as the reason for admission (the longer, more specific reading does; Official Guidelines
 * I.A.9 and I.B.2, the code to the highest specificity documented).
 */
import { sentenceIndexAt } from './chart-cues';
import { DISPLAY_THRESHOLD } from '../types';
import type { CandidateMention, ChartView, DocumentedCandidate, SequenceCandidate } from './types';

/** A separator of run-in list items ("A, B, and C"). */
const LIST_SEPARATOR = /[,;]|\band\b/i;

/**
 * `true` when `m` is a longer reading of its own code around a shorter mention of the same code
 * ("severe cholecystitis, cholelithiasis, and morbid obesity" around "morbid obesity"): the extra
 * words belong to other list items, so the mention neither places its code nor hides the other
 * candidates' mentions inside it.
 *
 * @example isLongerReading(e6601, { start: 0, end: 52, ... }) // true when "morbid obesity" at 38-52 is also its mention
 */
export function isLongerReading(c: SequenceCandidate, m: CandidateMention): boolean {
  return c.evidence.some(
    (o) =>
      o !== m &&
      o.start >= m.start &&
      o.end <= m.end &&
      o.end - o.start < m.end - m.start &&
      // The words around the shorter mention cross a list separator: other items, not a qualifier
      // ("middle cerebral artery occlusion" around "cerebral artery occlusion" is one phrase).
      LIST_SEPARATOR.test(m.text.slice(0, o.start - m.start) + ' | ' + m.text.slice(o.end - m.start)),
  );
}

/**
 * `true` when the guideline stage kept a documented candidate out of the report as a loose reading
 * of the chart's words: joined across list items or scattered over a sentence (I.B.1), or a weak
 * Index match below the display threshold (I.A).
 */
export function isLooseReading(d: DocumentedCandidate): boolean {
  return (
    d.demotedBy.includes('I.B.1') ||
    (d.score < DISPLAY_THRESHOLD && d.demotedBy.length > 0 && d.demotedBy.every((r) => r === 'I.A'))
  );
}

/** A test: is this mention of this candidate strictly inside another candidate's mention? */
export type SubsumedTest = (c: SequenceCandidate, m: CandidateMention) => boolean;

/**
 * Builds the test over every candidate's mentions (grouped by sentence, so the cost stays linear
 * in the number of mentions for ordinary charts).
 *
 * @example subsumedMentions(view, candidates)(k4090, { start: 10, end: 31, ... }) // true inside "right inguinal hernia with obstruction"
 */
export function subsumedMentions(view: ChartView, candidates: readonly SequenceCandidate[]): SubsumedTest {
  const bySentence = new Map<number, { start: number; end: number; owner: SequenceCandidate }[]>();
  for (const c of candidates)
    for (const e of c.evidence) {
      if (e.context.negated || e.context.family || e.context.hypothetical || isLongerReading(c, e)) continue;
      const si = sentenceIndexAt(view, e.start);
      let list = bySentence.get(si);
      if (!list) bySentence.set(si, (list = []));
      list.push({ start: e.start, end: e.end, owner: c });
    }
  return (c, m) => {
    const list = bySentence.get(sentenceIndexAt(view, m.start));
    if (!list) return false;
    return list.some(
      (o) =>
        o.owner !== c &&
        o.owner.code !== c.code &&
        o.start <= m.start &&
        o.end >= m.end &&
        o.end - o.start > m.end - m.start,
    );
  };
}
