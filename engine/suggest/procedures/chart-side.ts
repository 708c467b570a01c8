/**
 * The side of an operation told outside its statement: a kidney transplant listed without a side
 * ("Kidney transplantation, deceased donor") whose narrative or course says where the graft went ("the allograft was
 * seated in the left iliac fossa"). The PCS body part values of such a row differ only by side
 * (Kidney, Right / Kidney, Left: table 0TY), and a coder reads the side from the chart's account of
 * the operation (Guideline B4 reads the body part from the documentation; the side is part of the
 * body part value). Read only from the sentences of this encounter's operation (its narrative,
 * findings, procedure list and the course), only from one that names the organ or its graft, never
 * from one about the donor (a donor organ's own side is where it came from), and only when every
 * such sentence gives the same one side; otherwise the side stays for the coder to choose.
 */
import { assertMention, type ChartAnalysis, type SectionKind } from '../../text';
import { BEFORE_ARRIVAL } from './statements';
import { labelWords, sideOf, wordSet, wordsOf, type Side } from './words';

const OPERATION: ReadonlySet<SectionKind> = new Set([
  'procedures',
  'procedure-description',
  'operative-findings',
  'hospital-course',
]);

/** Words naming a transplanted organ by its graft (PCS Definitions, Transplantation). */
const GRAFT = new Set(['allograft', 'graft', 'transplant', 'transplanted']);
/** A sentence about the donor or the donor organ tells the donor's side. */
const DONOR = new Set(['donor', 'donated', 'procured', 'procurement', 'harvested']);
const SIDE_WORDS = new Set(['right', 'left', 'bilateral', 'both']);
const GENERIC = new Set(['right', 'left', 'bilateral', 'joint', 'region', 'structure', 'tissue', 'system']);

/** Where the side was read. */
export interface ChartSide {
  side: Exclude<Side, 'bilateral'>;
  /** The sentence that gives it. */
  quote: string;
}

/**
 * The one side the operation's sentences give for body part `labels` (values of one table row
 * that differ only by side), or `undefined`.
 *
 * @example chartSide(text, chart, ['Kidney, Right', 'Kidney, Left'])?.side // 'left'
 */
export function chartSide(text: string, chart: ChartAnalysis, labels: readonly string[]): ChartSide | undefined {
  const organ = [...new Set(labels.flatMap(labelWords).filter((w) => !GENERIC.has(w)))];
  if (organ.length === 0) return undefined;
  let found: ChartSide | undefined;
  for (const s of chart.sentences) {
    const section = chart.sections[s.section];
    if (!section || !OPERATION.has(section.kind)) continue;
    // A sentence dated before this encounter tells an earlier operation's side.
    if (BEFORE_ARRIVAL.test(text.slice(s.start, s.end))) continue;
    const words = wordsOf(text, s.start, s.end);
    const set = wordSet(words);
    if (![...set].some((w) => SIDE_WORDS.has(w))) continue;
    if ([...set].some((w) => DONOR.has(w))) continue;
    if (!organ.every((w) => set.has(w)) && ![...set].some((w) => GRAFT.has(w))) continue;
    // The side word itself must be affirmed in this encounter (not a past operation's side).
    const at = words.find((w) => SIDE_WORDS.has(w.w))!;
    if (assertMention(text, { start: at.start, end: at.end }, chart).assertion !== 'affirmed') continue;
    const side = sideOf(set);
    if (!side || side === 'bilateral') return undefined;
    if (found && found.side !== side) return undefined;
    found ??= { side, quote: text.slice(s.start, s.end).trim() };
  }
  return found;
}
