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
  for (const note of firstDetail?.notes ?? []) {
    if (note.kind !== 'useAdditionalCode') continue;
    if (rangesOf(note).some((r) => inRange(b, r)))
      return { kind: 'useAdditionalCode', from: note.from, text: note.text };
  }
  return undefined;
}

/** The note as a coder reads it in the Tabular List. */
export function printed(note: OrderNote): string {
  return `${note.kind === 'codeFirst' ? 'Code first' : 'Use additional code'} ${note.text} (${note.from})`;
}
