import type { CmNoteKind } from './types';

/**
 * How each kind of Tabular List instructional note is headed wherever a note is shown: the
 * wording the Tabular List itself prints ("Excludes1", "Code first", ...;
 * Official Guidelines Section I.A, conventions), "Inclusion term" for the terms listed under a code
 * and "Note" for plain notes.
 *
 * @example CM_NOTE_LABEL.useAdditionalCode // 'Use additional code'
 */
export const CM_NOTE_LABEL: Readonly<Record<CmNoteKind, string>> = {
  includes: 'Includes',
  inclusionTerm: 'Inclusion term',
  excludes1: 'Excludes1',
  excludes2: 'Excludes2',
  codeFirst: 'Code first',
  useAdditionalCode: 'Use additional code',
  codeAlso: 'Code also',
  notes: 'Note',
};
