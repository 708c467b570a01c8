/**
 * Code detail for the side panel and the trainee view, assembled from the code tables: what a
 * coder checks in the Tabular List after the Index led them to a code.
 */
import { formatCmCode, normalizeCode } from '../codes/normalize';
import type { CmCodeDetail, CmCodeSummary, CmNote, CmReleaseInfo } from '../icd10cm/types';
import type { SearchIndex } from './search-index';

/** What detail needs from ICD-10-CM ({@link CmTable} satisfies it). */
export interface CmDetailSource {
  readonly release: CmReleaseInfo;
  get(code: string): CmCodeDetail | undefined;
  billableDescendants(code: string): CmCodeSummary[];
}

/** One step of the path from chapter to code. */
export interface PathStep {
  level: 'chapter' | 'section' | 'category' | 'subcategory' | 'code';
  /** `Chapter 9`, `I30-I5A`, `I50`, `I50.2`, `I50.23`. */
  id: string;
  title: string;
}

/** Everything the code detail view shows for an ICD-10-CM code. */
export interface CmDetailView {
  system: 'cm';
  code: string;
  title: string;
  shortTitle: string;
  billable: boolean;
  /** "Header: not valid for reporting; choose a billable code below" for a header. */
  status: string;
  path: PathStep[];
  /** Every note that applies, own first, each with where it is printed (`from`) and its level. */
  notes: CmNote[];
  /** 7th-character table with the X placeholder filled in; undefined when none applies. */
  seventh: CmCodeDetail['seventh'];
  requiresSeventh: boolean;
  poaExempt: boolean;
  newInYear: boolean;
  revisedInYear: boolean;
  /** Index lines leading to this code (full paths). */
  indexPaths: string[];
  /** Set when the code is newer than the Index in use: the ancestor whose lines `indexPaths` are. */
  indexFrom?: string;
  /** Billable codes under a header (empty for a billable code). At most 200. */
  billableChildren: { code: string; title: string }[];
  fiscalYear: number;
  release: { id: string; label: string; provenance: CmReleaseInfo['provenance']; notes: string[] };
}

/** The trainee's "how would I find this": Index first, then the Tabular notes that confirm or exclude. */
export interface HowToFind {
  code: string;
  /** Step 1: Index lines that lead here (full paths as printed). */
  indexPaths: string[];
  /** Step 2: go to the Tabular List at this path. */
  tabularPath: PathStep[];
  /** Step 3: notes that confirm the choice (includes, inclusion terms). */
  confirming: CmNote[];
  /** Notes that exclude or redirect (Excludes1/2, code first, use additional code, code also). */
  checks: CmNote[];
  /** Step 4: complete the code (7th character, billable level). */
  completion: string[];
}

/**
 * Detail view of an ICD-10-CM code, or `undefined` when it does not exist in the table's year.
 *
 * @example cmDetail(cm, 'i50.23')?.path.map((p) => p.id) // ['Chapter 9', 'I30-I5A', 'I50', 'I50.2', 'I50.23']
 */
export function cmDetail(cm: CmDetailSource, code: string): CmDetailView | undefined {
  const d = cm.get(code);
  if (!d) return undefined;
  const path: PathStep[] = [];
  if (d.chapter) path.push({ level: 'chapter', id: `Chapter ${d.chapter.name}`, title: d.chapter.desc });
  if (d.section) path.push({ level: 'section', id: d.section.id, title: d.section.desc });
  for (const a of d.ancestors)
    path.push({ level: a.code.length === 3 ? 'category' : 'subcategory', id: a.dotted, title: a.long });
  path.push({ level: d.code.length === 3 ? 'category' : 'code', id: d.dotted, title: d.long });
  const children = d.billable
    ? []
    : cm
        .billableDescendants(d.code)
        .slice(0, 200)
        .map((c) => ({ code: c.dotted, title: c.long }));
  const status = d.billable
    ? 'Billable: valid for reporting'
    : d.requiresSeventh
      ? 'Not billable: a 7th character is required (see the 7th-character table)'
      : 'Header: not valid for reporting; choose a billable code below';
  return {
    system: 'cm',
    code: d.dotted,
    title: d.long,
    shortTitle: d.short,
    billable: d.billable,
    status,
    path,
    notes: d.notes,
    seventh: d.seventh,
    requiresSeventh: d.requiresSeventh,
    poaExempt: d.poaExempt,
    newInYear: d.newInYear,
    revisedInYear: d.revisedInYear,
    indexPaths: d.indexEntries.map((e) => (e.nemod ? `${e.path} ${e.nemod}` : e.path)),
    ...(d.indexEntriesFrom ? { indexFrom: d.indexEntriesFrom } : {}),
    billableChildren: children,
    fiscalYear: d.fiscalYear,
    release: {
      id: cm.release.id,
      label: cm.release.release,
      provenance: cm.release.provenance,
      notes: cm.release.notes,
    },
  };
}

/**
 * "How would I find this": the Index path(s), the Tabular path, the notes to read, and how to
 * complete the code. When the table has no Index line for the code, the search index is asked
 * which Index lines lead to the code's header (the Index often stops at a category with "-").
 */
export function howToFind(cm: CmDetailSource, code: string, search?: SearchIndex): HowToFind | undefined {
  const view = cmDetail(cm, code);
  if (!view) return undefined;
  const indexPaths = [...view.indexPaths];
  if (indexPaths.length === 0 && search) {
    for (const step of [...view.path].reverse()) {
      if (step.level === 'chapter' || step.level === 'section') break;
      const hits = search.search(step.title, { system: 'cm', limit: 10, prefix: false });
      const lead = hits.find((h) => h.code === step.id && (h.match.kind === 'index' || h.match.entry === 'index'));
      if (lead) {
        indexPaths.push(`${lead.match.text} \u2192 ${step.id}${step.id === view.code ? '' : '-'}`);
        break;
      }
    }
  }
  const confirming = view.notes.filter((n) => n.kind === 'includes' || n.kind === 'inclusionTerm');
  const checks = view.notes.filter((n) => n.kind !== 'includes' && n.kind !== 'inclusionTerm');
  const completion: string[] = [];
  if (view.billable) completion.push(`${view.code} is billable: report it as is.`);
  else if (view.requiresSeventh)
    completion.push(
      `Add a 7th character from the table printed at ${view.seventh?.from ?? 'the category'}; fill empty positions with the placeholder X.`,
    );
  else completion.push(`${view.code} is a header: pick one of its ${view.billableChildren.length} billable codes.`);
  if (view.poaExempt) completion.push('Exempt from present-on-admission reporting.');
  return { code: view.code, indexPaths, tabularPath: view.path, confirming, checks, completion };
}

/** Display form of a code of any system (dotted for ICD-10-CM). */
export function displayCode(system: 'cm' | 'pcs' | 'hcpcs', code: string): string {
  return system === 'cm' ? formatCmCode(code) : normalizeCode(code);
}
