/**
 * The ICD-10-PCS Alphabetic Index flattened for search and browsing: every main term and subterm
 * with its full path and its targets, each target checked against the fiscal year's tables.
 */
import { BundleFormatError } from '../bundle/format';
import { PCS_BLOCKS_VERSION, type PcsIndexBlock, type PcsIndexNodeRecord, type PcsIndexTargetRecord } from './format';
import type { PcsTable } from './pcs-table';

/** A target with the result of checking it against this year's tables. */
export type PcsIndexTarget = PcsIndexTargetRecord & {
  /**
   * `false` when the target is stale for this year: a code or prefix that no valid code has, a
   * `see` whose main term is not in the Index, or a `use` naming no axis value or key entry.
   */
  valid: boolean;
};

/** One Index term. */
export interface PcsIndexEntry {
  /** Titles from the main term down, e.g. `['Appendectomy']` or `['Bypass', 'Aorta', 'Abdominal']`. */
  path: readonly string[];
  /** What the term points to (empty for a term that only groups subterms). */
  targets: readonly PcsIndexTarget[];
  /** Nesting depth: 0 for a main term. */
  depth: number;
}

/** Counts of stale targets, by kind. */
export interface PcsIndexStaleCounts {
  code: number;
  codes: number;
  tab: number;
  see: number;
  use: number;
}

/**
 * The Index of one PCS bundle.
 *
 * @example
 * pcs.index.lookup('appendectomy');
 * // [{ path: ['Appendectomy'], targets: [{ kind: 'see', text: 'Excision, Appendix', prefix: '0DBJ', valid: true }, ...] }]
 */
export class PcsIndex {
  /** Release year of the Index XML the bundle was built from (may be older than the tables). */
  readonly releaseYear: number;
  private readonly all: PcsIndexEntry[] = [];
  private readonly byMainTerm = new Map<string, PcsIndexEntry[]>();
  private labels: Set<string> | undefined;

  constructor(
    block: PcsIndexBlock,
    private readonly pcs: PcsTable,
  ) {
    if (block.version !== PCS_BLOCKS_VERSION) {
      throw new BundleFormatError(`PCS index block version ${block.version}; this build reads ${PCS_BLOCKS_VERSION}`);
    }
    this.releaseYear = block.releaseYear;
    const mainTitles = new Set(block.mainTerms.map((m) => (m.title ?? '').toLowerCase()));
    const walk = (node: PcsIndexNodeRecord, parent: readonly string[], depth: number): void => {
      const path = node.title === undefined ? parent : [...parent, node.title];
      const entry: PcsIndexEntry = {
        path,
        targets: (node.targets ?? []).map((t) => ({ ...t, valid: this.check(t, mainTitles) })),
        depth,
      };
      this.all.push(entry);
      const key = (path[0] ?? '').toLowerCase();
      let list = this.byMainTerm.get(key);
      if (!list) this.byMainTerm.set(key, (list = []));
      list.push(entry);
      for (const child of node.terms ?? []) walk(child, path, depth + 1);
    };
    for (const m of block.mainTerms) walk(m, [], 0);
  }

  /** Every entry in Index order (main terms alphabetical as published, subterms beneath). */
  entries(): readonly PcsIndexEntry[] {
    return this.all;
  }

  /** Entries under a main term (case-insensitive exact title), in Index order. */
  lookup(mainTerm: string): readonly PcsIndexEntry[] {
    return this.byMainTerm.get(mainTerm.trim().toLowerCase()) ?? [];
  }

  /** Stale targets by kind (see {@link PcsIndexTarget.valid}). */
  staleCounts(): PcsIndexStaleCounts {
    const counts: PcsIndexStaleCounts = { code: 0, codes: 0, tab: 0, see: 0, use: 0 };
    for (const e of this.all) for (const t of e.targets) if (!t.valid) counts[t.kind]++;
    return counts;
  }

  /** Entries with at least one stale target. */
  staleEntries(): PcsIndexEntry[] {
    return this.all.filter((e) => e.targets.some((t) => !t.valid));
  }

  private check(t: PcsIndexTargetRecord, mainTitles: ReadonlySet<string>): boolean {
    switch (t.kind) {
      case 'code':
        return this.pcs.isValid(t.code);
      case 'codes':
      case 'tab':
        return this.pcs.isValidPrefix(t.prefix);
      case 'see': {
        if (t.prefix !== undefined && !this.pcs.isValidPrefix(t.prefix)) return false;
        // "Excision, Appendix" names main term "Excision" and subterm "Appendix"; main terms may
        // themselves contain commas, so try every comma split.
        const parts = t.text.split(', ');
        for (let n = parts.length; n >= 1; n--) {
          if (mainTitles.has(parts.slice(0, n).join(', ').toLowerCase())) return true;
        }
        // "Excision with qualifier Diagnostic", "Introduction of Hormone", "Occlusion using
        // Extraluminal Device": a main term or root operation, then the value to choose.
        const head = /^(.+?) (?:with|of|using) /.exec(t.text)?.[1];
        if (head !== undefined && (mainTitles.has(head.toLowerCase()) || this.axisLabels().has(head.toLowerCase())))
          return true;
        // A section or axis value of the tables ("Imaging", "Physiological Systems and Anatomical Regions").
        return this.axisLabels().has((parts[0] ?? '').toLowerCase());
      }
      case 'use': {
        if (t.prefix !== undefined && !this.pcs.isValidPrefix(t.prefix)) return false;
        // "<use>Cardiac Lead, Pacemaker in<tab>02H</tab></use>" reads "use Cardiac Lead, Pacemaker
        // in table 02H": the trailing "in" joins the value to its table.
        const text = t.prefix === undefined ? t.text : t.text.replace(/\s+in$/, '');
        return this.axisLabels().has(text.toLowerCase()) || this.pcs.definitions.hasTitle(text);
      }
    }
  }

  private axisLabels(): Set<string> {
    if (this.labels) return this.labels;
    const labels = new Set<string>();
    for (const t of this.pcs.loadedTables()) {
      for (const a of t.record.axes) for (const l of a.labels) labels.add(this.pcs.str(l).toLowerCase());
      for (const row of t.record.rows)
        for (const a of row) for (const l of a.labels) labels.add(this.pcs.str(l).toLowerCase());
    }
    return (this.labels = labels);
  }
}
