/**
 * Interning helpers for the compact payloads: attribute names to integer ids, and attribute-id
 * lists to indexes into a table of distinct lists. Ids are assigned from sorted input so the
 * output is deterministic whatever order rows arrive in.
 */

/** Assigns ids to names in sorted order. */
export class NameInterner {
  readonly names: string[];
  private readonly ids = new Map<string, number>();

  constructor(names: Iterable<string>) {
    this.names = [...new Set(names)].sort();
    this.names.forEach((n, i) => this.ids.set(n, i));
  }

  id(name: string): number {
    const id = this.ids.get(name);
    if (id === undefined) throw new Error(`attribute "${name}" was not interned`);
    return id;
  }

  has(name: string): boolean {
    return this.ids.has(name);
  }
}

/** Deduplicates integer lists (sorted, distinct); index 0 is always the empty list. */
export class SetTable {
  readonly sets: number[][] = [[]];
  private readonly index = new Map<string, number>([['', 0]]);

  add(values: Iterable<number>): number {
    const sorted = [...new Set(values)].sort((a, b) => a - b);
    const key = sorted.join(',');
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.sets.length;
      this.sets.push(sorted);
      this.index.set(key, i);
    }
    return i;
  }
}
