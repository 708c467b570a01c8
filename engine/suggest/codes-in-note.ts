/**
 * Code references inside Tabular note text: `type 1 diabetes mellitus (E10.-)`,
 * `to identify stage of chronic kidney disease (N18.1-N18.6)`.
 */
import { normalizeCode } from '../codes/normalize';

/** A referenced code or range (undotted, inclusive); a single code covers its descendants. */
export interface CodeRef {
  from: string;
  to: string;
}

// The range is tried before the trailing dash of a category ("E10.-", "N18.-"): with the dash
// first, "C15-C26" was read as the two codes C15 and C26.
const REF = /\b([A-TV-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?)(?:\s*-\s*([A-TV-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?))?-?/g;

/**
 * Codes and ranges referenced in a note; a range names every code from its first to its last.
 *
 * @example noteRefs('(N18.1-N18.6)') // [{from:'N181',to:'N186'}]
 */
export function noteRefs(text: string): CodeRef[] {
  const out: CodeRef[] = [];
  REF.lastIndex = 0;
  for (let m = REF.exec(text); m; m = REF.exec(text)) {
    const from = normalizeCode(m[1]!);
    out.push({ from, to: m[2] ? normalizeCode(m[2]) : from });
  }
  return out;
}

/** `true` when `code` (undotted) falls under a reference: equal/descendant of `from`, or inside a range. */
export function refCovers(ref: CodeRef, code: string): boolean {
  if (ref.from === ref.to) return code.startsWith(ref.from);
  const len = Math.max(ref.from.length, ref.to.length);
  const c = code.slice(0, len);
  return c >= ref.from && (c <= ref.to || code.startsWith(ref.to));
}

const WITHOUT = /\bwithout\b([^,;]*)/gi;

/**
 * Whether an Excludes1 note item names `code`: a code or range in its parentheses covers the
 * code, and the code's Tabular title does not deny the condition the item names. The range
 * gives where the excluded condition is classified ("intestinal obstruction with hernia
 * (K40-K46)"); a code of the range whose title says it is without that condition ("Diaphragmatic
 * hernia without obstruction or gangrene") is not that condition, so the two are unrelated, the
 * exception Guideline I.A.12.a makes to Excludes1.
 *
 * @param text - the note item as the Tabular prints it
 * @param code - the candidate code, dotted or not
 * @param title - the candidate code's Tabular title
 * @example excludes1Names('intestinal obstruction with hernia (K40-K46)', 'K44.9', 'Diaphragmatic hernia without obstruction or gangrene') // false
 */
export function excludes1Names(text: string, code: string, title: string): boolean {
  const undotted = normalizeCode(code);
  if (!noteRefs(text).some((r) => refCovers(r, undotted))) return false;
  const condition = new Set(words(text.replace(/\([^)]*\)/g, ' ')));
  for (const m of title.matchAll(WITHOUT)) {
    if (words(m[1] ?? '').some((w) => condition.has(w))) return false;
  }
  return true;
}

/** Lower-case words of three letters or more, connectives aside. */
function words(text: string): string[] {
  return (text.toLowerCase().match(/[a-z]{3,}/g) ?? []).filter(
    (w) => !/^(?:and|the|with|without|not|nos|nec)$/.test(w),
  );
}

/**
 * Of two codes an Excludes1 pairs, the sign or symptom (Chapter 18, R00-R99) the chart states
 * inside a longer mention of the other code ("tremor" inside "tremor, <named> form"), and not the
 * other way round: the longer mention states the condition the symptom is part of, and a symptom
 * integral to a definitive diagnosis is not coded (Guideline I.B.4-I.B.5). `undefined` otherwise.
 *
 * @example symptomInsideOfPair({ code: 'G25.2', evidence: [{ start: 0, end: 20 }] }, { code: 'R25.1', evidence: [{ start: 0, end: 6 }] }) // 'b'
 */
export function symptomInsideOfPair(a: SpannedCode, b: SpannedCode): 'a' | 'b' | undefined {
  const holds = (x: SpannedCode, y: SpannedCode): boolean =>
    /^R/i.test(y.code) &&
    !/^R/i.test(x.code) &&
    x.evidence.some((e) =>
      y.evidence.some((f) => e.start <= f.start && f.end <= e.end && e.end - e.start > f.end - f.start),
    );
  if (holds(a, b)) return 'b';
  if (holds(b, a)) return 'a';
  return undefined;
}

/** A code and the chart spans that support it, as {@link symptomInsideOfPair} reads them. */
export interface SpannedCode {
  code: string;
  evidence: readonly Span[];
}

/** A chart span (character offsets, end exclusive). */
export interface Span {
  start: number;
  end: number;
}

/**
 * The rest of a mention after a comma when it is "<word> form|type|variant" and nothing more: a
 * form of the condition before the comma in the Index's own inverted order ("Tremor, rubral
 * form"), not a second list item (Guideline I.B.1).
 *
 * @example FORM_AFTER_COMMA.test(' rubral form') // true
 */
export const FORM_AFTER_COMMA = /^\s*[a-z][\w-]*\s+(?:form|type|variant)\s*$/i;
