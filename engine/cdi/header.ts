import type { QueryHeader } from './draft';

const DATE = String.raw`(\d{1,2}[/-]\d{1,2}[/-]\d{2,4}|\d{4}-\d{2}-\d{2}|[A-Z][a-z]+ \d{1,2},? \d{4})`;
const ADMISSION = new RegExp(
  String.raw`\b(?:admission date|date of admission|admit date|admitted(?: on)?)\s*:?\s*${DATE}`,
  'i',
);
const DISCHARGE = new RegExp(String.raw`\b(?:discharge date|date of discharge|discharged(?: on)?)\s*:?\s*${DATE}`, 'i');
const ENCOUNTER =
  /\b(?:encounter|account|acct|visit|FIN|CSN)\s*(?:#|no\.?|number|id)?\s*[:#]\s*([A-Z0-9][A-Z0-9-]{3,})\b/i;
const ATTENDING = /\b(?:attending(?: physician| provider)?)\s*:\s*([^\n,;]{2,60})/i;

/**
 * The query header fields the chart states: encounter number, admission and discharge dates, the
 * attending (the provider a query goes to by default, query-guidelines.md §2 rule 9). Fields the
 * caller passes (query date, requester, another addressee) take precedence.
 *
 * @example headerFromChart('Admission Date: 11/18/2026', {}).admissionDate // '11/18/2026'
 */
export function headerFromChart(text: string, given: QueryHeader): QueryHeader {
  const h: QueryHeader = {};
  const enc = ENCOUNTER.exec(text)?.[1];
  const adm = ADMISSION.exec(text)?.[1];
  const dis = DISCHARGE.exec(text)?.[1];
  const att = ATTENDING.exec(text)?.[1]?.trim();
  if (enc) h.encounter = enc;
  if (adm) h.admissionDate = adm;
  if (dis) h.dischargeDate = dis;
  if (att) h.addressee = att;
  return { ...h, ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) };
}
