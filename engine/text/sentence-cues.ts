/**
 * A sentence read once for every mention in it. {@link findingContext} asks, per mention, which
 * cue phrases occur in the sentence before the mention; a long note has hundreds of mentions in a
 * few dozen sentences, and lower-casing the sentence and running every cue pattern over it again
 * for each mention was most of the cost of reading context. Here the sentence is lower-cased once
 * and each pattern runs over it once; a mention's cues are the matches that lie before it, with
 * only the last few characters before the mention read again (a match near the cut may differ:
 * "no" at the end of "...no" but not in "...nothing"). The answers are exactly those of scanning
 * the mention's prefix.
 */
import { prefixMatches, scanAll, type PrefixMatch } from './regex-reach';
import type { TextAnalysis } from './types';

export type { PrefixMatch } from './regex-reach';

// Lower-casing is one code unit for one, with no context, except for U+0130 (two units), the
// final-sigma rule of U+03A3 and surrogate pairs: a sentence holding one is read per prefix.
const NOT_PLAIN = /[\u0130\u03a3\ud800-\udfff]/;

/** One sentence of the text, lower-cased once, with each cue pattern's matches over all of it. */
export class SentenceCues {
  /** The lower-cased sentence; `undefined` when prefixes must be lower-cased one by one (see NOT_PLAIN). */
  private readonly lower: string | undefined;
  private readonly full = new Map<RegExp, PrefixMatch[]>();

  constructor(
    private readonly text: string,
    /** Offset of the sentence in the text. */
    readonly start: number,
    /** End offset of the sentence (exclusive). */
    readonly end: number,
  ) {
    const raw = text.slice(start, end);
    this.lower = NOT_PLAIN.test(raw) ? undefined : raw.toLowerCase();
  }

  /**
   * `text.slice(start, start + length).toLowerCase()`; `length` may run past the sentence's end.
   *
   * @example cues.lowerPrefix(5)
   */
  lowerPrefix(length: number): string {
    const len = Math.max(0, length);
    if (this.lower !== undefined && len <= this.lower.length) return this.lower.slice(0, len);
    return this.text.slice(this.start, this.start + len).toLowerCase();
  }

  /**
   * `text.slice(start + from, end).toLowerCase()`: the rest of the sentence from `from` (relative
   * to the sentence start).
   *
   * @example cues.lowerFrom(12)
   */
  lowerFrom(from: number): string {
    if (this.lower !== undefined && from >= 0) return this.lower.slice(from);
    return this.text.slice(this.start + from, this.end).toLowerCase();
  }

  /**
   * The matches of the global pattern `re` over `prefix` (which is `lowerPrefix(length)`), in
   * order, as a fresh `re.exec` loop over `prefix` finds them; offsets relative to the sentence.
   *
   * @example cues.matchesBefore(/\bno\b/g, 12, cues.lowerPrefix(12))
   */
  matchesBefore(re: RegExp, length: number, prefix: string): PrefixMatch[] {
    if (this.lower === undefined) return scanAll(re, prefix);
    let full = this.full.get(re);
    if (!full) this.full.set(re, (full = scanAll(re, this.lower)));
    return prefixMatches(re, this.lower, full, prefix, length);
  }
}

interface TextCues {
  text: string;
  sentences: Map<number, SentenceCues>;
}

const byAnalysis = new WeakMap<TextAnalysis, TextCues>();

/**
 * The {@link SentenceCues} of sentence `index` of `analysis`, made on first use and kept as long
 * as `analysis` lives (for the same `text`).
 *
 * @example sentenceCues(text, analysis, 0).lowerPrefix(10)
 */
export function sentenceCues(text: string, analysis: TextAnalysis, index: number): SentenceCues {
  let entry = byAnalysis.get(analysis);
  if (!entry || entry.text !== text) byAnalysis.set(analysis, (entry = { text, sentences: new Map() }));
  let cues = entry.sentences.get(index);
  if (!cues) {
    const s = analysis.sentences[index]!;
    entry.sentences.set(index, (cues = new SentenceCues(text, s.start, s.end)));
  }
  return cues;
}
