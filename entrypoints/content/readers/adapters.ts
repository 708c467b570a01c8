/**
 * Page adapters: how to find the note, its metadata, headings and result tables on each kind of
 * EHR web view. Every selector here has a fixture page in test/fixtures/ehr/ (epic-demo.html,
 * meditech-demo.html); an expected element that is missing is reported as a warning, never
 * silently skipped.
 */
import type { ChartSnapshot } from '../../../engine/chart/snapshot';
import { collapseWhitespace } from '../../../engine/text/collapse-whitespace';
import { GENERIC_TABLES, guessKind, LAB_WORDS, VITAL_WORDS, type TableRule } from './tables';
import type { WalkRules } from './walk';

/** What an adapter found on the page. */
export interface ReadPlan {
  reader: string;
  /** Where to start the walk. */
  root: Node;
  document: ChartSnapshot['document'];
  rules: WalkRules;
  warnings: string[];
}

/** An adapter: `detect` is cheap (a few selectors); `plan` locates the note. */
export interface Adapter {
  name: string;
  detect(doc: Document): boolean;
  plan(doc: Document): ReadPlan;
}

const text = (el: Element | null | undefined): string | undefined => {
  const t = collapseWhitespace(el?.textContent ?? '');
  return t ? t.slice(0, 500) : undefined;
};

function field(root: ParentNode, selector: string, what: string, warnings: string[]): string | undefined {
  const value = text(root.querySelector(selector));
  if (value === undefined) warnings.push(`${what} not found (${selector})`);
  return value;
}

/**
 * The patient banner as one line ("Name · 68 y.o. M · MRN: X"), from its child elements; reported
 * when missing. The panel shows it so the coder sees whose chart is coded.
 */
function banner(doc: Document, selector: string, warnings: string[]): string | undefined {
  const el = doc.querySelector(selector);
  if (!el) {
    warnings.push(`patient banner not found (${selector})`);
    return undefined;
  }
  const parts = [...el.children].map((c) => text(c)).filter((t): t is string => t !== undefined);
  return (parts.length ? parts.join(' · ') : text(el))?.slice(0, 300);
}

function setDoc(
  doc: ChartSnapshot['document'],
  key: 'noteType' | 'author' | 'date' | 'encounter' | 'pageTitle' | 'patient',
  value: string | undefined,
): void {
  if (value !== undefined) doc[key] = value;
}

function frameDocument(frame: Element | null): Document | null {
  try {
    return (frame as HTMLIFrameElement | null)?.contentDocument ?? null;
  } catch {
    return null;
  }
}

/** `<meta name="application-name">` of the head only (never a whole-document query: detection must be cheap on any page). */
function appName(doc: Document): string {
  return doc.head?.querySelector('meta[name="application-name"]')?.getAttribute('content') ?? '';
}

/** The main content element, looked for breadth-first in the top levels only (bounded on hostile pages). */
function findMain(doc: Document): Element | undefined {
  const queue: Element[] = doc.body ? [doc.body] : [];
  for (let visited = 0; queue.length > 0 && visited < 2000; visited++) {
    const el = queue.shift()!;
    if (el.tagName === 'MAIN' || el.tagName === 'ARTICLE' || el.getAttribute('role') === 'main') return el;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) queue.push(c);
  }
  return undefined;
}

/** Epic-like chart review: note viewer in a same-origin iframe, note body in an open shadow root. */
export const epicAdapter: Adapter = {
  name: 'epic-like',
  detect: (doc) => doc.body?.classList.contains('epic-hyperspace') === true || /epic/i.test(appName(doc)),
  plan(doc) {
    const warnings: string[] = [];
    const frame = doc.querySelector('iframe#note-frame');
    const inner = frameDocument(frame);
    const viewerDoc = inner ?? doc;
    if (!frame) warnings.push('note frame not found (iframe#note-frame)');
    else if (!inner) warnings.push('note frame could not be read (other origin or not loaded)');
    const viewer = viewerDoc.querySelector('#note-viewer');
    if (!viewer) warnings.push('note viewer not found (#note-viewer)');
    const scope: ParentNode = viewer ?? viewerDoc;
    const document: ChartSnapshot['document'] = {
      title: field(scope, '[data-field="note-title"]', 'note title', warnings) ?? doc.title,
    };
    setDoc(document, 'noteType', field(scope, '[data-field="note-type"]', 'note type', warnings));
    setDoc(document, 'author', field(scope, '[data-field="note-author"]', 'note author', warnings));
    setDoc(document, 'date', field(scope, '[data-field="note-date"]', 'note date', warnings));
    setDoc(
      document,
      'encounter',
      text(viewerDoc.querySelector('[data-field="encounter-type"]')) ??
        text(doc.querySelector('[data-field="encounter"]')),
    );
    setDoc(document, 'patient', banner(doc, '#patient-banner', warnings));
    setDoc(document, 'pageTitle', doc.title.slice(0, 1000) || undefined);
    const body = scope.querySelector('#note-body');
    if (!body) warnings.push('note body not found (#note-body)');
    const tables: TableRule[] = [
      { selector: 'table[data-table]', rows: 'tr', cells: 'th,td', kind: guessKind },
      ...GENERIC_TABLES,
    ];
    return { reader: 'epic-like', root: body ?? scope, document, rules: { heading: 'h2, h3', tables }, warnings };
  },
};

