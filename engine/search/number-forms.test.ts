import { describe, expect, it } from 'vitest';
import { numberForms } from './number-forms';

describe('numberForms', () => {
  it('reads ordinals in words and in digits as each other', () => {
    expect(numberForms('3rd')).toEqual(['third']);
    expect(numberForms('fifth')).toEqual(['5th']);
    expect(numberForms('12th')).toEqual(['twelfth']);
  });

  it('reads Roman numerals, with a subtype letter, as Arabic ones and back', () => {
    expect(numberForms('iiia')).toEqual(['3a']);
    expect(numberForms('3a')).toEqual(['iiia']);
    expect(numberForms('ii')).toEqual(['2']);
    expect(numberForms('4')).toEqual(['iv']);
  });

  it('leaves other words alone, and a lone v or x (vitamin, X-linked)', () => {
    expect(numberForms('v')).toEqual([]);
    expect(numberForms('x')).toEqual([]);
    expect(numberForms('vitamin')).toEqual([]);
    expect(numberForms('11')).toEqual([]);
  });
});
