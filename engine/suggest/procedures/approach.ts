/**
 * Approach (5th character) from the words that document how the site was reached, per the
 * ICD-10-PCS approach definitions (PCS Definitions, Approach axis) and Guidelines B5.2 (open with
 * percutaneous endoscopic assistance is Open) and B3.2d (a procedure converted to open is coded
 * Open). Read first in the statement, then on its line, then in the operative description.
 */
import type { PcsTable } from '../../icd10pcs/pcs-table';

/** One approach cue: words and the table label they document. */
interface Cue {
  re: RegExp;
  label: string;
  why: string;
}

/** In priority order: an open incision documented with a scope makes the procedure Open (B3.2d, B5.2). */
const CUES: readonly Cue[] = [
  {
    re: /\b(open|incision and drainage|i ?& ?d|laparotomy|thoracotomy|craniotomy|craniectomy|arthrotomy|sternotomy|orif|converted|hand[- ]assisted)\b/i,
    label: 'Open',
    why: 'open incision written (B5.2, B3.2d: open with or converted from a scope is Open)',
  },
  {
    re: /\b(cystoscop\w*|colonoscop\w*|bronchoscop\w*|esophagogastroduodenoscop\w*|egd|ureteroscop\w*|hysteroscop\w*|sigmoidoscop\w*|gastroscop\w*|ercp|transurethral)\b/i,
    label: 'Via Natural or Artificial Opening Endoscopic',
    why: 'instrument through a natural opening with visualization',
  },
  {
    re: /\b(laparoscop\w*|thoracoscop\w*|arthroscop\w*|endoscop\w*|mediastinoscop\w*)\b/i,
    label: 'Percutaneous Endoscopic',
    why: 'scope through a puncture or minor incision',
  },
  {
    re: /\b(percutaneous(ly)?|needle|transfus\w*|infus\w*|intravenous(ly)?|iv|centesis|\w+centesis|catheter[- ]directed|injection)\b/i,
    label: 'Percutaneous',
    why: 'entry by puncture',
  },
  {
    re: /\b(endotracheal|intubat\w*|nasogastric|transvaginal|transanal|per rectum)\b/i,
    label: 'Via Natural or Artificial Opening',
    why: 'through a natural opening',
  },
  {
    re: /\b(closed reduction|external|transdermal|topical)\b/i,
    label: 'External',
    why: 'on the skin or by external force',
  },
];

/** Trocars and their port sites are the way a scope goes in (PCS Definitions, Percutaneous Endoscopic). */
const TROCARS: Cue = {
  re: /\b(trocars?|port sites?)\b/i,
  label: 'Percutaneous Endoscopic',
  why: 'trocars or port sites: a scope through minor incisions',
};

/**
 * In an operative description every incision is written, the scope's port incisions too: there a
 * scope decides first, and an incision without a scope is Open.
 */
const DESCRIPTION_CUES: readonly Cue[] = [
  CUES[1]!,
  CUES[2]!,
  TROCARS,
  { re: /\b(incision|incised|dissection was carried)\b/i, label: 'Open', why: 'incision without a scope' },
];

/**
 * The course of a stay whose procedure list writes no approach (a discharge summary's "Umbilical
 * hernia repair"): the access the course and the aftercare describe is the operation's. A scope,
 * trocars or port sites document the Percutaneous Endoscopic approach (PCS Definitions, Approach:
 * entry by puncture or minor incision to reach and visualize the site); one incision and no
 * scope documents the Open approach (PCS Definitions: cutting through the skin to expose the
 * site). Several incisions alone decide nothing (a scope's ports are incisions too).
 */
const COURSE_CUES: readonly Cue[] = [
  CUES[2]!,
  TROCARS,
  {
    re: /\bincision\b/i,
    label: 'Open',
    why: 'one incision and no scope written (PCS Definitions, Approach: Open)',
  },
];

/**
 * Whether a text writes the access of an operation: open, or through a scope ({@link CUES}: a
 * needle, a vein or an airway tells no operation's access).
 *
 * @example writesApproach('Laparoscopic cholecystectomy') // true
 */
export function writesApproach(text: string): boolean {
  return CUES.slice(0, 3).some((c) => c.re.test(text));
}

/** Where an approach was read. */
export interface ApproachChoice {
  value: string;
  label: string;
  reason: string;
}

/**
 * A text to read the approach in, in order of closeness to the operation word: `description` =
 * an operative narrative (every incision is written there), `course` = the course and aftercare
 * of a stay whose procedure lines write no approach ({@link COURSE_CUES}).
 */
export interface ApproachText {
  where: string;
  text: string;
  description?: boolean;
  course?: boolean;
}

/**
 * The approach of a 4-character prefix from the statement, its line, then the operative
 * description (the first that documents an approach the table allows).
 */
export function chooseApproach(
  pcs: PcsTable,
  prefix: string,
  texts: readonly ApproachText[],
): ApproachChoice | undefined {
  const options = pcs.builder.options(prefix);
  if (options.length === 1)
    return { value: options[0]!.value, label: options[0]!.label, reason: 'the only approach the table row allows' };
  for (const { where, text, description, course } of texts) {
    for (const cue of description ? DESCRIPTION_CUES : course ? COURSE_CUES : CUES) {
      const m = cue.re.exec(text);
      if (!m) continue;
      const o = options.find((x) => x.label === cue.label);
      if (o) return { value: o.value, label: o.label, reason: `"${m[0]}" in the ${where}: ${cue.why}` };
    }
  }
  return undefined;
}
