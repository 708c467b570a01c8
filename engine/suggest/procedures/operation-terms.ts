/**
 * Operation words of a chart, looked up the way a coder starts: in the ICD-10-PCS Alphabetic
 * Index (main terms such as "Cholecystectomy", "Herniorrhaphy", "Transfusion"), whose entries point
 * to a root operation and often a body system or body part ("see Resection, Gallbladder 0FT4").
 * Only main terms with an operation target are read (a main term that only says "use" names a
 * body part or device value, not an operation).
 */
import type { PcsIndexEntry } from '../../icd10pcs/pcs-index';
import type { PcsTable } from '../../icd10pcs/pcs-table';
import { fold, labelWords } from './words';

/** Index main terms by their first word (lower case, folded). */
export interface OperationLexicon {
  /** Word -> main-term titles starting with it. */
  byWord: Map<string, string[]>;
  /** Root-operation label (table axis 3, e.g. "Resection") -> table prefixes with that operation. */
  tablesByOperation: Map<string, string[]>;
}

/**
 * Chart words a coder reads as a main term that is written differently in the Index (the root
 * operation named by its usual verb or abbreviation). Source: ICD-10-PCS Reference Manual, root
 * operation definitions and their "includes" examples; ORIF per the Index entry "Reduction,
 * Fracture, see Reposition" with the internal fixation device (Guideline B3.15 for fracture
 * reduction with fixation).
 *
 * `words`: words the term implies, added to its statement; `needs: 'device'`: the term acts on a
 * device and is not coded without one; `when`: the synonym applies only when all these words are
 * on the line (else the word is looked up in the Index as written).
 */
export const OPERATION_SYNONYMS: Readonly<
  Record<string, { term: string; words?: string; needs?: 'device'; when?: readonly string[] }>
> = {
  placement: { term: 'Insertion of device in' },
  insertion: { term: 'Insertion of device in' },
  implantation: { term: 'Insertion of device in' },
  // Removal (root operation) takes out a device; removing fluid or tissue is another operation.
  removal: { term: 'Removal of device from', needs: 'device' },
  explantation: { term: 'Removal of device from', needs: 'device' },
  // Revision corrects a device (PCS Index: "Revision, Correcting a portion of existing device").
  revision: { term: 'Revision of device in', needs: 'device' },
  orif: { term: 'Reduction', words: 'fracture open internal fixation device' },
  reduction: { term: 'Reduction', words: 'fracture' },
  transplant: { term: 'Transplantation' },
  grafting: { term: 'Graft' },
  intubation: { term: 'Intubation', words: 'airway endotracheal trachea intraluminal' },
  transfusion: { term: 'Transfusion' },
  transfused: { term: 'Transfusion' },
  // Intravenous immunoglobulin: transfusion of the Globulin substance (PCS Substance Key).
  ivig: { term: 'Transfusion', words: 'globulin' },
  // Blood products named without the word "transfusion" ("received 2 units of PRBCs").
  prbc: { term: 'Transfusion', words: 'red blood cell' },
  ffp: { term: 'Transfusion', words: 'fresh plasma' },
  intubated: { term: 'Intubation', words: 'airway endotracheal trachea intraluminal' },
  transposition: { term: 'Transposition' },
  thrombolysis: { term: 'Thrombolysis', words: 'systemic' },
  tpa: { term: 'Thrombolysis', words: 'systemic' },
  chemotherapy: { term: 'Chemotherapy, Infusion for cancer' },
  ventilation: { term: 'Performance', words: 'respiratory' },
  // Renal replacement therapy is dialysis (PCS Index: Hemodialysis, see Performance, Urinary); its
  // continuous forms are named by their abbreviations (continuous veno-venous hemofiltration /
  // hemodialysis / hemodiafiltration), read only with their words.
  replacement: { term: 'Hemodialysis', when: ['renal', 'therapy'] },
  crrt: { term: 'Hemodialysis', words: 'continuous' },
  cvvh: { term: 'Hemodialysis', words: 'continuous' },
  cvvhd: { term: 'Hemodialysis', words: 'continuous' },
  cvvhdf: { term: 'Hemodialysis', words: 'continuous' },
  ventilator: { term: 'Performance', words: 'respiratory' },
  // A percutaneous coronary intervention is the PTCA of the Index ("Percutaneous transluminal
  // coronary angioplasty (PTCA), see Dilation, Heart and Great Vessels 027").
  pci: { term: 'Dilation', words: 'coronary artery percutaneous' },
  ptca: { term: 'Dilation', words: 'coronary artery percutaneous' },
  // A chest tube is a drainage device in the pleural cavity (PCS Index: "Thoracostomy tube, use
  // Drainage Device"): a Drainage of the pleural cavity with the device left in place.
  thoracostomy: { term: 'Drainage', words: 'pleural cavity drainage device tube' },
  tube: { term: 'Drainage', words: 'pleural cavity drainage device', when: ['chest'] },
};

