/**
 * The MS-DRG formula language (grammar in msdrg/FY2026/tables/README.md, "Formula grammar"):
 * parsed once at load and compiled to closures over a claim mask (a `Uint8Array` indexed by
 * integer operand slots), so evaluating a formula row costs a few array reads.
 */
import { ChartsideError } from '../errors';

/** Formula syntax tree. */
export type FormulaNode =
  | { kind: 'op'; prefix: '' | 'PDX' | 'SDX' | 'ANY' | 'ONLY'; name: string }
  | { kind: 'not'; arg: FormulaNode }
  | { kind: 'and' | 'or'; args: FormulaNode[] };

/** Raised for a formula that does not follow the grammar. */
export class ChartsideFormulaError extends ChartsideError {
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

/**
 * Compiles a syntax tree to a closure. Operands of an `and` / `or` that read one mask slot (or
 * `~` of one) are tested inline in a loop over their slots before any nested closure is called,
 * so a row costs a few array reads and at most a handful of calls.
 */
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
      const inner = singleSlot(node.arg, resolve);
      if (inner !== null) {
        if (inner < 0) return () => true;
        return (m) => m[inner] !== 1;
      }
      const f = compileFormula(node.arg, resolve);
      return (m) => !f(m);
    }
    case 'and':
    case 'or': {
      // Split the arguments: single positive slots, single negated slots, the rest as closures.
      const pos: number[] = [];
      const neg: number[] = [];
      const rest: CompiledFormula[] = [];
      let constant: boolean | null = null; // an operand that is never true
      for (const a of node.args) {
        const s = singleSlot(a, resolve);
        const n = a.kind === 'not' ? singleSlot(a.arg, resolve) : null;
        if (s !== null) {
          if (s >= 0) pos.push(s);
          else if (node.kind === 'and') constant = false; // `x & never` is never true
        } else if (n !== null) {
          if (n >= 0) neg.push(n);
          else if (node.kind === 'or') constant = true; // `x | ~never` is always true
        } else rest.push(compileFormula(a, resolve));
      }
      if (constant !== null) {
        const c = constant;
        return () => c;
      }
      const P = Int32Array.from(pos);
      const N = Int32Array.from(neg);
      const np = P.length;
      const nn = N.length;
      const nr = rest.length;
      if (node.kind === 'and') {
        if (nn === 0 && nr === 0) {
          if (np === 2) {
            const a = P[0]!;
            const b = P[1]!;
            return (m) => m[a] === 1 && m[b] === 1;
          }
        }
        return (m) => {
          for (let i = 0; i < np; i++) if (m[P[i]!] !== 1) return false;
          for (let i = 0; i < nn; i++) if (m[N[i]!] === 1) return false;
          for (let i = 0; i < nr; i++) if (!rest[i]!(m)) return false;
          return true;
        };
      }
      return (m) => {
        for (let i = 0; i < np; i++) if (m[P[i]!] === 1) return true;
        for (let i = 0; i < nn; i++) if (m[N[i]!] !== 1) return true;
        for (let i = 0; i < nr; i++) if (rest[i]!(m)) return true;
        return false;
      };
    }
  }
}

/**
 * The one mask slot an operand node reads (`-1` = never true), or null when the node is not an
 * operand with at most one slot.
 */
function singleSlot(node: FormulaNode, resolve: OperandResolver): number | null {
  if (node.kind !== 'op') return null;
  const slots = resolve(node.prefix, node.name);
  if (slots.length === 0) return -1;
  return slots.length === 1 ? slots[0]! : null;
}

/**
 * A mask slot that must be 1 for the formula to be true (its own operand, or a single-slot operand
 * of a top-level `and`), or -1 when there is none. Lets the grouper skip a row with one read.
 */
export function gateSlot(node: FormulaNode, resolve: OperandResolver): number {
  const s = singleSlot(node, resolve);
  if (s !== null) return s;
  if (node.kind === 'and') {
    for (const a of node.args) {
      const t = singleSlot(a, resolve);
      if (t !== null && t >= 0) return t;
    }
  }
  return -1;
}

/** Operands that are read positively (not under `~`), used to explain which codes fired a row. */
export function positiveOperands(node: FormulaNode, negated = false, out: { prefix: string; name: string }[] = []) {
  if (node.kind === 'op') {
    if (!negated) out.push({ prefix: node.prefix, name: node.name });
  } else if (node.kind === 'not') positiveOperands(node.arg, !negated, out);
  else for (const a of node.args) positiveOperands(a, negated, out);
  return out;
}
