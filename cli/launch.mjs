/**
 * How `npx chartside` finds the CLI's code: a prebuilt JavaScript bundle of `cli/main.ts` in the
 * git-ignored `.cache/cli/`, built with esbuild on first use and rebuilt whenever one of its
 * source files changed; the TypeScript sources through tsx when the bundle cannot be built.
 *
 * Why: running the sources through tsx costs about 0.3 s of CPU before the first line of the CLI
 * runs and another 0.3 s to resolve and transform its ~200 modules; the bundle loads in a few
 * dozen milliseconds, and its commands are split into chunks loaded on use, so `chartside group`
 * never parses the suggester, the search index or the CDI rules. The bundle is built from the
 * very same sources, so the engine stays identical in the worker, the tests and the CLI.
 *
 * Layout: `.cache/cli/current.json` names the build in use (`{ dir, inputs }`: the build's folder
 * and every source file in it, npm packages and this file included, with its size and modification
 * time). A build goes to a fresh folder
 * and `current.json` is replaced by a rename, so processes starting at the same moment never see a
 * half-written bundle.
 *
 * Plain JavaScript on purpose: it runs before anything can compile TypeScript.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Version of `current.json`'s own layout. */
const BUILD_FORMAT = 1;
/** Old build folders are removed once this old (a process started from one may still load chunks). */
const STALE_BUILD_MS = 10 * 60 * 1000;

/**
 * What to bundle and where: the project's CLI into `.cache/cli/` by default (tests use a small
 * project of their own).
 * @typedef {{ root: string; entry: string; outDir: string }} BundleTarget
 * @typedef {{ format: number; dir: string; inputs: Record<string, [size: number, mtimeMs: number]> }} Current
 * @typedef {(argv: string[], io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream; stdin: NodeJS.ReadableStream }) => Promise<number>} Main
 */

/** @type {BundleTarget} */
export const CLI_BUNDLE = { root: ROOT, entry: join(ROOT, 'cli', 'main.ts'), outDir: join(ROOT, '.cache', 'cli') };

/**
 * The bundle's `main.js` when it exists and every source file it was built from is unchanged
 * (same size and modification time), else null.
 * @param {BundleTarget} [target]
 * @returns {string | null}
 */
export function freshBundle(target = CLI_BUNDLE) {
  /** @type {Current} */
  let current;
  try {
    current = JSON.parse(readFileSync(join(target.outDir, 'current.json'), 'utf8'));
  } catch {
    return null; // never built, or unreadable: build again
  }
  if (current.format !== BUILD_FORMAT || typeof current.dir !== 'string' || !current.inputs) return null;
  const main = join(target.outDir, current.dir, 'main.js');
  if (!existsSync(main)) return null;
  for (const [file, [size, mtimeMs]] of Object.entries(current.inputs)) {
    let st;
    try {
      st = statSync(resolve(target.root, file));
    } catch {
      return null; // a source file was removed or renamed
    }
    if (st.size !== size || st.mtimeMs !== mtimeMs) return null;
  }
  return main;
}

/**
 * Builds the bundle into a fresh folder and makes it current; returns its `main.js`. Throws when
 * esbuild is missing or the sources do not compile (the caller falls back to tsx).
 * @param {BundleTarget} [target]
 * @returns {Promise<string>}
 */
export async function buildBundle(target = CLI_BUNDLE) {
  const { build } = await import('esbuild');
  mkdirSync(target.outDir, { recursive: true });
  const dir = `build-${Date.now()}-${process.pid}`;
  const outdir = join(target.outDir, dir);
  const result = await build({
    entryPoints: [target.entry],
    absWorkingDir: target.root,
    bundle: true,
    // One chunk per command, loaded on use (the dispatcher imports each command dynamically).
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // npm packages are bundled too: zod alone takes ~0.17 s of CPU to load as its ~50 ES modules
    // from node_modules, ~0.07 s as part of a bundle.
    outdir,
    metafile: true,
    sourcemap: 'linked',
    logLevel: 'silent',
  });
  /** @type {Current['inputs']} */
  const inputs = {};
  // This file too: a change of the build options above makes a new bundle.
  for (const file of [...Object.keys(result.metafile.inputs), fileURLToPath(import.meta.url)]) {
    const path = resolve(target.root, file);
    const st = statSync(path);
    inputs[relative(target.root, path)] = [st.size, st.mtimeMs];
  }
  const current = join(target.outDir, 'current.json');
  const tmp = `${current}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify({ format: BUILD_FORMAT, dir, inputs })}\n`);
  renameSync(tmp, current);
  removeOldBuilds(target.outDir, dir);
  return join(outdir, 'main.js');
}

/**
 * Removes build folders other than `keep` that are older than {@link STALE_BUILD_MS}.
 * @param {string} outDir
 * @param {string} keep
 */
function removeOldBuilds(outDir, keep) {
  const now = Date.now();
  for (const name of readdirSync(outDir)) {
    const m = /^build-(\d+)-\d+$/.exec(name);
    if (!m || name === keep || now - Number(m[1]) < STALE_BUILD_MS) continue;
    rmSync(join(outDir, name), { recursive: true, force: true });
  }
}

/**
 * The CLI's `main`: from the bundle (built or rebuilt first when needed), or from the TypeScript
 * sources through tsx when `CHARTSIDE_CLI_FROM_SOURCE=1` is set or the bundle cannot be built
 * (said on stderr with the reason; the commands behave the same, only start slower).
 * @param {NodeJS.WritableStream} stderr
 * @returns {Promise<Main>}
 */
export async function loadMain(stderr) {
  if (process.env.CHARTSIDE_CLI_FROM_SOURCE !== '1') {
    let main = freshBundle();
    if (main === null) {
      try {
        main = await buildBundle();
      } catch (error) {
        const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
        stderr.write(
          `chartside: could not build the CLI bundle in ${CLI_BUNDLE.outDir} (${reason}); running from the TypeScript sources (slower start).\n`,
        );
      }
    }
    if (main !== null) return (await import(pathToFileURL(main).href)).main;
  }
  const { register } = await import('tsx/esm/api');
  register();
  return (await import('./main.ts')).main;
}
