/**
 * Multiple coding for a single condition (I.B.7): one condition takes more than one code only
 * where the classification says so ("use additional code", "code first", combination codes). When
 * several reported codes rest on the same words of the chart (the same best mention), the
 * best-supported one is reported and the others go to "also documented"; when two are equally
 * supported the words do not decide between them, and all go to "also documented" for the
 * coder to choose (e.g. "cholecystectomy": excision or resection of the gallbladder).
 */
import { demote } from './tiers';
import type { GuidelineCandidate, GuidelineRule } from './types';

function spanKey(c: GuidelineCandidate): string | undefined {
  const q = c.quote?.evidence;
  return q ? `${c.system}:${q.start}:${q.end}` : undefined;
}

/** `true` when one code's Tabular notes ask for the other ("use additional code", "code also", "code first"). */
function instructed(
  a: GuidelineCandidate,
  b: GuidelineCandidate,
  notesOf: (code: string) => readonly { kind: string; text: string }[],
): boolean {
  const refers = (x: GuidelineCandidate, y: GuidelineCandidate): boolean =>
    notesOf(x.code).some(
      (n) => /useAdditional|codeAlso|codeFirst/i.test(n.kind) && n.text.includes(y.code.slice(0, 3)),
    );
  return refers(a, b) || refers(b, a);
}

export const oneCodePerMentionRule: GuidelineRule = {
  section: 'I.B.7',
  name: 'one code per condition',
  apply(cands, ctx) {
    const groups = new Map<string, GuidelineCandidate[]>();
    for (const c of cands) {
      if (c.tier !== 'report') continue;
      const k = spanKey(c);
      if (k) groups.set(k, [...(groups.get(k) ?? []), c]);
    }
    const notesOf = (code: string) => ctx.tables.cm.get(code)?.notes ?? [];
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      group.sort((a, b) => b.suggestion.score - a.suggestion.score);
      const best = group[0]!;
      const tied = group.filter((c) => c.suggestion.score >= best.suggestion.score - 0.005);
      for (const c of group) {
        if (c !== best && c.system === 'cm' && instructed(best, c, notesOf)) continue;
        if (tied.length > 1 && tied.includes(c))
          demote(
            c,
            oneCodePerMentionRule,
            `"${c.quote!.evidence.text}" supports ${tied.map((t) => t.code).join(' and ')} equally: the coder chooses`,
          );
        else if (c !== best)
          demote(c, oneCodePerMentionRule, `"${c.quote!.evidence.text}" is already coded by ${best.code}`);
      }
    }
  },
};
