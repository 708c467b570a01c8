/**
 * Locating a code (I.B.1): "Always verify the code in the Tabular List". A code whose Tabular
 * title says "without X" does not fit a condition stated with X: "Calculus of gallbladder without
 * cholecystitis" for gallstones written beside an affirmed cholecystitis in the same sentence. Such
 * a code goes to "also documented"; the combination code (or the coder) states both.
 */
import { assertMention, sentenceAt } from '../../text';
import { demote } from './tiers';
import type { GuidelineRule } from './types';

/** Words of a "without" clause that name no condition of their own. */
const GENERIC = new Set([
  'complication',
  'complications',
  'mention',
  'other',
  'specified',
  'unspecified',
  'behavioral',
  'disturbance',
]);

/** The one-word conditions a title excludes: "without cholangitis or cholecystitis without obstruction". */
function excludedWords(title: string): string[] {
  const out: string[] = [];
  for (const part of title.split(/\bwithout\b/i).slice(1)) {
    const clause = part.split(/\bwith\b|[,;(]/i)[0] ?? '';
    for (const alt of clause.split(/\b(?:or|and)\b/i)) {
      const words = alt.trim().toLowerCase().split(/\s+/).filter(Boolean);
      if (words.length === 1 && words[0]!.length >= 5 && !GENERIC.has(words[0]!)) out.push(words[0]!);
    }
  }
  return out;
}

export const titleContradictedRule: GuidelineRule = {
  section: 'I.B.1',
  name: 'a "without" title against the stated condition',
  apply(cands, ctx) {
    for (const c of cands) {
      if (c.tier !== 'report' || c.system !== 'cm') continue;
      const words = excludedWords(c.suggestion.title);
      if (words.length === 0) continue;
      let found: { word: string; quote: string } | undefined;
      for (const m of c.mentions) {
        if (!m.assertion.codedAsEstablished || found) continue;
        const s = ctx.chart.sentences[sentenceAt(ctx.chart, m.evidence.start)];
        if (!s) continue;
        const sentence = ctx.text.slice(s.start, s.end);
        for (const w of words) {
          const re = new RegExp(`\\b${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:e?s)?\\b`, 'gi');
          for (let x = re.exec(sentence); x && !found; x = re.exec(sentence)) {
            const span = { start: s.start + x.index, end: s.start + x.index + x[0].length };
            if (assertMention(ctx.text, span, ctx.chart).assertion === 'affirmed')
              found = { word: x[0], quote: m.evidence.text };
          }
        }
      }
      if (!found) continue;
      demote(
        c,
        titleContradictedRule,
        `its title says "without ${found.word.toLowerCase()}", but "${found.word}" is stated with "${found.quote}"`,
      );
    }
  },
};
