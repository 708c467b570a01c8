/**
 * Assembles one fiscal year's ICD-10-CM bundle from parsed release files: the year's order file
 * decides which codes exist; the Tabular List, indexes and tables (possibly of an older release)
 * are attached to it, every code they reference is validated against the year's codes, and the
 * header records which release each part came from.
 */
import {
  encodeBundle,
  jsonPayload,
  readBundleHeader,
  type BlockInput,
  type ProvenanceFile,
} from '../../engine/bundle/format';
import {
  CM_BLOCKS,
  CM_FLAG,
  CM_LAYOUT_VERSION,
  encodeTitles,
  type AddendaBlock,
  type CodesBlock,
  type IndexTreeBlock,
  type NotesBlock,
  type SeventhBlock,
  type StoredNote,
  type TreeBlock,
} from '../../engine/icd10cm/layout';
import type { BuiltBundle } from '../builder';
import type { OrderAddenda } from './addenda';
import type { IndexTree } from './index-xml';
import type { OrderRecord } from './order-file';
import { cellReference, isValidReference, noteReferences } from './refs';
import type { TabularList } from './tabular';

/** A parsed part with where it came from. */
export interface Sourced<T> {
  data: T;
  provenance: ProvenanceFile[];
  /** Substitution sentence, if the file is not the year's own. */
  substitution?: string;
}

/** Everything one year's bundle is made of. */
export interface CmYearInputs {
  year: number;
  order: Sourced<OrderRecord[]>;
  tabular?: Sourced<TabularList>;
  index?: Sourced<IndexTree>;
  eindex?: Sourced<IndexTree>;
  drug?: Sourced<IndexTree>;
  neoplasm?: Sourced<IndexTree>;
  poaExempt?: Sourced<string[]>;
  addenda?: Sourced<OrderAddenda>;
  /**
   * Set when `order` is not the year's own order file but derived from an older one and the
   * year's addenda (see `derive.ts`): the sentence recorded as the bundle's `derivation`.
   */
  derivation?: string;
}

const fmt = (n: number): string => n.toLocaleString('en-US');

