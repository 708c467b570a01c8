/**
 * Root operation (3rd character) and the tables to code in, from the Index entry of the
 * operation word: its "see" / "codes" targets name the root operation and often the body system or
 * body part. When the Index offers both Excision and Resection (any "-ectomy"), the documented
 * extent decides (Guideline B3.8: Resection when all of the body part is cut out; "partial" is
 * Excision).
 */
import type { PcsTable } from '../../icd10pcs/pcs-table';
import { entriesFor, type OperationLexicon } from './operation-terms';
import { labelWords } from './words';

/** A table (or deeper prefix) to code in, with why. */
export interface RootCandidate {
  /** 3 to 7 characters. */
  prefix: string;
  /** Root operation label, e.g. "Resection". */
  operation: string;
  /** Qualifier forced by the Index ("Excision with qualifier Diagnostic"). */
  qualifier?: string;
  reason: string;
}

const PARTIAL = /^(partial|subtotal|hemi|wedge|segmental)$/;

/** Root-operation name of an Index "see" text ("Excision, Gallbladder" -> "Excision"). */
function operationName(see: string): { name: string; qualifier?: string } {
  const first = see.split(',')[0]!.trim();
  const diag = / with qualifier diagnostic$/i.test(first);
  const name = first
    .replace(/ with qualifier diagnostic$/i, '')
    .replace(/ (of device in|of device from|device in|of substance in or on)$/i, '')
    .trim();
  return diag ? { name, qualifier: 'X' } : { name };
}

/**
 * The candidate tables of one operation word.
 *
 * @example rootCandidates(pcs, lex, 'Cholecystectomy', words) // [{ prefix: '0FT4', operation: 'Resection', ... }]
 */
export function rootCandidates(
  pcs: PcsTable,
  lex: OperationLexicon,
  mainTerm: string,
  words: ReadonlySet<string>,
): RootCandidate[] {
  const out: RootCandidate[] = [];
  const byOperation = (name: string, reason: string, qualifier?: string): void => {
    for (const prefix of lex.tablesByOperation.get(name) ?? [])
      out.push({ prefix, operation: name, reason, ...(qualifier ? { qualifier } : {}) });
  };
  // A main term that is a root operation ("Excision", "Repair"): its subterms are the body parts
  // of its tables, read from the table labels and the Body Part Key (body-part.ts), where the most
  // specific documented value wins.
  const own = operationName(mainTerm).name;
  if (own === 'Repair' && words.has('substitute')) {
    // A repair that puts in a substitute (mesh, graft) reinforces the body part: Supplement (PCS
    // Definitions; Index "Herniorrhaphy, With synthetic substitute, see Supplement"). The Repair
    // rows have no device value.
    byOperation(
      'Supplement',
      'a repair with a substitute put in is Supplement (PCS Definitions, Index: Herniorrhaphy)',
    );
    return lesionExcision(pcs, lex, out, words);
  }
  if (lex.tablesByOperation.has(own)) {
    byOperation(own, `root operation ${own} (PCS Index main term and Tables)`);
    return lesionExcision(pcs, lex, preferReposition(preferExtent(out, words), words), words);
  }
  const entries = entriesFor(pcs, mainTerm, words);
  // No subterm written: the Index's subterms may name different root operations ("Debridement,
  // excisional / non-excisional"); the chart must say which.
  const unwritten = entries.every(
    (e) =>
      !e.path
        .slice(1)
        .flatMap(labelWords)
        .every((w) => words.has(w)),
  );
  for (const e of entries) {
    const where = `Index: ${e.path.join(', ')}`;
    for (const t of e.targets) {
      switch (t.kind) {
        case 'code':
          if (t.valid) out.push({ prefix: t.code, operation: tableOperation(pcs, t.code), reason: where });
          break;
        case 'codes':
        case 'tab':
          if (t.valid) out.push({ prefix: t.prefix, operation: tableOperation(pcs, t.prefix), reason: where });
          break;
        case 'see': {
          const { name, qualifier } = operationName(t.text);
          const reason = `${where}, see ${t.text}`;
          if (t.prefix && t.valid)
            out.push({ prefix: t.prefix, operation: name, reason, ...(qualifier ? { qualifier } : {}) });
          else byOperation(name, reason, qualifier);
          break;
        }
        case 'use':
          break;
      }
    }
  }
  const biopsy = biopsyOperation(out, words);
  if (biopsy) return biopsy;
  if (unwritten && new Set(out.map((c) => c.operation)).size > 1) return [];
  // A main term that is itself a root operation ("Transfusion", "Occlusion") with no subterm
  // written: every table of that operation, the body part read from the statement.
  if (out.length === 0) byOperation(operationName(mainTerm).name, `root operation ${mainTerm} (PCS Tables)`);
  return lesionExcision(pcs, lex, preferReplacement(preferReposition(preferExtent(out, words), words), words), words);
}

/**
 * Words saying the joint or its surface was taken out and a substitute put in its place: a total
 * or reverse arthroplasty, a written replacement or prosthesis (PCS Definitions: Replacement puts
 * in material that takes the place of all or a portion of a body part; PCS Index: "Reverse total
 * shoulder replacement, see Replacement, Upper Joints").
 */
const REPLACED = /^(total|reverse|replacement|prosthesis|prosthetic)$/;

/**
 * An Index term that offers Repair, Replacement and Supplement ("Arthroplasty", "Reconstruction"):
 * Replacement when the chart says the body part was replaced ({@link REPLACED}); otherwise the
 * chart must choose (the candidates are left as they are).
 */
