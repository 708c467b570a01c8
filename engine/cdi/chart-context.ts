import { analyzeText, findingContext, type TextAnalysis } from '../text/index';

/**
 * Sections and mention context (negation, hypothetical, historical, family, uncertainty) as the
 * CDI rules need them. The chart-reading engine (engine/text/, owned by the suggestion issue)
 * provides the same notions for code suggestions; this module keeps CDI's needs in one place so
 * the rules read "is this mention asserted?" and do not care which detector answered.
 */

/** Who wrote a section, as far as CDI cares (ICD-10-CM Guidelines I.B.14: some details may come
 * from non-provider clinicians, the diagnosis itself must come from a provider). */
export type SectionAuthor = 'provider' | 'nursing' | 'history' | 'family' | 'other';

/** One chart section: its heading and the span it covers (heading included). */
export interface ChartSection {
  heading: string;
  start: number;
  end: number;
  author: SectionAuthor;
}

/** How a mention is meant, from the words around it in its clause. */
export interface MentionContext {
  negated: boolean;
  hypothetical: boolean;
  historical: boolean;
  family: boolean;
  uncertain: boolean;
  section?: ChartSection;
}

const HEADING_WORDS =
  'chief complaint|cc|hpi|history of present illness|history|past medical history|pmh|past surgical history|psh|' +
  'family history|fhx|fh|social history|shx|review of systems|ros|physical exam(?:ination)?|exam|pe|vital signs|vitals|' +
  'labs?|laboratory(?: data| results)?|lab results|results|imaging|radiology|microbiology|micro|medications|meds|' +
  'home medications|allergies|assessment(?: and plan| & plan|/plan)?|a/p|a&p|plan|impression|diagnos[ie]s|' +
  'discharge diagnos[ie]s|admission diagnos[ie]s|final diagnos[ie]s|principal diagnosis|secondary diagnos[ie]s|' +
  'problem list|active problems|hospital course|brief hospital course|course|progress note|interval history|subjective|objective|' +
  'nursing(?: note| notes| assessment| skin assessment)?|skin assessment|wound care(?: note| consult)?|wocn|wound(?: assessment)?|' +
  'nutrition(?: assessment| note| consult)?|dietitian(?: note| assessment| consult)?|dietician(?: note| assessment)?|rd note|' +
  'consults?|procedures?|disposition|flowsheet|i&o|intake and output|mar|orders|ed course|emergency department course';

// A heading is a known section word at the start of a line, followed by a colon, or alone on its
// line (optionally in capitals, optionally with a leading "#" or "**").
const HEADING_RE = new RegExp(
  `^[ \\t]*(?:#{1,4}[ \\t]*|\\*\\*)?((?:${HEADING_WORDS})(?:[ \\t]+(?:note|notes|section))?)(?:\\*\\*)?[ \\t]*(?::|$)`,
  'gimu',
);

function authorOf(heading: string): SectionAuthor {
  const h = heading.toLowerCase();
  if (/^(?:family history|fhx|fh)\b/.test(h)) return 'family';
  if (/^(?:past medical history|pmh|past surgical history|psh|history)$/.test(h)) return 'history';
  if (/nurs|skin|wound|wocn|nutrition|dietit|dietic|rd note|flowsheet|vital|i&o|intake|mar\b/.test(h)) return 'nursing';
  if (
    /^(?:labs?|lab|laboratory|results|imaging|radiology|micro|medications|meds|home medications|allergies|orders)/.test(
      h,
    )
  )
    return 'other';
  return 'provider';
}

/**
 * Splits a chart text into sections at known headings ("Assessment and Plan:", "Nursing skin
 * assessment", "PMH:"…). Text before the first heading is one section with an empty heading,
 * attributed to the provider.
 *
 * @example findSections('HPI: cough\nPMH: CHF')[1] // { heading: 'PMH', author: 'history', … }
 */
