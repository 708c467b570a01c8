/**
 * Sequencing instructions of the Tabular List read as a relation between two candidates
 * (Official Guidelines I.A.13, etiology/manifestation and "code first" / "use additional code"):
 * `first` must be sequenced before `then` when `then` carries a "Code first" note naming `first`,
 * or `first` carries a "Use additional code" note naming `then`. "Code also" notes do not decide
 * the order (I.A.17) and are not read here.
 */
import { inRange, noteRanges, type CodeRange } from '../../case/code-refs';
import type { SequenceTables, TabularNote } from './types';

/** Why `first` precedes `then`: the note and where it is printed. */
export interface OrderNote {
  kind: 'codeFirst' | 'useAdditionalCode';
  /** Where the note is printed (dotted code, section or chapter). */
  from: string;
  text: string;
  /** The lead-in of the list the note is an item of ("code to identify presence of:"), when it is one. */
  lead?: string;
}

const undot = (code: string): string => code.replace('.', '').toUpperCase();

/**
 * Parsed code references per note object. The table's note objects are frozen and shared between
 * lookups, so the parse lives exactly as long as the table that owns them.
 */
const parsed = new WeakMap<object, CodeRange[]>();
function rangesOf(note: TabularNote): CodeRange[] {
  let r = parsed.get(note);
  if (!r) {
    r = noteRanges(note.text);
    parsed.set(note, r);
  }
  return r;
}

/**
 * The Tabular note that puts `first` before `then`, or `undefined` when none does.
 *
 * @example precedenceNote('I13.0', 'I50.23', tables) // { kind: 'codeFirst', from: 'I50', text: 'heart failure due to hypertension ... (I13.-)' }
 */
export function precedenceNote(first: string, then: string, tables: SequenceTables): OrderNote | undefined {
  const a = undot(first);
  const b = undot(then);
  if (a === b) return undefined;
  const thenDetail = tables.cm.get(then, { indexEntries: false });
  for (const note of thenDetail?.notes ?? []) {
    if (note.kind !== 'codeFirst') continue;
    if (rangesOf(note).some((r) => inRange(a, r))) return { kind: 'codeFirst', from: note.from, text: note.text };
  }
  const firstDetail = tables.cm.get(first, { indexEntries: false });
  // A list is printed as its lead-in ("code to identify presence of:") then one note per item.
  let lead: TabularNote | undefined;
  for (const note of firstDetail?.notes ?? []) {
    if (note.kind !== 'useAdditionalCode') continue;
    if (lead && lead.from !== note.from) lead = undefined;
    if (note.text.trimEnd().endsWith(':')) {
      lead = note;
      continue;
    }
    if (rangesOf(note).some((r) => inRange(b, r)))
      return {
        kind: 'useAdditionalCode',
        from: note.from,
        text: note.text,
        ...(lead ? { lead: lead.text.trim() } : {}),
      };
  }
  return undefined;
}

/**
 * Does the note ask for a code that identifies another condition the patient has ("Use additional
 * code to identify presence of hypertension", at I20-I25 and I60-I69), rather than one that
 * completes the description of this one? Official Guidelines I.B.7, "Multiple coding for a single
 * condition": "'Use additional code' notes are found in the Tabular List at codes that are not
 * part of an etiology/manifestation pair where a secondary code is useful to fully describe a
 * condition. The sequencing rule is the same as the etiology/manifestation pair". The sequencing
 * rule belongs to codes describing one condition; a coexisting condition (hypertension beside
 * coronary disease) is a condition of its own, and which of the two occasioned the admission is
 * decided by Section II ("the circumstances of inpatient admission"), not by the note.
 */
export function identifiesCoexistingCondition(note: OrderNote): boolean {
  return note.kind === 'useAdditionalCode' && /\bpresence of\b/i.test(`${note.lead ?? ''} ${note.text}`);
}

/** The note as a coder reads it in the Tabular List. */
export function printed(note: OrderNote): string {
  const body = [note.lead, note.text].filter(Boolean).join(' ');
  if (note.kind === 'codeFirst') return `Code first ${body} (${note.from})`;
  // The stored text of a "Use additional" note begins with "code ..." itself.
  return `Use additional ${/^code\b/i.test(body) ? body : `code ${body}`} (${note.from})`;
}