/**
 * Verbs of taking something out. Taking out solid matter (a clot, thrombus, embolus, stone or
 * foreign body) is Extirpation (ICD-10-PCS root operation definitions: "taking or cutting out
 * solid matter from a body part"; PCS Index: "Thrombectomy, see Extirpation"), not Extraction
 * (pulling out all or a portion of a body part) nor Removal (of a device).
 */
const TAKING_OUT = /^(extract(ed|ion)?|remov(ed|al)|retriev(ed|al)|aspirated)$/;
const SOLID_MATTER = /^(clot|thrombus|thrombi|embolus|emboli|calculus|calculi|stone|foreign)$/;

/**
 * The Extirpation main term for a taking-out word whose line names solid matter, else `undefined`.
 *
 * @example solidMatterTerm('extracted', new Set(['clot', 'carotid'])) // 'Extirpation'
 */
export function solidMatterTerm(word: string, line: ReadonlySet<string>): string | undefined {
  if (!TAKING_OUT.test(word)) return undefined;
  for (const w of line) if (SOLID_MATTER.test(w)) return 'Extirpation';
  return undefined;
}

/**
 * Verbs of an operative narrative's performed actions (statements.ts DESCRIPTION_ACTION) -> the
 * main term they name. "Removed" is the "-ectomy" of the body part it names (Excision or
 * Resection by the documented extent, B3.8), never Removal: a narrative takes out drapes, sponges,
 * retractors and catheters that are no device of the patient's. "Pinned" fixes with a pin (PCS
 * Device Key: Kirschner wire, Internal Fixation Device).
 */
const DESCRIPTION_VERBS: Readonly<Record<string, { term: string; words?: string }>> = {
  removed: { term: 'Resection' },
  excised: { term: 'Excision' },
  resected: { term: 'Resection' },
  amputated: { term: 'Detachment' },
  pinned: { term: 'Insertion of device in', words: 'internal fixation device' },
};

/** Words saying all of the body part was taken out (B3.8: Resection). */
const WHOLE = /^(entirety|entire|toto|completely|whole|totality)$/;

/** Words saying only a portion of the body part was taken out (B3.8: Excision). */
const PORTION = /^(portion|part|piece|partial|partially|segment|wedge)$/;

/**
 * The main term of a narrative verb, or `undefined` for another word ("removed" with a portion
 * written is Excision, "excised in its entirety" is Resection: B3.8).
 *
 * @example descriptionTerm('removed', new Set(['portion', 'sac'])) // { term: 'Excision' }
 */
export function descriptionTerm(
  word: string,
  segment: ReadonlySet<string>,
): { term: string; words?: string } | undefined {
  const verb = DESCRIPTION_VERBS[word];
  if (!verb) return undefined;
  if (verb.term === 'Resection' && [...segment].some((w) => PORTION.test(w))) return { term: 'Excision' };
  if (verb.term === 'Excision' && [...segment].some((w) => WHOLE.test(w))) return { term: 'Resection' };
  return verb;
}

const cache = new WeakMap<PcsTable, OperationLexicon>();

/** The operation lexicon of one PCS release (built once per table, a few milliseconds). */
export function operationLexicon(pcs: PcsTable): OperationLexicon {
  const hit = cache.get(pcs);
  if (hit) return hit;
  const byWord = new Map<string, string[]>();
  const operational = new Set<string>();
  for (const e of pcs.index.entries()) {
    if (e.targets.some((t) => t.kind !== 'use')) operational.add(e.path[0] ?? '');
  }
  for (const title of operational) {
    const first = title.split(',')[0]!.trim();
    // Multi-word main terms ("Insertion of device in") are reached through OPERATION_SYNONYMS.
    if (/\s/.test(first)) continue;
    const key = fold(first);
    const list = byWord.get(key);
    if (list) list.push(title);
    else byWord.set(key, [title]);
  }
  const tablesByOperation = new Map<string, string[]>();
  for (const t of pcs.loadedTables()) {
    const label = pcs.str(t.record.axes[2].labels[0] ?? -1);
    const list = tablesByOperation.get(label);
    if (list) list.push(t.prefix);
    else tablesByOperation.set(label, [t.prefix]);
  }
  const lex = { byWord, tablesByOperation };
  cache.set(pcs, lex);
  return lex;
}

/** The Index entries of a main term that lead somewhere, most specific for these words first. */
export function entriesFor(pcs: PcsTable, mainTerm: string, words: ReadonlySet<string>): PcsIndexEntry[] {
  const entries = pcs.index.lookup(mainTerm).filter((e) => e.targets.some((t) => t.kind !== 'use'));
  let best = -1;
  let out: PcsIndexEntry[] = [];
  for (const e of entries) {
    // A subterm applies when every word of it is written in the statement.
    const sub = e.path.slice(1).flatMap(labelWords);
    if (!sub.every((w) => words.has(w))) continue;
    const score = sub.length;
    if (score > best) {
      best = score;
      out = [e];
    } else if (score === best) out.push(e);
  }
  // No subterm fully written ("Paracentesis" alone): every target of the term, the body part then
  // read from the statement's words against the table labels.
  if (out.length === 0) return entries;
  return out;
}
