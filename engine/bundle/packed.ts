/**
 * A compact, generic binary form for plain data (objects, arrays, `Map`, `Set`, strings, numbers,
 * booleans, and `Uint8Array` / `Uint16Array` / `Uint32Array` / `Int32Array`): what a build-time
 * step stores when the value is large and must load fast, without a format written for each
 * structure (the suggestion lexicon is the first user).
 *
 * The encoder infers the value's *shape* (an array of objects with the same fields is one shape,
 * not one JSON object per element), then writes it column by column: every string once, in a
 * string table, referenced by number; integers, floats, booleans, lengths and "field present"
 * marks as typed arrays. Loading is one UTF-8 decode of the string table, typed-array views on
 * the columns and one pass that rebuilds the objects, with no JSON parse of the data. A typed
 * array in the value is stored as a column of its own element type and comes back as a view on
 * the unpacked bytes (no copy): a structure that keeps its bulk in typed arrays loads in the time
 * of a few object allocations, whatever its size.
 *
 * ```
 * 0   8 bytes  magic "CSPACKED"
 * 8   u32      header length H (little-endian)
 * 12  H bytes  header JSON: { codecVersion, shape, columns: [{ type, length }], strings: { count, bytes } }
 * ... padded to 8; each column 8-byte aligned, in order; then the string table: u32 UTF-16
 *     lengths (one per string) and the strings' UTF-8, concatenated.
 * ```
 *
 * Same value in (same `Map`/`Set` insertion order, same object key order), same bytes out.
 * A value of another codec version is refused with {@link PACKED_CODEC_VERSION} named, as
 * MiniSearch refuses another `serializationVersion`.
 */
import { ChartsideError } from '../errors';

/** Version of this layout; bump when the layout or a shape's meaning changes. */
export const PACKED_CODEC_VERSION = 2;

/** Raised for bytes this codec cannot read, or a value it cannot write. */
export class ChartsidePackedFormatError extends ChartsideError {
  override name = 'ChartsidePackedFormatError';
}

/**
 * Shape of a value, as stored in the header. Leaves and containers name the column(s) they use
 * (`c`: values, or lengths for containers; `p`: presence marks of an optional value).
 */
export type PackedShape =
  | { t: 'none' } // no value ever seen (the element of arrays that are all empty)
  | { t: 'str'; c: number }
  | { t: 'int'; c: number }
  | { t: 'num'; c: number }
  | { t: 'bool'; c: number }
  | { t: 'undef' }
  | { t: 'null' }
  | { t: 'json'; c: number } // anything else that is JSON (mixed types): its JSON text in the string table
  | { t: TypedKind; c: number; n: number } // a typed array: its elements in column c, its length in column n
  | { t: 'opt'; p: number; of: PackedShape } // the value or undefined
  | { t: 'arr'; c: number; of: PackedShape }
  | { t: 'set'; c: number; of: PackedShape }
  | { t: 'map'; c: number; k: PackedShape; v: PackedShape }
  | { t: 'obj'; f: { name: string; opt?: number; of: PackedShape }[] };

type ColumnType = 'u32' | 'i32' | 'f64' | 'u8' | 'u16';
const COLUMN_BYTES: Record<ColumnType, number> = { u32: 4, i32: 4, f64: 8, u8: 1, u16: 2 };

/** Typed arrays a value may hold, by their shape name, with the column type that stores them. */
type TypedKind = 'u8a' | 'u16a' | 'u32a' | 'i32a';
const TYPED_COLUMN: Record<TypedKind, ColumnType> = { u8a: 'u8', u16a: 'u16', u32a: 'u32', i32a: 'i32' };

/** The shape name of a typed array this codec stores, or `undefined` for any other object. */
function typedKind(v: object): TypedKind | undefined {
  // Exact classes only: a Buffer or a Uint8ClampedArray would come back as another class.
  const proto = Object.getPrototypeOf(v) as unknown;
  if (proto === Uint8Array.prototype) return 'u8a';
  if (proto === Uint16Array.prototype) return 'u16a';
  if (proto === Uint32Array.prototype) return 'u32a';
  if (proto === Int32Array.prototype) return 'i32a';
  return undefined;
}

// ---- shape inference (column numbers are assigned afterwards) ----

type Draft =
  | { t: 'none' | 'str' | 'int' | 'num' | 'bool' | 'undef' | 'null' | 'json' | TypedKind }
  | { t: 'opt'; of: Draft }
  | { t: 'arr' | 'set'; of: Draft }
  | { t: 'map'; k: Draft; v: Draft }
  | { t: 'obj'; f: Map<string, { of: Draft; opt: boolean }> };

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