/** MEDITECH Expanse-like: document panel with widget sections and div-based result grids. */
export const meditechAdapter: Adapter = {
  name: 'meditech-like',
  detect: (doc) => doc.body?.classList.contains('mt-expanse') === true || /expanse/i.test(appName(doc)),
  plan(doc) {
    const warnings: string[] = [];
    const panel = doc.querySelector('#mt-document-panel');
    if (!panel) warnings.push('document panel not found (#mt-document-panel)');
    const scope: ParentNode = panel ?? doc;
    const document: ChartSnapshot['document'] = {
      title: field(scope, '.mt-doc-title', 'document title', warnings) ?? doc.title,
    };
    setDoc(document, 'noteType', field(scope, '.mt-doc-type', 'document type', warnings));
    setDoc(
      document,
      'author',
      field(scope, '.mt-doc-author', 'document author', warnings)?.replace(/^signed by:\s*/i, ''),
    );
    setDoc(document, 'date', field(scope, '.mt-doc-date', 'document date', warnings));
    setDoc(document, 'patient', banner(doc, '#mt-patient-header', warnings));
    setDoc(document, 'pageTitle', doc.title.slice(0, 1000) || undefined);
    const body = scope.querySelector('.mt-doc-body');
    if (!body) warnings.push('document body not found (.mt-doc-body)');
    const tables: TableRule[] = [
      { selector: '.mt-grid', rows: '.mt-grid-row', cells: '.mt-grid-cell', kind: guessKind },
      ...GENERIC_TABLES,
    ];
    return {
      reader: 'meditech-like',
      root: body ?? scope,
      document,
      rules: { heading: '.mt-doc-section-title', tables },
      warnings,
    };
  },
};

/**
 * Apps built on Medplum's React component library (`@medplum/react`, on Mantine), recognised by
 * the library's own components, whatever the app around them: the patient header (`PatientHeader`
 * renders an `InfoBar` of key/value entries) and result reports (`DiagnosticReportDisplay` renders
 * a table of Test / Value / Reference range with the report's "Issued" date above it). Class names
 * are the library's CSS-module names (`InfoBar_root`), stable for a library version; the fixture is
 * the Medplum test EHR (test/ehr-medplum/), built from the library itself.
 */
const REPORT_TABLE = 'table.DiagnosticReportDisplay_table';

export const medplumAdapter: Adapter = {
  name: 'medplum',
  detect: (doc) => doc.body?.querySelector(`.InfoBar_root, ${REPORT_TABLE}`) != null,
  plan(doc) {
    const warnings: string[] = [];
    const root = findMain(doc) ?? doc.body ?? doc.documentElement;
    const document: ChartSnapshot['document'] = { title: doc.title.slice(0, 1000) };
    const header = doc.querySelector('.InfoBar_root');
    if (!header) warnings.push('patient header not found (.InfoBar_root)');
    else {
      const entries = [...header.querySelectorAll('.InfoBar_entry')].map((entry) => {
        const key = text(entry.querySelector('.InfoBar_key'));
        const value = text(entry.querySelector('.InfoBar_value'));
        return key && value ? `${key}: ${value}` : value;
      });
      const banner = entries.filter((e): e is string => e !== undefined).join(' · ');
      if (banner) document.patient = banner.slice(0, 500);
      else warnings.push('patient header has no entries (.InfoBar_entry)');
    }
    const noteTitle = text(root.querySelector('h1, h2'));
    if (noteTitle) document.noteType = noteTitle.slice(0, 200);
    const tables: TableRule[] = [
      {
        selector: REPORT_TABLE,
        rows: 'tr',
        cells: 'th,td',
        kind: medplumReportKind,
        caption: medplumReportIssued,
      },
      ...GENERIC_TABLES,
    ];
    // A report's own "Diagnostic Report" title and its Issued / Status labels (the siblings of its
    // result table) are chrome: the Issued date reaches the rows through the table's caption.
    const skip = `:has(> ${REPORT_TABLE}) > :not(table)`;
    return { reader: 'medplum', root, document, rules: { heading: 'h1, h2, h3, h4', tables, skip }, warnings };
  },
};

/** "Issued <date>" of the report a result table belongs to (the table's parent), as printed. */
function medplumReportIssued(table: Element): string | undefined {
  const report = table.parentElement;
  if (!report) return undefined;
  for (const label of report.querySelectorAll('p')) {
    if (label.closest('table')) continue;
    if (/^issued$/i.test(label.textContent?.trim() ?? '')) {
      const value = text(label.nextElementSibling);
      if (value) return `Issued ${value}`;
    }
  }
  return undefined;
}

/**
 * Labs or vitals from what the rows measure (the header is the same Test / Value / ... for both):
 * the majority of first-column names that are vital signs decides, else lab words, else the heading
 * of the panel that holds the table.
 */
function medplumReportKind(table: Element, header: string[]): ReturnType<typeof guessKind> {
  const names = [...table.querySelectorAll('tbody tr')].slice(0, 200).map((row) => text(row.querySelector('td')) ?? '');
  const vitals = names.filter((n) => VITAL_WORDS.test(n) && !LAB_WORDS.test(n)).length;
  const labs = names.filter((n) => LAB_WORDS.test(n)).length;
  if (vitals > labs) return 'vitals';
  if (labs > 0) return 'labs';
  const guessed = guessKind(table, header);
  return guessed === 'other' && names.length > 0 ? 'labs' : guessed;
}

/** Any other page: the main content (main, [role=main], article, else body), headings h1-h6. */
export const genericAdapter: Adapter = {
  name: 'generic',
  detect: () => true,
  plan(doc) {
    const root = findMain(doc) ?? doc.body ?? doc.documentElement;
    return {
      reader: 'generic',
      root,
      document: { title: doc.title.slice(0, 1000) },
      rules: { heading: 'h1, h2, h3, h4, h5, h6', tables: GENERIC_TABLES },
      warnings: [],
    };
  },
};

/** Adapters in the order they are tried; the generic one always matches. */
export const ADAPTERS: readonly Adapter[] = [epicAdapter, meditechAdapter, medplumAdapter, genericAdapter];
