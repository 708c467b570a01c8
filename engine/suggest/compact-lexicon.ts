/**
 * The suggestion lexicon in columns: what a `suggest-lexicon` bundle stores, and the lexicon the
 * worker and the CLI read from it without building its 200,000 entries.
 *
 * Decoding every entry into an object (plus its key arrays, and a `Map` of `Map`s for the anchor
 * index) cost about 1.2 s of CPU per process, a third of it garbage collection, while a chart
 * reads a few thousand entries. Here the entries stay in typed arrays (views on the bundle's
 * unpacked block: no copy) and a string table; an entry object is built the first time it is read
 * and kept, so the objects a chart reads are the same on every call (the suggester caches per
 * entry). The anchor index builds one anchor's second-level map when a sentence first holds that
 * anchor; the Index paths are found through a hash table built at build time.
 *
 * Layout ({@link LexiconColumns}):
 * - `strings`: codes, path segments, main terms and Index-path values, each once;
 * - `keys`: the word keys, those counted in `keyFreq` first (its order), then keys only found
 *   after a with/in connective; key ids are 16-bit when they fit;
 * - entries: one value per entry in `entryFlags` (source, system, seeAlso, pastOnly), `entryCode`,
 *   `entryMainTerm`, `entryDepth`; variable-length parts as start offsets (`n + 1` values) into
 *   `pathSegments` (string ids, joined with ` > `), `reqKeys` and `withKeys` (key ids);
 * - anchor index: `anchorKeys` (key ids, in the built map's order) with their groups
 *   (`anchorGroupStart`), each group's second key (`groupSecond`, -1 for `""`) and entry ids
 *   (`groupStart` into `groupEntries`), in the built maps' order;
 * - Index paths: `cmPathStart` into `cmPathSegments` (string ids, joined with `|`), `cmPathValue`,
 *   and `cmPathSlots`, an open-addressing table of FNV-1a hashes (slot -> path id + 1, 0 empty).
 *
 * Splitting a string on a separator and joining the parts with it gives the string back, so
 * paths come back exactly as built. {@link lexiconData} reads any lexicon back into plain data:
 * tests compare the compact lexicon with the one {@link buildLexicon} returns through it.
 */
import { ChartsideError } from '../errors';
import type { LexEntries, LexEntry, LexSource, SuggestLexicon } from './lexicon';

/** Raised for columns that do not describe a lexicon (wrong lengths, ids out of range). */
export class ChartsideCompactLexiconError extends ChartsideError {
  override name = 'ChartsideCompactLexiconError';
}

/** Key ids: 16-bit while the key table fits, else 32-bit. */
type Ids = Uint16Array | Uint32Array;

/** The columns of a lexicon; see the module comment for their meaning. */
export interface LexiconColumns {
  strings: string[];
  keys: string[];
  keyFreq: Int32Array;
  entryFlags: Uint8Array;
  entryCode: Uint32Array;
  entryMainTerm: Uint32Array;
  entryDepth: Int32Array;
  pathStart: Uint32Array;
  pathSegments: Uint32Array;
  reqStart: Uint32Array;
  reqKeys: Ids;
  withStart: Uint32Array;
  withKeys: Ids;
  anchorKeys: Ids;
  anchorGroupStart: Uint32Array;
  groupSecond: Int32Array;
  groupStart: Uint32Array;
  groupEntries: Uint32Array;
  cmPathStart: Uint32Array;
  cmPathSegments: Uint32Array;
  cmPathValue: Uint32Array;
  cmPathSlots: Uint32Array;
  aliases: Map<string, string[]>;
  siteKeys: Set<string>;
  cmYear: number;
  pcsYear: number | undefined;
}

const SOURCES: readonly LexSource[] = ['index', 'eindex', 'tabular', 'pcs-index', 'neoplasm', 'inclusion'];
const PCS = 8;
const SEE_ALSO = 16;
const PAST_ONLY = 32;
const PATH_SEPARATOR = ' > ';
const CM_PATH_SEPARATOR = '|';

/** FNV-1a over the UTF-16 code units of `s` (32-bit). */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Number of slots of the path table for `n` paths: a power of two, at most half full. */
function slotCount(n: number): number {
  let size = 16;
  while (size < n * 2) size *= 2;
  return size;
}

function ids(values: number[], count: number): Ids {
  return count <= 0x10000 ? Uint16Array.from(values) : Uint32Array.from(values);
}

