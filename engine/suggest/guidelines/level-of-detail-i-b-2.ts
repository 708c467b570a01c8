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
import { reported, suppress } from './tiers';
import type { GuidelineCandidate, GuidelineContext, GuidelineRule } from './types';

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

/** The sentence (or list line) around a span of the chart, lower-cased. */
function sentenceAround(text: string, start: number, end: number): string {
  let s = start;
  while (s > 0 && !/[.\n]/.test(text[s - 1] ?? '')) s--;
  let e = end;
  while (e < text.length && !/[.\n]/.test(text[e] ?? '')) e++;
  return text.slice(s, e).toLowerCase();
}

/** `true` when a title word is stated in the sentence (a shared 5-letter stem: "chronic", "chronically"). */
function stated(word: string, sentence: string): boolean {
  const stem = word.length > 5 ? word.slice(0, 5) : word;
  return new RegExp(`\\b${stem}`).test(sentence);
}

/** Detail words `b` adds to `a`, when `b` says everything `a` says; undefined otherwise. */
function addedDetail(a: GuidelineCandidate, b: GuidelineCandidate): string[] | undefined {
  const wa = essentialWords(a.suggestion.title);
  const wb = essentialWords(b.suggestion.title);
  for (const w of wa) if (!wb.has(w)) return undefined;
  const extra = [...wb].filter((w) => !wa.has(w));
  return extra.length > 0 ? extra : undefined;
}

/** `true` when the sentence of one of `b`'s mentions states every added detail. */
function supported(b: GuidelineCandidate, extra: readonly string[], ctx: GuidelineContext): boolean {
  return b.mentions.some((m) => {
    const sentence = sentenceAround(ctx.text, m.evidence.start, m.evidence.end);
    return extra.every((w) => stated(w, sentence));
  });
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
      const specific = group.filter((c) => !vague(c.code, c.suggestion.title));
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
          return extra !== undefined && supported(b, extra, ctx);
        });
        if (!by) continue;
        suppress(
          a,
          levelOfDetailRule,
          `${by.code} (${by.suggestion.title}) says the same with the detail the chart states: ${(addedDetail(a, by) ?? []).join(' ')}`,
        );
      }
    }
  },
};
