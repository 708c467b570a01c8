/**
 * Runs Zod without its JIT (which builds parsers with `new Function`, i.e. eval): extension pages
 * forbid eval by CSP, and the shipped bundles do not even contain the compiler
 * (scripts/build/no-dynamic-code.ts). Called first in every entrypoint's `main()` and the worker.
 */
import { config } from 'zod/v4/core';

export function useZodJitless(): void {
  config({ jitless: true });
}