export function findSections(text: string): ChartSection[] {
  const out: ChartSection[] = [];
  let last: { heading: string; start: number } = { heading: '', start: 0 };
  HEADING_RE.lastIndex = 0;
  for (let m = HEADING_RE.exec(text); m; m = HEADING_RE.exec(text)) {
    if (m[0].length === 0) {
      HEADING_RE.lastIndex++;
      continue;
    }
    if (m.index > last.start || last.heading !== '') {
      out.push({
        heading: last.heading,
        start: last.start,
        end: m.index,
        author: last.heading ? authorOf(last.heading) : 'provider',
      });
    }
    last = { heading: m[1]!.trim(), start: m.index };
  }
  out.push({
    heading: last.heading,
    start: last.start,
    end: text.length,
    author: last.heading ? authorOf(last.heading) : 'provider',
  });
  return out.filter((s) => s.end > s.start || text.length === 0);
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
// end the scope of a negation ("no fever but tachycardic").
const CLAUSE_BREAK = /[.;!?\n]|\bbut\b|\bhowever\b|\balthough\b|\bexcept\b|\bthough\b/gi;

/** Start and end of the clause around [start, end). Sentence periods inside numbers ("1.5") do not split. */
export function clauseAround(text: string, start: number, end: number): [number, number] {
  const from = Math.max(0, start - 160);
  const before = text.slice(from, start);
  let clauseStart = from;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(before); m; m = CLAUSE_BREAK.exec(before)) {
    if (m[0] === '.' && /\d/.test(before[m.index - 1] ?? '') && /\d/.test(before[m.index + 1] ?? text[start] ?? ''))
      continue;
    clauseStart = from + m.index + m[0].length;
  }
  const after = text.slice(end, Math.min(text.length, end + 160));
  let clauseEnd = Math.min(text.length, end + 160);
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(after); m; m = CLAUSE_BREAK.exec(after)) {
    if (m[0] === '.' && /\d/.test(after[m.index - 1] ?? text[end - 1] ?? '') && /\d/.test(after[m.index + 1] ?? ''))
      continue;
    clauseEnd = end + m.index;
    break;
  }
  return [clauseStart, clauseEnd];
}

// Plan and threshold wording the shared context engine does not treat as hypothetical but which
// makes a value a target rather than a result ("keep MAP > 65", "goal Na 130", "give if SBP < 90").
const EXTRA_HYPOTHETICAL =
  /\b(?:should|unless|prn|as needed|would|goal|target|keep|maintain|titrate to|hold (?:for|if)|notify (?:md|provider|if|for))\b/i;

/** The chart text with the shared text analysis (engine/text) and CDI's section authorship. */
export interface ChartText {
  text: string;
  analysis: TextAnalysis;
  sections: ChartSection[];
}

/** Analyses a chart text once for every later {@link mentionContext} call. */
export function prepareChart(text: string): ChartText {
  return { text, analysis: analyzeText(text), sections: findSections(text) };
}

/**
 * Context of the mention at [start, end) of the chart: negation, uncertainty, history, family and
 * hypothetical from the shared NegEx/ConText engine (engine/text `findingContext`), plus plan and
 * threshold wording ("goal", "keep", "titrate to") as hypothetical, and the CDI section (who wrote it).
 *
 * @example mentionContext(prepareChart('No AKI.'), 3, 6).negated // true
 */
export function mentionContext(chart: ChartText, start: number, end: number): MentionContext {
  const shared = findingContext(chart.text, { start, end }, chart.analysis);
  const section = chart.sections.length ? sectionAt(chart.sections, start) : undefined;
  const [cs] = clauseAround(chart.text, start, end);
  const pre = chart.text.slice(cs, start);
  const ctx: MentionContext = {
    negated: shared.negated,
    hypothetical: shared.hypothetical || EXTRA_HYPOTHETICAL.test(pre),
    historical: shared.historical || section?.author === 'history',
    family: shared.family || section?.author === 'family',
    uncertain: shared.uncertain,
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
 * this lighter check replaces the full context for the hundreds of numbers of a long note.
 */
export function isValueAsserted(chart: ChartText, start: number, end: number): boolean {
  const section = chart.sections.length ? sectionAt(chart.sections, start) : undefined;
  if (section?.author === 'family') return false;
  const [cs] = clauseAround(chart.text, start, end);
  const pre = chart.text.slice(cs, start);
  return !VALUE_HYPOTHETICAL.test(pre) && !VALUE_FAMILY.test(pre);
}

/** True when a mention is asserted about this patient now: not negated, hypothetical or family. */
export function isAsserted(ctx: MentionContext): boolean {
  return !ctx.negated && !ctx.hypothetical && !ctx.family;
}
