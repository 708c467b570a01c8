/**
 * Locating a code (I.B.1): "Always verify the code in the Tabular List". A code whose Tabular
 * title says "without X" does not fit a condition stated with X: "Calculus of gallbladder without
 * cholecystitis" for gallstones written beside an affirmed cholecystitis in the same sentence. Such
 * a code goes to "also documented"; the combination code (or the coder) states both. Likewise a
 * code of a vein for a vessel the words call an artery ("arterial thrombosis" read as the
 * Index's default "Thrombosis" of a vein), and the reverse.
 */
import { assertMention, sentenceAt } from '../../text';
import { demote, reported } from './tiers';
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

/** The vessel a title names, and the words that name the other kind just before a mention. */
const VESSEL: readonly [RegExp, RegExp, string][] = [
  [/\b(?:vein|veins|venous)\b/i, /\b(arter(?:y|ies|ial))\W+(?:\w+\W+){0,2}$/i, 'vein'],
  [/\b(?:artery|arteries|arterial)\b/i, /\b(venous|veins?)\W+(?:\w+\W+){0,2}$/i, 'artery'],
];

/** The other kind of vessel written just before the mention, when the title names one kind. */
function vesselConflict(title: string, before: string): { word: string; kind: string } | undefined {
  for (const [inTitle, other, kind] of VESSEL) {
    if (!inTitle.test(title)) continue;
    const m = other.exec(before);
    if (m) return { word: m[1]!, kind };
  }
  return undefined;
}

export const titleContradictedRule: GuidelineRule = {
  section: 'I.B.1',
  name: 'a "without" title against the stated condition',
  apply(cands, ctx) {
    for (const c of reported(cands)) {
      for (const m of c.mentions) {
        if (!m.assertion.codedAsEstablished) continue;
        const s = ctx.chart.sentences[sentenceAt(ctx.chart, m.evidence.start)];
        const before = s ? ctx.text.slice(Math.max(s.start, m.evidence.start - 40), m.evidence.start) : '';
        const conflict = vesselConflict(c.suggestion.title, `${before}${m.evidence.text} `);
        if (!conflict) continue;
        demote(
          c,
          titleContradictedRule,
          `its title names a ${conflict.kind}, but the chart says "${conflict.word} ${m.evidence.text}"`,
        );
        break;
      }
      if (c.tier !== 'report') continue;
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
