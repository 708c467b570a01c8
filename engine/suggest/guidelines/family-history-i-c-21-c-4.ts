/**
 * A relative's condition coded by its family history code (Guideline I.C.21.c.4: "Family history
 * codes are for use when a patient has a family member(s) who has had a particular disease that
 * causes the patient to be at higher risk of also contracting the disease"; "History codes are
 * also acceptable on any medical record regardless of the reason for visit"). A condition the
 * stage read as a family member's (ConText subject = family) is replaced by the Z80-Z84 code that
 * the official files give it ({@link familyHistoryCodeOf}): "Mother had breast cancer" -> Z80.3.
 *
 * Only a condition stated under a family history heading or with a named relative ("maternal" or
 * "twin" alone is not one: the mother's pregnancy, a twin gestation); never a relative's condition
 * that is negated ("no family history of"), uncertain, hypothetical or only a risk discussion
 * ("risk of colon cancer given her father's"), nor when the family history is said to be unknown.
 */
import { sentenceAt } from '../../text';
import { addCode } from './added-code';
import { otherHeadingAt } from './inline-heading';
import { familyHistoryCodeOf, type FamilyHistoryLink, type FamilyHistorySource } from './family-history-codes';
import type { CandidateMention, GuidelineContext, GuidelineRule } from './types';

/** Confidence of a family history code: secondary, never the encounter's reason (I.C.21.c.4). */
const FAMILY_HISTORY_SCORE = 0.5;

/** ConText family cues that name a relative (or the family history itself). */
const RELATIVE =
  /^(family history|fh|mother|father|brother|sister|siblings?|sons?|daughters?|aunt|uncle|grand(?:mother|father|parents?)|cousin|parents?|relatives?)$/i;
/** A family history said to be unknown: nothing in it is the relatives' documented condition. */
const UNKNOWN =
  /\b(?:family history|fh)\b[^.;]{0,30}\b(?:unknown|unobtainable|unavailable|not (?:known|available|obtainable))\b|\b(?:unknown|unobtainable) family history\b|\badopted\b/i;
/** A relative's condition named only to discuss the patient's risk (outside the family history). */
const RISK_DISCUSSION = /\b(?:risks?|counsel(?:ed|ing|led|ling)?|discuss(?:ed|ion)?|screening|genetic testing)\b/i;
/** Words between a named relative and the condition that say the relative has it ("father had", "sister with"). */
const HAS = /\b(?:has|had|have|having|with|died|passed away|diagnosed|history of|suffer(?:s|ed)?)\b/i;
/** ... and words that turn the sentence back to the patient ("brought his daughter in ... because he has"). */
const BACK_TO_PATIENT = /\b(?:he|she|himself|herself|patient|pt|but|because|although|however)\b/i;
/** A residual family history category's title ("Family history of other ..."). */
const RESIDUAL = /\bfamily history of other\b/i;
/** Most words between the relative and the condition. */
const MAX_GAP_WORDS = 8;
/** A label naming a relative ("MOTHER: breast cancer") is part of the family history. */
const RELATIVE_WORD =
  /\b(mother|father|brother|sister|siblings?|sons?|daughters?|aunt|uncle|grand\w*|cousin|parents?|relatives?|mom|dad|maternal|paternal)\b/i;

