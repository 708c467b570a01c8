import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseWhitespace } from './collapse-whitespace';

describe('collapseWhitespace', () => {
  it('folds runs of any white space to one space and trims', () => {
    expect(collapseWhitespace('  Acute\r\n\t kidney\u00a0\u00a0failure ')).toBe('Acute kidney failure');
    expect(collapseWhitespace(' \n ')).toBe('');
  });

  it('is idempotent and leaves no white space but single inner spaces (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'B', ' ', '\n', '\t', '\u00a0', '\u2003', '.') }), (s) => {
        const once = collapseWhitespace(s);
        expect(collapseWhitespace(once)).toBe(once);
        expect(once).not.toMatch(/^\s|\s$|\s\s|[^\S ]/);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
