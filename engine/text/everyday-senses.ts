/**
 * Everyday English phrases that hold a word the Alphabetic Index lists as a bare main term: in
 * them the word is a verb, an adjective or part of an idiom, not the condition ("as I see fit" is
 * no seizure; "fit for work" says the patient is well). The Index main term "Fit" (R56.9) is the
 * noun, a convulsive attack. A bare main term read inside one of these phrases is not a mention of
 * the condition.
 *
 * Source of each phrase: Merriam-Webster Dictionary, idioms and phrases of the entry named in
 * `entry` (the phrase's ordinary meaning). Only phrases whose ordinary meaning names no condition.
 */
import type { Span } from './types';

/** One everyday phrase: the condition word, the phrase around it, the dictionary entry. */
interface EverydaySense {
  /** The Index main term's word as written in the phrase (lower case). */
  word: string;
  /** The phrase: words before the word (`before`) and after it (`after`), each matched whole. */
  before?: RegExp;
  after?: RegExp;
  /** Dictionary entry and sense that gives the phrase's meaning. */
  entry: string;
}

/** The reviewed phrases. */
const EVERYDAY_SENSES: readonly EverydaySense[] = [
  // "see fit", "deem fit", "think fit": to consider proper.
  {
    word: 'fit',
    before: /\b(?:see|sees|saw|seen|seeing|deem|deems|deemed|think|thinks|thought)\s+$/i,
    entry: 'fit (adjective): see fit',
  },
  // "fit for work", "fit to travel": in suitable condition.
  {
    word: 'fit',
    after: /^\s+(?:for|to)\b/i,
    entry: 'fit (adjective) 1: adapted to an end; 3: sound physically and mentally',
  },
  // "physically fit", "fit and well", "keep fit": in good physical condition.
  {
    word: 'fit',
    before: /\b(?:physically|medically|keep|keeps|kept|stay|stays|very|quite|otherwise)\s+$/i,
    entry: 'fit (adjective) 3: sound physically and mentally',
  },
  {
    word: 'fit',
    after: /^\s+and\s+(?:well|healthy|active)\b/i,
    entry: 'fit (adjective) 3: sound physically and mentally',
  },
  // "to fit", "fits well", "fitted": to be the right size or shape (a verb).
  {
    word: 'fit',
    before: /\b(?:to|will|would|does|did|not)\s+$/i,
    entry: 'fit (verb) 1: to be suitable for or to harmonize with',
  },
  // "feels stressed", "stressed out": affected by stress, a feeling; the Index's bare "Stress"
  // (F43.9) is the reaction to severe stress, a disorder the provider names as such.
  { word: 'stressed', entry: 'stressed (adjective): subjected to or affected by stress' },
  // "stress test", "stress echocardiogram": a test of the heart under exertion.
  {
    word: 'stress',
    after: /^\s+(?:tests?|testing|echo\w*|imaging|stud(?:y|ies)|dose|ecg|ekg|mri|perfusion)\b/i,
    entry: 'stress test (noun): a test of physiological function under physical exertion',
  },
];

/** Most characters read on each side of the word. */
const WINDOW = 30;

/**
 * The dictionary entry of the everyday phrase that the word at `span` stands in, `undefined`
 * when it stands in none (the word may then be the condition).
 *
 * @example everydaySenseAt('Treat as I see fit.', { start: 14, end: 17 }) // 'fit (adjective): see fit'
 */
export function everydaySenseAt(text: string, span: Span): string | undefined {
  const word = text.slice(span.start, span.end).toLowerCase();
  const before = text.slice(Math.max(0, span.start - WINDOW), span.start);
  const after = text.slice(span.end, span.end + WINDOW);
  for (const s of EVERYDAY_SENSES) {
    if (s.word !== word) continue;
    if (s.before && !s.before.test(before)) continue;
    if (s.after && !s.after.test(after)) continue;
    return s.entry;
  }
  return undefined;
}
