/**
 * Edits a coder expects from the Tabular List itself, before any payer edit: codes that are not
 * reportable (header codes, missing 7th character, unknown codes), Excludes1 pairs, and
 * "Code first" / "Use additional code" instructions the case does not satisfy. POA indicators are
 * checked against the POA-exempt list (CMS ICD-10-CM POA guidelines, Appendix I of the Official
 * Guidelines).
 *
 * Findings are data, not exceptions, so every edit of a case is collected and shown at once: stable
 * id, severity, the code they apply to, message.
 */
import { formatCmCode, normalizeCode } from '../codes/normalize';
import { inRange, noteRanges } from './code-refs';
import type { CodingCase } from './model';

/** What the edits need from the ICD-10-CM table (structurally satisfied by `CmTable`). */
export interface CmLookup {
  has(code: string): boolean;
  isBillable(code: string): boolean;
  get(code: string):
    | {
        dotted: string;
        billable: boolean;
        requiresSeventh: boolean;
        poaExempt: boolean;
        notes: { kind: string; text: string; from: string }[];
      }
    | undefined;
  billableDescendants(code: string): { code: string }[];
  /**
   * Codes the year's order addenda delete, with their previous title (`CmTable.deletedThisYear`),
   * and the year: a deleted code is named as such, with the title it had (optional for lookups
   * without addenda).
   */
  deletedThisYear?(): { code: string; title: string }[];
  readonly release?: { fiscalYear: number };
}

/** Stable ids of the tabular edits. */
export type TabularEditId =
  | 'unknown-code'
  | 'deleted-code'
  | 'header-code'
  | 'missing-seventh-character'
  | 'excludes1-conflict'
  | 'code-first-not-satisfied'
  | 'use-additional-code-not-satisfied'
  | 'use-additional-code-sequence'
  | 'code-also-not-satisfied'
  | 'poa-missing'
  | 'poa-exempt-reported'
  | 'poa-not-applicable';

/** One finding on the case. */
export interface TabularEdit {
  id: TabularEditId;
  severity: 'error' | 'warning' | 'info';
  /** Undotted code the edit applies to. */
  code: string;
  /** The other code involved (Excludes1 partner), if any. */
  related?: string;
  /** Where the instructional note behind the edit is printed (dotted code, section or chapter). */
  noteFrom?: string;
  message: string;
}

/**
 * Runs every tabular edit over the case's diagnoses (ICD-10-CM).
 *
 * @example tabularEdits(caseWith('I5023', 'I509'), cm) // excludes1-conflict? no: both in I50, see notes
 */
