/**
 * Turns the reviewed rows of `data/terms.ts` into the two lookups the query parser uses:
 * phrase rewrites (`chf` -> `congestive heart failure`, `lap chole` -> `laparoscopic
 * cholecystectomy`) and word alternatives (`renal` also matches `kidney`).
 */
import { TERM_ROWS, TERM_SOURCES, type TermKind, type TermRow } from './data/terms';
import { foldCase, queryKeys, stem } from './text';

/** One way to read a typed phrase. */
export interface PhraseRewrite {
  /** Typed words (folded, not stemmed), e.g. `['lap', 'chole']`. */
  typed: string[];
  /** Replacement words as written in the data file. */
  expansion: string;
  /** Stemmed keys of the expansion. */
  keys: string[];
  kind: TermKind;
  /** Human-readable source of the row. */
  source: string;
}

/** A word alternative: any query word with key `from` also matches key `to`. */
export interface WordAlternative {
  to: string;
  /** Match quality in 0..1 (1 = as good as the typed word itself). */
  quality: number;
  /** The row's expansion text and kind, for the match reason. */
  expansion: string;
  kind: TermKind;
  source: string;
}

/** Lookups built from the rows. */
export interface Vocabulary {
  /** Multi-word or one-to-many rewrites, keyed by the first typed word. */
  phrases: Map<string, PhraseRewrite[]>;
  /** One-to-one word alternatives by stemmed key. */
  words: Map<string, WordAlternative[]>;
  /** Longest `typed` phrase in words. */
  maxPhraseWords: number;
}

function typedWords(s: string): string[] {
  return foldCase(s)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/**
 * Builds the lookups. Rows whose expansion equals what is typed are ignored (they only document
 * that the word is already the classification's word).
 */
export function buildVocabulary(rows: readonly TermRow[] = TERM_ROWS): Vocabulary {
  const phrases = new Map<string, PhraseRewrite[]>();
  const words = new Map<string, WordAlternative[]>();
  let maxPhraseWords = 1;
  for (const [typedRaw, expansion, kind, sourceKey] of rows) {
    const typed = typedWords(typedRaw);
    const keys = queryKeys(expansion);
    if (typed.length === 0 || keys.length === 0) continue;
    if (typed.map((w) => stem(w)).join(' ') === keys.join(' ')) continue;
    const source = TERM_SOURCES[sourceKey];
    if (typed.length === 1 && keys.length === 1) {
      const from = stem(typed[0]!);
      const list = words.get(from) ?? [];
      list.push({ to: keys[0]!, quality: kind === 'word' ? 0.85 : 0.97, expansion, kind, source });
      words.set(from, list);
      continue;
    }
    const rewrite: PhraseRewrite = { typed, expansion, keys, kind, source };
    const list = phrases.get(typed[0]!) ?? [];
    list.push(rewrite);
    phrases.set(typed[0]!, list);
    maxPhraseWords = Math.max(maxPhraseWords, typed.length);
  }
  // Longest typed phrase first, so "lap chole" wins over "lap".
  for (const list of phrases.values()) list.sort((a, b) => b.typed.length - a.typed.length);
  return { phrases, words, maxPhraseWords };
}
