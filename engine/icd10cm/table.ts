/**
 * `CmTable`: the ICD-10-CM tables of one fiscal year, read from a bundle.
 *
 * Loading parses the columnar `cm-codes` block only; notes, 7th characters, the indexes and the
 * tables are parsed on first use, so opening the side panel does not pay for the Alphabetic Index.
 */
import type { BundleReader } from '../bundle/reader';
import { readJson } from '../bundle/reader';
import { formatCmCode, normalizeCode } from '../codes/normalize';
import {
  CM_BLOCKS,
  CM_FLAG,
  CM_LAYOUT_VERSION,
  CM_NOTE_KINDS,
  decodeTitles,
  type TitlesBlock,
  type AddendaBlock,
  type CodesBlock,
  type IndexTreeBlock,
  type NotesBlock,
  type SeventhBlock,
  type TreeBlock,
} from './layout';
import type {
  CmNoteKind,
  CmCodeDetail,
  CmCodeSummary,
  CmIndexEntry,
  CmNote,
  CmReleaseInfo,
  CmSeventhTable,
  CmTableRow,
} from './types';
import { ChartsideError } from '../errors';

/** Options of {@link CmTable.get}. */
export interface CmGetOptions {
  /**
   * Include the index lines leading to the code (default `true`). The first call that includes
   * them reads the Alphabetic and External Cause Index blocks (about 4 MB of JSON); pass `false`
   * on hot paths that only need titles and notes.
   */
  indexEntries?: boolean;
}

/** Raised when a bundle is not an ICD-10-CM bundle this build can read. */
export class ChartsideCmTableError extends ChartsideError {
  override name = 'ChartsideCmTableError';
}

interface TreeRows {
  block: IndexTreeBlock;
  stale: Set<string>;
  paths: string[];
}

/**
 * ICD-10-CM code table of one fiscal year.
 *
 * @example
 * const cm = CmTable.fromReader(reader);
 * cm.get('e11.22')?.notes.filter((n) => n.kind === 'useAdditionalCode');
 */
export class CmTable {
  /** Release the table was built from (header of the bundle). */
  readonly release: CmReleaseInfo;
  private readonly codes: DecodedCodes;
  private titleColumns?: { long: string[]; short: string[] };
  private readonly noteCache = new Map<string, readonly CmNote[]>();
  private readonly byCode = new Map<string, number>();
  private tree?: TreeBlock;
  private notesByOwner?: Map<string, NotesBlock['notes'][number]>;
  private seventhByOwner?: Map<string, SeventhBlock['defs'][number]>;
  private childrenOf?: number[][];
  private trees = new Map<string, TreeRows>();
  private rowsByCode?: Map<string, number[]>;
  private addendaBlock?: AddendaBlock;

  private constructor(private readonly reader: BundleReader) {
    const h = reader.header;
    if (h.system !== 'icd10cm') throw new ChartsideCmTableError(`bundle ${h.id} is ${h.system}, not icd10cm`);
    const block = readJson<CodesBlock>(reader, CM_BLOCKS.codes);
    if (block.layout !== CM_LAYOUT_VERSION) {
      throw new ChartsideCmTableError(
        `bundle ${h.id} has ICD-10-CM layout ${block.layout}; this build reads ${CM_LAYOUT_VERSION}. Rebuild the code tables.`,
      );
    }
    this.codes = decodeCodes(block);
    const list = this.codes.codes;
    for (let i = 0; i < list.length; i++) this.byCode.set(list[i]!, i);
    this.release = {
      id: h.id,
      fiscalYear: h.fiscalYear,
      effectiveFrom: h.effectiveFrom,
      effectiveTo: h.effectiveTo,
      release: h.release,
      ...(h.derivation ? { derivation: h.derivation } : {}),
      provenance: h.provenance,
      notes: h.notes,
      counts: h.counts,
    };
  }

  /** Opens the table in a bundle. @throws ChartsideCmTableError for a bundle of another system or layout. */
  static fromReader(reader: BundleReader): CmTable {
    return new CmTable(reader);
  }

  /** Number of codes (headers and billable). */
  get size(): number {
    return this.codes.codes.length;
  }

  /** `true` when the code (any form: `e11.22`, `E1122`) exists this year, header or billable. */
  has(code: string): boolean {
    return this.byCode.has(normalizeCode(code));
  }

