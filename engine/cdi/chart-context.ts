import {
  analyzeChart,
  assertMention,
  type Assertion,
  type CareSetting,
  type ChartAnalysis,
  type SectionAuthor,
} from '../text/index';
import { clauseStartAt } from './clause-start';

/**
 * Sections and mention context (negation, ruled out, hypothetical, historical, family,
 * uncertainty) as the CDI rules need them, read from the shared clinical-language layer
 * (engine/text `analyzeChart`, `assertMention`): one section model and one assertion model for
 * suggestions and CDI alike. This module only adapts them to CDI's questions ("is this mention
 * asserted?", "who wrote this section?").
 */

export type { SectionAuthor } from '../text/index';

/** One chart section: its heading and the span it covers (heading included). */
export interface ChartSection {
  heading: string;
  start: number;
  end: number;
  author: SectionAuthor;
}

/** How a mention is meant, from the shared assertion of its sentence. */
export interface MentionContext {
  /** Negated or ruled out ("no AKI", "MI ruled out"). */
  negated: boolean;
  hypothetical: boolean;
  historical: boolean;
  family: boolean;
  uncertain: boolean;
  /** The shared assertion (engine/text `assertMention`), kept for the audit and the panel. */
  assertion?: Assertion;
  section?: ChartSection;
}

/**
 * The sections of a chart text (the shared section model of engine/text). Text before the first
 * heading is one section with an empty heading, attributed to the provider.
 *
 * @example findSections('HPI: cough\nPMH: CHF')[1] // { heading: 'PMH', author: 'history', … }
 */
export function findSections(text: string): ChartSection[] {
  return sectionsOf(analyzeChart(text));
}

function sectionsOf(analysis: ChartAnalysis): ChartSection[] {
  return analysis.sections.map((s) => ({
    heading: s.title.replace(/[:\s]+$/, '').trim(),
    start: s.start,
    end: s.end,
    author: s.author,
  }));
}

/** The section containing `offset` (binary search over `findSections` output). */
export function sectionAt(sections: readonly ChartSection[], offset: number): ChartSection | undefined {
  let lo = 0;
  let hi = sections.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sections[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return sections[sections.length - 1];
}

// Clause boundaries: sentence ends, semicolons, line breaks, and contrastive conjunctions which
// end the scope of a negation ("no fever but tachycardic"). The same breaks, read backwards, give
// a clause's start (clause-start.ts).
const CLAUSE_BREAK = /[.;!?\n]|\bbut\b|\bhowever\b|\balthough\b|\bexcept\b|\bthough\b/gi;

/** Start and end of the clause around [start, end). Sentence periods inside numbers ("1.5") do not split. */
export function clauseAround(text: string, start: number, end: number): [number, number] {
  const clauseBegin = clauseStartAt(text, start);
  const after = text.slice(end, Math.min(text.length, end + 160));
  let clauseEnd = Math.min(text.length, end + 160);
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(after); m; m = CLAUSE_BREAK.exec(after)) {
    if (m[0] === '.' && /\d/.test(after[m.index - 1] ?? text[end - 1] ?? '') && /\d/.test(after[m.index + 1] ?? ''))
      continue;
    clauseEnd = end + m.index;
    break;
  }
  return [clauseBegin, clauseEnd];
}

// Plan and threshold wording the shared context engine does not treat as hypothetical but which
// makes a value a target rather than a result ("keep MAP > 65", "goal Na 130", "give if SBP < 90").
const EXTRA_HYPOTHETICAL =
  /\b(?:should|unless|prn|as needed|would|goal|target|keep|maintain|titrate to|hold (?:for|if)|notify (?:md|provider|if|for))\b/i;

/** The chart text with the shared chart analysis (engine/text) and its sections. */
export interface ChartText {
  text: string;
  analysis: ChartAnalysis;
  sections: ChartSection[];
}

/** Options of {@link prepareChart}. */
export interface PrepareOptions {
  /** Decides how uncertain diagnoses are read (Guidelines II.H / III.C inpatient, IV.H outpatient). Default inpatient. */
  setting?: CareSetting;
}

/** Analyses a chart text once for every later {@link mentionContext} call. */
export function prepareChart(text: string, options: PrepareOptions = {}): ChartText {
  const analysis = analyzeChart(text, options.setting ? { setting: options.setting } : {});
  return { text, analysis, sections: sectionsOf(analysis) };
}

// A denial heading a list ("denies fever, chills, ... or home oxygen use"): every item of the list
// is denied, however long the list (NegEx's word window stops at a few words; a comma list keeps
// the scope, Chapman et al. 2001 list handling). The gap may hold only list items, never a verb
// or a contrast.
const LIST_TRIGGER = /\b(?:denies|denied|deny|negative for|no history of|no hx of|without|no)\b/gi;
const LIST_BREAK =
  /\b(?:but|however|although|except|though|reports|admits|has|had|is|was|with|presents?|complains?)\b/i;
// Sentence ends inside the gap (a period between digits, "1.5", is not one).
const GAP_END = /[;:!?\n]|\.(?!\d)/;

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

