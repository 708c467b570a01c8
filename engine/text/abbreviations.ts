/**
 * Abbreviations resolved by their context from one reviewed sense inventory
 * (`data/abbreviation-senses.ts`). An abbreviation whose context names no sense takes the entry's
 * default, which is never a diagnosis; with no default it stays unresolved and is not expanded.
 */
import { ABBREVIATION_SENSES } from './data/abbreviation-senses';
import type { Span, TextAnalysis } from './types';

/** One sense of an abbreviation. */
export interface AbbreviationSenseDef {
  /** The expansion, e.g. `rheumatoid arthritis`. */
  sense: string;
  /** `false` when the sense names no condition (a place, unit, schedule, person). */
  codable: boolean;
  /** Words or phrases that, in the abbreviation's sentence, point to this sense (lower case). */
  cues: readonly string[];
}

/** One inventory entry: the written forms (case-sensitive) and their senses. */
export interface AbbreviationEntry {
  forms: readonly string[];
  senses: readonly AbbreviationSenseDef[];
  /** Sense read when no cue decides (never a codable one), or `null`: left unresolved. */
  default: string | null;
  sources: readonly string[];
}

/** An abbreviation found in the text and the sense its context gives it. */
export interface ResolvedAbbreviation extends Span {
  /** As written. */
  text: string;
  /** The chosen sense, `null` when ambiguous and no cue decides. */
  sense: string | null;
  /** Whether the chosen sense names a condition (`false` when unresolved). */
  codable: boolean;
  /** The cue that decided, or `default` / `ambiguous`. */
  decidedBy: string;
}

interface Form {
  entry: AbbreviationEntry;
  re: RegExp;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let forms: Form[] | undefined;

function inventoryForms(): Form[] {
  forms ??= ABBREVIATION_SENSES.flatMap((entry) =>
    entry.forms.map((f) => ({
      entry,
      // Whole-word, case-sensitive: "MS" is an abbreviation, "Ms." a title, "ms" milliseconds.
      re: new RegExp(`(?<![A-Za-z0-9.])${escape(f)}(?![A-Za-z0-9])${f.endsWith('.') ? '' : '(?!\\.[A-Za-z])'}`, 'g'),
    })),
  );
  return forms;
}

const cueRes = new Map<string, RegExp>();
function cueRe(cue: string): RegExp {
  let re = cueRes.get(cue);
  if (!re) {
    const head = /^\w/.test(cue) ? '\\b' : '';
    const tail = /\w$/.test(cue) ? '\\b' : '';
    re = new RegExp(`${head}${escape(cue)}${tail}`, 'i');
    cueRes.set(cue, re);
  }
  return re;
}

/** Characters each side of the abbreviation where cues count (within its sentence). */
const CUE_WINDOW = 80;

/**
 * Sense of one abbreviation occurrence from the words of its sentence around it (and its section
 * heading): the sense with the most cues wins; a tie or no cue gives the default (never codable).
 *
 * @example resolveSense(entry, 'SpO2 95% on RA.', { start: 12, end: 14 }) // { sense: 'room air', ... }
 */
export function resolveSense(
  entry: AbbreviationEntry,
  context: string,
  span: Span,
): { sense: string | null; codable: boolean; decidedBy: string } {
  const window = `${context.slice(Math.max(0, span.start - CUE_WINDOW), span.start)} ${context.slice(span.end, span.end + CUE_WINDOW)}`;
  let best: AbbreviationSenseDef | undefined;
  let bestHits = 0;
  let bestCue = '';
  let tie = false;
  for (const s of entry.senses) {
    const hits = s.cues.filter((c) => cueRe(c).test(window));
    if (hits.length > bestHits) {
      best = s;
      bestHits = hits.length;
      bestCue = hits[0]!;
      tie = false;
    } else if (hits.length > 0 && hits.length === bestHits) tie = true;
  }
  if (best && !tie) return { sense: best.sense, codable: best.codable, decidedBy: bestCue };
  return entry.default === null
    ? { sense: null, codable: false, decidedBy: 'ambiguous' }
    : { sense: entry.default, codable: false, decidedBy: 'default' };
}

/**
 * Every inventory abbreviation of the text with its sense, in text order. Cues are read in the
 * abbreviation's sentence (the analysis's sentences) and its section heading.
 *
 * @example resolveAbbreviations('SpO2 95% on RA.', analyzeText('SpO2 95% on RA.'))[0].sense // 'room air'
 */
export function resolveAbbreviations(text: string, analysis: TextAnalysis): ResolvedAbbreviation[] {
  const out: ResolvedAbbreviation[] = [];
  let si = 0;
  const found: { start: number; end: number; entry: AbbreviationEntry }[] = [];
  for (const f of inventoryForms()) {
    f.re.lastIndex = 0;
    for (let m = f.re.exec(text); m; m = f.re.exec(text))
      found.push({ start: m.index, end: m.index + m[0].length, entry: f.entry });
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  let lastEnd = -1;
  for (const h of found) {
    if (h.start < lastEnd) continue; // a shorter form inside a longer one ("p.r.n" in "p.r.n.")
    lastEnd = h.end;
    while (si < analysis.sentences.length && analysis.sentences[si]!.end <= h.start) si++;
    const sentence = analysis.sentences[si];
    const from = sentence && sentence.start <= h.start ? sentence.start : Math.max(0, h.start - CUE_WINDOW);
    const to = sentence && sentence.start <= h.start ? sentence.end : Math.min(text.length, h.end + CUE_WINDOW);
    const section = analysis.sections.find((s) => s.start <= h.start && h.start < s.end);
    const heading = section && section.title ? `${section.title}: ` : '';
    const context = heading + text.slice(from, to);
    const offset = heading.length - from;
    const r = resolveSense(h.entry, context, { start: h.start + offset, end: h.end + offset });
    out.push({ start: h.start, end: h.end, text: text.slice(h.start, h.end), ...r });
  }
  return out;
}