function draftOf(v: unknown): Draft {
  switch (typeof v) {
    case 'string':
      return { t: 'str' };
    case 'number':
      return { t: Number.isInteger(v) && v >= -0x80000000 && v <= 0x7fffffff && !Object.is(v, -0) ? 'int' : 'num' };
    case 'boolean':
      return { t: 'bool' };
    case 'undefined':
      return { t: 'undef' };
    case 'object': {
      if (v === null) return { t: 'null' };
      if (Array.isArray(v)) return { t: 'arr', of: v.reduce<Draft>((s, x) => merge(s, draftOf(x)), { t: 'none' }) };
      if (v instanceof Set) {
        let of: Draft = { t: 'none' };
        for (const x of v) of = merge(of, draftOf(x));
        return { t: 'set', of };
      }
      if (v instanceof Map) {
        let k: Draft = { t: 'none' };
        let val: Draft = { t: 'none' };
        for (const [a, b] of v) {
          k = merge(k, draftOf(a));
          val = merge(val, draftOf(b));
        }
        return { t: 'map', k, v: val };
      }
      const typed = typedKind(v);
      if (typed) return { t: typed };
      if (!isPlainObject(v))
        throw new ChartsidePackedFormatError(`cannot pack a ${v.constructor?.name ?? 'non-plain'} object`);
      const f = new Map<string, { of: Draft; opt: boolean }>();
      for (const [name, x] of Object.entries(v)) {
        // Read back by assignment, which this name would turn into a prototype change.
        if (name === '__proto__') throw new ChartsidePackedFormatError('cannot pack a field named __proto__');
        f.set(name, { of: draftOf(x), opt: false });
      }
      return { t: 'obj', f };
    }
    default:
      throw new ChartsidePackedFormatError(`cannot pack a ${typeof v}`);
  }
}

/** Whether a value of this draft can be written as JSON text (the fallback for mixed types). */
function jsonSafe(d: Draft): boolean {
  switch (d.t) {
    case 'set':
    case 'map':
    case 'undef':
      return false;
    case 'opt':
    case 'u8a':
    case 'u16a':
    case 'u32a':
    case 'i32a':
      return false;
    case 'arr':
      return jsonSafe(d.of);
    case 'obj':
      return [...d.f.values()].every((x) => !x.opt && jsonSafe(x.of));
    default:
      return true;
  }
}

function mixed(a: Draft, b: Draft): Draft {
  if (!jsonSafe(a) || !jsonSafe(b))
    throw new ChartsidePackedFormatError('cannot pack values of mixed types that hold a Map, a Set or undefined');
  return { t: 'json' };
}

function merge(a: Draft, b: Draft): Draft {
  if (a.t === 'none') return b;
  if (b.t === 'none') return a;
  if (a.t === 'undef' && b.t === 'undef') return a;
  if (a.t === 'undef') return b.t === 'opt' ? b : { t: 'opt', of: b };
  if (b.t === 'undef') return a.t === 'opt' ? a : { t: 'opt', of: a };
  if (a.t === 'opt' || b.t === 'opt') {
    const x = a.t === 'opt' ? a.of : a;
    const y = b.t === 'opt' ? b.of : b;
    return { t: 'opt', of: merge(x, y) };
  }
  if ((a.t === 'int' && b.t === 'num') || (a.t === 'num' && b.t === 'int')) return { t: 'num' };
  // Mixed types: stored as JSON text, which only JSON values survive.
  if (a.t !== b.t) return mixed(a, b);
  switch (a.t) {
    case 'arr':
    case 'set':
      return { t: a.t, of: merge(a.of, (b as typeof a).of) };
    case 'map':
      return { t: 'map', k: merge(a.k, (b as typeof a).k), v: merge(a.v, (b as typeof a).v) };
    case 'obj': {
      const bf = (b as typeof a).f;
      const f = new Map<string, { of: Draft; opt: boolean }>();
      for (const [name, x] of a.f) {
        const y = bf.get(name);
        f.set(name, y ? { of: merge(x.of, y.of), opt: x.opt || y.opt } : { of: x.of, opt: true });
      }
      for (const [name, y] of bf) if (!a.f.has(name)) f.set(name, { of: y.of, opt: true });
      return { t: 'obj', f };
    }
    default:
      return a;
  }
}

// ---- columns ----

