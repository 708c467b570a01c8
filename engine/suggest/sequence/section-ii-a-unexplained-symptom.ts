/**
 * A symptom the chart states as the reason for the admission or visit while saying that no
 * definitive diagnosis explains it. Official Guidelines II.A: symptom codes are not principal
 * "when a related definitive diagnosis has been established", so when none is, the symptom is;
 * IV.D: "Codes that describe symptoms and signs ... are acceptable for reporting purposes when a
 * diagnosis has not been established (confirmed) by the provider"; IV.H: for outpatients, do not
 * code diagnoses documented as "probable", "suspected", "questionable" ... "Rather, code the
 * condition(s) to the highest degree of certainty for that encounter/visit, such as symptoms,
 * signs".
 *
 * Two readings of the list item (or sentence) that places the symptom, which must name the symptom
 * at its start (the item is about the symptom, not a passing mention):
 * - the cause is stated unknown ("of unknown etiology", "cause undetermined"): II.A (IV.D);
 * - outpatient: the symptom is linked to a diagnosis only uncertainly ("possibly related to",
 *   "likely", "?"): IV.H.
 * Either way the symptom keeps its place before the diagnoses named in that item. When the
 * guideline stage had moved the symptom to "also documented" as integral to a definitive diagnosis
 * (I.B.5), the chart's own words say no such diagnosis is established, so the symptom is promoted
 * into the report, with this rule and its quote. So is a symptom held back only as a weak Index
 * match (a loose reading, e.g. two sites joined by a slash) when it opens such a statement and is
 * not a shorter reading inside another candidate's mention.
 */
import { PATIENT_LEAD } from './chart-cues';
import { notPrincipalBecause } from './eligibility';
import { decide, isSymptom, placeAbove } from './rank-helpers';
import { chieflyResponsible } from './section-ii-chiefly-responsible';
import { isLooseReading, subsumedMentions, type SubsumedTest } from './subsumed-mentions';
import type { CandidateMention, RankedCandidate, SelectionContext, SequenceCandidate } from './types';

/** "of unknown etiology", "cause undetermined", "unexplained": the provider says no cause is established. */
const UNKNOWN_CAUSE =
  /\b(?:of|with|from)\s+(?:an?\s+)?(?:unknown|unclear|uncertain|undetermined|unexplained|indeterminate|obscure)\s+(?:etiology|aetiology|cause|origin|source)\b|\b(?:etiology|aetiology|cause)\s+(?:is\s+|was\s+|remains\s+|still\s+)*(?:unknown|unclear|undetermined|uncertain|not\s+(?:yet\s+)?(?:known|determined|established|identified))\b/i;
/** IV.H's terms of uncertainty (and their usual short forms) between a symptom and a diagnosis. */
const UNCERTAIN_LINK =
  /\b(?:possibl[ey]|probabl[ey]|likely|maybe|may\s+be|might\s+be|questionabl[ey]|suspected|suspect|presumed|presumptive|rule\s+out|r\/o|consistent\s+with|compatible\s+with|working\s+diagnosis|versus|vs)\b|\?/i;
/** Placement of a stated reason for the encounter or a diagnostic statement (see `chart-cues.ts`). */
const STATED = 60;
/** Most characters before the symptom in its item ("Nausea and abdominal pain ..."). */
const MAX_LEAD = 25;
/** Most characters between the symptom and the word of uncertainty ("Cough, possibly ..."). */
const MAX_LINK_GAP = 40;
/** A list item longer than this is a paragraph: its sentence is read instead. */
const MAX_ITEM = 400;

/** The list item (line) around a mention, or its sentence when the line is a paragraph. */
function itemAround(ctx: SelectionContext, m: CandidateMention): { start: number; end: number } {
  const text = ctx.view.text;
  const start = text.lastIndexOf('\n', m.start - 1) + 1;
  const nl = text.indexOf('\n', m.end);
  const end = nl < 0 ? text.length : nl;
  if (end - start <= MAX_ITEM) return { start, end };
  const s = ctx.view.sentences.find((x) => x.start <= m.start && m.start < x.end);
  return s ? { start: s.start, end: s.end } : { start: m.start, end: m.end };
}

/** The mention that placed the candidate (the one inside its quoted span), else its first. */
function placingMention(r: RankedCandidate): CandidateMention | undefined {
  const span = r.span;
  return (
    (span && r.candidate.evidence.find((e) => e.start >= span.start && e.end <= span.end)) ?? r.candidate.evidence[0]
  );
}

