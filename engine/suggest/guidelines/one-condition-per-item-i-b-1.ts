/**
 * Locating a code (I.B.1): the Index term is the condition as documented. An Index line whose
 * words the matcher gathered from two items of a list ("hypertension, CAD" read as hypertensive
 * heart disease; "arthritis, Parkinson's, TIA" read as transient arthritis) names no documented
 * condition. A mention is such a cross-item reading when its span holds a list separator and
 * another candidate's mention lies wholly on one side of it; a code with only such mentions goes
 * to "also documented". Qualifiers after a comma ("diabetes mellitus, type 2", "open wound, right
 * thigh") are no candidate of their own and are kept.
 */
import { FORM_AFTER_COMMA } from '../codes-in-note';
import { phraseKeys } from '../tokens';
import { demote } from './tiers';
import type { CandidateMention, GuidelineCandidate, GuidelineRule } from './types';

const SEPARATOR = /[,;]|\band\b/g;

/** Longest mention read as one condition (an Index line has at most a few words; a diagnosis with its qualifiers rarely more). */
const MAX_SPAN_WORDS = 6;

/**
 * Articles and prepositions that join a condition to its site ("fracture of the shaft of the
 * right humerus", "adenocarcinoma of the upper lobe of the left lung"): not words of the condition,
 * so a site written out in full is not read as scattered words.
 */
const JOINING = /^(of|the|a|an|in|on|at|to)$/i;

const SIDES: ReadonlySet<string> = new Set(phraseKeys('right left bilateral'));

/** `true` when `words` hold only sides and words of the candidate's Index subterms (not its main term). */
function siteOfOwnLine(words: string, c: GuidelineCandidate): boolean {
  const levels = c.suggestion.path.split(' > ');
  if (levels.length < 2) return false;
  const own = new Set(phraseKeys(levels.slice(1).join(' ')));
  const keys = phraseKeys(words);
  return keys.some((k) => own.has(k)) && keys.every((k) => SIDES.has(k) || own.has(k));
}

const wordCount = (s: string): number => s.split(/\s+/).filter((w) => /\w/.test(w) && !JOINING.test(w)).length;

function crossesItems(
  m: CandidateMention,
  self: GuidelineCandidate,
  all: readonly GuidelineCandidate[],
  text: string,
): boolean {
  const { start, end } = m.evidence;
  const span = text.slice(start, end);
  SEPARATOR.lastIndex = 0;
  for (let s = SEPARATOR.exec(span); s; s = SEPARATOR.exec(span)) {
    const cut = start + s.index;
    const cutEnd = cut + s[0].length;
    // "Tremor, <named> form": the words after the comma name a form of the condition before it
    // (the Index's own inverted order), not a second item.
    if (s[0] === ',' && FORM_AFTER_COMMA.test(text.slice(cutEnd, end))) continue;
    let before = false;
    let after = false;
    for (const o of all) {
      if (o === self || o.system !== 'cm' || o.code === self.code) continue;
      for (const om of o.mentions) {
        const e = om.evidence;
        if (e.start < start || e.end > end) continue;
        before ||= e.end <= cut;
        after ||= e.start >= cutEnd;
      }
    }
    // "Abscess, right thigh": what follows the comma is only the side and the site of the code's
    // own Index line ("Abscess > thigh"), the Index's "condition, site" order, not a second item.
    if (before && !after && s[0] === ',' && siteOfOwnLine(text.slice(cutEnd, end), self)) continue;
    if (before || after) return true;
  }
  return false;
}

export const oneConditionPerItemRule: GuidelineRule = {
  section: 'I.B.1',
  name: 'one condition per list item',
  apply(cands, ctx) {
    for (const c of cands) {
      if (c.tier !== 'report' || c.system !== 'cm') continue;
      const live = c.mentions.filter((m) => m.assertion.codedAsEstablished);
      if (live.length === 0) continue;
      if (live.every((m) => wordCount(m.evidence.text) > MAX_SPAN_WORDS)) {
        demote(
          c,
          oneConditionPerItemRule,
          `"${live[0]!.evidence.text}": the Index words are scattered over more than ${MAX_SPAN_WORDS} words, not one documented condition`,
        );
        continue;
      }
      if (!live.every((m) => crossesItems(m, c, cands, ctx.text))) continue;
      demote(
        c,
        oneConditionPerItemRule,
        `"${live[0]!.evidence.text}" joins words of two list items: no documented condition names this code`,
      );
    }
  },
};