/**
 * The columns of a built lexicon (at build time). Same lexicon in, same columns out.
 *
 * @throws ChartsideCompactLexiconError when an entry's anchor is not its rarest key or an index
 *   list names a missing entry (not a lexicon {@link buildLexicon} returns).
 * @example packValue(compactLexicon(buildLexicon(cm, pcs)))
 */
export function compactLexicon(lex: SuggestLexicon): LexiconColumns {
  const stringIds = new Map<string, number>();
  const strings: string[] = [];
  const str = (s: string): number => {
    let id = stringIds.get(s);
    if (id === undefined) stringIds.set(s, (id = strings.push(s) - 1));
    return id;
  };
  const keyIds = new Map<string, number>();
  const keys: string[] = [];
  const key = (k: string): number => {
    let id = keyIds.get(k);
    if (id === undefined) keyIds.set(k, (id = keys.push(k) - 1));
    return id;
  };
  const keyFreq = new Int32Array(lex.keyFreq.size);
  for (const [k, count] of lex.keyFreq) keyFreq[key(k)] = count;
  const counted = keys.length;
  const countedKey = (k: string): number => {
    const id = keyIds.get(k);
    if (id === undefined || id >= counted)
      throw new ChartsideCompactLexiconError(`lexicon key "${k}" is required by an entry but not counted`);
    return id;
  };

  const n = lex.entries.length;
  const entryFlags = new Uint8Array(n);
  const entryCode = new Uint32Array(n);
  const entryMainTerm = new Uint32Array(n);
  const entryDepth = new Int32Array(n);
  const pathStart = new Uint32Array(n + 1);
  const reqStart = new Uint32Array(n + 1);
  const withStart = new Uint32Array(n + 1);
  const pathSegments: number[] = [];
  const reqKeys: number[] = [];
  const withKeys: number[] = [];
  for (let i = 0; i < n; i++) {
    const e = lex.entries.at(i)!;
    if (e.anchor !== e.req[0])
      throw new ChartsideCompactLexiconError(`entry ${i} (${e.code}) is not anchored on its first key`);
    entryFlags[i] =
      SOURCES.indexOf(e.source) |
      (e.system === 'pcs' ? PCS : 0) |
      (e.seeAlso ? SEE_ALSO : 0) |
      (e.pastOnly ? PAST_ONLY : 0);
    entryCode[i] = str(e.code);
    entryMainTerm[i] = str(e.mainTerm);
    entryDepth[i] = e.depth;
    for (const part of e.path.split(PATH_SEPARATOR)) pathSegments.push(str(part));
    for (const k of e.req) reqKeys.push(countedKey(k));
    for (const k of e.withKeys) withKeys.push(key(k));
    pathStart[i + 1] = pathSegments.length;
    reqStart[i + 1] = reqKeys.length;
    withStart[i + 1] = withKeys.length;
  }

  const anchorKeys: number[] = [];
  const anchorGroupStart: number[] = [0];
  const groupSecond: number[] = [];
  const groupStart: number[] = [0];
  const groupEntries: number[] = [];
  for (const [anchor, bySecond] of lex.byAnchor) {
    anchorKeys.push(countedKey(anchor));
    for (const [second, list] of bySecond) {
      groupSecond.push(second === '' ? -1 : countedKey(second));
      for (const idx of list) {
        if (!(idx >= 0 && idx < n))
          throw new ChartsideCompactLexiconError(`anchor "${anchor}" names entry ${idx} of ${n}`);
        groupEntries.push(idx);
      }
      groupStart.push(groupEntries.length);
    }
    anchorGroupStart.push(groupSecond.length);
  }

  const paths = lex.cmPaths.size;
  const cmPathStart = new Uint32Array(paths + 1);
  const cmPathSegments: number[] = [];
  const cmPathValue = new Uint32Array(paths);
  const cmPathSlots = new Uint32Array(slotCount(paths));
  const mask = cmPathSlots.length - 1;
  let p = 0;
  for (const [path, value] of lex.cmPaths) {
    for (const part of path.split(CM_PATH_SEPARATOR)) cmPathSegments.push(str(part));
    cmPathValue[p] = str(value);
    let slot = hash(path) & mask;
    while (cmPathSlots[slot] !== 0) slot = (slot + 1) & mask;
    cmPathSlots[slot] = p + 1;
    p++;
    cmPathStart[p] = cmPathSegments.length;
  }

  return {
    strings,
    keys,
    keyFreq,
    entryFlags,
    entryCode,
    entryMainTerm,
    entryDepth,
    pathStart,
    pathSegments: Uint32Array.from(pathSegments),
    reqStart,
    reqKeys: ids(reqKeys, keys.length),
    withStart,
    withKeys: ids(withKeys, keys.length),
    anchorKeys: ids(anchorKeys, keys.length),
    anchorGroupStart: Uint32Array.from(anchorGroupStart),
    groupSecond: Int32Array.from(groupSecond),
    groupStart: Uint32Array.from(groupStart),
    groupEntries: Uint32Array.from(groupEntries),
    cmPathStart,
    cmPathSegments: Uint32Array.from(cmPathSegments),
    cmPathValue,
    cmPathSlots,
    aliases: lex.aliases,
    siteKeys: lex.siteKeys,
    cmYear: lex.cmYear,
    pcsYear: lex.pcsYear,
  };
}

