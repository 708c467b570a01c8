import { describe, expect, it } from 'vitest';
import { addOrdinalRangeKeys, namesOrdinalRange, ordinalWords } from './ordinal-range-keys';
import { keyOf, sentenceKeys } from './tokens';

/** Ordinal word keys (and `multiple`) the sentence holds after the ranges are read. */
function ordinalsOf(text: string): string[] {
  const sk = sentenceKeys(text, 0, text.length);
  addOrdinalRangeKeys([sk], text);
  return ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'multiple'].filter((w) => sk.positions.has(keyOf(w)));
}

describe('addOrdinalRangeKeys', () => {
  it.each([
    ['Fractures of the second through fifth metatarsals.', ['second', 'third', 'fourth', 'fifth', 'multiple']],
    ['Left 3rd-5th rib fractures.', ['third', 'fourth', 'fifth', 'multiple']],
    ['Fractured third to fifth toes.', ['third', 'fourth', 'fifth', 'multiple']],
    ['Right 5th metatarsal fracture.', ['fifth']],
    ['Second and fourth toe fractures.', ['second', 'fourth']],
    // A descending or one-member "range" is no run: only its own ordinals.
    ['Fifth through second.', ['second', 'fifth']],
    ['No ordinal here: 3-5 days of pain.', []],
  ])('%s', (text, expected) => {
    expect(ordinalsOf(text)).toEqual(expected);
  });

  it('puts the inner ordinals at the run first position, so one span names them all', () => {
    const text = 'second through fifth metatarsals';
    const sk = sentenceKeys(text, 0, text.length);
    addOrdinalRangeKeys([sk], text);
    expect(sk.positions.get(keyOf('third'))).toEqual([0]);
    expect(sk.positions.get(keyOf('fourth'))).toEqual([0]);
  });
});

describe('namesOrdinalRange / ordinalWords', () => {
  it('tells a run of ordinals from a list of them', () => {
    expect(namesOrdinalRange('2nd-4th metatarsal fractures')).toBe(true);
    expect(namesOrdinalRange('third through fifth toe fractures')).toBe(true);
    expect(namesOrdinalRange('second and fifth metatarsal fractures')).toBe(false);
  });
  it('reads the ordinal words of a Tabular title', () => {
    expect(ordinalWords('Displaced fracture of third metatarsal bone, right foot')).toEqual(['third']);
    expect(ordinalWords('Fracture of unspecified metatarsal bone(s), right foot')).toEqual([]);
  });
});