export function tabularEdits(c: CodingCase, cm: CmLookup): TabularEdit[] {
  const found: TabularEdit[] = [];
  const codes = c.diagnoses.map((d) => d.code);
  const deleted = new Map((cm.deletedThisYear?.() ?? []).map((d) => [d.code, d.title]));
  const year = cm.release ? `FY${cm.release.fiscalYear}` : 'this fiscal year';
  c.diagnoses.forEach((dx, position) => {
    const detail = cm.get(dx.code);
    const shown = formatCmCode(dx.code);
    const formerTitle = deleted.get(normalizeCode(dx.code));
    if (!detail && formerTitle !== undefined) {
      // The year's addenda delete it (ICD-10-CM order addenda): say which code it was, with the
      // title it had the year before, so the coder can find its replacement.
      found.push({
        id: 'deleted-code',
        severity: 'error',
        code: dx.code,
        message: `${shown} (${formerTitle}) was deleted from ICD-10-CM in ${year}: not reportable for this date of service; choose a ${year} code.`,
      });
      return;
    }
    if (!detail) {
      const descendants = cm.has(dx.code) ? [] : prefixWithSeventh(dx.code, cm);
      if (descendants) {
        found.push({
          id: 'missing-seventh-character',
          severity: 'error',
          code: dx.code,
          message: `${shown} needs a 7th character (use placeholder X to fill empty positions).`,
        });
      } else {
        found.push({
          id: 'unknown-code',
          severity: 'error',
          code: dx.code,
          message: `${shown} is not an ICD-10-CM code of this fiscal year.`,
        });
      }
      return;
    }
    if (!detail.billable) {
      if (detail.requiresSeventh) {
        found.push({
          id: 'missing-seventh-character',
          severity: 'error',
          code: dx.code,
          message: `${detail.dotted} needs a 7th character (use placeholder X to fill empty positions).`,
        });
      } else {
        const n = cm.billableDescendants(dx.code).length;
        // A code that was billable until this year's addenda made it a header (I42.0 in FY2027).
        const was = formerTitle === undefined ? '' : ` It was billable before ${year} (${formerTitle}).`;
        found.push({
          id: 'header-code',
          severity: 'error',
          code: dx.code,
          message: `${detail.dotted} is a header, not a billable code: choose one of its ${n} billable codes.${was}`,
        });
      }
    }
    // "Use additional code" lists are printed as several notes at one place (E11: "to identify
    // control using:", "insulin (Z79.4)", ...): one place is satisfied when any of its codes is on
    // the case. A note on the code itself is a warning; inherited ones usually apply "if
    // applicable" (Guidelines I.A.13), so they are information only.
    const additional = new Map<string, boolean>();
    const codeFirst = new Map<string, { texts: string[]; before: boolean; after: boolean }>();
    for (const note of detail.notes) {
      const ranges = noteRanges(note.text);
      if (note.kind === 'useAdditionalCode') {
        const satisfied = codes.some((other) => other !== dx.code && ranges.some((r) => inRange(other, r)));
        if (ranges.length > 0 || additional.has(note.from))
          additional.set(note.from, (additional.get(note.from) ?? false) || satisfied);
        continue;
      }
      if (ranges.length === 0) continue;
      if (note.kind === 'excludes1') {
        for (const other of codes) {
          if (other === dx.code) continue;
          const hit = ranges.find((r) => inRange(other, r));
          // Report each pair once: from the code listed first.
          if (hit && !found.some((f) => f.id === 'excludes1-conflict' && f.code === other && f.related === dx.code)) {
            found.push({
              id: 'excludes1-conflict',
              severity: 'error',
              code: dx.code,
              related: other,
              noteFrom: note.from,
              message: `Excludes1 at ${note.from}: ${detail.dotted} and ${formatCmCode(other)} are not coded together ("${note.text}"), unless the conditions are unrelated (Guidelines I.A.12.a).`,
            });
          }
        }
      } else if (note.kind === 'codeFirst') {
        // The notes printed at one place are alternatives ("Code first, if applicable: heart
        // failure due to hypertension (I11.0) / ... (O75.4)"): one finding per place.
        const place = codeFirst.get(note.from) ?? { texts: [], before: false, after: false };
        place.texts.push(note.text);
        place.before ||= codes.slice(0, position).some((other) => ranges.some((r) => inRange(other, r)));
        place.after ||= codes.slice(position + 1).some((other) => ranges.some((r) => inRange(other, r)));
        codeFirst.set(note.from, place);
      }
    }
    for (const [from, place] of codeFirst) {
      if (place.before) continue;
      const own = from === detail.dotted;
      // A code on the case but sequenced after is a sequencing error wherever the note is printed;
      // an inherited list with nothing of it on the case is information ("if applicable").
      found.push({
        id: 'code-first-not-satisfied',
        severity: place.after || own ? 'warning' : 'info',
        code: dx.code,
        noteFrom: from,
        message: place.after
          ? `${detail.dotted}: "Code first ${place.texts.join('; ')}" (${from}) — the code is on the case but sequenced after ${detail.dotted}.`
          : `${detail.dotted}: "Code first ${place.texts.join('; ')}" (${from}) — no such code on the case.`,
      });
    }
    // "Use additional code" puts this code first (I.A.13): a code of the note sequenced before it,
    // with none after, is out of order. Reported once per pair: not when the other code's own
    // "Code first" note names this one (that note's finding, on the other code, already says it).
    const reportedPairs = new Set<string>();
    for (const note of detail.notes) {
      if (note.kind !== 'useAdditionalCode') continue;
      const ranges = noteRanges(note.text);
      if (ranges.length === 0) continue;
      const covered = (other: string): boolean => other !== dx.code && ranges.some((r) => inRange(other, r));
      if (codes.slice(position + 1).some(covered)) continue;
      for (const other of codes.slice(0, position).filter(covered)) {
        if (reportedPairs.has(other)) continue;
        const otherNotes = cm.get(other)?.notes ?? [];
        if (otherNotes.some((n) => n.kind === 'codeFirst' && noteRanges(n.text).some((r) => inRange(dx.code, r))))
          continue;
        reportedPairs.add(other);
        found.push({
          id: 'use-additional-code-sequence',
          severity: 'warning',
          code: dx.code,
          related: other,
          noteFrom: note.from,
          message: `${detail.dotted}: "Use additional code ${note.text}" (${note.from}) — ${formatCmCode(other)} is on the case but sequenced before ${detail.dotted}; sequence ${detail.dotted} first (Guidelines I.A.13).`,
        });
      }
    }
    // "Code also" (I.A.17) names a second code without deciding the order: information when none
    // of its codes is on the case. Only notes printed at the code itself, as inherited lists are
    // broad "if applicable" reminders.
    for (const note of detail.notes) {
      if (note.kind !== 'codeAlso' || note.from !== detail.dotted) continue;
      const ranges = noteRanges(note.text);
      if (ranges.length === 0 || codes.some((other) => other !== dx.code && ranges.some((r) => inRange(other, r))))
        continue;
      found.push({
        id: 'code-also-not-satisfied',
        severity: 'info',
        code: dx.code,
        noteFrom: note.from,
        message: `${detail.dotted}: "Code also ${note.text}" (${note.from}) — no such code on the case; add it if documented (Guidelines I.A.17).`,
      });
    }
    for (const [from, satisfied] of additional) {
      if (satisfied) continue;
      const texts = detail.notes.filter((n) => n.kind === 'useAdditionalCode' && n.from === from).map((n) => n.text);
      found.push({
        id: 'use-additional-code-not-satisfied',
        severity: from === detail.dotted ? 'warning' : 'info',
        code: dx.code,
        noteFrom: from,
        message: `${detail.dotted}: "Use additional code ${texts.join(' ')}" (${from}) — no such code on the case.`,
      });
    }
  });
  found.push(...poaEdits(c, cm));
  return found;
}

