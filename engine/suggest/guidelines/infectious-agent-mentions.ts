/**
 * Where a chart names an infectious agent of the Index's "as cause of disease classified
 * elsewhere" lines ({@link agentIndexOf}): the words of a term close together in any order
 * ("E. coli", "Staphylococcus aureus, methicillin-resistant", "MRSA"), the longest term winning
 * where two overlap; a bacterial genus written alone ("Klebsiella") takes the code its Index lines
 * share, or the Index's code for a bacterium it does not name when its species would decide.
 */
import type { Span } from '../../text';
import type { AgentIndex } from './infectious-agent-index';

/** One agent named in the chart. */
export interface AgentMention {
  code: string;
  span: Span;
  /** The Index line that gives the code. */
  source: string;
}

interface Token extends Span {
  word: string;
}

const tokensOf = (text: string): Token[] =>
  [...text.matchAll(/[A-Za-z0-9]+/g)].map((m) => ({
    word: m[0].toLowerCase(),
    start: m.index,
    end: m.index + m[0].length,
  }));

/**
 * Every agent the text names, in text order, without overlaps.
 *
 * @example agentMentions('Urine culture grew E. coli.', index)[0]?.code // 'B96.20'
 */
export function agentMentions(text: string, index: AgentIndex): AgentMention[] {
  const tokens = tokensOf(text);
  const at = new Map<string, number[]>();
  tokens.forEach((t, i) => {
    const list = at.get(t.word);
    if (list) list.push(i);
    else at.set(t.word, [i]);
  });
  const found: (AgentMention & { size: number })[] = [];
  for (const term of index.terms) {
    const reach = term.words.length + 1;
    for (const p of at.get(term.words[0]!) ?? []) {
      // Every word of the term within `reach` words of its first one, on either side.
      const lo = Math.max(0, p - reach);
      const window = tokens.slice(lo, p + reach + 1);
      const hits = term.words.map((w) => window.findIndex((t) => t.word === w));
      if (hits.some((h) => h < 0)) continue;
      const used = hits.map((h) => window[h]!);
      if (term.acronym && used.some((t) => text.slice(t.start, t.end) !== text.slice(t.start, t.end).toUpperCase()))
        continue;
      const start = Math.min(...used.map((t) => t.start));
      const end = Math.max(...used.map((t) => t.end));
      // Words of one phrase: no sentence or clause break between them.
      if (/[.;:]\s|\n/.test(text.slice(start, end).replace(/\b[A-Za-z]\.\s?(?=[a-z])/g, ''))) continue;
      found.push({ code: term.code, span: { start, end }, source: term.source, size: term.words.length });
    }
  }
  const kept: AgentMention[] = [];
  const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;
  for (const f of found.sort((a, b) => b.size - a.size || a.span.start - b.span.start)) {
    if (kept.some((k) => overlaps(k.span, f.span))) continue;
    kept.push({ code: f.code, span: f.span, source: f.source });
  }
  for (const t of tokens) {
    const genus = index.genera.get(t.word);
    if (!genus || kept.some((k) => overlaps(k.span, t))) continue;
    const only = genus.codes.size === 1 ? [...genus.codes][0] : undefined;
    const code = only ?? index.bacterialNec?.code;
    if (!code) continue;
    kept.push({
      code,
      span: { start: t.start, end: t.end },
      source: only ? genus.source : `${index.bacterialNec!.source} (the Index names ${t.word} only with its species)`,
    });
  }
  return kept.sort((a, b) => a.span.start - b.span.start);
}
