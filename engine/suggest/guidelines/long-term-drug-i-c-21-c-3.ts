/**
 * Long-term (current) drug therapy (I.C.21.c.3, category Z79): "the patient's continuous use of a
 * prescribed drug ... for the long-term treatment of a condition or for prophylactic use" adds
 * the Z79 code of the drug's class (read from the Table of Drugs and Chemicals, see
 * {@link longTermDrugClasses}) with the words that document it as quote:
 * - a drug listed among the patient's current or home medications and not stopped. A discharge
 *   medication list alone does not establish it: it holds what was started for the acute illness
 *   of this stay (post-operative anticoagulant prophylaxis, a short course of analgesics), and
 *   the guideline excludes "medication being administered for a brief period of time to treat an
 *   acute illness or injury"; a drug also on the home list is found there. A drug taken only
 *   "p.r.n." (as needed) documents no extended course of therapy: that list item adds nothing (a
 *   scheduled item of the same class still does);
 * - a drug the narrative says the patient is on ("is on warfarin", "takes clopidogrel", "on
 *   chronic oxycodone", "her insulin", "changed from one insulin to another"): the words say the
 *   therapy goes on. Not a drug given ("was given", "received"), started for this stay's acute
 *   problem as a drip, bolus, prophylaxis or sliding scale, planned, stopped or held, nor a
 *   relative's.
 */
import { assertMention, type SectionKind } from '../../text';
import { addedCandidate } from './added-candidate';
import { longTermDrugClasses, type DrugTableSource } from './long-term-drug-classes';
import type { GuidelineContext, GuidelineRule } from './types';

/** Title of a discharge medication list. */
export const DISCHARGE_LIST = /\bdischarge\b/i;
/** Words of a medication line that say the drug is not being taken. */
export const STOPPED = /\b(discontinued|stopped|held|hold|off of|no longer|d\/c'?d)\b/i;
/** As-needed dosing: no extended period of use is documented (I.C.21.c.3). */
export const AS_NEEDED = /(?:^|[\s,(])(?:p\.?\s?r\.?\s?n\.?|as needed|as necessary|when needed)(?=$|[\s,.;)])/i;
/** The end of one item of a run-in numbered list ("2. Drug p.r.n. 3. Drug daily"). */
export const NEXT_ITEM = /\s\d{1,2}[.)]\s/;
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Any of the drug names as a whole word (global, case-insensitive: read with `exec` in a loop). */
export const drugNamesPattern = (drugs: readonly string[]): RegExp =>
  new RegExp(`\\b(${drugs.map(escape).join('|')})\\b`, 'gi');

/**
 * Words before a drug that say the patient is on it ("is on", "takes", "maintained on", "on
 * chronic", "her", "changed to").
 */
const ONGOING_WORDS = String.raw`(?:\b(?:on|takes|taking|take|maintained on|continues on|continued on|remains on|stable on|resumed|restarted|(?:changed|switched)\b[^.;]{0,30}?\bto)|\b(?:his|her|their|patient'?s)(?:\s+(?:home|usual|daily|current|chronic))?)\s+`;
/** The cue right before the drug. */
const ONGOING_END = new RegExp(`${ONGOING_WORDS}$`, 'i');
/**
 * A drug started or put on during this encounter ("was started on", "will start her on", "placed
 * on"): a new order for the stay's problem, not yet a documented long-term therapy.
 */
const STARTED_BEFORE_CUE =
  /\b(?:start|started|starting|initiat\w*|place[sd]?|put|puts|begin|began|begun)\s+(?:(?:him|her|them|the patient|patient)\s+)?$/i;
/** Any cue (global: the last one before a list is read with a loop). */
const ONGOING_ANY = new RegExp(ONGOING_WORDS, 'gi');
/** Between the cue and the drug: only more of the list (names, doses, commas, "and"), no new clause. */
const LIST_MATERIAL_MAX = 120;
const NEW_CLAUSE =
  /[.;:]|\b(?:was|were|is|are|has|had|given|received|started|for|after|before|because|which|who|but|off|held|stopped|until|when|if|then|admission|exam|arrival|day|postoperative)\b/i;
/** Words near the drug that say the use is this stay's brief treatment (I.C.21.c.3: "a brief period of time"). */
const BRIEF_AFTER =
  /^[^.;]{0,40}?\b(?:drip|infusion|gtt|bolus|loading dose|iv push|prophylaxis|prophylactic|sliding scale)\b/i;
const BRIEF_BEFORE = /\b(?:sliding[- ]scale|iv|intravenous|prophylactic)\s+$/i;
/** Sections whose words are not the patient's own standing therapy (a relative, an allergy, an order, this encounter's procedure). */
const NOT_NARRATIVE: ReadonlySet<SectionKind> = new Set<SectionKind>([
  'medications',
  'family-history',
  'allergies',
  'orders',
  'discharge-instructions',
  'procedures',
  'procedure-description',
  'anesthesia',
  'operative-findings',
]);

interface Found {
  span: { start: number; end: number };
  reason: string;
}