  /** `true` when the code exists and is billable (valid for reporting). */
  isBillable(code: string): boolean {
    const i = this.byCode.get(normalizeCode(code));
    return i !== undefined && (this.codes.flags[i]! & CM_FLAG.billable) !== 0;
  }

  /** Brief description of a code, or `undefined` when it does not exist this year. */
  summary(code: string): CmCodeSummary | undefined {
    const i = this.byCode.get(normalizeCode(code));
    return i === undefined ? undefined : this.summaryAt(i);
  }

  /** Every code in classification order (headers included). */
  *all(): IterableIterator<CmCodeSummary> {
    for (let i = 0; i < this.codes.codes.length; i++) yield this.summaryAt(i);
  }

  /** Direct children of a code (empty for a leaf or an unknown code). */
  children(code: string): CmCodeSummary[] {
    const i = this.byCode.get(normalizeCode(code));
    if (i === undefined) return [];
    return (this.childIndex()[i] ?? []).map((c) => this.summaryAt(c));
  }

  /** Every billable code below a header (depth first, classification order). */
  billableDescendants(code: string): CmCodeSummary[] {
    const i = this.byCode.get(normalizeCode(code));
    if (i === undefined) return [];
    const out: CmCodeSummary[] = [];
    const walk = (n: number): void => {
      for (const c of this.childIndex()[n] ?? []) {
        if ((this.codes.flags[c]! & CM_FLAG.billable) !== 0) out.push(this.summaryAt(c));
        walk(c);
      }
    };
    walk(i);
    return out;
  }

  /**
   * Everything about a code: titles, billable flag, ancestors, every applicable instructional note
   * (with where it is inherited from), the 7th-character table, POA exemption, addenda status and
   * the index lines leading to it. `undefined` when the code does not exist in this fiscal year.
   * Note objects are frozen and shared between calls (copy before changing them).
   */
  get(code: string, options: CmGetOptions = {}): CmCodeDetail | undefined {
    const i = this.byCode.get(normalizeCode(code));
    if (i === undefined) return undefined;
    const c = this.codes;
    const summary = this.summaryAt(i);
    const chain: number[] = [];
    for (let p = c.parent[i]!; p >= 0; p = c.parent[p]!) chain.unshift(p);
    const tree = this.treeBlock();
    const secIndex = c.section[i]!;
    const section = secIndex >= 0 ? tree?.sections[secIndex] : undefined;
    const chapter = section && tree ? tree.chapters[section.chapter] : undefined;

    const notes: CmNote[] = [];
    const own = [i, ...[...chain].reverse()];
    for (const n of own) this.pushNotes(notes, c.codes[n]!, dot(c.codes[n]!), n === i ? 'code' : 'ancestor');
    if (section) this.pushNotes(notes, `section:${section.id}`, section.id, 'section');
    if (section && chapter) this.pushNotes(notes, `chapter:${chapter.name}`, `Chapter ${chapter.name}`, 'chapter');

    let seventh: CmSeventhTable | undefined;
    const defs = this.seventhDefs();
    for (const n of own) {
      const def = defs.get(c.codes[n]!);
      if (def) {
        seventh = this.seventhTable(summary.code, dot(c.codes[n]!), def);
        break;
      }
    }
    const flags = c.flags[i]!;
    const requiresSeventh = (c.flags[i]! & CM_FLAG.requiresSeventh) !== 0;

    // The Index lines are read when first read: most callers want the notes or titles, and the
    // first line read parses both Index blocks (about 4 MB of JSON) and maps every code to its
    // lines (about half a second in a browser worker, on the first suggestion). Only a code new or
    // changed this year may take an ancestor's lines (`indexEntriesFrom`, a key present or absent),
    // so its lines are read at once.
    const lazy = options.indexEntries !== false && (flags & (CM_FLAG.added | CM_FLAG.billableChanged)) === 0;
    const detail: CmCodeDetail = {
      ...summary,
      chapter: chapter ? { name: chapter.name, desc: chapter.desc } : undefined,
      section: section ? { id: section.id, desc: section.desc } : undefined,
      ancestors: chain.map((n) => this.summaryAt(n)),
      notes,
      seventh,
      requiresSeventh,
      poaExempt: (flags & CM_FLAG.poaExempt) !== 0,
      newInYear: (flags & CM_FLAG.added) !== 0,
      revisedInYear: (flags & CM_FLAG.revised) !== 0,
      billableChangedInYear: (flags & CM_FLAG.billableChanged) !== 0,
      ...(lazy ? { indexEntries: [] } : this.indexLines(summary.dotted, flags, chain, options.indexEntries !== false)),
      fiscalYear: this.release.fiscalYear,
    };
    if (lazy) readOnFirstUse(detail, 'indexEntries', () => this.indexEntriesFor(summary.dotted));
    return detail;
  }

