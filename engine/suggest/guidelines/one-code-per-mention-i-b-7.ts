/**
 * Multiple coding for a single condition (I.B.7): one condition takes more than one code only
 * where the classification says so ("use additional code", "code first", combination codes). When
 * several reported codes rest on the same words of the chart (the same best mention), the
 * best-supported one is reported and the others go to "also documented"; when two are equally
 * supported the words do not decide between them, and all go to "also documented" for the
 * coder to choose (e.g. "cholecystectomy": excision or resection of the gallbladder).
 *
 * One exception to "best-supported": the Alphabetic Index shipped with the tables may be older
 * than the Tabular List. A code the Index does not name at all, whose Tabular title is exactly
 * the chart's words plus ", unspecified" ("Depression, unspecified"), is a later addition that
 * the current Index prints for those words (I.B.1: the Tabular is verified and its code is the
 * one reported); it leads over the older Index line's code for the same words.
 */
import { separateInjuries } from './separate-injuries-i-c-19-b';
import { demote } from './tiers';
import type { GuidelineCandidate, GuidelineContext, GuidelineRule } from './types';

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

const words = (t: string): string =>
  t
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** `true` when no Index line names the code and its title is the quoted words + ", unspecified". */
function newerThanIndex(c: GuidelineCandidate, tables: GuidelineContext['tables']): boolean {
  const d = tables.cm.get(c.code);
  // The title first: the Index lines are read (the whole Alphabetic Index, on a first suggestion)
  // only for a code whose title is the quoted words + ", unspecified".
  const m = d ? /^(.*), unspecified$/i.exec(d.long) : null;
  if (!m || !c.quote || words(m[1]!) !== words(c.quote.evidence.text)) return false;
  return !!d?.indexEntries && d.indexEntries.length === 0;
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
    // A reported code whose quoted words are also a mention of a better-supported reported code
    // (quoted elsewhere: "left middle cerebral artery occlusion" for I63.512, whose mentions include
    // "cerebral artery occlusion with infarction") joins that code's group: the words are coded.
    for (const [k, group] of groups) {
      const [, start, end] = k.split(':');
      const owner = cands.find(
        (o) =>
          o.tier === 'report' &&
          o.system === group[0]!.system &&
          spanKey(o) !== k &&
          o.mentions.some((m) => String(m.evidence.start) === start && String(m.evidence.end) === end),
      );
      if (owner && group.every((c) => owner.suggestion.score > c.suggestion.score)) group.push(owner);
    }
    // Separate injuries of one run of ordinals are separate conditions (I.C.19.b): each its own group.
    const split: GuidelineCandidate[][] = [];
    for (const group of groups.values()) {
      const parts: GuidelineCandidate[][] = [];
      for (const c of group) {
        const text = c.quote?.evidence.text ?? '';
        const part = parts.find((p) => !separateInjuries(p[0]!.code, c.code, text, ctx.tables));
        if (part) part.push(c);
        else parts.push([c]);
      }
      split.push(...parts);
    }
    for (const group of split) {
      if (group.length < 2) continue;
      group.sort((a, b) => b.suggestion.score - a.suggestion.score);
      const newer = group.find((c) => c.system === 'cm' && newerThanIndex(c, ctx.tables));
      if (newer) {
        group.splice(group.indexOf(newer), 1);
        group.unshift(newer);
      }
      const best = group[0]!;
      const tied = newer ? [best] : group.filter((c) => c.suggestion.score >= best.suggestion.score - 0.005);
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