/** Other candidates (reported or documented, not symptoms) with a mention inside `item` after `from`. */
function diagnosesIn(
  item: { start: number; end: number },
  from: number,
  self: SequenceCandidate,
  all: readonly SequenceCandidate[],
): { c: SequenceCandidate; at: number }[] {
  const out: { c: SequenceCandidate; at: number }[] = [];
  for (const c of all) {
    if (c.code === self.code || isSymptom(c.code)) continue;
    const m = c.evidence.find((e) => e.start >= from && e.end <= item.end && !e.context.negated);
    if (m) out.push({ c, at: m.start });
  }
  return out;
}

/** Why this placed symptom stands unexplained, with its rule, or `undefined`. */
function unexplained(r: RankedCandidate, ctx: SelectionContext, all: readonly SequenceCandidate[]) {
  const m = placingMention(r);
  if (!m || r.score < STATED) return undefined;
  const item = itemAround(ctx, m);
  // The symptom is what the item is about: named at its start (after any numbering), not in passing.
  const lead = ctx.view.text
    .slice(item.start, m.start)
    .replace(/^\s*(?:\d+[.)]|[-*\u2022])?\s*/, '')
    .replace(PATIENT_LEAD, '');
  if (lead.length > MAX_LEAD) return undefined;
  const words = ctx.view.text.slice(item.start, item.end);
  const inpatient = ctx.setting === 'inpatient';
  if (UNKNOWN_CAUSE.test(words)) {
    const rule = inpatient ? 'II.A' : 'IV.D';
    return {
      item,
      rule,
      reason: `symptom stated with its cause unknown: no related definitive diagnosis is established, so the symptom is ${inpatient ? 'principal' : 'first-listed'} (${rule})`,
    };
  }
  if (inpatient) return undefined;
  const after = ctx.view.text.slice(m.end, item.end);
  const cue = after.search(UNCERTAIN_LINK);
  if (cue < 0 || cue > MAX_LINK_GAP) return undefined;
  const linked = diagnosesIn(item, m.end + cue, r.candidate, all);
  if (linked.length === 0) return undefined;
  return {
    item,
    rule: 'IV.H',
    reason: `the diagnosis beside the symptom (${linked.map((l) => l.c.code).join(', ')}) is stated as uncertain, which is not coded for an outpatient encounter: the symptom is coded and first-listed (IV.H, IV.D)`,
  };
}

/**
 * Marks reported symptoms the chart leaves unexplained, and returns the documented symptoms
 * (demoted by I.B.5) to promote into the ranking, each already marked. Every marked symptom is
 * placed above the diagnoses named in its own item.
 */
export function unexplainedSymptoms(ranked: RankedCandidate[], ctx: SelectionContext): RankedCandidate[] {
  const all: SequenceCandidate[] = [...ranked.map((r) => r.candidate), ...ctx.documented];
  const promoted: RankedCandidate[] = [];
  const mark = (r: RankedCandidate, why: { item: { start: number; end: number }; rule: string; reason: string }) => {
    r.protectedSymptom = true;
    decide(r, why.rule, why.reason);
    for (const other of [...ranked, ...promoted]) {
      if (other === r || isSymptom(other.code)) continue;
      if (other.candidate.evidence.some((e) => e.start >= why.item.start && e.end <= why.item.end))
        placeAbove(r, other, why.rule, why.reason);
    }
  };
  for (const r of ranked) {
    if (!isSymptom(r.code)) continue;
    const why = unexplained(r, ctx, all);
    if (why) mark(r, why);
  }
  const seen = new Set(ranked.map((r) => r.code));
  // Inside any other candidate's mention, loose readings included: a weak reading promoted here
  // must be the longest reading of its words.
  let inside: SubsumedTest | undefined;
  for (const d of ctx.documented) {
    if (seen.has(d.code) || !isSymptom(d.code)) continue;
    const integral = d.demotedBy.includes('I.B.5');
    // Held back only as a weak Index match (I.A below the display threshold), not refused by a guideline.
    if (!integral && (d.demotedBy.includes('I.B.1') || !isLooseReading(d))) continue;
    if (notPrincipalBecause(d, ctx.setting, ctx.tables)) continue;
    const r = chieflyResponsible(d, ctx);
    // A weak reading must be the statement's own words, not a shorter reading inside another
    // candidate's mention ("abdominal pain" inside "chest/abdominal pain").
    const m = placingMention(r);
    inside ??= subsumedMentions(ctx.view, all);
    if (!integral && (!m || inside(d, m))) continue;
    const why = unexplained(r, ctx, all);
    if (!why) continue;
    seen.add(d.code);
    r.promoted = true;
    promoted.push(r);
    mark(r, {
      ...why,
      reason: integral
        ? `${why.reason}; the guideline stage had listed it as integral to a definitive diagnosis (I.B.5), which the chart does not establish`
        : `${why.reason}; the guideline stage had held it back as a weak Index match, but the provider's statement names it as the reason`,
    });
  }
  return promoted;
}