/** Why a mention is a relative's documented condition, or `undefined` when it is not one. */
function relativesCondition(m: CandidateMention, ctx: GuidelineContext): string | undefined {
  const a = m.assertion;
  if (a.assertion !== 'family') return undefined;
  if (a.cues.some((c) => c.kind === 'negated' || c.kind === 'uncertain' || c.kind === 'hypothetical')) return undefined;
  const s = ctx.chart.sentences[sentenceAt(ctx.chart, m.evidence.start)];
  const sentence = s ? ctx.text.slice(s.start, s.end) : m.evidence.text;
  if (UNKNOWN.test(sentence)) return undefined;
  if (m.section.kind === 'family-history') {
    // "VACCINATION STATUS: unknown" written under the family history is not the relatives'.
    const end = otherHeadingAt(ctx.text, m.section.titleEnd, m.section.end, 'family-history', (label) =>
      RELATIVE_WORD.test(label),
    );
    if (m.evidence.start >= end) return undefined;
    return `under "${m.section.title.replace(/[:\s]+$/, '')}"`;
  }
  if (RISK_DISCUSSION.test(sentence)) return undefined;
  // Outside the family history the relative must be the one who has it, a few words before it.
  const relative = a.cues.find((c) => {
    if (c.kind !== 'family' || !RELATIVE.test(c.text)) return false;
    if (c.start >= m.evidence.start) return c.text.toLowerCase() === 'family history';
    const gap = ctx.text.slice(c.end, m.evidence.start);
    const words = gap.trim() === '' ? 0 : gap.trim().split(/\s+/).length;
    if (words > MAX_GAP_WORDS || BACK_TO_PATIENT.test(gap)) return false;
    return /^(family history|fh)$/i.test(c.text) || HAS.test(gap);
  });
  return relative ? `said of "${relative.text}"` : undefined;
}

/** I.C.21.c.4: a relative's condition reported as the patient's family history code. */
export const familyHistoryRule: GuidelineRule = {
  section: 'I.C.21.c.4',
  name: "family history of a relative's condition",
  apply(cands, ctx) {
    const cm = ctx.tables.cm as Partial<FamilyHistorySource>;
    if (!cm.get || !cm.inclusionTerms || !cm.isBillable || !cm.summary || !cm.billableDescendants || !cm.neoplasmRows)
      return;
    const source = cm as FamilyHistorySource;
    const found: { m: CandidateMention; link: FamilyHistoryLink; why: string; code: string }[] = [];
    for (const c of cands) {
      if (c.system !== 'cm' || c.code.startsWith('Z')) continue;
      for (const m of c.mentions) {
        const why = relativesCondition(m, ctx);
        if (!why) continue;
        const link = familyHistoryCodeOf(source, c.code);
        if (link) found.push({ m, link, why, code: c.code });
        break;
      }
    }
    const len = (m: CandidateMention): number => m.evidence.end - m.evidence.start;
    // "cancer" inside "colon cancer": the longer mention says which condition it is.
    const inner = (f: (typeof found)[number]): boolean =>
      found.some(
        (g) => g.m.evidence.start <= f.m.evidence.start && g.m.evidence.end >= f.m.evidence.end && len(g.m) > len(f.m),
      );
    const done = new Set<string>();
    // One family history code per mention (I.B.7 as for the patient's own codes): the best-ranked
    // candidate's reading of the words, not every code the words could also be read as. A residual
    // family code ("other psychoactive substance", Z81.3) yields to a named one read from the
    // same words ("smoker": nicotine dependence F17.- -> tobacco, Z81.2): the residual category is
    // for what no named category classifies (I.A.9.a "Other" codes), whatever the ranking said.
    const spans = new Set<string>();
    const residual = (f: (typeof found)[number]): boolean => RESIDUAL.test(ctx.tables.cm.get(f.link.code)?.long ?? '');
    const ordered = found
      .map((f, i) => ({ f, i, r: residual(f) ? 1 : 0 }))
      .sort((x, y) => x.r - y.r || x.i - y.i)
      .map((x) => x.f);
    for (const f of ordered) {
      const span = `${f.m.evidence.start}:${f.m.evidence.end}`;
      if (done.has(f.link.code) || spans.has(span) || inner(f)) continue;
      const title = ctx.tables.cm.get(f.link.code)?.long;
      if (!title) continue;
      done.add(f.link.code);
      spans.add(span);
      addCode(cands, familyHistoryRule, {
        code: f.link.code,
        title,
        path: f.link.source,
        mention: { ...f.m, assertion: { ...f.m.assertion, codedAsEstablished: true, rule: 'I.C.21.c.4' } },
        score: FAMILY_HISTORY_SCORE,
        reason: `"${f.m.evidence.text}" is a relative's condition (${f.why}), ${f.code} for the relative: the patient's family history code (I.C.21.c.4; ${f.link.source})`,
      });
    }
  },
};
