#!/usr/bin/env node
// Entry point of `npx chartside`: runs the CLI from its prebuilt bundle in .cache/cli/ (built from
// the TypeScript sources on first use and whenever they change; see launch.mjs), so the CLI, the
// Node tests and the worker share the very same engine sources.
import { loadMain } from './launch.mjs';

const main = await loadMain(process.stderr);
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
});
