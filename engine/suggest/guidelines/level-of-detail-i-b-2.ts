/**
 * Level of detail (I.B.2; I.A.9.b "unspecified" codes only when the record lacks the detail): of
 * two reported codes for the same condition (one category), an unspecified code ("unspecified",
 * ".9" residual, "without complications", "NOS") yields to a specific one the chart supports.
 */
import { reported, suppress } from './tiers';
import type { GuidelineRule } from './types';

const VAGUE_TITLE = /\bunspecified\b|\bwithout complications?\b|\bNOS\b/i;

/** `true` when the code is its category's residual or unspecified member. */
function vague(code: string, title: string): boolean {
  return VAGUE_TITLE.test(title) || /\.9$|\.90$|\.909$/.test(code);
}

export const levelOfDetailRule: GuidelineRule = {
  section: 'I.B.2',
  name: 'level of detail',
  apply(cands) {
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
  },
};