/** `true` when some billable 7-character code starts with `code` (a code typed without its 7th character). */
function prefixWithSeventh(code: string, cm: CmLookup): boolean {
  for (let len = code.length - 1; len >= 3; len--) {
    const head = code.slice(0, len);
    const detail = cm.has(head) ? cm.get(head) : undefined;
    if (detail)
      return (
        detail.requiresSeventh ||
        (code.length < 7 && cm.billableDescendants(head).some((d) => d.code.length === 7 && d.code.startsWith(code)))
      );
  }
  return false;
}

/**
 * POA checks: inpatient claims need Y, N, U or W on every diagnosis not on the POA-exempt list;
 * exempt codes are reported blank (or `1` on the 837I).
 */
export function poaEdits(c: CodingCase, cm: CmLookup): TabularEdit[] {
  const found: TabularEdit[] = [];
  for (const dx of c.diagnoses) {
    const detail = cm.get(dx.code);
    if (!detail) continue;
    if (c.setting === 'outpatient') {
      if (dx.poa !== '')
        found.push({
          id: 'poa-not-applicable',
          severity: 'info',
          code: dx.code,
          message: `${detail.dotted}: POA indicators are reported on inpatient claims only.`,
        });
      continue;
    }
    if (detail.poaExempt) {
      if (dx.poa !== '' && dx.poa !== '1') {
        found.push({
          id: 'poa-exempt-reported',
          severity: 'warning',
          code: dx.code,
          message: `${detail.dotted} is exempt from POA reporting: leave it blank (1 on the 837I), not ${dx.poa}.`,
        });
      }
    } else if (dx.poa === '' || dx.poa === '1') {
      found.push({
        id: 'poa-missing',
        severity: 'error',
        code: dx.code,
        message: `${detail.dotted} needs a POA indicator (Y, N, U or W).`,
      });
    }
  }
  return found;
}