const COLUMN_CLASSES: Record<string, readonly (abstract new (...args: never[]) => unknown)[]> = {
  keyFreq: [Int32Array],
  entryFlags: [Uint8Array],
  entryCode: [Uint32Array],
  entryMainTerm: [Uint32Array],
  entryDepth: [Int32Array],
  pathStart: [Uint32Array],
  pathSegments: [Uint32Array],
  reqStart: [Uint32Array],
  reqKeys: [Uint16Array, Uint32Array],
  withStart: [Uint32Array],
  withKeys: [Uint16Array, Uint32Array],
  anchorKeys: [Uint16Array, Uint32Array],
  anchorGroupStart: [Uint32Array],
  groupSecond: [Int32Array],
  groupStart: [Uint32Array],
  groupEntries: [Uint32Array],
  cmPathStart: [Uint32Array],
  cmPathSegments: [Uint32Array],
  cmPathValue: [Uint32Array],
  cmPathSlots: [Uint32Array],
  strings: [Array],
  keys: [Array],
  aliases: [Map],
  siteKeys: [Set],
};

/**
 * Whether unpacked data has the fields and classes of {@link LexiconColumns} (their lengths and
 * ids are checked by {@link lexiconFromColumns}).
 */
export function isLexiconColumns(v: unknown): v is LexiconColumns {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  for (const [name, classes] of Object.entries(COLUMN_CLASSES))
    if (!classes.some((k) => o[name] instanceof k)) return false;
  return (
    (o.strings as unknown[]).every((x) => typeof x === 'string') &&
    (o.keys as unknown[]).every((x) => typeof x === 'string') &&
    typeof o.cmYear === 'number' &&
    (o.pcsYear === undefined || typeof o.pcsYear === 'number')
  );
}

/**
 * The lexicon over its columns (at load time): checks the columns' lengths and ids in one pass
 * over the id columns (no entry is built), then answers the suggester's reads lazily.
 *
 * @throws ChartsideCompactLexiconError naming the first column that does not fit.
 * @example const lex = lexiconFromColumns(unpackValue<LexiconColumns>(raw));
 */
export function lexiconFromColumns(c: LexiconColumns): SuggestLexicon {
  checkColumns(c);
  const keyFreq = new Map<string, number>();
  const keyIds = new Map<string, number>();
  for (let i = 0; i < c.keyFreq.length; i++) {
    keyFreq.set(c.keys[i]!, c.keyFreq[i]!);
    keyIds.set(c.keys[i]!, i);
  }
  return {
    entries: new CompactEntries(c),
    byAnchor: new AnchorIndex(c, keyIds),
    cmPaths: new PathTable(c),
    keyFreq,
    aliases: c.aliases,
    siteKeys: c.siteKeys,
    cmYear: c.cmYear,
    pcsYear: c.pcsYear,
  };
}

