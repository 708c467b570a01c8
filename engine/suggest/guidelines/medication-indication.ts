/**
 * A chronic condition named as the reason for a drug the patient currently takes ("<drug> 20 mg
 * daily for <condition>" in the current medication list) is a condition treated on an ongoing
 * basis: IV.J ("chronic diseases treated on an ongoing basis may be coded and reported as many
 * times as the patient receives treatment and care for the condition(s)"), Section III (other
 * diagnoses: conditions that coexist and require treatment). The list item is the provider's
 * record of that treatment, not only a drug name (I.B.4 reads the rest of a medication list as
 * drugs, not diagnoses).
 *
 * Narrow on purpose: only a condition the classification holds chronic ({@link chronicCondition}),
 * only when every mention of the code is in the list, only right after "for" in its own item of a current (not discharge) list, and only when that item
 * is neither stopped nor taken as needed (no ongoing treatment is documented then).
 */
import { chronicCondition, type ChronicReading } from './chronic-condition';
import { AS_NEEDED, DISCHARGE_LIST, NEXT_ITEM, STOPPED } from './long-term-drug-i-c-21-c-3';
import type { CandidateMention, GuidelineCandidate, GuidelineContext } from './types';

/** "for" (and at most a possessive or "chronic") right before the condition. */
const FOR_BEFORE = /\bfor\s+(?:(?:his|her|their|the|chronic|known)\s+)?$/i;
/** Start of a list item: a line break or a run-in number ("3. "). */
const ITEM_START = /\n|\s\d{1,2}[.)]\s/g;

/** The mention that names a chronic condition as a current drug's indication, with the reading. */
export interface TreatedIndication {
  mention: CandidateMention;
  /** The list item's words, from its start through the condition. */
  item: string;
  chronic: ChronicReading;
}

/**
 * The first mention of `c` written as the indication of a current, scheduled drug in a current
 * medication list, when the classification holds `c` chronic; else undefined.
 *
 * @example
 * // "MEDICATIONS:\n1. Omeprazole 20 mg daily for reflux." -> the "reflux" mention of K21.9
 * treatedIndication(k219Candidate, ctx)?.item // "Omeprazole 20 mg daily for reflux"
 */
export function treatedIndication(c: GuidelineCandidate, ctx: GuidelineContext): TreatedIndication | undefined {
  if (c.system !== 'cm') return undefined;
  const listed = c.mentions.filter(
    (m) =>
      m.section.kind === 'medications' &&
      !DISCHARGE_LIST.test(m.section.title) &&
      m.assertion.codedAsEstablished &&
      m.assertion.assertion === 'affirmed',
  );
  // Every other mention is elsewhere: a reading joined from two places (an Index "with" line
  // pairing the listed condition with one named in another section) is not the drug's indication.
  if (listed.length === 0 || listed.length !== c.mentions.length) return undefined;
  const chronic = chronicCondition(c.code, ctx);
  if (!chronic) return undefined;
  for (const m of listed) {
    const before = ctx.text.slice(Math.max(m.section.titleEnd, m.evidence.start - 160), m.evidence.start);
    if (!FOR_BEFORE.test(before)) continue;
    let from = 0;
    ITEM_START.lastIndex = 0;
    for (let x = ITEM_START.exec(before); x; x = ITEM_START.exec(before)) from = x.index + x[0].length;
    const head = before.slice(from).replace(/^\s*(?:\d{1,2}[.)]\s*)?/, '');
    const lineEnd = ctx.text.indexOf('\n', m.evidence.end);
    const rest = ctx.text.slice(m.evidence.end, lineEnd < 0 ? m.section.end : Math.min(lineEnd, m.section.end));
    const next = NEXT_ITEM.exec(rest);
    const item = `${head}${m.evidence.text}${next ? rest.slice(0, next.index) : rest}`;
    if (STOPPED.test(item) || AS_NEEDED.test(item)) continue;
    return { mention: m, item: `${head}${m.evidence.text}`.trim(), chronic };
  }
  return undefined;
}
