import type { Opportunity } from '../opportunity';
import type { Indicator, IndicatorName } from '../types';

// The rules look indicators up by name about 150 times per chart, and a long note has hundreds of
// indicators: a filter over all of them per look-up was a measurable share of the rules' time. The
// positions of each name are indexed once per indicator array (rule inputs are read-only; the
// stored length guards against an array grown after it was indexed).
interface NameIndex {
  length: number;
  positions: Map<IndicatorName, number[]>;
}
const NAME_INDEX = new WeakMap<readonly Indicator[], NameIndex>();

function namePositions(inds: readonly Indicator[]): Map<IndicatorName, number[]> {
  const cached = NAME_INDEX.get(inds);
  if (cached && cached.length === inds.length) return cached.positions;
  const positions = new Map<IndicatorName, number[]>();
  inds.forEach((i, k) => {
    const list = positions.get(i.name);
    if (list) list.push(k);
    else positions.set(i.name, [k]);
  });
  NAME_INDEX.set(inds, { length: inds.length, positions });
  return positions;
}

/** Indicators of any of `names`, in the order of `inds` (a new array). */
export function byName(inds: readonly Indicator[], ...names: IndicatorName[]): Indicator[] {
  const positions = namePositions(inds);
  if (names.length === 1) return (positions.get(names[0]!) ?? []).map((k) => inds[k]!);
  const at: number[] = [];
  for (const n of new Set(names)) for (const k of positions.get(n) ?? []) at.push(k);
  return at.sort((a, b) => a - b).map((k) => inds[k]!);
}

/** The numeric value of an indicator (NaN for a descriptive finding). */
export const num = (i: Indicator): number => i.value ?? NaN;

/** Indicators of `name` that carry a number. */
export const valued = (inds: readonly Indicator[], name: IndicatorName): Indicator[] =>
  byName(inds, name).filter((i) => i.value !== null);

/** The indicator with the largest (or smallest) value. */
export function extreme(inds: readonly Indicator[], pick: 'max' | 'min'): Indicator | undefined {
  let best: Indicator | undefined;
  for (const i of inds)
    if (i.value !== null && (!best || (pick === 'max' ? num(i) > num(best) : num(i) < num(best)))) best = i;
  return best;
}

/** Chart order of an indicator: text offset, table rows after the text in row order. */
export const chartOrder = (i: Indicator): number => (i.start < 0 ? 1e12 + (i.row?.index ?? 0) : i.start);

/**
 * Drops missing and repeated indicators and keeps the order given: each rule lists its evidence
 * strongest first (the value that meets the criterion, then the supporting treatment), which is the
 * order a physician reads in the query.
 */
export function uniq(inds: readonly (Indicator | undefined)[]): Indicator[] {
  const seen = new Set<string>();
  const out: Indicator[] = [];
  for (const i of inds) {
    if (!i || seen.has(i.id)) continue;
    seen.add(i.id);
    out.push(i);
  }
  return out;
}

/** "126 mmol/L", or the finding text. */
export function fmt(i: Indicator): string {
  return i.value === null ? i.text : `${i.value}${i.unit ? ` ${i.unit}` : ''}`;
}

/** Builds an opportunity: template id defaults to the topic, indicators deduplicated in the given order. */
export function opp(
  o: Omit<Opportunity, 'templateId' | 'indicators'> & { templateId?: string; indicators: (Indicator | undefined)[] },
): Opportunity {
  return { ...o, templateId: o.templateId ?? o.topic, indicators: uniq(o.indicators) };
}

/**
 * The sentence (or list line) around [start, end): from the previous sentence end or line break to
 * the next one; a period between digits ("1.5") does not end it. Specificity rules read a
 * diagnosis's type, site or cause from here.
 */
export function sentenceAround(text: string, start: number, end: number): string {
  let s = start;
  while (s > 0 && s > start - 300) {
    const c = text[s - 1]!;
    if (c === '\n' || c === ';' || ((c === '.' || c === '?' || c === '!') && !/\d/.test(text[s] ?? ''))) break;
    s--;
  }
  let e = end;
  while (e < text.length && e < end + 300) {
    const c = text[e]!;
    if (c === '\n' || c === ';' || ((c === '.' || c === '?' || c === '!') && !/\d/.test(text[e + 1] ?? ''))) break;
    e++;
  }
  return text.slice(s, e);
}

/**
 * Whether the diagnosis at [start, end) is qualified in its sentence: `before` tested on the words
 * before it ("vascular dementia", "primary pulmonary hypertension"), `after` on the words after it
 * ("dementia due to …"). A cause word before the mention belongs to another statement ("BNP is due
 * to her pulmonary hypertension") and does not count.
 */
export function qualifiedInSentence(text: string, start: number, end: number, before: RegExp, after: RegExp): boolean {
  const sentence = sentenceAround(text, start, end);
  const at = sentence.indexOf(text.slice(start, end));
  if (at < 0) return before.test(sentence) || after.test(sentence);
  const pre = sentence.slice(Math.max(0, at - 40), at);
  const post = sentence.slice(at + (end - start), at + (end - start) + 80);
  return before.test(pre) || after.test(post);
}
