import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeFrontCoded, decodeTitles, encodeFrontCoded, encodeTitles } from './layout';

describe('front coding of titles', () => {
  it('decodes to exactly what was encoded', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme-composite' })), (values) => {
        const { prefix, rest } = encodeFrontCoded(values);
        expect(decodeFrontCoded(prefix, rest)).toEqual(values);
      }),
    );
  });
  it('shares prefixes between neighbours', () => {
    expect(encodeFrontCoded(['Fracture of femur', 'Fracture of femur, initial', 'Gout'])).toEqual({
      prefix: [0, 17, 0],
      rest: ['Fracture of femur', ', initial', 'Gout'],
    });
  });
  it('round-trips long and short titles, short equal to long or not', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.string(), fc.boolean())), (rows) => {
        const long = rows.map(([l]) => l);
        const short = rows.map(([l, s, same]) => (same ? l : s));
        expect(decodeTitles(encodeTitles(long, short))).toEqual({ long, short });
      }),
    );
  });
});