const patterns = new WeakMap<object, { code: string; re: RegExp }[]>();
function classPatterns(cm: DrugTableSource): { code: string; re: RegExp }[] {
  let hit = patterns.get(cm);
  if (!hit) {
    hit = longTermDrugClasses(cm).map((c) => ({ code: c.code, re: drugNamesPattern(c.drugs) }));
    patterns.set(cm, hit);
  }
  return hit;
}

/** A current, scheduled, not stopped drug of `re` in a current (not discharge) medication list. */
function fromList(ctx: GuidelineContext, re: RegExp): Found | undefined {
  for (const section of ctx.chart.sections) {
    if (section.kind !== 'medications' || DISCHARGE_LIST.test(section.title)) continue;
    const body = ctx.text.slice(section.titleEnd, section.end);
    re.lastIndex = 0;
    for (let m = re.exec(body); m; m = re.exec(body)) {
      const start = section.titleEnd + m.index;
      const span = { start, end: start + m[0].length };
      const lineEnd = ctx.text.indexOf('\n', span.end);
      const line = ctx.text.slice(span.start, lineEnd < 0 ? section.end : Math.min(lineEnd, section.end));
      if (STOPPED.test(line)) continue;
      const next = NEXT_ITEM.exec(line);
      if (AS_NEEDED.test(next ? line.slice(0, next.index) : line)) continue;
      if (!ownAffirmed(ctx, span, true)) continue;
      return {
        span,
        reason: `"${m[0]}" in the ${section.title || 'medication'} list: long-term (current) use of this drug class`,
      };
    }
  }
  return undefined;
}

/** A drug of `re` that a narrative sentence says the patient is on. */
function fromNarrative(ctx: GuidelineContext, re: RegExp): Found | undefined {
  for (const s of ctx.chart.sentences) {
    const section = ctx.chart.sections[s.section];
    if (!section || NOT_NARRATIVE.has(section.kind)) continue;
    const sentence = ctx.text.slice(s.start, s.end);
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
      const before = sentence.slice(0, m.index);
      const after = sentence.slice(m.index + m[0].length);
      if (BRIEF_BEFORE.test(before) || BRIEF_AFTER.test(after) || AS_NEEDED.test(after.slice(0, 30))) continue;
      const cue = cueBefore(before);
      if (cue === undefined) continue;
      if (STOPPED.test(sentence.slice(cue, m.index + m[0].length + 30))) continue;
      const span = { start: s.start + m.index, end: s.start + m.index + m[0].length };
      if (!ownAffirmed(ctx, span, false)) continue;
      const words = sentence.slice(cue, m.index + m[0].length).trim();
      return { span, reason: `"${words}": the patient's continuing therapy with this drug class` };
    }
  }
  return undefined;
}

/** Offset in `before` of the ongoing-use cue that governs the drug just after it, if any. */
function cueBefore(before: string): number | undefined {
  const direct = ONGOING_END.exec(before);
  if (direct) return STARTED_BEFORE_CUE.test(before.slice(0, direct.index)) ? undefined : direct.index;
  // The drug further down a list the cue opens ("on aspirin 81 mg, metoprolol and clopidogrel"):
  // the last cue of the window, then only list material (no new clause) up to the drug.
  const from = Math.max(0, before.length - LIST_MATERIAL_MAX);
  const window = before.slice(from);
  let last: RegExpExecArray | undefined;
  ONGOING_ANY.lastIndex = 0;
  for (let m = ONGOING_ANY.exec(window); m; m = ONGOING_ANY.exec(window)) last = m;
  if (!last) return undefined;
  const between = window.slice(last.index + last[0].length);
  if (NEW_CLAUSE.test(between) || !/,|\band\b/.test(between)) return undefined;
  if (STARTED_BEFORE_CUE.test(before.slice(0, from + last.index))) return undefined;
  return from + last.index;
}

/** The patient's own, affirmed mention (not negated, planned or a relative's; in the narrative, not a past one). */
function ownAffirmed(ctx: GuidelineContext, span: { start: number; end: number }, listed: boolean): boolean {
  const a = assertMention(ctx.text, span, ctx.chart).assertion;
  return (
    a !== 'negated' && a !== 'hypothetical' && a !== 'family' && a !== 'other-subject' && (listed || a !== 'historical')
  );
}

export const longTermDrugRule: GuidelineRule = {
  section: 'I.C.21.c.3',
  name: 'long-term drug therapy',
  apply(cands, ctx) {
    for (const { code, re } of classPatterns(ctx.tables.cm)) {
      if (cands.some((c) => c.code === code)) continue;
      const detail = ctx.tables.cm.get(code);
      if (!detail) continue; // not in this release: never invented
      const found = fromList(ctx, re) ?? fromNarrative(ctx, re);
      if (!found) continue;
      cands.push(
        addedCandidate(ctx, longTermDrugRule, {
          code,
          title: detail.long,
          span: found.span,
          path: `Long-term (current) drug therapy > ${ctx.text.slice(found.span.start, found.span.end).toLowerCase()}`,
          reason: found.reason,
          score: 1,
        }),
      );
    }
  },
};
