/**
 * The MS-DRG formula language (grammar in msdrg/FY2026/tables/README.md, "Formula grammar"):
 * parsed once at load and compiled to closures over a claim mask (a `Uint8Array` indexed by
 * integer operand slots), so evaluating a formula row costs a few array reads.
 */

/** Formula syntax tree. */
export type FormulaNode =
  | { kind: 'op'; prefix: '' | 'PDX' | 'SDX' | 'ANY' | 'ONLY'; name: string }
  | { kind: 'not'; arg: FormulaNode }
  | { kind: 'and' | 'or'; args: FormulaNode[] };

/** Raised for a formula that does not follow the grammar. */
export class ChartsideFormulaError extends Error {
  override name = 'ChartsideFormulaError';
}

const TOKEN = /\s*(?:([&|~()])|((?:PDX|SDX|ANY|ONLY):)?([A-Za-z0-9_]+))/y;

/**
 * Parses a formula.
 *
 * @example parseFormula('PDX:strauma & MULTST')
 * @throws ChartsideFormulaError on a syntax error.
 */
export function parseFormula(text: string): FormulaNode {
  type Tok = { sym?: string; prefix?: string; name?: string };
  const toks: Tok[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(text);
    if (!m) throw new ChartsideFormulaError(`cannot read formula at "${text.slice(at)}": ${text}`);
    at = TOKEN.lastIndex;
    if (m[1]) toks.push({ sym: m[1] });
    else toks.push({ prefix: m[2] ? m[2].slice(0, -1) : '', name: m[3]! });
  }
  let i = 0;
  const fail = (what: string): never => {
    throw new ChartsideFormulaError(`${what} at token ${i} in formula: ${text}`);
  };
  const or = (): FormulaNode => {
    const args = [and()];
    while (toks[i]?.sym === '|') {
      i++;
      args.push(and());
    }
    return args.length === 1 ? args[0]! : { kind: 'or', args };
  };
  const and = (): FormulaNode => {
    const args = [unary()];
    while (toks[i]?.sym === '&') {
      i++;
      args.push(unary());
    }
    return args.length === 1 ? args[0]! : { kind: 'and', args };
  };
  const unary = (): FormulaNode => {
    const t = toks[i++] ?? fail('unexpected end');
    if (t.sym === '~') return { kind: 'not', arg: unary() };
    if (t.sym === '(') {
      const inner = or();
      if (toks[i++]?.sym !== ')') fail('missing )');
      return inner;
    }
    if (t.name === undefined) return fail(`unexpected "${t.sym ?? ''}"`);
    return { kind: 'op', prefix: t.prefix as '' | 'PDX' | 'SDX' | 'ANY' | 'ONLY', name: t.name };
  };
  const tree = or();
  if (i !== toks.length) fail('trailing tokens');
  return tree;
}

/** A compiled formula: true when the claim mask satisfies it. */
export type CompiledFormula = (mask: Uint8Array) => boolean;

/**
 * Operand resolver: the mask slot(s) an operand reads. Several slots mean "any of them" (used for
 * `ANY:x` = PDX slot or SDX slot); an empty list means the operand is never true (control markers).
 */
export type OperandResolver = (prefix: string, name: string) => number[];

/** Compiles a syntax tree to a closure. */
export function compileFormula(node: FormulaNode, resolve: OperandResolver): CompiledFormula {
  switch (node.kind) {
    case 'op': {
      const slots = resolve(node.prefix, node.name);
      if (slots.length === 0) return () => false;
      if (slots.length === 1) {
        const s = slots[0]!;
        return (m) => m[s] === 1;
      }
      const [a, b] = slots as [number, number];
      return (m) => m[a] === 1 || m[b] === 1;
    }
    case 'not': {
      const f = compileFormula(node.arg, resolve);
      return (m) => !f(m);
    }
    case 'and': {
      const fs = node.args.map((a) => compileFormula(a, resolve));
      if (fs.length === 2) {
        const [a, b] = fs as [CompiledFormula, CompiledFormula];
        return (m) => a(m) && b(m);
      }
      return (m) => {
        for (const f of fs) if (!f(m)) return false;
        return true;
      };
    }
    case 'or': {
      const fs = node.args.map((a) => compileFormula(a, resolve));
      if (fs.length === 2) {
        const [a, b] = fs as [CompiledFormula, CompiledFormula];
        return (m) => a(m) || b(m);
      }
      return (m) => {
        for (const f of fs) if (f(m)) return true;
        return false;
      };
    }
  }
}

/** Operands that are read positively (not under `~`), used to explain which codes fired a row. */
export function positiveOperands(node: FormulaNode, negated = false, out: { prefix: string; name: string }[] = []) {
  if (node.kind === 'op') {
    if (!negated) out.push({ prefix: node.prefix, name: node.name });
  } else if (node.kind === 'not') positiveOperands(node.arg, !negated, out);
  else for (const a of node.args) positiveOperands(a, negated, out);
  return out;
}