function listNegated(text: string, start: number, sentenceStart: number): boolean {
  const from = Math.max(sentenceStart, start - 600);
  // The gap after the last trigger holds a comma and no sentence end, so it lies after the last
  // sentence end before the mention: without a comma there, nothing is to be scanned. Triggers
  // hold only letters and spaces, so none spans that sentence end and the scan may begin after it.
  let scanFrom = from;
  let comma = false;
  for (let i = start - 1; i >= from; i--) {
    const c = text.charCodeAt(i);
    if (c === 44 /* , */) comma = true;
    else if (c === 59 || c === 58 || c === 33 || c === 63 || c === 10 /* ; : ! ? \n */) {
      scanFrom = i + 1;
      break;
    } else if (c === 46 /* . */ && !(i + 1 < start && isDigitCode(text.charCodeAt(i + 1)))) {
      scanFrom = i + 1;
      break;
    }
  }
  if (!comma) return false;
  const window = text.slice(from, start);
  let gapStart = -1;
  LIST_TRIGGER.lastIndex = scanFrom - from;
  for (let m = LIST_TRIGGER.exec(window); m; m = LIST_TRIGGER.exec(window)) gapStart = m.index + m[0].length;
  if (gapStart < 0) return false;
  const gap = window.slice(gapStart);
  return gap.includes(',') && !GAP_END.test(gap) && !LIST_BREAK.test(gap);
}

/** Options of {@link mentionContext}. */
export interface MentionContextOptions {
  /** The mention's own words carry a negation ("unable to void", "not able to urinate"). */
  ownNegation?: boolean;
}

// A comma followed by a consequence or sequence word: the negation scope ends.
const SCOPE_END = /,\s*(?:so|therefore|thus|and then|then|hence)\b/i;

/**
 * Context of the mention at [start, end) of the chart: the shared assertion (affirmed, negated,
 * ruled out, historical, family, hypothetical, uncertain) with its cues, plus plan and threshold
 * wording ("goal", "keep", "titrate to") as hypothetical, denial lists as negated, and the CDI
 * section (who wrote it).
 *
 * @example mentionContext(prepareChart('MI ruled out.'), 0, 2).negated // true
 */
export function mentionContext(
  chart: ChartText,
  start: number,
  end: number,
  options: MentionContextOptions = {},
): MentionContext {
  // One assertion call: its cues carry every flag the shared context found (assertMention runs
  // findingContext once; calling both would read the sentence twice).
  const asserted = assertMention(chart.text, { start, end }, chart.analysis);
  let cueNegated = false;
  let cueHypothetical = false;
  let cueHistorical = false;
  let cueFamily = false;
  let cueUncertain = false;
  for (const c of asserted.cues) {
    if (c.kind === 'negated') cueNegated = true;
    else if (c.kind === 'hypothetical') cueHypothetical = true;
    else if (c.kind === 'historical') cueHistorical = true;
    else if (c.kind === 'family') cueFamily = true;
    else if (c.kind === 'uncertain') cueUncertain = true;
  }
  // A negation whose scope has ended before the mention does not negate it: "could not pass
  // urine, so an indwelling catheter was inserted" (a consequence clause after a comma ends the scope,
  // NegEx termination terms, Chapman et al. 2001), nor does the negation word a finding is made of
  // ("unable to void" is the finding, options.ownNegation).
  const negCues = asserted.cues.filter((c) => c.kind === 'negated');
  const liveNeg = negCues.filter(
    (c) =>
      !(options.ownNegation && c.start >= start && c.end <= end) &&
      !(c.end <= start && SCOPE_END.test(chart.text.slice(c.end, start))),
  );
  const scopeEnded = negCues.length > 0 && liveNeg.length === 0 && asserted.assertion !== 'ruled-out';
  const section = chart.sections.length ? sectionAt(chart.sections, start) : undefined;
  // Only the clause's start is read (the words before the mention); its end is not scanned for.
  const cs = clauseStartAt(chart.text, start);
  const pre = chart.text.slice(cs, start);
  const sentenceStart = Math.max(chart.text.lastIndexOf('\n', start - 1) + 1, start - 600);
  const ctx: MentionContext = {
    negated: scopeEnded
      ? false
      : asserted.assertion === 'ruled-out' ||
        asserted.assertion === 'negated' ||
        cueNegated ||
        listNegated(chart.text, start, sentenceStart),
    hypothetical: cueHypothetical || EXTRA_HYPOTHETICAL.test(pre),
    historical:
      cueHistorical ||
      asserted.assertion === 'historical' ||
      asserted.section === 'past-surgical-history' ||
      section?.author === 'history',
    family: asserted.subject === 'family-member' || cueFamily || section?.author === 'family',
    uncertain: cueUncertain,
    assertion: asserted.assertion,
  };
  if (section) ctx.section = section;
  return ctx;
}

const VALUE_HYPOTHETICAL =
  /\b(?:if|in case|should|unless|prn|as needed|would|goal|target|keep|maintain|titrate to|hold (?:for|if)|notify|call (?:if|for)|watch(?:ing)? for|monitor(?:ing)? for|consider(?:ing)?|return (?:if|for))\b/i;
const VALUE_FAMILY =
  /\b(?:family history|mother|father|brother|sister|sibling|aunt|uncle|grandmother|grandfather|maternal|paternal)\b/i;

/**
 * Whether a measured value at [start, end) is a result for this patient: not a threshold in a plan
 * ("give bolus if SBP < 90", "goal Na 130") and not about a relative. Values cannot be negated, so
 * this lighter check replaces the full context for the hundreds of numbers of a long note. Only the
 * words before the value decide; `_end` is kept so callers pass the whole span.
 */
export function isValueAsserted(chart: ChartText, start: number, _end: number): boolean {
  const section = chart.sections.length ? sectionAt(chart.sections, start) : undefined;
  if (section?.author === 'family') return false;
  const cs = clauseStartAt(chart.text, start);
  const pre = chart.text.slice(cs, start);
  return !VALUE_HYPOTHETICAL.test(pre) && !VALUE_FAMILY.test(pre);
}

/** True when a mention is asserted about this patient now: not negated, hypothetical or family. */
export function isAsserted(ctx: MentionContext): boolean {
  return !ctx.negated && !ctx.hypothetical && !ctx.family;
}