/** Builds the `icd10cm-<year>` bundle. Deterministic: same inputs, byte-identical bytes. */
export function assembleCmYear(input: CmYearInputs): BuiltBundle {
  const { year } = input;
  const notes: string[] = [];
  const counts: Record<string, number> = {};
  const provenance: ProvenanceFile[] = [];
  const records = input.order.data;
  provenance.push(...input.order.provenance);
  if (input.derivation) {
    notes.push(
      `Codes, titles and billable flags ${input.derivation.replace(/^derived: /, 'derived from the ')}; ` +
        `new lines are placed in code order within their category (the addenda carry no order numbers).`,
    );
  }

  // ---- codes ----
  const index = new Map<string, number>();
  records.forEach((r, i) => index.set(r.code, i));
  const codeSet = new Set(index.keys());
  // Plain columns while assembling; front coded / run-length coded when the block is written.
  const codes = { codes: [] as string[], flags: [] as number[], parent: [] as number[], section: [] as number[] };
  for (const r of records) {
    codes.codes.push(r.code);
    codes.flags.push(r.billable ? CM_FLAG.billable : 0);
    let parent = -1;
    for (let len = r.code.length - 1; len >= 3 && parent < 0; len--) parent = index.get(r.code.slice(0, len)) ?? -1;
    codes.parent.push(parent);
    codes.section.push(-1);
  }
  counts.codes = records.length;
  counts.billable = records.filter((r) => r.billable).length;
  counts.headers = records.length - counts.billable;

  let refsValid = 0;
  let refsStale = 0;
  const blocks: BlockInput[] = [];

  // ---- Tabular List: chapters, sections, notes, 7th characters ----
  let tree: TreeBlock | undefined;
  const notesBlock: NotesBlock = { owners: [], notes: [] };
  const seventh: SeventhBlock = { owners: [], defs: [] };
  if (input.tabular) {
    const tab = input.tabular.data;
    provenance.push(...input.tabular.provenance);
    tree = {
      chapters: tab.chapters.map((c) => ({ name: c.name, desc: c.desc })),
      sections: tab.sections.map((s) => ({ id: s.id, desc: s.desc, first: s.first, last: s.last, chapter: s.chapter })),
    };
    let noteStale = 0;
    let noteValid = 0;
    const store = (owner: string, raw: [number, string][]): void => {
      if (raw.length === 0) return;
      const list: StoredNote[] = raw.map(([kind, text]) => {
        const stale = [...new Set(noteReferences(text).filter((ref) => !isValidReference(ref, codeSet)))];
        const all = noteReferences(text).length;
        const bad = noteReferences(text).filter((ref) => !isValidReference(ref, codeSet)).length;
        noteStale += bad;
        noteValid += all - bad;
        return stale.length > 0 ? [kind, text, stale] : [kind, text];
      });
      notesBlock.owners.push(owner);
      notesBlock.notes.push(list);
    };
    tab.chapters.forEach((c) => store(`chapter:${c.name}`, c.notes));
    tab.sections.forEach((s) => store(`section:${s.id}`, s.notes));
    let orphanNotes = 0;
    let orphanOwners = 0;
    const diagSection = new Map<string, number>();
    for (const d of tab.diags) {
      if (d.code.length === 3) diagSection.set(d.code, d.section);
      if (!codeSet.has(d.code)) {
        // A 2017 code that no longer exists: its notes cannot be shown on any code of this year.
        if (d.notes.length > 0 || d.seventh) {
          orphanOwners++;
          orphanNotes += d.notes.length;
        }
        continue;
      }
      store(d.code, d.notes);
      if (d.seventh && d.seventh.chars.length > 0) {
        seventh.owners.push(d.code);
        seventh.defs.push({ note: d.seventh.note, chars: d.seventh.chars });
      }
    }
    // Sections for every code: the Tabular's own placement of the category, else (a category
    // newer than the Tabular) the section whose range holds it.
    // A category outside every range (FY2026's QA0 sorts after Q99) takes the section of the
    // code before it in the order file, which CMS orders by chapter.
    let sectionByRange = 0;
    let sectionByOrder = 0;
    const unplaced: string[] = [];
    for (let i = 0; i < codes.codes.length; i++) {
      const code = codes.codes[i]!;
      const cat = code.slice(0, 3);
      let s = diagSection.get(cat);
      if (s === undefined) {
        s = tab.sections.findIndex((sec) => sec.first <= cat && cat <= sec.last);
        if (s >= 0 && code.length === 3) sectionByRange++;
        // Only within the same letter: U07 (COVID-19) follows Z99 in the order file but belongs
        // to chapter 22, which the FY2017 Tabular does not have.
        if (s < 0 && i > 0 && codes.codes[i - 1]![0] === code[0]) {
          s = codes.section[i - 1]!;
          if (code.length === 3 && s >= 0) sectionByOrder++;
        }
        if (s < 0 && code.length === 3) unplaced.push(code);
      }
      codes.section[i] = s;
    }
    counts.notes = notesBlock.notes.reduce((n, l) => n + l.length, 0);
    counts.seventhCharacterDefinitions = seventh.owners.length;
    // Headers above 7-character codes made from a 7th-character table need a 7th character.
    const defChars = new Map(seventh.owners.map((o, k) => [o, new Set(seventh.defs[k]!.chars.map(([c]) => c))]));
    let requiring = 0;
    for (let i = 0; i < codes.codes.length; i++) {
      const code = codes.codes[i]!;
      if (code.length !== 7 || (codes.flags[i]! & CM_FLAG.billable) === 0) continue;
      let owner: string | undefined;
      for (let len = 6; len >= 3 && !owner; len--) if (defChars.has(code.slice(0, len))) owner = code.slice(0, len);
      if (!owner || !defChars.get(owner)!.has(code[6]!)) continue;
      for (let p = codes.parent[i]!; p >= 0; p = codes.parent[p]!) {
        if ((codes.flags[p]! & CM_FLAG.requiresSeventh) !== 0) break;
        if ((codes.flags[p]! & CM_FLAG.billable) === 0) {
          codes.flags[p]! |= CM_FLAG.requiresSeventh;
          requiring++;
        }
        if (codes.codes[p] === owner) break; // not above the code that defines the table (E11.32, not E11)
      }
    }
    counts.headersRequiringSeventhCharacter = requiring;
    counts.noteReferencesValid = noteValid;
    counts.noteReferencesStale = noteStale;
    counts.notesOrphaned = orphanNotes;
    counts.categoriesWithoutChapter = unplaced.length;
    refsValid += noteValid;
    refsStale += noteStale;
    const tabYear = input.tabular.provenance[0]?.releaseYear ?? year;
    // 7-character codes formed from a 7th-character table are not listed in the Tabular List
    // (they never were), so only codes outside both count as new to it.
    const seventhOwners = new Set(seventh.owners);
    const fromSeventh = (c: string): boolean => {
      if (c.length !== 7) return false;
      for (let len = 6; len >= 3; len--) if (seventhOwners.has(c.slice(0, len))) return true;
      return false;
    };
    const newCodes = codes.codes.filter((c) => !diagHas(tab, c) && !fromSeventh(c)).length;
    notes.push(
      `Tabular List from FY${tabYear}${tabYear === year ? '' : ' (newest available)'}: ${fmt(counts.notes)} notes; ` +
        `${fmt(noteStale)} of ${fmt(noteStale + noteValid)} code references in them are not FY${year} codes and are flagged stale.`,
    );
    if (tabYear !== year) {
      notes.push(
        `${fmt(newCodes)} FY${year} codes are not in the FY${tabYear} Tabular List; they take the notes of their nearest existing ancestor, section and chapter` +
          (sectionByRange > 0 ? `; ${fmt(sectionByRange)} new categories placed in sections by code range` : '') +
          (sectionByOrder > 0
            ? `; ${fmt(sectionByOrder)} new categories outside every section range placed with the preceding code in the order file`
            : '') +
          (unplaced.length > 0
            ? `; categories in no chapter of that Tabular List (no chapter or section notes): ${unplaced.join(', ')}`
            : '') +
          `. ${fmt(orphanNotes)} notes on ${fmt(orphanOwners)} FY${tabYear} codes that no longer exist are dropped.`,
      );
    }
    blocks.push({ name: CM_BLOCKS.tree, kind: 'json', payload: jsonPayload(tree) });
    blocks.push({ name: CM_BLOCKS.notes, kind: 'json', payload: jsonPayload(notesBlock) });
    blocks.push({ name: CM_BLOCKS.seventh, kind: 'json', payload: jsonPayload(seventh) });
  } else {
    notes.push(
      `No Tabular List XML available for FY${year} or earlier: no instructional notes, chapters or 7th-character tables.`,
    );
  }

  // ---- indexes and tables ----
  const trees: [keyof typeof CM_BLOCKS, Sourced<IndexTree> | undefined, string, string][] = [
    ['index', input.index, 'Alphabetic Index', 'indexTerms'],
    ['eindex', input.eindex, 'External Cause Index', 'eindexTerms'],
    ['drugs', input.drug, 'Table of Drugs and Chemicals', 'drugRows'],
    ['neoplasms', input.neoplasm, 'Neoplasm Table', 'neoplasmRows'],
  ];
  for (const [key, part, what, countName] of trees) {
    if (!part) {
      notes.push(`No ${what} XML available: not included.`);
      continue;
    }
    provenance.push(...part.provenance);
    const t = part.data;
    const stale = new Set<string>();
    let valid = 0;
    let bad = 0;
    const check = (printed: string): void => {
      for (const one of printed.split(' ')) {
        const ref = cellReference(one);
        if (!ref) continue;
        if (isValidReference(ref, codeSet)) valid++;
        else {
          bad++;
          stale.add(one);
        }
      }
    };
    const block: IndexTreeBlock = {
      heads: t.heads,
      title: [],
      nemod: [],
      parent: [],
      code: [],
      manif: [],
      see: [],
      seeAlso: [],
      cells: [],
      staleRefs: [],
    };
    const isTable = key === 'drugs' || key === 'neoplasms';
    for (const r of t.rows) {
      block.title.push(r.title);
      block.nemod.push(r.nemod);
      block.parent.push(r.parent);
      block.code.push(r.code);
      block.manif.push(r.manif);
      block.see.push(r.see);
      block.seeAlso.push(r.seeAlso);
      if (isTable) block.cells.push(r.cells);
      check(r.code);
      check(r.manif);
      for (const c of r.cells) check(c);
    }
    block.staleRefs = [...stale].sort();
    counts[countName] = t.rows.length;
    counts[`${countName}ReferencesStale`] = bad;
    refsValid += valid;
    refsStale += bad;
    const partYear = part.provenance[0]?.releaseYear ?? year;
    notes.push(
      `${what} from FY${partYear}${partYear === year ? '' : ' (newest available)'}: ${fmt(t.rows.length)} lines; ` +
        `${fmt(bad)} of ${fmt(bad + valid)} codes in it are not FY${year} codes and are flagged stale.`,
    );
    blocks.push({ name: CM_BLOCKS[key], kind: 'json', payload: jsonPayload(block) });
  }

  // ---- POA exemption ----
  if (input.poaExempt) {
    provenance.push(...input.poaExempt.provenance);
    let marked = 0;
    let missing = 0;
    for (const code of input.poaExempt.data) {
      const i = index.get(code);
      if (i === undefined) missing++;
      else {
        codes.flags[i]! |= CM_FLAG.poaExempt;
        marked++;
      }
    }
    counts.poaExempt = marked;
    counts.poaExemptNotInYear = missing;
    if (input.poaExempt.substitution) notes.push(input.poaExempt.substitution);
    if (missing > 0)
      notes.push(`${fmt(missing)} POA-exempt codes of the list used are not FY${year} codes and are ignored.`);
  } else {
    notes.push(`No POA-exempt list available for FY${year}: POA exemption is unknown (not "not exempt").`);
  }

  // ---- addenda ----
  const addenda: AddendaBlock = { available: false, added: [], deleted: [], revised: [] };
  if (input.addenda) {
    provenance.push(...input.addenda.provenance);
    const a = input.addenda.data;
    addenda.available = true;
    // A code both deleted and added changed between header and billable (B88.0 became a header
    // when B88.01/B88.09 were added in FY2026): it is not new.
    const deletedCodes = new Set(a.deleted.map((r) => r.code));
    for (const r of a.added) {
      const i = index.get(r.code);
      const changed = deletedCodes.has(r.code);
      if (i !== undefined) codes.flags[i]! |= changed ? CM_FLAG.billableChanged : CM_FLAG.added;
      if (!changed) addenda.added.push(r.code);
    }
    for (const r of a.revised) {
      const i = index.get(r.code);
      if (i !== undefined) codes.flags[i]! |= CM_FLAG.revised;
      addenda.revised.push([r.code, r.from, r.to]);
    }
    for (const r of a.deleted) addenda.deleted.push([r.code, r.title]);
    counts.added = addenda.added.length;
    counts.deleted = a.deleted.length;
    counts.revised = a.revised.length;
  } else {
    notes.push(`No FY${year} order addenda available: "new in FY${year}" is unknown.`);
  }
  blocks.push({ name: CM_BLOCKS.addenda, kind: 'json', payload: jsonPayload(addenda) });

  counts.referencesValid = refsValid;
  counts.referencesStale = refsStale;

  const sectionRuns: [number, number][] = [];
  for (const s of codes.section) {
    const last = sectionRuns[sectionRuns.length - 1];
    if (last && last[0] === s) last[1]++;
    else sectionRuns.push([s, 1]);
  }
  const codesBlock: CodesBlock = {
    layout: CM_LAYOUT_VERSION,
    codes: codes.codes,
    flags: codes.flags,
    parentDelta: codes.parent.map((p, i) => (p < 0 ? 0 : i - p)),
    sectionRuns,
  };
  const titles = encodeTitles(
    records.map((r) => r.long),
    records.map((r) => r.short),
  );
  blocks.unshift(
    { name: CM_BLOCKS.codes, kind: 'json', payload: jsonPayload(codesBlock) },
    { name: CM_BLOCKS.titles, kind: 'json', payload: jsonPayload(titles) },
  );
  const header = {
    id: `icd10cm-${year}`,
    system: 'icd10cm' as const,
    fiscalYear: year,
    effectiveFrom: `${year - 1}-10-01`,
    effectiveTo: `${year}-09-30`,
    release: `ICD-10-CM FY${year} (Oct 1, ${year - 1})${input.derivation ? `, ${input.derivation.replace(/ \(.*\)$/, '')}` : ''}`,
    ...(input.derivation ? { derivation: input.derivation } : {}),
    provenance,
    notes,
    counts,
  };
  const bytes = encodeBundle(header, blocks);
  return { header: readBundleHeader(bytes), bytes };
}

function diagHas(tab: TabularList, code: string): boolean {
  let set = diagSets.get(tab);
  if (!set) {
    set = new Set(tab.diags.map((d) => d.code));
    diagSets.set(tab, set);
  }
  return set.has(code);
}
const diagSets = new WeakMap<TabularList, Set<string>>();