class Column {
  values: number[] = [];
  constructor(readonly type: ColumnType) {}
}

function finalize(draft: Draft, columns: Column[]): PackedShape {
  const col = (type: ColumnType): number => columns.push(new Column(type)) - 1;
  switch (draft.t) {
    case 'none':
    case 'undef':
    case 'null':
      return { t: draft.t };
    case 'u8a':
    case 'u16a':
    case 'u32a':
    case 'i32a': {
      const n = col('u32');
      return { t: draft.t, n, c: col(TYPED_COLUMN[draft.t]) };
    }
    case 'str':
    case 'json':
      return { t: draft.t, c: col('u32') };
    case 'int':
      return { t: 'int', c: col('i32') };
    case 'num':
      return { t: 'num', c: col('f64') };
    case 'bool':
      return { t: 'bool', c: col('u8') };
    case 'opt': {
      const p = col('u8');
      return { t: 'opt', p, of: finalize(draft.of, columns) };
    }
    case 'arr':
    case 'set': {
      const c = col('u32');
      return { t: draft.t, c, of: finalize(draft.of, columns) };
    }
    case 'map': {
      const c = col('u32');
      return { t: 'map', c, k: finalize(draft.k, columns), v: finalize(draft.v, columns) };
    }
    case 'obj':
      return {
        t: 'obj',
        f: [...draft.f].map(([name, x]) => {
          const opt = x.opt ? col('u8') : undefined;
          return { name, ...(opt === undefined ? {} : { opt }), of: finalize(x.of, columns) };
        }),
      };
  }
}

class StringTable {
  readonly ids = new Map<string, number>();
  readonly list: string[] = [];
  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      // UTF-8 cannot carry a lone surrogate: refuse it rather than store a different string.
      if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s))
        throw new ChartsidePackedFormatError('cannot pack a string with a lone surrogate');
      id = this.list.push(s) - 1;
      this.ids.set(s, id);
    }
    return id;
  }
}

function write(shape: PackedShape, v: unknown, columns: Column[], strings: StringTable): void {
  switch (shape.t) {
    case 'none':
    case 'undef':
    case 'null':
      return;
    case 'str':
      columns[shape.c]!.values.push(strings.id(v as string));
      return;
    case 'json':
      columns[shape.c]!.values.push(strings.id(JSON.stringify(v)));
      return;
    case 'int':
    case 'num':
      columns[shape.c]!.values.push(v as number);
      return;
    case 'bool':
      columns[shape.c]!.values.push(v ? 1 : 0);
      return;
    case 'u8a':
    case 'u16a':
    case 'u32a':
    case 'i32a': {
      const items = v as ArrayLike<number>;
      columns[shape.n]!.values.push(items.length);
      const out = columns[shape.c]!.values;
      for (let i = 0; i < items.length; i++) out.push(items[i]!);
      return;
    }
    case 'opt':
      columns[shape.p]!.values.push(v === undefined ? 0 : 1);
      if (v !== undefined) write(shape.of, v, columns, strings);
      return;
    case 'arr':
    case 'set': {
      const items = shape.t === 'arr' ? (v as unknown[]) : [...(v as Set<unknown>)];
      columns[shape.c]!.values.push(items.length);
      for (const x of items) write(shape.of, x, columns, strings);
      return;
    }
    case 'map': {
      const m = v as Map<unknown, unknown>;
      columns[shape.c]!.values.push(m.size);
      for (const [k, x] of m) {
        write(shape.k, k, columns, strings);
        write(shape.v, x, columns, strings);
      }
      return;
    }
    case 'obj': {
      const o = v as Record<string, unknown>;
      for (const f of shape.f) {
        const present = Object.prototype.hasOwnProperty.call(o, f.name);
        if (f.opt !== undefined) columns[f.opt]!.values.push(present ? 1 : 0);
        if (present) write(f.of, o[f.name], columns, strings);
      }
      return;
    }
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });
const MAGIC = 'CSPACKED';
const align = (n: number): number => (n + 7) & ~7;

/**
 * Packs a value. Plain objects (own enumerable keys, in order), arrays, `Map`, `Set`, strings,
 * finite numbers, booleans, `null` and `undefined`; an object field missing from some elements
 * comes back missing, not `undefined`.
 *
 * @throws ChartsidePackedFormatError for anything else (a class instance, a function, a typed array).
 * @example const bytes = packValue({ entries: [{ code: 'I50.23', req: ['failur', 'heart'] }] });
 */
