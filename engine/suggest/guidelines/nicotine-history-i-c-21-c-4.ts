/**
 * History of nicotine dependence (Z87.891): a patient who quit smoking or using tobacco has a
 * personal history (Guideline I.C.21.c.4: "a patient's past medical condition that no longer
 * exists"; the Index's "History, personal, nicotine dependence" and "Tobacco, use, history"), and
 * the Tabular keeps it apart from current use: Z87.891 Excludes1 "current nicotine dependence
 * (F17.2-)", F17 Excludes1 "history of tobacco dependence (Z87.891)" and "tobacco use NOS
 * (Z72.0)". So:
 * - a sentence saying the patient quit ("quit smoking in 2004", "former smoker", "ex-smoker",
 *   "smoked for 20 years, stopped 5 years ago") adds Z87.891 with that sentence's words as quote;
 * - not when the chart also says the patient smokes now ("smokes half a pack a day", "current
 *   smoker", "trying to quit", "advised to quit": still a smoker), nor for a never smoker, nor
 *   for a relative's habit (family history, family subject);
 * - a current-use code (the Excludes1 codes of Z87.891 and of F17) read only from such a
 *   sentence is the same past habit read as current: it is suppressed, Z87.891 stands for it.
 */
import { assertMention } from '../../text';
import { noteRefs, refCovers, type CodeRef } from '../codes-in-note';
import { addedCandidate } from './added-candidate';
import { suppress, undotted } from './tiers';
import type { GuidelineContext, GuidelineRule } from './types';

const CODE = 'Z87.891';
/** The Tabular category whose Excludes1 names tobacco use NOS beside the history code. */
const CURRENT_CATEGORY = 'F17';

const HABIT = String.raw`(?:smok(?:ing|er|ed)|tobacco(?:\s+(?:use|user|usage|smoker|chewer))?|cigarettes?|cigars?|nicotine|chewing tobacco|snuff|dip(?:ping)?)`;
/** The patient's past habit, said in the chart's words. */
const FORMER: readonly RegExp[] = [
  // "quit smoking", "stopped tobacco", "gave up cigarettes" (not "to quit": a wish or advice)
  new RegExp(String.raw`(?<!\bto\s)\b(?:quit|quitting|stopped|gave up|ceased|discontinued)\s+(?:all\s+)?${HABIT}`, 'i'),
  // "former smoker", "ex-smoker", "remote tobacco use", "prior history of smoking"
  new RegExp(
    String.raw`\b(?:former|ex|previous|prior|past|remote|reformed)\s*-?\s*(?:history of\s+)?(?:heavy\s+)?${HABIT}`,
    'i',
  ),
  // "smoked 1 ppd for 30 years, quit in 1998", "Tobacco: quit 10 years ago"
  new RegExp(
    String.raw`\b${HABIT}\b[^.;]{0,80}?(?<!\bto\s)\b(?:quit|stopped|ceased)\b(?!\s+(?:smoking|tobacco)\s+(?:counsel|advice|education))`,
    'i',
  ),
  new RegExp(String.raw`\bno longer\s+(?:smokes|smoking|uses tobacco|chews tobacco)\b`, 'i'),
];
/** A current smoker: present use, or advice and wishes to quit (the habit goes on). */
const CURRENT: readonly RegExp[] = [
  /\b(?:current(?:ly)?|active(?:ly)?|still|continues to|continuing to|ongoing|daily)\s+(?:smok|tobacco|cigarette|nicotine|chew)/i,
  /(?<!\b(?:not|never|no longer|nor)\s)\bsmokes\b/i,
  /\b(?:trying|tries|try|wants?|wishes|plans?|planning|advised|encouraged|counsel(?:l)?ed|ready|attempting|unable|urged|motivated) to (?:quit|stop)\b/i,
  /\b(?:smoking|tobacco) cessation\b/i,
];
const NEVER = /\b(?:never|non-?|no)\s*-?\s*(?:a\s+)?(?:smok|tobacco)/i;

/** Current-use codes that exclude the history code (Excludes1 of Z87.891 and of F17). */
function currentUseRefs(ctx: GuidelineContext): CodeRef[] {
  const excludes = (code: string): CodeRef[] =>
    (ctx.tables.cm.get(code)?.notes ?? [])
      .filter((n) => n.kind === 'excludes1')
      .flatMap((n) => noteRefs(n.text))
      .filter((r) => !refCovers(r, undotted(CODE)));
  return [...excludes(CODE), ...excludes(CURRENT_CATEGORY)];
}

export const nicotineHistoryRule: GuidelineRule = {
  section: 'I.C.21.c.4',
  name: 'history of nicotine dependence',
  apply(cands, ctx) {
    const detail = ctx.tables.cm.get(CODE);
    if (!detail || cands.some((c) => c.code === CODE && c.tier === 'report')) return;
    let former: { start: number; end: number } | undefined;
    const formerSentences: { start: number; end: number }[] = [];
    for (const s of ctx.chart.sentences) {
      const section = ctx.chart.sections[s.section];
      if (!section || section.kind === 'family-history') continue;
      const sentence = ctx.text.slice(s.start, s.end);
      if (CURRENT.some((re) => re.test(sentence))) return; // a smoker now: F17.2- or Z72.0, never the history
      const m = FORMER.map((re) => re.exec(sentence)).find((x) => x !== null);
      if (!m || NEVER.test(sentence)) continue;
      const span = { start: s.start + m.index, end: s.start + m.index + m[0].length };
      const assertion = assertMention(ctx.text, span, ctx.chart);
      if (
        assertion.subject !== 'patient' ||
        assertion.assertion === 'negated' ||
        assertion.assertion === 'hypothetical'
      )
        continue;
      formerSentences.push(s);
      former ??= span;
    }
    if (!former) return;
    const refs = currentUseRefs(ctx);
    for (const c of cands) {
      if (c.system !== 'cm' || c.tier === 'suppressed' || !refs.some((r) => refCovers(r, undotted(c.code)))) continue;
      const inFormer = (at: number): boolean => formerSentences.some((s) => s.start <= at && at < s.end);
      // Read elsewhere too (an assessment's "tobacco use disorder"): the provider calls it current.
      if (!c.mentions.every((m) => inFormer(m.evidence.start))) return;
      suppress(
        c,
        nicotineHistoryRule,
        `"${c.quote?.evidence.text ?? c.code}" is read from a habit the patient quit: a history (${CODE}), not current use`,
      );
    }
    const quote = ctx.text.slice(former.start, former.end);
    cands.push(
      addedCandidate(ctx, nicotineHistoryRule, {
        code: CODE,
        title: detail.long,
        span: former,
        path: 'History > personal > nicotine dependence',
        reason: `"${quote}": the patient quit; a past tobacco habit is a personal history (Z87.891 Excludes1 current nicotine dependence)`,
        score: 0.5,
        historical: true,
      }),
    );
  },
};
