/**
 * The cases open in this side panel, by case id, shared by every view of a case (the Case tab and
 * the DRG tab show the same case object). Kept in memory while the panel is open; written to
 * IndexedDB (encrypted) only when the user saves.
 */
import { newCase, type CodingCase } from '../../engine/case';

/** An open case and the suggestion codes already merged into it (a code the coder removed stays removed). */
export interface OpenCase {
  c: CodingCase;
  merged: Set<string>;
  /** Whether the saved copy (if any) was looked for already. */
  loaded: boolean;
}

const open = new Map<string, OpenCase>();

/** The open case `caseId`, created empty on first use. */
export function openCase(caseId: string): OpenCase {
  let entry = open.get(caseId);
  if (!entry) {
    entry = { c: newCase(caseId), merged: new Set<string>(), loaded: false };
    open.set(caseId, entry);
  }
  return entry;
}