  /**
   * Every note of one kind printed at a code (not inherited; chapter and section notes left out),
   * in Tabular order. Cheap bulk access for indexing (e.g. inclusion terms for search).
   *
   * @example for (const t of cm.notesOfKind('inclusionTerm')) index(t.code, t.text);
   */
  *notesOfKind(kind: CmNoteKind): IterableIterator<{ code: string; dotted: string; text: string }> {
    const want = CM_NOTE_KINDS.indexOf(kind);
    this.pushNotes([], '', '', 'code'); // loads the notes block
    for (const [owner, notes] of this.notesByOwner!) {
      if (owner.includes(':')) continue;
      for (const [k, text] of notes) if (k === want) yield { code: owner, dotted: dot(owner), text };
    }
  }

  /** Inclusion terms printed at each code (see {@link notesOfKind}). */
  inclusionTerms(): IterableIterator<{ code: string; dotted: string; text: string }> {
    return this.notesOfKind('inclusionTerm');
  }

  /** Codes deleted this fiscal year (from the order addenda), with their former title. */
  deletedThisYear(): { code: string; dotted: string; title: string }[] {
    return this.addenda().deleted.map(([code, title]) => ({ code, dotted: formatCmCode(code), title }));
  }

  /** `true` when the bundle carries the year's order addenda (so `newInYear` is meaningful). */
  get hasAddenda(): boolean {
    return this.addenda().available;
  }

  /** Alphabetic Index (`index`) and External Cause Index (`eindex`) lines, with full paths. */
  *indexEntries(source: 'index' | 'eindex' = 'index'): IterableIterator<CmIndexEntry> {
    const rows = this.treeRows(source === 'index' ? CM_BLOCKS.index : CM_BLOCKS.eindex);
    if (!rows) return;
    for (let i = 0; i < rows.block.title.length; i++) yield this.entryAt(source, rows, i);
  }

  /** Table of Drugs and Chemicals rows. */
  drugRows(): IterableIterator<CmTableRow> {
    return this.tableRows('drug', CM_BLOCKS.drugs);
  }

  /** Neoplasm Table rows. */
  neoplasmRows(): IterableIterator<CmTableRow> {
    return this.tableRows('neoplasm', CM_BLOCKS.neoplasms);
  }

  /** Column headings of the drug or neoplasm table (first = the term column). */
  tableHeads(source: 'drug' | 'neoplasm'): string[] {
    return this.treeRows(source === 'drug' ? CM_BLOCKS.drugs : CM_BLOCKS.neoplasms)?.block.heads ?? [];
  }

  // ---- internals ----

  private summaryAt(i: number): CmCodeSummary {
    const c = this.codes;
    const t = this.titles();
    const code = c.codes[i]!;
    return {
      code,
      dotted: dot(code),
      billable: (c.flags[i]! & CM_FLAG.billable) !== 0,
      short: t.short[i]!,
      long: t.long[i]!,
    };
  }

  private titles(): { long: string[]; short: string[] } {
    this.titleColumns ??= decodeTitles(readJson<TitlesBlock>(this.reader, CM_BLOCKS.titles));
    return this.titleColumns;
  }

  private childIndex(): number[][] {
    if (!this.childrenOf) {
      const kids: number[][] = [];
      const parent = this.codes.parent;
      for (let i = 0; i < parent.length; i++) {
        const p = parent[i]!;
        if (p >= 0) (kids[p] ??= []).push(i);
      }
      this.childrenOf = kids;
    }
    return this.childrenOf;
  }

  private treeBlock(): TreeBlock | undefined {
    if (!this.tree && this.reader.has(CM_BLOCKS.tree)) this.tree = readJson<TreeBlock>(this.reader, CM_BLOCKS.tree);
    return this.tree;
  }

