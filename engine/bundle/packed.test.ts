import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChartsidePackedFormatError, packValue, PACKED_CODEC_VERSION, unpackValue } from './packed';

/** Plain data as packValue accepts it: nested objects, arrays, Maps and Sets of scalars. */
const scalar = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);
const { value } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    scalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.string().filter((k) => k !== '__proto__'),
      tie('value'),
      { maxKeys: 4, noNullPrototype: true },
    ),
    fc.array(fc.tuple(fc.string(), tie('value')), { maxLength: 3 }).map((pairs) => new Map(pairs)),
    fc.array(fc.string(), { maxLength: 4 }).map((xs) => new Set(xs)),
    fc.uint8Array({ maxLength: 5 }),
    fc.uint16Array({ maxLength: 5 }),
    fc.uint32Array({ maxLength: 5 }),
    fc.int32Array({ maxLength: 5 }),
  ),
}));

/** Values of one shape whose optional fields come and go, like lexicon entries. */
const entries = fc.array(
  fc.record(
    {
      code: fc.string(),
      req: fc.array(fc.string(), { maxLength: 5 }),
      depth: fc.nat(20),
      weight: fc.double({ noNaN: true }),
      seeAlso: fc.constant(true as const),
    },
    { requiredKeys: ['code', 'req', 'depth'], noNullPrototype: true },
  ),
  { maxLength: 30 },
);

describe('packValue / unpackValue', () => {
  it('gives back what it was given, for any plain data (fields missing stay missing)', () => {
    fc.assert(
      fc.property(fc.oneof(value, entries), (v) => {
        // A mixed array holding undefined cannot be JSON: refused with a clear error, nothing else.
        let bytes: Uint8Array;
        try {
          bytes = packValue(v);
        } catch (error) {
          expect(error).toBeInstanceOf(ChartsidePackedFormatError);
          return;
        }
        expect(unpackValue(bytes)).toStrictEqual(v);
      }),
      { numRuns: 300 },
    );
  });

  it('packs a record list of one shape once per field, not once per element, and is deterministic', () => {
    const list = Array.from({ length: 1000 }, (_, i) => ({
      code: `C${i % 7}`,
      path: 'Failure > heart',
      req: ['heart', 'failur'],
      depth: i % 3,
    }));
    const bytes = packValue({ entries: list });
    expect(bytes).toStrictEqual(packValue({ entries: list.map((e) => ({ ...e })) }));
    // 1000 elements: columns of numbers (4 bytes a string reference or integer), each string once.
    expect(bytes.length).toBeLessThan(1000 * 6 * 4 + 2000);
    expect(unpackValue(bytes)).toStrictEqual({ entries: list });
  });

  it('keeps Map and Set insertion order and integer/float distinctions', () => {
    const v = {
      m: new Map([
        ['b', [1, 2.5]],
        ['a', [-3]],
      ]),
      s: new Set(['z', 'y']),
      n: -0,
    };
    const back = unpackValue<typeof v>(packValue(v));
    expect([...back.m.keys()]).toEqual(['b', 'a']);
    expect([...back.s]).toEqual(['z', 'y']);
    expect(back.m.get('b')).toEqual([1, 2.5]);
    expect(Object.is(back.n, -0)).toBe(true);
  });

  it('gives typed arrays back as views on the unpacked bytes, without a copy', () => {
    const v = { ids: Uint16Array.of(1, 65535), starts: Uint32Array.of(0, 2, 4_000_000_000), d: Int32Array.of(-5) };
    const bytes = packValue({ ...v, list: [Uint8Array.of(7), Uint8Array.of(), Uint8Array.of(8, 9)] });
    const back = unpackValue<typeof v & { list: Uint8Array[] }>(bytes);
    expect(back).toStrictEqual({ ...v, list: [Uint8Array.of(7), Uint8Array.of(), Uint8Array.of(8, 9)] });
    expect(back.ids.buffer).toBe(bytes.buffer);
    expect(back.list[2]!.buffer).toBe(bytes.buffer);
  });

  it('refuses what it cannot write or read, by name', () => {
    expect(() => packValue({ a: new Float32Array(2) })).toThrow(/cannot pack a Float32Array/);
    expect(() => packValue({ a: Buffer.from('ab') })).toThrow(/cannot pack a Buffer/);
    expect(() => packValue([new Uint8Array(2), new Uint32Array(2)])).toThrow(ChartsidePackedFormatError);
    expect(() => packValue(() => 1)).toThrow(/cannot pack a function/);
    expect(() => packValue('\uD800')).toThrow(/lone surrogate/);
    expect(() => unpackValue(new Uint8Array(20))).toThrow(/bad magic/);
    const bytes = packValue({ a: ['x', 'y'] });
    const other = bytes.slice();
    const text = new TextDecoder().decode(other);
    const at = text.indexOf(`"codecVersion":${PACKED_CODEC_VERSION}`) + '"codecVersion":'.length;
    other[at] = '9'.charCodeAt(0);
    expect(() => unpackValue(other)).toThrow(`codec version 9; this build reads version ${PACKED_CODEC_VERSION}`);
    expect(() => unpackValue(bytes.subarray(0, bytes.length - 2))).toThrow(/truncated/);
  });

  it('reads bytes at any offset (copied once when not aligned)', () => {
    const bytes = packValue({ xs: [1, 2, 3], s: 'héllo' });
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    expect(unpackValue(shifted.subarray(3))).toStrictEqual({ xs: [1, 2, 3], s: 'héllo' });
  });
});