function checkColumns(c: LexiconColumns): void {
  const fail = (what: string): never => {
    throw new ChartsideCompactLexiconError(`lexicon columns do not fit: ${what}`);
  };
  const n = c.entryFlags.length;
  for (const [name, col] of Object.entries({
    entryCode: c.entryCode,
    entryMainTerm: c.entryMainTerm,
    entryDepth: c.entryDepth,
  }))
    if (col.length !== n) fail(`${name} has ${col.length} values for ${n} entries`);
  const offsets = (name: string, start: Uint32Array, count: number, values: ArrayLike<number>): void => {
    if (start.length !== count + 1 || start[0] !== 0 || start[count] !== values.length)
      fail(`${name} does not index its ${values.length} values`);
    for (let i = 0; i < count; i++) if (start[i]! > start[i + 1]!) fail(`${name} decreases at ${i}`);
  };
  const below = (name: string, values: ArrayLike<number>, limit: number, min = 0): void => {
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (!(v >= min && v < limit)) fail(`${name}[${i}] = ${v} is outside 0..${limit - 1}`);
    }
  };
  offsets('pathStart', c.pathStart, n, c.pathSegments);
  offsets('reqStart', c.reqStart, n, c.reqKeys);
  offsets('withStart', c.withStart, n, c.withKeys);
  for (let i = 0; i < n; i++) {
    if (c.reqStart[i] === c.reqStart[i + 1]) fail(`entry ${i} has no required key`);
    if ((c.entryFlags[i]! & 7) >= SOURCES.length) fail(`entry ${i} has an unknown source`);
  }
  const strings = c.strings.length;
  const counted = c.keyFreq.length;
  if (counted > c.keys.length) fail('keyFreq counts more keys than the key table holds');
  below('entryCode', c.entryCode, strings);
  below('entryMainTerm', c.entryMainTerm, strings);
  below('pathSegments', c.pathSegments, strings);
  below('reqKeys', c.reqKeys, counted);
  below('withKeys', c.withKeys, c.keys.length);
  const anchors = c.anchorKeys.length;
  const groups = c.groupSecond.length;
  offsets('anchorGroupStart', c.anchorGroupStart, anchors, c.groupSecond);
  offsets('groupStart', c.groupStart, groups, c.groupEntries);
  below('anchorKeys', c.anchorKeys, counted);
  below('groupSecond', c.groupSecond, counted, -1);
  below('groupEntries', c.groupEntries, n);
  const paths = c.cmPathValue.length;
  offsets('cmPathStart', c.cmPathStart, paths, c.cmPathSegments);
  below('cmPathSegments', c.cmPathSegments, strings);
  below('cmPathValue', c.cmPathValue, strings);
  const slots = c.cmPathSlots.length;
  // A power of two with at least one empty slot, so every probe ends.
  if (slots === 0 || (slots & (slots - 1)) !== 0 || slots <= paths)
    fail(`cmPathSlots has ${slots} slots for ${paths} paths`);
  below('cmPathSlots', c.cmPathSlots, paths + 1);
}

function joined(
  strings: readonly string[],
  segments: Uint32Array,
  from: number,
  to: number,
  separator: string,
): string {
  let s = strings[segments[from]!]!;
  for (let i = from + 1; i < to; i++) s += separator + strings[segments[i]!]!;
  return s;
}

/** Entries built on first read and kept (the suggester keys caches on the entry objects). */
class CompactEntries implements LexEntries {
  readonly length: number;
  private readonly built: (LexEntry | undefined)[];

  constructor(private readonly c: LexiconColumns) {
    this.length = c.entryFlags.length;
    this.built = new Array<LexEntry | undefined>(this.length);
  }

  at(index: number): LexEntry | undefined {
    const i = index < 0 ? index + this.length : index;
    const hit = this.built[i];
    if (hit !== undefined || !(i >= 0 && i < this.length)) return hit;
    const c = this.c;
    const flags = c.entryFlags[i]!;
    const keys = (list: Ids, from: number, to: number): string[] => {
      const out = new Array<string>(to - from);
      for (let j = from; j < to; j++) out[j - from] = c.keys[list[j]!]!;
      return out;
    };
    const req = keys(c.reqKeys, c.reqStart[i]!, c.reqStart[i + 1]!);
    // Same fields in the same order as buildLexicon's entries.
    const e: LexEntry = {
      system: flags & PCS ? 'pcs' : 'cm',
      source: SOURCES[flags & 7]!,
      code: c.strings[c.entryCode[i]!]!,
      path: joined(c.strings, c.pathSegments, c.pathStart[i]!, c.pathStart[i + 1]!, PATH_SEPARATOR),
      req,
      withKeys: keys(c.withKeys, c.withStart[i]!, c.withStart[i + 1]!),
      mainTerm: c.strings[c.entryMainTerm[i]!]!,
      depth: c.entryDepth[i]!,
      anchor: req[0]!,
      ...(flags & SEE_ALSO ? { seeAlso: true } : {}),
      ...(flags & PAST_ONLY ? { pastOnly: true } : {}),
    };
    this.built[i] = e;
    return e;
  }

  *[Symbol.iterator](): Iterator<LexEntry> {
    for (let i = 0; i < this.length; i++) yield this.at(i)!;
  }
}

/**
 * A read-only map answering `get` / `has` directly; sizes and iteration go through a plain map
 * built on first use (tests, reports: not the suggester's path).
 */