  private pushNotes(out: CmNote[], owner: string, from: string, level: CmNote['level']): void {
    if (!this.notesByOwner) {
      this.notesByOwner = new Map();
      if (this.reader.has(CM_BLOCKS.notes)) {
        const b = readJson<NotesBlock>(this.reader, CM_BLOCKS.notes);
        b.owners.forEach((o, k) => this.notesByOwner!.set(o, b.notes[k]!));
      }
    }
    const stored = this.notesByOwner.get(owner);
    if (!stored) return;
    // Note objects are immutable and shared between calls (frozen), so a chapter's dozens of
    // notes are built once, not on every get().
    const key = `${level}|${owner}`;
    let list = this.noteCache.get(key);
    if (!list) {
      list = stored.map(([kind, text, stale]) =>
        Object.freeze({
          kind: CM_NOTE_KINDS[kind]!,
          text,
          from,
          level,
          staleRefs: Object.freeze(stale ?? []) as string[],
        }),
      );
      this.noteCache.set(key, list);
    }
    for (const n of list) out.push(n);
  }

  private seventhDefs(): Map<string, SeventhBlock['defs'][number]> {
    if (!this.seventhByOwner) {
      this.seventhByOwner = new Map();
      if (this.reader.has(CM_BLOCKS.seventh)) {
        const b = readJson<SeventhBlock>(this.reader, CM_BLOCKS.seventh);
        b.owners.forEach((o, k) => this.seventhByOwner!.set(o, b.defs[k]!));
      }
    }
    return this.seventhByOwner;
  }

  private seventhTable(code: string, from: string, def: SeventhBlock['defs'][number]): CmSeventhTable {
    // Placeholder X fills the code to six characters before the 7th (ICD-10-CM conventions, "7th
    // characters and placeholder X"). A 7-character code shows the table of its own family.
    const stem = code.length >= 7 ? code.slice(0, 6) : code.padEnd(6, 'X');
    return {
      from,
      note: def.note,
      chars: def.chars.map(([char, meaning]) => {
        const full = stem + char;
        const k = this.byCode.get(full);
        return {
          char,
          meaning,
          code: formatCmCode(full),
          valid: k !== undefined && (this.codes.flags[k]! & CM_FLAG.billable) !== 0,
        };
      }),
    };
  }

  private addenda(): AddendaBlock {
    if (!this.addendaBlock) {
      this.addendaBlock = this.reader.has(CM_BLOCKS.addenda)
        ? readJson<AddendaBlock>(this.reader, CM_BLOCKS.addenda)
        : { available: false, added: [], deleted: [], revised: [] };
    }
    return this.addendaBlock;
  }

  private treeRows(name: string): TreeRows | undefined {
    const hit = this.trees.get(name);
    if (hit) return hit;
    if (!this.reader.has(name)) return undefined;
    const block = readJson<IndexTreeBlock>(this.reader, name);
    const paths: string[] = new Array<string>(block.title.length);
    for (let i = 0; i < block.title.length; i++) {
      const p = block.parent[i]!;
      paths[i] = p >= 0 ? `${paths[p]!}, ${block.title[i]!}` : block.title[i]!;
    }
    const rows = { block, stale: new Set(block.staleRefs), paths };
    this.trees.set(name, rows);
    return rows;
  }

  private entryAt(source: 'index' | 'eindex', rows: TreeRows, i: number): CmIndexEntry {
    const b = rows.block;
    const code = b.code[i]!;
    const manif = b.manif[i]!;
    return {
      id: i,
      source,
      path: rows.paths[i]!,
      title: b.title[i]!,
      nemod: b.nemod[i]!,
      code,
      manif,
      see: b.see[i]!,
      seeAlso: b.seeAlso[i]!,
      nec: /\bNEC\b/.test(b.title[i]!) || /\bNEC\b/.test(b.nemod[i]!),
      nos: /\bNOS\b/.test(b.title[i]!) || /\bNOS\b/.test(b.nemod[i]!),
      stale: `${code} ${manif}`.split(' ').some((c) => c !== '' && rows.stale.has(c)),
    };
  }

