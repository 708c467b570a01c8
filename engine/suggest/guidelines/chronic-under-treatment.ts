/**
 * A chronic condition written "history of" (in a past-medical-history list, the history of present
 * illness or the provider's assessment) while the current
 * medication list holds a drug that treats it is a current condition, not a past one: Section III
 * ("other diagnoses": conditions that coexist and require treatment), IV.J ("chronic diseases
 * treated on an ongoing basis may be coded and reported as many times as the patient receives
 * treatment and care for the condition(s)"). "History of" in such a list often introduces the
 * patient's standing problems; the drug is what shows this one is still treated.
 *
 * Narrow on purpose: only the conditions of {@link CONDITION_DRUGS}, only the plain "history of"
 * ("past medical history of") cue (not "status post", "resolved", "remote", "old", "prior": those say it ended), only a
 * mention naming one list item, and only a drug on a current (not discharge) list, neither
 * stopped nor taken only as needed (no ongoing treatment is documented then).
 */
import type { SectionKind } from '../../text';
import { CONDITION_DRUGS } from './data/condition-drugs';
import { AS_NEEDED, DISCHARGE_LIST, drugNamesPattern, NEXT_ITEM, STOPPED } from './long-term-drug-i-c-21-c-3';
import { undotted } from './tiers';
import type { CandidateMention, GuidelineCandidate, GuidelineContext } from './types';

/** Historical cues that introduce a standing problem rather than say it ended. */
const PLAIN_HISTORY = /^(?:history of|h\/o|hx of)$/i;
/** "past" opening "past medical history (of)": the list's name, not a word that the condition ended. */
const PAST_HISTORY_AFTER = /^\s+(?:medical\s+)?history\b/i;

/**
 * Where the provider documents the patient's standing conditions: the history lists and the
 * provider's own assessment or statement (not a family or social history, not discharge
 * instructions).
 */
const DOCUMENTED: ReadonlySet<SectionKind> = new Set<SectionKind>([
  'past-history',
  'hpi',
  'indications',
  'consults',
  'assessment-plan',
  'admission-diagnoses',
  'discharge-diagnoses',
  'preoperative-diagnosis',
  'postoperative-diagnosis',
]);

const ROWS = CONDITION_DRUGS.map((row) => ({ ...row, re: drugNamesPattern(row.drugs) }));

/** The mention and the medication that show a chronic condition is under treatment. */
export interface ChronicUnderTreatment {
  mention: CandidateMention;
  /** The drug's words as written in the medication list. */
  drug: string;
  /** Title of the medication list. */
  list: string;
  /** Condition the drug treats (the {@link CONDITION_DRUGS} row). */
  condition: string;
}

/** First current, scheduled, not stopped occurrence of a drug of `re` in a medication list. */
function currentDrug(ctx: GuidelineContext, re: RegExp): { drug: string; list: string } | undefined {
  for (const section of ctx.chart.sections) {
    if (section.kind !== 'medications' || DISCHARGE_LIST.test(section.title)) continue;
    const body = ctx.text.slice(section.titleEnd, section.end);
    re.lastIndex = 0;
    for (let m = re.exec(body); m; m = re.exec(body)) {
      const start = section.titleEnd + m.index;
      const lineEnd = ctx.text.indexOf('\n', start);
      const line = ctx.text.slice(start, lineEnd < 0 ? section.end : Math.min(lineEnd, section.end));
      const next = NEXT_ITEM.exec(line);
      const item = next ? line.slice(0, next.index) : line;
      if (STOPPED.test(item) || AS_NEEDED.test(item)) continue;
      return { drug: m[0], list: section.title || 'medication' };
    }
  }
  return undefined;
}

/**
 * The current or "history of" mention of a chronic condition (history, assessment), when the
 * current medication list holds a drug for it; else undefined.
 *
 * @example
 * // "PAST MEDICAL HISTORY: History of hypothyroidism. MEDICATIONS: Levothyroxine 50 mcg daily."
 * chronicUnderTreatment(e039Candidate, ctx)?.drug // "Levothyroxine"
 */
export function chronicUnderTreatment(c: GuidelineCandidate, ctx: GuidelineContext): ChronicUnderTreatment | undefined {
  if (c.system !== 'cm') return undefined;
  const code = undotted(c.code);
  const row = ROWS.find((r) => r.prefixes.some((p) => code.startsWith(p)));
  if (!row) return undefined;
  const mention = standingMention(c, ctx);
  if (!mention) return undefined;
  const found = currentDrug(ctx, row.re);
  return found ? { mention, ...found, condition: row.condition } : undefined;
}

/**
 * The first mention of `c` that documents it as a standing problem: current, or introduced by a
 * plain "history of" / "past (medical) history of" (no cue saying it ended: "status post",
 * "resolved", "remote", "prior"), naming one list item, in a history list, the history of present
 * illness or the provider's assessment (`sections`, default {@link DOCUMENTED}); else undefined.
 *
 * @example
 * // "PAST MEDICAL HISTORY: History of hypertension." -> the "hypertension" mention
 * standingMention(i10Candidate, ctx)?.evidence.text // "hypertension"
 */
export function standingMention(
  c: GuidelineCandidate,
  ctx: GuidelineContext,
  sections: ReadonlySet<SectionKind> = DOCUMENTED,
): CandidateMention | undefined {
  return c.mentions.find((m) => {
    if (!sections.has(m.section.kind) || /[,;]/.test(m.evidence.text)) return false;
    if (m.assertion.assertion !== 'historical' && !m.assertion.codedAsEstablished) return false;
    const ended = m.assertion.cues.filter(
      (q) =>
        q.kind !== 'historical' ||
        !(
          PLAIN_HISTORY.test(q.text.trim()) ||
          (/^past$/i.test(q.text.trim()) && PAST_HISTORY_AFTER.test(ctx.text.slice(q.end, q.end + 24))) ||
          otherItemCue(ctx.text, q, m)
        ),
    );
    return ended.length === 0 && !endedAfter(ctx.text, m);
  });
}

/** Words after a condition, in its own list item, that say it ended. */
const ENDED_AFTER = /\b(?:resolved|cured|healed|in remission|status post|s\/p|removed|excised|resected)\b/i;
/** A list item that only says the previous one ended ("hypothyroidism, resolved"). */
const ENDED_ITEM = /^\s*,\s*(?:(?:now|since|which has|that has)\s+)?(?:resolved|cured|healed|in remission)\b/i;

/**
 * Whether the words after the mention, up to the end of its list item, say the condition ended
 * ("chronic cholecystitis status post cholecystectomy", "depression, resolved"): ConText reads
 * such post-cues after the finding; the text layer reads historical cues before it only.
 */
function endedAfter(text: string, m: CandidateMention): boolean {
  const rest = text.slice(m.evidence.end, m.evidence.end + 120);
  const item = rest.split(/[,;.\n]/)[0] ?? '';
  return ENDED_AFTER.test(item) || ENDED_ITEM.test(rest);
}

/**
 * A cue saying something ended ("status post", "years ago") that a comma or semicolon separates
 * from the mention qualifies another item of the run-in list ("..., status post <procedure>,
 * <condition>"; "<event> several years ago, history of <condition>"), not this one (I.B.1: each
 * item of a listing is its own condition).
 */
function otherItemCue(text: string, q: { end: number }, m: CandidateMention): boolean {
  return q.end <= m.evidence.start && /[,;]/.test(text.slice(q.end, m.evidence.start));
}
