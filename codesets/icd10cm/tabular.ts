/**
 * Tabular List XML (`icd10cm_tabular_<FY>.xml`, schema `icd10cm_tabular.xsd`): chapters,
 * sections, categories and codes (`diag`, nested) with their instructional notes.
 *
 * Note elements (each a list of `<note>`): includes, inclusionTerm, excludes1, excludes2,
 * codeFirst, useAdditionalCode, codeAlso, notes; 7th characters: sevenChrNote (notes) and
 * sevenChrDef (`<extension char="A">initial encounter ...</extension>`). Notes printed at a
 * chapter or section apply to every code in it; inheritance itself is resolved by the engine.
 */
import { CM_NOTE_KINDS } from '../../engine/icd10cm/layout';
import { ReleaseFileError } from '../builder';
import { collapseWhitespace } from '../../engine/text/collapse-whitespace';
import { streamXml } from '../xml/stream-xml';

/** A note as read: kind index into {@link CM_NOTE_KINDS} and text. */
export type RawNote = [kind: number, text: string];

export interface TabularChapter {
  name: string;
  desc: string;
  notes: RawNote[];
}
export interface TabularSection {
  id: string;
  desc: string;
  first: string;
  last: string;
  chapter: number;
  notes: RawNote[];
}
export interface TabularDiag {
  /** Undotted code. */
  code: string;
  desc: string;
  section: number;
  notes: RawNote[];
  seventh?: { note: string[]; chars: [string, string][] };
}
/** A parsed Tabular List. */
export interface TabularList {
  version: string;
  chapters: TabularChapter[];
  sections: TabularSection[];
  diags: TabularDiag[];
}

const NOTE_KIND = new Map<string, number>(CM_NOTE_KINDS.map((k, i) => [k, i]));

/** Parses a Tabular List XML file. Refuses it whole ({@link ReleaseFileError}) when malformed. */
export function parseTabular(bytes: Uint8Array | string, file: string): TabularList {
  const out: TabularList = { version: '', chapters: [], sections: [], diags: [] };
  type Owner =
    { kind: 'chapter'; v: TabularChapter } | { kind: 'section'; v: TabularSection } | { kind: 'diag'; v: TabularDiag };
  const owners: Owner[] = [];
  const path: string[] = [];
  let buf = '';
  let container: string | undefined; // current note container element
  let extensionChar: string | undefined;
  let skipDepth = 0; // inside <introduction> or <sectionIndex>
  // The visual impairment table of H54 (<visualImpairment>), read into one note per category.
  let vis: VisTable | undefined;

  const top = (): Owner | undefined => owners[owners.length - 1];

  streamXml(bytes, file, 'ICD10CM.tabular', {
    open(el) {
      path.push(el.name);
      buf = '';
      if (skipDepth > 0 || el.name === 'introduction' || el.name === 'sectionIndex') {
        skipDepth++;
        return;
      }
      if (el.name === 'visualImpairment') vis = { headings: {}, category: undefined };
      if (vis) {
        visOpen(vis, el.name);
        return;
      }
      switch (el.name) {
        case 'chapter': {
          const v: TabularChapter = { name: '', desc: '', notes: [] };
          out.chapters.push(v);
          owners.push({ kind: 'chapter', v });
          break;
        }
        case 'section': {
          const id = el.attrs.id ?? '';
          const [first, last] = id.includes('-') ? id.split('-') : [id, id];
          const v: TabularSection = {
            id,
            desc: '',
            first: first ?? '',
            last: last ?? '',
            chapter: out.chapters.length - 1,
            notes: [],
          };
          out.sections.push(v);
          owners.push({ kind: 'section', v });
          break;
        }
        case 'diag': {
          const v: TabularDiag = { code: '', desc: '', section: out.sections.length - 1, notes: [] };
          out.diags.push(v);
          owners.push({ kind: 'diag', v });
          break;
        }
        case 'sevenChrDef':
        case 'sevenChrNote': {
          const o = top();
          if (o?.kind !== 'diag') throw new ReleaseFileError(file, undefined, `<${el.name}> outside a code`);
          o.v.seventh ??= { note: [], chars: [] };
          container = el.name;
          break;
        }
        case 'extension':
          extensionChar = el.attrs.char;
          break;
        default:
          if (NOTE_KIND.has(el.name)) container = el.name;
      }
    },
    text(t) {
      buf += t;
    },
    close({ name }) {
      path.pop();
      if (skipDepth > 0) {
        skipDepth--;
        buf = '';
        return;
      }
      const text = collapseWhitespace(buf);
      buf = '';
      const o = top();
      if (vis) {
        if (name === 'visualImpairment') {
          if (o?.kind === 'diag') for (const note of vis.notes ?? []) o.v.notes.push([NOTE_KIND.get('notes')!, note]);
          vis = undefined;
        } else visClose(vis, name, text, path);
        return;
      }
      switch (name) {
        case 'version':
          out.version = text;
          break;
        case 'name':
          if (o?.kind === 'chapter') o.v.name = text;
          else if (o?.kind === 'diag') o.v.code = text.replace('.', '');
          break;
        case 'desc':
          if (o) o.v.desc = text;
          break;
        case 'note':
          if (!o || !container) break;
          if (container === 'sevenChrNote' && o.kind === 'diag') o.v.seventh!.note.push(text);
          else if (container !== 'sevenChrDef') o.v.notes.push([NOTE_KIND.get(container)!, text]);
          break;
        case 'extension':
          if (o?.kind === 'diag' && extensionChar) o.v.seventh!.chars.push([extensionChar, text]);
          extensionChar = undefined;
          break;
        case 'chapter':
        case 'section':
        case 'diag':
          owners.pop();
          break;
        default:
          if (name === container) container = undefined;
      }
    },
  });
  if (out.diags.length === 0) throw new ReleaseFileError(file, undefined, 'no codes found in the Tabular List');
  return out;
}

interface VisTable {
  headings: { category?: string; range?: string; max?: string; min?: string };
  category: { value: string; max: string[]; min: string[] } | undefined;
  notes?: string[];
}

function visOpen(vis: VisTable, name: string): void {
  if (name === 'visCategory') vis.category = { value: '', max: [], min: [] };
}

/**
 * Reads the visual impairment table (its column headings come from the first `visCategory`)
 * into sentences such as "Category of visual impairment 1 (Visual acuity with best possible
 * correction): Maximum less than: 6/18; 3/10(0.3); 20/70. Minimum equal to or better than: ...".
 */
function visClose(vis: VisTable, name: string, text: string, path: string[]): void {
  const parent = path[path.length - 1];
  const c = vis.category;
  if (name === 'heading') {
    if (parent === 'visCategory') vis.headings.category = text;
    else if (parent === 'visRange') vis.headings.range = text;
    else if (parent === 'visMax') vis.headings.max = text;
    else if (parent === 'visMin') vis.headings.min = text;
  } else if (name === 'value' && c) {
    if (parent === 'visCategory') c.value = text;
    else if (parent === 'visMax') c.max.push(text);
    else if (parent === 'visMin') c.min.push(text);
  } else if (name === 'visCategory' && c) {
    if (c.value) {
      const h = vis.headings;
      const parts = [`${h.max ?? 'Maximum less than:'} ${c.max.join('; ')}`];
      if (c.min.length > 0) parts.push(`${h.min ?? 'Minimum equal to or better than:'} ${c.min.join('; ')}`);
      (vis.notes ??= []).push(
        `${h.category ?? 'Category of visual impairment'} ${c.value}${h.range ? ` (${h.range})` : ''}: ${parts.join('. ')}`,
      );
    }
    vis.category = undefined;
  }
}
