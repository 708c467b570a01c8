/**
 * Build step (a Vite plugin used by wxt.config.ts): removes from the shipped bundles the two
 * library code paths a store reviewer reads as eval and as an HTML sink, which Chartside never
 * uses:
 *
 * - Zod 4's JIT: `util.allowsEval` probes `new Function("")` and `Doc.compile()` builds parsers
 *   with `new Function`. Chartside runs Zod jitless (`z.config({ jitless: true })`,
 *   platform/zod-jitless.ts), so the probe answers "no" and the compiler must never run; here the
 *   probe becomes `false` and the compiler a throw, so no Function constructor is shipped.
 * - Preact's `dangerouslySetInnerHTML` path (`dom.innerHTML = props.__html`): the lint rules
 *   forbid the prop in our code (ARCHITECTURE.md); here the assignment becomes a throw.
 *
 * Each rewrite must find exactly the code it expects: a library update that changes it fails the
 * build with the module's name instead of shipping the old path unnoticed.
 */
import type { Plugin } from 'vite';

interface Rewrite {
  /** Module path suffix (inside node_modules). */
  module: RegExp;
  find: RegExp;
  replace: string;
}

const REWRITES: Rewrite[] = [
  {
    module: /node_modules\/zod\/v4\/core\/util\.js$/,
    find: /const F = Function;\s*new F\(""\);\s*return true;/,
    replace: 'return false; // Chartside: Zod runs jitless (scripts/build/no-dynamic-code.ts)',
  },
  {
    module: /node_modules\/zod\/v4\/core\/doc\.js$/,
    find: /compile\(\) \{\s*const F = Function;[\s\S]*?return factory\(\.\.\.Object\.values\(this\.closed\)\);\s*\}/,
    replace:
      'compile() { throw new Error("Chartside: Zod\'s JIT compiler is not shipped (z.config({ jitless: true }))"); }',
  },
  {
    module: /node_modules\/zod\/v4\/core\/compile\.js$/,
    find: /const F = Function;\s*const factoryCode = [^\n]*\n\s*let fn;\s*try \{\s*const factory = new F\(\.\.\.constantNames, factoryCode\);\s*fn = factory\(\.\.\.constantValues\);/,
    replace: 'let fn; try { throw new Error("Chartside: Zod\'s JIT compiler is not shipped");',
  },
  {
    module: /node_modules\/preact\/dist\/preact\.(module\.js|mjs)$/,
    find: /\(([a-z])\.innerHTML=([a-z])\.__html\)/,
    replace: '(()=>{throw new Error("Chartside: raw HTML (dangerouslySetInnerHTML) is not rendered")})()',
  },
];

/** Thrown when a library no longer contains the code a rewrite expects. */
export class ChartsideBuildRewriteError extends Error {
  override name = 'ChartsideBuildRewriteError';
}

/** Applies the rewrite for `id`, if any; throws when the expected code is missing. */
export function rewriteModule(id: string, code: string): string | undefined {
  const rewrite = REWRITES.find((r) => r.module.test(id.split('?')[0]!.replaceAll('\\', '/')));
  if (!rewrite) return undefined;
  if (!rewrite.find.test(code)) {
    throw new ChartsideBuildRewriteError(
      `${id}: the code to remove (${rewrite.find.source.slice(0, 60)}…) is not there any more; update scripts/build/no-dynamic-code.ts`,
    );
  }
  return code.replace(rewrite.find, rewrite.replace);
}

/** The Vite plugin. */
export function noDynamicCode(): Plugin {
  return {
    name: 'chartside-no-dynamic-code',
    enforce: 'pre',
    transform(code, id) {
      const out = rewriteModule(id, code);
      return out === undefined ? null : { code: out, map: null };
    },
  };
}
