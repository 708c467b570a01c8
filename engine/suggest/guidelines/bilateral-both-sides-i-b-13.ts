/**
 * Laterality (I.B.13): "If no bilateral code is provided and the condition is bilateral, assign
 * separate codes for both the left and right side." A reported code for one side whose own mention
 * says the condition is bilateral ("abscesses of both thighs", "bilateral thigh abscesses") gets
 * its other side's code when the Tabular has that sibling and no bilateral one.
 */
import { addCode } from './added-code';
import type { CandidateMention, GuidelineCandidate, GuidelineContext, GuidelineRule } from './types';

/**
 * A mention that states both sides: "bilateral", or "both" before a plural ("both thighs"), not
 * the "both X and Y" of two structures ("both the tibia and fibula").
 */
const BOTH_SIDES = /\bbilateral(?:ly)?\b|\bboth\b(?!\s+(?:the\s+)?[\w-]+\s+and\b)/i;
/** A mention that names one side itself. */
const ONE_SIDE = /\b(?:right|left)\b/i;

const SIDE = /\b(?:right|left|bilateral)\b/gi;

/** A title with its side replaced by a placeholder: siblings that differ only by side compare equal. */
const sideless = (title: string): string => title.toLowerCase().replace(SIDE, '#');

/** The other side's sibling of a right- or left-sided code, when there is one and no bilateral code. */
function otherSide(c: GuidelineCandidate, ctx: GuidelineContext): { code: string; title: string } | undefined {
  const title = ctx.tables.cm.get(c.code)?.long ?? '';
  const side = /\b(right|left)\b/i.exec(title)?.[1]?.toLowerCase();
  const list = ctx.tables.cm.billableDescendants;
  if (!side || !list) return undefined;
  const key = sideless(title);
  const seventh = c.code.length === 8 ? c.code.slice(-1) : '';
  const opposite = new RegExp(`\\b${side === 'right' ? 'left' : 'right'}\\b`, 'i');
  let other: { code: string; title: string } | undefined;
  // The whole category: its bilateral code may sit under another subcategory (M17.0 beside M17.1-).
  for (const k of list.call(ctx.tables.cm, c.code.slice(0, 3))) {
    if (k.dotted === c.code || (seventh && !k.dotted.endsWith(seventh))) continue;
    const t = ctx.tables.cm.get(k.dotted)?.long ?? '';
    if (/\bbilateral\b/i.test(t)) return undefined; // the Tabular provides a bilateral code
    if (sideless(t) === key && opposite.test(t)) other = { code: k.dotted, title: t };
  }
  return other;
}

/**
 * A mention's words with the word written just before it ("bilateral" in "bilateral thigh
 * abscesses") and the two after it ("both the thigh | and the groin").
 */
function withWordsAround(m: CandidateMention, text: string): string {
  const { start, end } = m.evidence;
  const before = /([A-Za-z]+)[\s-]*$/.exec(text.slice(Math.max(0, start - 24), start))?.[1] ?? '';
  const after = /^[^\S\n]*(?:[\w-]+[^\S\n]*){0,2}/.exec(text.slice(end, end + 32))?.[0] ?? '';
  return `${before} ${text.slice(start, end)}${after}`;
}

export const bilateralBothSidesRule: GuidelineRule = {
  section: 'I.B.13',
  name: 'bilateral condition without a bilateral code',
  apply(cands, ctx) {
    for (const c of [...cands]) {
      if (c.tier !== 'report' || c.system !== 'cm') continue;
      const both = c.mentions.find((m) => {
        const words = withWordsAround(m, ctx.text);
        return m.assertion.codedAsEstablished && BOTH_SIDES.test(words) && !ONE_SIDE.test(words);
      });
      if (!both) continue;
      const other = otherSide(c, ctx);
      if (!other) continue;
      addCode(cands, bilateralBothSidesRule, {
        code: other.code,
        title: other.title,
        path: `${c.suggestion.path} (other side)`,
        mention: both,
        score: c.suggestion.score,
        reason: `"${both.evidence.text}" is bilateral and the Tabular has no bilateral code beside ${c.code}: each side is coded (I.B.13)`,
      });
    }
  },
};
