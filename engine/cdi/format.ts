import type { QueryDraft, QueryHeader } from './draft';

/**
 * Plain-text rendering of a draft, following the template skeleton of query-guidelines.md §4.
 * Checkbox "☐" before each option; indicators as bullets.
 */
export function formatQueryPlain(draft: QueryDraft): string {
  const lines: string[] = [];
  lines.push(`Clinical documentation query: ${draft.title}`);
  for (const l of headerLines(draft.header)) lines.push(l);
  lines.push('');
  lines.push('Clinical information in this record:');
  for (const ind of draft.indicators) if (ind.line.trim()) lines.push(`  • ${ind.line}`);
  lines.push('');
  lines.push(`Question: ${draft.question}`);
  for (const o of draft.options) if (o.trim()) lines.push(`  ☐ ${o}`);
  lines.push('');
  lines.push(draft.closing);
  return `${lines.join('\n')}\n`;
}

const NOT_STATED = 'not stated in the record';

/** The header lines of the §4 skeleton: encounter and dates, query date and sender, provider queried. */
export function headerLines(header: QueryHeader | undefined): string[] {
  if (!header) return [];
  return [
    `Encounter: ${header.encounter ?? NOT_STATED}   Admitted: ${header.admissionDate ?? NOT_STATED}   Discharged: ${header.dischargeDate ?? NOT_STATED}`,
    `Query date: ${header.queryDate ?? 'date of sending'}   From: ${header.requester ?? 'CDI reviewer'}   To: ${header.addressee ?? 'attending provider'}`,
  ];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/**
 * Simple HTML rendering for an EHR in-basket: paragraphs and lists only, every piece of text
 * escaped (chart quotes and the coder's edits may contain "<", "&", quotes).
 */
export function formatQueryHtml(draft: QueryDraft): string {
  const parts: string[] = [];
  parts.push(`<p>Clinical documentation query: ${escapeHtml(draft.title)}</p>`);
  for (const l of headerLines(draft.header)) parts.push(`<p>${escapeHtml(l)}</p>`);
  parts.push('<p>Clinical information in this record:</p>');
  parts.push(
    `<ul>${draft.indicators
      .filter((i) => i.line.trim())
      .map((i) => `<li>${escapeHtml(i.line)}</li>`)
      .join('')}</ul>`,
  );
  parts.push(`<p>Question: ${escapeHtml(draft.question)}</p>`);
  const options = draft.options.filter((o) => o.trim());
  if (options.length) parts.push(`<ul>${options.map((o) => `<li>&#9744; ${escapeHtml(o)}</li>`).join('')}</ul>`);
  parts.push(`<p>${escapeHtml(draft.closing)}</p>`);
  return parts.join('\n');
}