function preferReplacement(list: RootCandidate[], words: ReadonlySet<string>): RootCandidate[] {
  const ops = new Set(list.map((c) => c.operation));
  if (!ops.has('Replacement') || ops.size < 2) return list;
  const word = [...words].find((w) => REPLACED.test(w));
  if (!word) return list;
  return list
    .filter((c) => c.operation === 'Replacement')
    .map((c) => ({
      ...c,
      reason: `${c.reason}; "${word}": a substitute takes the place of the body part (Replacement)`,
    }));
}

const LESION = /^(tumor|tumour|lesion|mass|polyp|cyst|abscess|nodule|neoplasm|carcinoma)$/;

/**
 * B3.8: Resection is all of a body part. A "resection" of a tumor, lesion or mass cuts out only a
 * portion of the organ that holds it: Excision of that body part.
 */
function lesionExcision(
  pcs: PcsTable,
  lex: OperationLexicon,
  list: RootCandidate[],
  words: ReadonlySet<string>,
): RootCandidate[] {
  if (![...words].some((w) => LESION.test(w))) return list;
  const excisionTables = lex.tablesByOperation.get('Excision') ?? [];
  const excision = new Set(excisionTables);
  // The root operation alone ("a resection of ..."): every Excision table, the body part from the words.
  if (list.some((c) => c.operation === 'Resection' && c.prefix.length === 3)) {
    const why = 'B3.8: a lesion cut out is a portion of the body part (Excision)';
    return [
      ...list.filter((c) => c.operation !== 'Resection'),
      ...excisionTables.map((prefix) => ({ prefix, operation: 'Excision', reason: `root operation Excision; ${why}` })),
    ];
  }
  return list.map((c) => {
    if (c.operation !== 'Resection') return c;
    const prefix = `${c.prefix.slice(0, 2)}B${c.prefix.slice(3)}`;
    if (!excision.has(prefix.slice(0, 3)) || !pcs.isValidPrefix(prefix.slice(0, 4))) return c;
    return {
      ...c,
      prefix,
      operation: 'Excision',
      reason: `${c.reason}; B3.8: a lesion cut out is a portion of the body part (Excision)`,
    };
  });
}

/**
 * Root operation definitions (ICD-10-PCS Reference Manual): Transfer moves a body part to take
 * over the function of another (a flap, a tendon transfer); Reposition moves it to its normal or
 * another suitable location. A transposition that names no flap or transfer is a Reposition.
 */
function preferReposition(list: RootCandidate[], words: ReadonlySet<string>): RootCandidate[] {
  const ops = new Set(list.map((c) => c.operation));
  if (!ops.has('Reposition') || !ops.has('Transfer') || words.has('flap') || words.has('transfer')) return list;
  return list
    .filter((c) => c.operation !== 'Transfer' && c.operation !== 'Bypass')
    .map((c) =>
      c.operation === 'Reposition'
        ? { ...c, reason: `${c.reason}; moved to a suitable location (Reposition, not Transfer)` }
        : c,
    );
}

function tableOperation(pcs: PcsTable, prefix: string): string {
  const t = pcs.loaded(prefix.slice(0, 3));
  return t ? pcs.str(t.record.axes[2].labels[0] ?? -1) : '';
}

/** Guideline B3.8: of Excision and Resection for one word, the documented extent picks one. */
function preferExtent(list: RootCandidate[], words: ReadonlySet<string>): RootCandidate[] {
  const ops = new Set(list.map((c) => c.operation));
  if (!ops.has('Excision') || !ops.has('Resection')) return list;
  const partial = [...words].some((w) => PARTIAL.test(w));
  const keep = partial ? 'Excision' : 'Resection';
  const why = partial
    ? 'B3.8: a portion of the body part cut out ("partial") is Excision'
    : 'B3.8: all of the body part cut out (no portion documented) is Resection';
  return list
    .filter((c) => c.operation === keep || (c.operation !== 'Excision' && c.operation !== 'Resection'))
    .map((c) => (c.operation === keep ? { ...c, reason: `${c.reason}; ${why}` } : c));
}

/** Words saying a diagnostic sample is fluid (Drainage) or pulled or brushed out (Extraction). */
const FLUID = /^(fluid|aspiration|aspirate|effusion|cytology|washing|lavage)$/;
const PULLED = /^(brush|brushing|curettage|marrow)$/;

/**
 * A biopsy (PCS Index: "Biopsy, see Drainage / Excision / Extraction with qualifier Diagnostic",
 * Guideline B3.4a) is the root operation whose definition the sample fits (PCS Definitions):
 * Drainage takes out fluids, Extraction pulls or strips out (brushings, curettage, bone marrow),
 * Excision cuts out a portion of the body part, the tissue biopsy when neither is written.
 * `undefined` when the candidates are not those of a biopsy.
 */
function biopsyOperation(list: RootCandidate[], words: ReadonlySet<string>): RootCandidate[] | undefined {
  const diagnostic = list.filter((c) => c.qualifier === 'X');
  const ops = new Set(diagnostic.map((c) => c.operation));
  if (diagnostic.length !== list.length || !ops.has('Excision') || ops.size < 2) return undefined;
  const fluid = [...words].some((w) => FLUID.test(w));
  const pulled = [...words].some((w) => PULLED.test(w));
  if (fluid && pulled) return undefined;
  const keep = fluid ? 'Drainage' : pulled ? 'Extraction' : 'Excision';
  const why = fluid
    ? 'fluid taken out (Drainage)'
    : pulled
      ? 'pulled or brushed out (Extraction)'
      : 'tissue cut out, no fluid or brushing written (Excision)';
  const kept = list.filter((c) => c.operation === keep);
  return kept.length > 0 ? kept.map((c) => ({ ...c, reason: `${c.reason}; B3.4a biopsy: ${why}` })) : undefined;
}
