#!/usr/bin/env node
// Entry point of `npx chartside`: runs the TypeScript CLI through tsx, so the CLI, the Node tests
// and the worker share the very same engine sources (the engine is pure TypeScript, identical in the worker, the tests and the CLI).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
});
