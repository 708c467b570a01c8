/**
 * Duration (5th character of the Extracorporeal or Systemic Assistance and Performance section,
 * e.g. mechanical ventilation 5A19-5Z): the value whose hour range, as printed in the PCS table
 * label ("Less than 24 Consecutive Hours", "24-96 Consecutive Hours", "Greater than 96 Consecutive
 * Hours"), holds the duration the chart states in hours or days. The ranges are read from the
 * labels, never typed in. Only an explicit duration written with the procedure counts (AHA Coding
 * Clinic 4Q 2014 pp. 3-9: the hours of mechanical ventilation are counted from the start of
 * ventilation to its end; a coder does not infer them); without one the character stays open and
 * the code is a table row for the coder.
 */
import type { PcsTable } from '../../icd10pcs/pcs-table';
import type { PcsAxisOption } from '../../icd10pcs/table-builder';
import type { ValueChoice } from './device';
import { labelWords } from './words';

/** An hour range of a table label: `min <= hours <= max`, bounds exclusive where the label says "than". */
interface HourRange {
  min: number;
  max: number;
  minExclusive: boolean;
  maxExclusive: boolean;
}

/**
 * The hour range of a Duration label, or `undefined` for a label that states no hours ("Single",
 * "Continuous") or counts hours per day (dialysis: a daily schedule, not one consecutive span).
 *
 * @example hourRange('24-96 Consecutive Hours') // { min: 24, max: 96, minExclusive: false, maxExclusive: false }
 */
export function hourRange(label: string): HourRange | undefined {
  if (!/consecutive hours$/i.test(label)) return undefined;
  let m = /^less than (\d+)/i.exec(label);
  if (m) return { min: 0, max: Number(m[1]), minExclusive: false, maxExclusive: true };
  m = /^greater than (\d+)/i.exec(label);
  if (m) return { min: Number(m[1]), max: Infinity, minExclusive: true, maxExclusive: false };
  m = /^(\d+)-(\d+)/.exec(label);
  if (m) return { min: Number(m[1]), max: Number(m[2]), minExclusive: false, maxExclusive: false };
  return undefined;
}

function holds(r: HourRange, hours: number): boolean {
  const aboveMin = r.minExclusive ? hours > r.min : hours >= r.min;
  const belowMax = r.maxExclusive ? hours < r.max : hours <= r.max;
  return aboveMin && belowMax;
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};
const NUMBER = `(\\d+(?:\\.\\d+)?|${Object.keys(NUMBER_WORDS).join('|')})`;
/** "for 36 hours", "x 5 days", "3-4 days", "two to three days". */
const SPAN = new RegExp(`\\b${NUMBER}(?:\\s*(?:-|to)\\s*${NUMBER})?\\s*(hours?|hrs?|days?)\\b`, 'gi');

/** Words that tie a span to the procedure (a span in a sentence that does not name it is not its duration). */
export const VENTILATION_WORDS = /\b(ventilat\w*|intubat\w*|extubat\w*|bipap|cpap)\b/i;

function toNumber(s: string): number {
  return NUMBER_WORDS[s.toLowerCase()] ?? Number(s);
}

/** Durations written in `text`, in hours (`[low, high]` for a written range). */
export function statedHours(text: string): { low: number; high: number; words: string; at: number }[] {
  const out: { low: number; high: number; words: string; at: number }[] = [];
  for (const m of text.matchAll(SPAN)) {
    const perHour = /^h/i.test(m[3]!) ? 1 : 24;
    const low = toNumber(m[1]!) * perHour;
    const high = m[2] ? toNumber(m[2]) * perHour : low;
    out.push({ low, high, words: m[0], at: m.index });
  }
  return out;
}

/** Longest run of words between the procedure word and its duration ("ventilator for", "3 days of mechanical"). */
const NEAR = 20;
/** A clause break: the span after it belongs to another clause ("extubated, and antibiotics were given for 7 days"). */
const BREAK = /[,;:]|\band\b|\bbut\b|\bthen\b/i;

/**
 * Whether the span at `[start, end)` is the duration of a ventilation word of the same clause:
 * within a few words of it, with no clause break between them.
 */
export function tiedToVentilation(text: string, start: number, end: number): boolean {
  const re = new RegExp(VENTILATION_WORDS.source, 'gi');
  for (const m of text.matchAll(re)) {
    const between =
      m.index + m[0].length <= start ? text.slice(m.index + m[0].length, start) : text.slice(end, m.index);
    if (between.length <= NEAR && !BREAK.test(between)) return true;
  }
  return false;
}

/**
 * The Duration value of a 4-character prefix from the first text (sentences naming the
 * procedure) that states one duration, or `undefined`.
 *
 * @example chooseDuration(pcs, '5A19', ['on the ventilator for 5 days']) // { value: '5', label: 'Greater than 96 Consecutive Hours', ... }
 */
export function chooseDuration(
  pcs: PcsTable,
  prefix: string,
  texts: readonly string[],
  words: ReadonlySet<string> = new Set(),
): ValueChoice | undefined {
  const all = pcs.builder.options(prefix);
  const options = all
    .map((o) => ({ o, range: hourRange(o.label) }))
    .filter((x): x is { o: (typeof x)['o']; range: HourRange } => x.range !== undefined);
  if (options.length === 0) return durationKind(all, words);
  for (const text of texts) {
    if (!VENTILATION_WORDS.test(text)) continue;
    const spans = statedHours(text).filter((x) => tiedToVentilation(text, x.at, x.at + x.words.length));
    // Two different durations in one sentence (before and after a reintubation...): the coder sums.
    if (spans.length !== 1) continue;
    const span = spans[0]!;
    const fits = options.filter((x) => holds(x.range, span.low) && holds(x.range, span.high));
    if (fits.length !== 1) continue;
    const { o } = fits[0]!;
    return {
      value: o.value,
      label: o.label,
      reason: `"${span.words}" written: ${span.low === span.high ? span.low : `${span.low}-${span.high}`} hours (table label ${o.label})`,
    };
  }
  return undefined;
}

/**
 * A Duration value named by its kind, the words before the label's comma ("Intermittent, Less than
 * 6 Hours Per Day", "Prolonged Intermittent, ...", "Continuous, ..."): the one whose kind words are
 * all written, the longest such kind winning ("prolonged intermittent" over "intermittent"). A
 * dialysis written without its kind stays open (the coder reads the schedule or queries).
 */
function durationKind(options: readonly PcsAxisOption[], words: ReadonlySet<string>): ValueChoice | undefined {
  const hits = options
    .map((o) => ({ o, kind: labelWords(o.label.split(',')[0]!) }))
    .filter((x) => x.kind.length > 0 && x.kind.every((w) => words.has(w)))
    .sort((a, b) => b.kind.length - a.kind.length);
  if (hits.length === 0 || (hits[1] && hits[1].kind.length === hits[0]!.kind.length)) return undefined;
  const { o, kind } = hits[0]!;
  return { value: o.value, label: o.label, reason: `"${kind.join(' ')}" written (table label ${o.label})` };
}
