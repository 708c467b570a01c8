/**
 * The id of the case of a chart: one case per chart document. Derived from the page's origin and
 * path and the document's encounter/title, then hashed, so the id that keys saved cases and the
 * audit log carries no chart text (a title may hold a patient name).
 */
import { sha256Hex } from '../bundle/sha256';

/** What identifies a chart document (fields of a chart snapshot). */
export interface ChartIdentity {
  url: string;
  document: { title: string; encounter?: string | undefined };
}

/**
 * `case-` + the first 32 hex digits of SHA-256 over origin+path, encounter and title. The query
 * string and fragment are ignored (EHRs add session tokens there).
 *
 * @example caseIdFor(snapshot) // 'case-3f9c…' (same chart, same id)
 */
export function caseIdFor(chart: ChartIdentity): string {
  let place = chart.url;
  const cut = place.search(/[?#]/);
  if (cut >= 0) place = place.slice(0, cut);
  const key = [place, chart.document.encounter ?? '', chart.document.title].join('\u0000');
  return `case-${sha256Hex(new TextEncoder().encode(key)).slice(0, 32)}`;
}

/**
 * A short, non-reversible tag of a case id for the audit log: the audit must never be able to
 * point back at a chart on its own.
 */
export function auditHash(caseId: string): string {
  return sha256Hex(new TextEncoder().encode(`chartside-audit\u0000${caseId}`)).slice(0, 16);
}
