/**
 * Level of detail (I.B.2; I.A.9.b "unspecified" codes only when the record lacks the detail): of
 * two reported codes for the same condition (one category), an unspecified code ("unspecified",
 * ".9" residual, "without complications", "NOS") yields to a specific one the chart supports.
 *
 * Two codes of one category can both be partly unspecified ("Unspecified open wound, unspecified
 * thigh" beside "Unspecified open wound, right thigh"). Then the one whose title says everything
 * the other says, plus a detail that the sentence of its own mention states ("right"), is the most
 * specific code the documentation supports, and the other yields to it. A detail the sentence does
 * not state decides nothing (I.A.9.b: the record lacks it), so both stay.
 */
import { yieldToIndexSubterm } from './index-subterm-detail-i-b-2';
import { yieldToKnownBehavior } from './neoplasm-behavior-i-c-2';
import { statesDetail } from './stated-detail';
import { reported, suppress } from './tiers';
import type { GuidelineCandidate, GuidelineRule } from './types';

const VAGUE_TITLE = /\bunspecified\b|\bwithout complications?\b|\bNOS\b/i;

/** `true` when the code is its category's residual or unspecified member. */
function vague(code: string, title: string): boolean {
  return VAGUE_TITLE.test(title) || /\.9$|\.90$|\.909$/.test(code);
}

/** Words that say a detail is missing, not a detail (I.A.9.b), and connectives. */
const NOT_DETAIL = new Set(['unspecified', 'nos', 'of', 'and', 'or', 'the', 'a', 'an', 'with', 'in', 'to', 'site']);

/**
 * Essential words of a Tabular title: parenthesised words are nonessential modifiers (I.A.7) and
 * do not distinguish codes.
 */
function essentialWords(title: string): Set<string> {
  const bare = title.toLowerCase().replace(/\([^)]*\)/g, ' ');
  return new Set(bare.split(/[^a-z0-9]+/).filter((w) => w && !NOT_DETAIL.has(w)));
}

/**
 * Title words that state a detail: the essential words without what the title itself leaves
 * unspecified ("due to unspecified occlusion or stenosis of left middle cerebral artery" states
 * the artery and the side, not the kind of occlusion).
 */
function detailWords(title: string): Set<string> {
  // Only a cause or a kind the title leaves unspecified ("due to unspecified occlusion or
  // stenosis"); a leading "Unspecified" qualifies the rest of the title ("Unspecified systolic
  // heart failure" still states "systolic").
  return essentialWords(title.replace(/\b(?:due to|with|of)\s+unspecified\s+[a-z]+(?:\s+or\s+[a-z]+)?/gi, ' '));
}

/** Detail words `b` adds to `a`, when `b` says everything `a` says; undefined otherwise. */
function addedDetail(a: GuidelineCandidate, b: GuidelineCandidate): string[] | undefined {
  const wa = essentialWords(a.suggestion.title);
  const wb = essentialWords(b.suggestion.title);
  for (const w of wa) if (!wb.has(w)) return undefined;
  const extra = [...detailWords(b.suggestion.title)].filter((w) => !wa.has(w));
  return extra.length > 0 ? extra : undefined;
}

/** Essential title words of `c` that no other code of its group has in its title. */
function ownWords(c: GuidelineCandidate, group: readonly GuidelineCandidate[]): string[] {
  const mine = essentialWords(c.suggestion.title);
  for (const o of group) if (o !== c) for (const w of essentialWords(o.suggestion.title)) mine.delete(w);
  return [...mine];
}

/**
 * `true` for a Tabular completion (flagged `needs-specificity`) none of whose own title words
 * ("bilateral" of K40.20 beside K40.90) the sentence of a mention states.
 */
function guessed(c: GuidelineCandidate, group: readonly GuidelineCandidate[], text: string): boolean {
  if (!c.suggestion.flags.includes('needs-specificity')) return false;
  const own = ownWords(c, group);
  return own.length > 0 && !own.some((w) => statesDetail(text, c, [w]));
}

export const levelOfDetailRule: GuidelineRule = {
  section: 'I.B.2',
  name: 'level of detail',
  apply(cands, ctx) {
    const live = reported(cands);
    const byCategory = new Map<string, typeof live>();
    for (const c of live) {
      const k = c.code.slice(0, 3);
      byCategory.set(k, [...(byCategory.get(k) ?? []), c]);
    }
    for (const group of byCategory.values()) {
      if (group.length < 2) continue;
      // A code the suggester completed from the Tabular whose own detail words the chart does not
      // state is a guess, not documented detail (I.A.9.b): it replaces nothing, and yields to a
      // code of its category that is documented.
      const guesses = group.filter((c) => guessed(c, group, ctx.text));
      const documented = group.find((c) => !guesses.includes(c));
      if (documented)
        for (const g of guesses)
          suppress(
            g,
            levelOfDetailRule,
            `completed from the Tabular with detail the chart does not state (${ownWords(g, group).join(', ')}); ${documented.code} codes the condition as documented (I.A.9.b)`,
          );
      const specific = group.filter((c) => !vague(c.code, c.suggestion.title) && !guesses.includes(c));
      if (specific.length === 0) continue;
      for (const c of group) {
        if (specific.includes(c)) continue;
        suppress(
          c,
          levelOfDetailRule,
          `${specific.map((s) => s.code).join(', ')} documents the same condition with more detail`,
        );
      }
    }
    for (const group of byCategory.values()) {
      const still = group.filter((c) => c.tier === 'report');
      for (const a of still) {
        const by = still.find((b) => {
          if (b === a || b.tier !== 'report') return false;
          const extra = addedDetail(a, b);
          return extra !== undefined && statesDetail(ctx.text, b, extra);
        });
        if (!by) continue;
        suppress(
          a,
          levelOfDetailRule,
          `${by.code} (${by.suggestion.title}) says the same with the detail the chart states: ${(addedDetail(a, by) ?? []).join(' ')}`,
        );
      }
    }
    yieldToIndexSubterm(cands, ctx, levelOfDetailRule);
    yieldToKnownBehavior(cands, ctx, { section: 'I.C.2' });
  },
};