abstract class LookupMap<K, V> implements ReadonlyMap<K, V> {
  private all: Map<K, V> | undefined;
  abstract get(key: K): V | undefined;
  abstract readonly size: number;
  protected abstract build(): Map<K, V>;

  has(key: K): boolean {
    return this.get(key) !== undefined;
  }
  forEach(fn: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.plain()) fn.call(thisArg, v, k, this);
  }
  entries(): MapIterator<[K, V]> {
    return this.plain().entries();
  }
  keys(): MapIterator<K> {
    return this.plain().keys();
  }
  values(): MapIterator<V> {
    return this.plain().values();
  }
  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.plain()[Symbol.iterator]();
  }
  private plain(): Map<K, V> {
    return (this.all ??= this.build());
  }
}

/** Anchor key -> second key -> entry ids, one anchor's map built when first asked for. */
class AnchorIndex extends LookupMap<string, Map<string, number[]>> {
  private readonly anchorOf: Int32Array;
  private readonly built: (Map<string, number[]> | undefined)[];

  constructor(
    private readonly c: LexiconColumns,
    private readonly keyIds: ReadonlyMap<string, number>,
  ) {
    super();
    this.anchorOf = new Int32Array(c.keyFreq.length).fill(-1);
    for (let a = 0; a < c.anchorKeys.length; a++) this.anchorOf[c.anchorKeys[a]!] = a;
    this.built = new Array<Map<string, number[]> | undefined>(c.anchorKeys.length);
  }

  get size(): number {
    return this.c.anchorKeys.length;
  }

  get(key: string): Map<string, number[]> | undefined {
    const id = this.keyIds.get(key);
    return id === undefined ? undefined : this.group(this.anchorOf[id]!);
  }

  private group(a: number): Map<string, number[]> | undefined {
    if (a < 0) return undefined;
    let m = this.built[a];
    if (m) return m;
    const c = this.c;
    m = new Map();
    for (let g = c.anchorGroupStart[a]!; g < c.anchorGroupStart[a + 1]!; g++) {
      const second = c.groupSecond[g]!;
      m.set(
        second < 0 ? '' : c.keys[second]!,
        Array.from(c.groupEntries.subarray(c.groupStart[g], c.groupStart[g + 1])),
      );
    }
    this.built[a] = m;
    return m;
  }

  protected build(): Map<string, Map<string, number[]>> {
    const out = new Map<string, Map<string, number[]>>();
    for (let a = 0; a < this.c.anchorKeys.length; a++) out.set(this.c.keys[this.c.anchorKeys[a]!]!, this.group(a)!);
    return out;
  }
}

/** Index path -> code as printed, through the build-time hash table. */
class PathTable extends LookupMap<string, string> {
  constructor(private readonly c: LexiconColumns) {
    super();
  }

  get size(): number {
    return this.c.cmPathValue.length;
  }

  get(key: string): string | undefined {
    const c = this.c;
    const mask = c.cmPathSlots.length - 1;
    for (let slot = hash(key) & mask; ; slot = (slot + 1) & mask) {
      const p = c.cmPathSlots[slot]! - 1;
      if (p < 0) return undefined;
      if (this.path(p) === key) return c.strings[c.cmPathValue[p]!]!;
    }
  }

  private path(p: number): string {
    return joined(
      this.c.strings,
      this.c.cmPathSegments,
      this.c.cmPathStart[p]!,
      this.c.cmPathStart[p + 1]!,
      CM_PATH_SEPARATOR,
    );
  }

  protected build(): Map<string, string> {
    const out = new Map<string, string>();
    for (let p = 0; p < this.c.cmPathValue.length; p++) out.set(this.path(p), this.c.strings[this.c.cmPathValue[p]!]!);
    return out;
  }
}

/**
 * Any lexicon as plain data (every entry built, every map a `Map`, in the lexicon's order): what
 * a test compares, e.g. the compact lexicon with the one {@link buildLexicon} returns.
 *
 * @example expect(lexiconData(loaded)).toStrictEqual(lexiconData(buildLexicon(cm, pcs)))
 */
export function lexiconData(lex: SuggestLexicon): Omit<SuggestLexicon, 'entries'> & { entries: LexEntry[] } {
  return {
    entries: [...lex.entries],
    byAnchor: new Map([...lex.byAnchor].map(([k, v]) => [k, new Map(v)])),
    cmPaths: new Map(lex.cmPaths),
    keyFreq: new Map(lex.keyFreq),
    aliases: new Map(lex.aliases),
    siteKeys: new Set(lex.siteKeys),
    cmYear: lex.cmYear,
    pcsYear: lex.pcsYear,
  };
}