  private *tableRows(source: 'drug' | 'neoplasm', name: string): IterableIterator<CmTableRow> {
    const rows = this.treeRows(name);
    if (!rows) return;
    const b = rows.block;
    for (let i = 0; i < b.title.length; i++) {
      yield {
        id: i,
        source,
        path: rows.paths[i]!,
        title: b.title[i]!,
        nemod: b.nemod[i]!,
        see: b.see[i]!,
        seeAlso: b.seeAlso[i]!,
        cells: (b.cells[i] ?? []).map((code, k) => ({
          column: b.heads[k + 1] ?? '',
          code,
          stale: rows.stale.has(code),
        })),
      };
    }
  }

  /**
   * Index lines of a code. A code new this year (or turned billable/header) that no Index line
   * names is newer than the Index in use: the lines of its nearest ancestor that has some stand in,
   * and `indexEntriesFrom` names that ancestor so the UI can say so.
   */
  private indexLines(
    dotted: string,
    flags: number,
    chain: readonly number[],
    wanted: boolean,
  ): { indexEntries: CmIndexEntry[]; indexEntriesFrom?: string } {
    if (!wanted) return { indexEntries: [] };
    const own = this.indexEntriesFor(dotted);
    if (own.length > 0 || (flags & (CM_FLAG.added | CM_FLAG.billableChanged)) === 0) return { indexEntries: own };
    for (let k = chain.length - 1; k >= 0; k--) {
      const ancestor = dot(this.codes.codes[chain[k]!]!);
      const lines = this.indexEntriesFor(ancestor);
      if (lines.length > 0) return { indexEntries: lines, indexEntriesFrom: ancestor };
    }
    return { indexEntries: [] };
  }

  private indexEntriesFor(dotted: string): CmIndexEntry[] {
    if (!this.rowsByCode) {
      // code -> packed (source << 24 | row); entries are made only for the code asked for.
      const map = new Map<string, number[]>();
      (['index', 'eindex'] as const).forEach((source, s) => {
        const rows = this.treeRows(source === 'index' ? CM_BLOCKS.index : CM_BLOCKS.eindex);
        if (!rows) return;
        const { code, manif } = rows.block;
        for (let i = 0; i < code.length; i++) {
          const c = code[i]!;
          const m = manif[i]!;
          if (!c && !m) continue;
          // A line may print two codes (space separated); each leads to the line.
          for (const key of (m ? `${c} ${m}` : c).split(' ')) {
            if (!key) continue;
            const list = map.get(key);
            if (list) list.push((s << 24) | i);
            else map.set(key, [(s << 24) | i]);
          }
        }
      });
      this.rowsByCode = map;
    }
    return (this.rowsByCode.get(dotted) ?? []).map((packed) => {
      const source = packed >> 24 === 0 ? 'index' : 'eindex';
      const rows = this.treeRows(source === 'index' ? CM_BLOCKS.index : CM_BLOCKS.eindex)!;
      return this.entryAt(source, rows, packed & 0xffffff);
    });
  }
}

interface DecodedCodes {
  codes: string[];
  flags: number[];
  parent: Int32Array;
  section: Int32Array;
}

function decodeCodes(b: CodesBlock): DecodedCodes {
  const n = b.codes.length;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = b.parentDelta[i] === 0 ? -1 : i - b.parentDelta[i]!;
  const section = new Int32Array(n);
  let at = 0;
  for (const [s, count] of b.sectionRuns) {
    section.fill(s, at, at + count);
    at += count;
  }
  return { codes: b.codes, flags: b.flags, parent, section };
}

/**
 * Turns `obj[key]` into a property computed by `read` when first read, then kept as a plain data
 * property: same key, same place among the object's keys, same value as when computed at once, so
 * spreading, JSON and structured cloning (which read it) see the same object.
 */
function readOnFirstUse<T extends object, K extends keyof T>(obj: T, key: K, read: () => T[K]): void {
  Object.defineProperty(obj, key, {
    enumerable: true,
    configurable: true,
    get(this: T) {
      const value = read();
      Object.defineProperty(this, key, { value, enumerable: true, configurable: true, writable: true });
      return value;
    },
    set(this: T, value: T[K]) {
      Object.defineProperty(this, key, { value, enumerable: true, configurable: true, writable: true });
    },
  });
}

/** Display form of an already normalised code (hot path: no normalisation). */
function dot(code: string): string {
  return code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code;
}
