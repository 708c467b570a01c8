import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChartsideFormulaError, compileFormula, parseFormula, positiveOperands, type FormulaNode } from './formula';

const NAMES = ['a', 'b', 'c', 'd'];
const slotOf = (prefix: string, name: string) => ['', 'PDX', 'SDX', 'ANY'].indexOf(prefix) * 4 + NAMES.indexOf(name);
const resolve = (prefix: string, name: string): number[] => {
  if (!NAMES.includes(name)) return [];
  if (prefix === 'ANY') return [slotOf('PDX', name), slotOf('SDX', name)];
  return [slotOf(prefix, name)];
};

/** Slow reference: walks the tree. */
function interpret(node: FormulaNode, m: Uint8Array): boolean {
  switch (node.kind) {
    case 'op':
      return resolve(node.prefix, node.name).some((s) => m[s] === 1);
    case 'not':
      return !interpret(node.arg, m);
    case 'and':
      return node.args.every((a) => interpret(a, m));
    case 'or':
      return node.args.some((a) => interpret(a, m));
  }
}

const operand = fc
  .tuple(fc.constantFrom('', 'PDX:', 'SDX:', 'ANY:'), fc.constantFrom(...NAMES, 'MDC05'))
  .map(([p, n]) => `${p}${n}`);
const formula: fc.Arbitrary<string> = fc.letrec<{ f: string }>((tie) => ({
  f: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    operand,
    tie('f').map((x) => `~${x}`),
    fc.tuple(tie('f'), tie('f')).map(([x, y]) => `(${x} & ${y})`),
    fc.tuple(tie('f'), tie('f')).map(([x, y]) => `(${x} | ${y})`),
    fc.tuple(tie('f'), tie('f'), tie('f')).map(([x, y, z]) => `${x} | ${y} & ${z}`),
  ),
})).f;

describe('formula language', () => {
  it('compiled closures agree with a slow tree interpreter on random formulas and masks', () => {
    fc.assert(
      fc.property(formula, fc.uint8Array({ minLength: 16, maxLength: 16, max: 1 }), (text, mask) => {
        const tree = parseFormula(text);
        expect(compileFormula(tree, resolve)(mask)).toBe(interpret(tree, mask));
      }),
    );
  });

  it('AND binds tighter than OR; ~ applies to the next operand or group', () => {
    const m = new Uint8Array(16);
    m[slotOf('', 'a')] = 1;
    expect(compileFormula(parseFormula('a | b & c'), resolve)(m)).toBe(true);
    expect(compileFormula(parseFormula('(a | b) & c'), resolve)(m)).toBe(false);
    expect(compileFormula(parseFormula('~b & a'), resolve)(m)).toBe(true);
    expect(compileFormula(parseFormula('ANY:d | MDC05'), resolve)(m)).toBe(false);
  });

  it('lists positive operands (for the explanation) and skips negated ones', () => {
    expect(positiveOperands(parseFormula('(othtrach | NORtemptrach) & (NORmvge96h | ~PDX:mouthlip) & d468'))).toEqual([
      { prefix: '', name: 'othtrach' },
      { prefix: '', name: 'NORtemptrach' },
      { prefix: '', name: 'NORmvge96h' },
      { prefix: '', name: 'd468' },
    ]);
  });

  it('refuses malformed formulas', () => {
    for (const bad of ['a &', '(a | b', 'a b', '& a', 'a $ b', ''])
      expect(() => parseFormula(bad)).toThrow(ChartsideFormulaError);
  });
});
