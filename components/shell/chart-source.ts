/**
 * The one source of truth of the side panel: which tab the panel is bound to, and which text the
 * case of that tab is coded from (the page the content script read, or a note the user pasted or
 * selected). Suggestions, CDI, the case and its DRG all read {@link ChartView.source}; nothing else
 * holds a chart.
 *
 * Plain state, no browser APIs (tested in Node): the browser edge (components/shell/snapshots.ts)
 * feeds it the active tab and the snapshots whose sender it checked.
 */
import type { ChartSnapshot } from '../../platform/messages';

/** What the panel knows about the page of one tab. */
export type ChartState = { state: 'read'; snapshot: ChartSnapshot } | { state: 'failed'; url: string; reason: string };

/** Where the case's text comes from. */
export type SourceKind = 'page' | 'paste' | 'selection';

/** The text a tab's case is coded from. */
export interface ChartSource {
  kind: SourceKind;
  snapshot: ChartSnapshot;
}

/** Everything the panel shows about the chart: one object, rendered by the header and passed to every section. */
export interface ChartView {
  /** The tab the panel is bound to (`undefined` before the first answer of the tabs API). */
  tabId: number | undefined;
  /** Last read (or read failure) of that tab's page. */
  page: ChartState | undefined;
  /** The text every section codes from; `undefined`: nothing read or pasted for this tab. */
  source: ChartSource | undefined;
  /** `true` when the page changed after the user chose a pasted note or a selection. */
  pageNewer: boolean;
  /** The tab the panel was bound to before this one (the header says the case switched). */
  switchedFrom: number | undefined;
}

interface TabEntry {
  page: ChartState | undefined;
  /** The user's choice for this tab: a paste (kept over page re-reads) or a selection (until the next page read). */
  chosen: ChartSource | undefined;
  pageNewer: boolean;
}

/**
 * Per-tab chart sources. A page read of the bound tab updates its page; a pasted note becomes the
 * tab's source until the user goes back to the page ({@link ChartSources.usePage}): the watcher
 * re-reading the page never silently replaces it. A selection is the source until the page's
 * next read (it is a piece of that page).
 *
 * @example
 * const s = new ChartSources();
 * s.bind(7); s.pageRead(7, { state: 'read', snapshot });
 * s.view().source?.kind // 'page'
 */
export class ChartSources {
  private readonly tabs = new Map<number, TabEntry>();
  private bound: number | undefined;
  private switchedFrom: number | undefined;
  /** Pasted before any tab was known (no tabs API answer yet). */
  private unbound: TabEntry = { page: undefined, chosen: undefined, pageNewer: false };

  private entry(tabId: number | undefined): TabEntry {
    if (tabId === undefined) return this.unbound;
    let e = this.tabs.get(tabId);
    if (!e) {
      e = { page: undefined, chosen: undefined, pageNewer: false };
      this.tabs.set(tabId, e);
    }
    return e;
  }

  /** The tab the panel is bound to. */
  get tabId(): number | undefined {
    return this.bound;
  }

  /** Binds the panel to `tabId` (the active tab of its window). Returns `true` when that changed. */
  bind(tabId: number): boolean {
    if (this.bound === tabId) return false;
    if (this.bound === undefined && this.unbound.chosen) {
      // A note pasted before the first tab answer belongs to the tab the panel opened on.
      this.entry(tabId).chosen ??= this.unbound.chosen;
      this.unbound = { page: undefined, chosen: undefined, pageNewer: false };
    } else {
      // Said when the panel leaves a chart (or a pasted note): leaving an empty tab changes no case.
      const left = this.bound === undefined ? undefined : this.tabs.get(this.bound);
      this.switchedFrom = left?.page || left?.chosen ? this.bound : undefined;
    }
    this.bound = tabId;
    return true;
  }

  /** Forgets a closed tab. */
  closed(tabId: number): void {
    this.tabs.delete(tabId);
  }

  /**
   * A page read (or read failure) from `tabId`. Only the bound tab's reads are kept: the caller
   * checked the sender, and a read of another tab is refused here too (returns `false`).
   */
  pageRead(tabId: number, state: ChartState): boolean {
    if (tabId !== this.bound) return false;
    const e = this.entry(tabId);
    if (state.state === 'read' && state.snapshot.reader === 'selection') {
      e.chosen = { kind: 'selection', snapshot: state.snapshot };
      e.pageNewer = false;
      return true;
    }
    e.page = state;
    // A selection is a piece of this page: the page's next read replaces it. A pasted note is
    // not the page: a page read never replaces it silently (the header offers to switch).
    if (e.chosen?.kind === 'selection' && state.state === 'read') e.chosen = undefined;
    else if (e.chosen && state.state === 'read') e.pageNewer = true;
    return true;
  }

  /**
   * The bound tab started loading another page: its last read no longer describes what is on
   * screen, so it is dropped until the new page's reader answers (never the previous patient).
   */
  pageGone(tabId: number): void {
    const e = this.tabs.get(tabId);
    if (e) e.page = undefined;
  }

  /**
   * The user pasted a note: it becomes the bound tab's source. A paste has no page title; it is
   * named by its time, so each pasted note is its own case (engine/case/case-id.ts keys cases by
   * URL and title).
   */
  paste(snapshot: ChartSnapshot): void {
    const e = this.entry(this.bound);
    const title = snapshot.document.title || `Pasted note ${snapshot.capturedAt}`;
    e.chosen = { kind: 'paste', snapshot: { ...snapshot, document: { ...snapshot.document, title } } };
    e.pageNewer = false;
  }

  /** Drops the pasted note or selection of the bound tab: its page is the source again. */
  usePage(): void {
    const e = this.entry(this.bound);
    e.chosen = undefined;
    e.pageNewer = false;
  }

  /** What to show now. */
  view(): ChartView {
    const e = this.entry(this.bound);
    const page = e.page?.state === 'read' ? ({ kind: 'page', snapshot: e.page.snapshot } as const) : undefined;
    return {
      tabId: this.bound,
      page: e.page,
      source: e.chosen ?? page,
      pageNewer: e.pageNewer,
      switchedFrom: this.switchedFrom,
    };
  }
}