export function packValue(value: unknown): Uint8Array {
  const columns: Column[] = [];
  const shape = finalize(draftOf(value), columns);
  const strings = new StringTable();
  write(shape, value, columns, strings);
  const typed = columns.map((c) => {
    switch (c.type) {
      case 'u32':
        return new Uint8Array(Uint32Array.from(c.values).buffer);
      case 'i32':
        return new Uint8Array(Int32Array.from(c.values).buffer);
      case 'f64':
        return new Uint8Array(Float64Array.from(c.values).buffer);
      case 'u8':
        return Uint8Array.from(c.values);
      case 'u16':
        return new Uint8Array(Uint16Array.from(c.values).buffer);
    }
  });
  const lengths = new Uint8Array(Uint32Array.from(strings.list, (s) => s.length).buffer);
  const text = encoder.encode(strings.list.join(''));
  const header = encoder.encode(
    JSON.stringify({
      codecVersion: PACKED_CODEC_VERSION,
      shape,
      columns: columns.map((c) => ({ type: c.type, length: c.values.length })),
      strings: { count: strings.list.length, bytes: text.length },
    }),
  );
  let size = align(12 + header.length);
  for (const t of typed) size = align(size + t.length);
  size = align(size + lengths.length) + text.length;
  const out = new Uint8Array(size);
  out.set(encoder.encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(8, header.length, true);
  out.set(header, 12);
  let at = align(12 + header.length);
  for (const t of typed) {
    out.set(t, at);
    at = align(at + t.length);
  }
  out.set(lengths, at);
  at = align(at + lengths.length);
  out.set(text, at);
  return out;
}

interface Header {
  codecVersion: number;
  shape: PackedShape;
  columns: { type: ColumnType; length: number }[];
  strings: { count: number; bytes: number };
}

function readHeader(bytes: Uint8Array): { header: Header; start: number } {
  if (bytes.length < 12 || String.fromCharCode(...bytes.subarray(0, 8)) !== MAGIC)
    throw new ChartsidePackedFormatError('not packed Chartside data (bad magic)');
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(8, true);
  if (12 + length > bytes.length) throw new ChartsidePackedFormatError('packed data header is truncated');
  let header: Header;
  try {
    header = JSON.parse(decoder.decode(bytes.subarray(12, 12 + length))) as Header;
  } catch (cause) {
    throw new ChartsidePackedFormatError(`packed data header is not valid JSON: ${String(cause)}`);
  }
  if (header?.codecVersion !== PACKED_CODEC_VERSION)
    throw new ChartsidePackedFormatError(
      `packed data has codec version ${String(header?.codecVersion)}; this build reads version ${PACKED_CODEC_VERSION}`,
    );
  return { header, start: align(12 + length) };
}

type ColumnView = Uint32Array | Int32Array | Float64Array | Uint8Array | Uint16Array;

/**
 * Unpacks what {@link packValue} wrote. The caller states the type it expects: the bytes carry
 * their shape, not a TypeScript type, so a caller that does not trust them checks the result.
 *
 * @throws ChartsidePackedFormatError for bad magic, another codec version, or truncated data.
 */
export function unpackValue<T>(bytes: Uint8Array): T {
  const { header, start } = readHeader(bytes);
  // Typed views need aligned offsets: copy once when the caller's bytes are not 8-byte aligned.
  const data = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
  const views: ColumnView[] = [];
  let at = start;
  for (const c of header.columns) {
    const n = c.length * COLUMN_BYTES[c.type];
    if (at + n > data.length) throw new ChartsidePackedFormatError('packed data is truncated');
    const o = data.byteOffset + at;
    views.push(
      c.type === 'u32'
        ? new Uint32Array(data.buffer, o, c.length)
        : c.type === 'i32'
          ? new Int32Array(data.buffer, o, c.length)
          : c.type === 'f64'
            ? new Float64Array(data.buffer, o, c.length)
            : c.type === 'u16'
              ? new Uint16Array(data.buffer, o, c.length)
              : new Uint8Array(data.buffer, o, c.length),
    );
    at = align(at + n);
  }
  const count = header.strings.count;
  if (at + count * 4 + header.strings.bytes > data.length)
    throw new ChartsidePackedFormatError('packed data string table is truncated');
  const lengths = new Uint32Array(data.buffer, data.byteOffset + at, count);
  at = align(at + count * 4);
  const text = decoder.decode(data.subarray(at, at + header.strings.bytes));
  const strings = new Array<string>(count);
  for (let i = 0, p = 0; i < count; i++) {
    const n = lengths[i]!;
    strings[i] = text.slice(p, p + n);
    p += n;
  }
  // One reader per column, each with its own cursor. A read past a column's end yields
  // `undefined` (no bounds check per value); the counts are compared once at the end.
  const cursors = new Array<{ at: number }>(views.length);
  const claim = (c: number, type?: ColumnType): { view: ColumnView; cursor: { at: number } } => {
    const view = views[c];
    if (!view || cursors[c] || (type !== undefined && header.columns[c]!.type !== type))
      throw new ChartsidePackedFormatError('packed data is inconsistent with its shape');
    return { view, cursor: (cursors[c] = { at: 0 }) };
  };
  const column = (c: number): (() => number) => {
    const { view, cursor } = claim(c);
    return () => view[cursor.at++]!;
  };
  // A typed array comes back as a view on the unpacked bytes (no copy), checked to lie inside
  // its column.
  const slice = (c: number, type: ColumnType): ((n: number) => ColumnView) => {
    const { view, cursor } = claim(c, type);
    return (n) => {
      const from = cursor.at;
      if (!(from + n <= view.length)) throw new ChartsidePackedFormatError('packed data is truncated');
      cursor.at += n;
      return view.subarray(from, from + n);
    };
  };
  const str = (id: number): string => {
    const s = strings[id];
    if (s === undefined) throw new ChartsidePackedFormatError('packed data names a string it does not hold');
    return s;
  };
  const read = compile(header.shape, { column, slice, str });
  const value = read() as T;
  views.forEach((v, c) => {
    if (cursors[c]?.at !== v.length) throw new ChartsidePackedFormatError('packed data is inconsistent with its shape');
  });
  return value;
}

/** What {@link compile} reads columns and strings with. */
interface ColumnSource {
  /** The next value of column `c`, one call at a time. */
  column: (c: number) => () => number;
  /** The next `n` values of column `c` (of that type) as a typed view. */
  slice: (c: number, type: ColumnType) => (n: number) => ColumnView;
  str: (id: number) => string;
}

/** Turns a shape into a reader function (one closure per shape node, built once). */
function compile(shape: PackedShape, src: ColumnSource): () => unknown {
  const { column, str } = src;
  switch (shape.t) {
    case 'none':
      return () => {
        throw new ChartsidePackedFormatError('packed data holds a value of no shape');
      };
    case 'undef':
      return () => undefined;
    case 'null':
      return () => null;
    case 'str': {
      const next = column(shape.c);
      return () => str(next());
    }
    case 'json': {
      const next = column(shape.c);
      return () => JSON.parse(str(next())) as unknown;
    }
    case 'int':
    case 'num':
      return column(shape.c);
    case 'bool': {
      const next = column(shape.c);
      return () => next() === 1;
    }
    case 'u8a':
    case 'u16a':
    case 'u32a':
    case 'i32a': {
      const length = column(shape.n);
      const take = src.slice(shape.c, TYPED_COLUMN[shape.t]);
      return () => take(length());
    }
    case 'opt': {
      const present = column(shape.p);
      const of = compile(shape.of, src);
      return () => (present() === 1 ? of() : undefined);
    }
    case 'arr': {
      const next = column(shape.c);
      const of = compile(shape.of, src);
      return () => {
        const n = next();
        const out = new Array<unknown>(n);
        for (let i = 0; i < n; i++) out[i] = of();
        return out;
      };
    }
    case 'set': {
      const next = column(shape.c);
      const of = compile(shape.of, src);
      return () => {
        const n = next();
        const out = new Set<unknown>();
        for (let i = 0; i < n; i++) out.add(of());
        return out;
      };
    }
    case 'map': {
      const next = column(shape.c);
      const k = compile(shape.k, src);
      const v = compile(shape.v, src);
      return () => {
        const n = next();
        const out = new Map<unknown, unknown>();
        for (let i = 0; i < n; i++) {
          const key = k();
          out.set(key, v());
        }
        return out;
      };
    }
    case 'obj': {
      const fields = shape.f.map((f) => ({
        name: f.name,
        present: f.opt === undefined ? undefined : column(f.opt),
        of: compile(f.of, src),
      }));
      return () => {
        const o: Record<string, unknown> = {};
        for (const f of fields) if (f.present === undefined || f.present() === 1) o[f.name] = f.of();
        return o;
      };
    }
    default:
      throw new ChartsidePackedFormatError(`unknown shape ${String((shape as { t?: unknown }).t)}`);
  }
}
