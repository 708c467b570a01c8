/**
 * Whether the chart states a detail where a code was found: the level-of-detail rules (I.B.2,
 * I.A.9.b) let a more specific code displace a less specific one only for a detail the sentence
 * of its own mention states.
 */
import type { GuidelineCandidate } from './types';

/** The sentence (or list line) around a span of the chart, lower-cased. */
function sentenceAround(text: string, start: number, end: number): string {
  let s = start;
  while (s > 0 && !/[.\n]/.test(text[s - 1] ?? '')) s--;
  let e = end;
  while (e < text.length && !/[.\n]/.test(text[e] ?? '')) e++;
  return text.slice(s, e).toLowerCase();
}

/** `true` when a word is stated in the sentence (a shared 5-letter stem: "chronic", "chronically"). */
function stated(word: string, sentence: string): boolean {
  const stem = word.length > 5 ? word.slice(0, 5) : word;
  return new RegExp(`\\b${stem.replace(/[^a-z0-9]/g, '')}`).test(sentence);
}

/**
 * `true` when the sentence of one of the candidate's mentions states every one of `words`
 * (lower-case letters and digits).
 *
 * @example statesDetail(text, candidate, ['left'])
 */
export function statesDetail(text: string, c: GuidelineCandidate, words: readonly string[]): boolean {
  return c.mentions.some((m) => {
    const sentence = sentenceAround(text, m.evidence.start, m.evidence.end);
    return words.every((w) => stated(w, sentence));
  });
}
