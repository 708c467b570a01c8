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

const REF = /\b([A-TV-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?)-?(?:\s*-\s*([A-TV-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?))?/g;

/** Codes and ranges referenced in a note. @example noteRefs('(N18.1-N18.6)') // [{from:'N181',to:'N186'}] */
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
