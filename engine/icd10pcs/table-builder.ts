/**
 * The ICD-10-PCS table-builder walk: section -> body system -> root operation -> body part ->
 * approach -> device -> qualifier, offering at each step only values that lead to at least one
 * valid code of the official tables.
 */
import type { PcsAxisDetail, PcsTable } from './pcs-table';
import { rowsMatching } from './pcs-table';

/** One choice offered for the next character. */
export interface PcsAxisOption extends PcsAxisDetail {
  /** `true` when prefix + this value is a complete valid code. */
  complete: boolean;
}

/**
 * Walks the tables one character at a time.
 *
 * @example
 * const walk = pcs.builder;
 * walk.options('');      // sections: 0 Medical and Surgical, 1 Obstetrics, ...
 * walk.options('0DT');   // body parts of table 0DT, including J Appendix
 * walk.options('0DTJ4Z'); // [{ value: 'Z', label: 'No Qualifier', complete: true, ... }]
 */
export class PcsTableBuilder {
  private readonly upper = new Map<string, Map<string, { prefix: string; at: number }>>();
  /** Options of prefixes up to the table (0-3 characters): few (about 1,000), asked often. */
  private readonly memo = new Map<string, readonly PcsAxisOption[]>();

  constructor(private readonly pcs: PcsTable) {
    // Sections, body systems and root operations come from the 3-character table prefixes.
    for (const t of pcs.loadedTables()) {
      for (let len = 0; len < 3; len++) {
        const key = t.prefix.slice(0, len);
        let m = this.upper.get(key);
        if (!m) this.upper.set(key, (m = new Map<string, { prefix: string; at: number }>()));
        const ch = t.prefix[len] ?? '';
        if (!m.has(ch)) m.set(ch, { prefix: t.prefix, at: len });
      }
    }
  }

  /**
   * The valid values for the character after `prefix` (0-6 characters, case-insensitive), sorted
   * by character. Returns `[]` when no valid code starts with `prefix` or the code is complete.
   */
  options(prefix: string): PcsAxisOption[] {
    const p = prefix.trim().toUpperCase();
    if (p.length >= 7) return [];
    if (p.length <= 3) {
      let hit = this.memo.get(p);
      if (!hit) {
        hit = this.compute(p);
        if (hit.length > 0) this.memo.set(p, hit);
      }
      return [...hit];
    }
    return this.compute(p);
  }

  private compute(p: string): PcsAxisOption[] {
    if (p.length < 3) {
      const m = this.upper.get(p);
      if (!m) return [];
      return [...m.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([, { prefix: tablePrefix, at }]) => {
          const t = this.pcs.loaded(tablePrefix);
          const axis = t?.record.axes[at];
          if (!t || !axis) return undefined;
          return { ...this.pcs.axisDetail(tablePrefix[0] ?? '', axis, 0, t), complete: false };
        })
        .filter((o): o is PcsAxisOption => o !== undefined);
    }
    const t = this.pcs.loaded(p.slice(0, 3));
    if (!t) return [];
    const rest = p.slice(3);
    const at = rest.length; // index into the row's axes 4-7
    const seen = new Map<string, PcsAxisOption>();
    for (const row of rowsMatching(t.record.rows, rest)) {
      const axis = row[at];
      if (!axis) continue;
      for (let i = 0; i < axis.chars.length; i++) {
        const ch = axis.chars[i] ?? '';
        if (!seen.has(ch)) seen.set(ch, { ...this.pcs.axisDetail(p[0] ?? '', axis, i, t), complete: at === 3 });
      }
    }
    return [...seen.values()].sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  }

  /** `true` when some valid code starts with `prefix`. */
  isValidPrefix(prefix: string): boolean {
    return this.pcs.isValidPrefix(prefix);
  }
}
