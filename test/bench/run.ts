/**
 * `npm run bench`: imports every `test/bench/<area>.bench.ts`, calls its exported `run()` one after
 * the other, and prints ONE JSON object `{ "<area>": { ...figures } }` to stdout. Everything else
 * (progress, the benches' own logging) goes to stderr, so `npm run bench --silent > bench.json`
 * gives clean JSON.
 *
 * `npm run bench -- search drg` runs only the areas named. A bench that throws is reported as
 * `{ "error": "<message>" }` under its area, the others still run, and the exit code is 1.
 *
 * Contract for a bench file (figures are JSON on stdout, never timed tests):
 *   export async function run(): Promise<Record<string, unknown>>
 * returning JSON-able figures with units in the key names (`queryP95Ms`, `bundleBytes`).
 */
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

type BenchModule = { run?: () => Promise<Record<string, unknown>> };

/** Folder of the bench files; `CHARTSIDE_BENCH_DIR` overrides it (the runner's own test uses that). */
const DIR = process.env.CHARTSIDE_BENCH_DIR ?? import.meta.dirname;

/**
 * Sends everything written to stdout in this process to stderr while benches run, so stdout
 * carries only the JSON. (A child process a bench starts with `stdio: 'inherit'` would still
 * write to the real stdout: benches pipe their children's output instead.)
 */
function routeStdoutToStderr(): (text: string) => void {
  const writeStdout = process.stdout.write.bind(process.stdout);
  process.stdout.write = process.stderr.write.bind(process.stderr);
  return (text) => void writeStdout(text);
}

async function main(): Promise<number> {
  const writeStdout = routeStdoutToStderr();
  const filter = process.argv.slice(2);
  const areas = readdirSync(DIR)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort()
    .map((f) => ({ area: basename(f, '.bench.ts'), file: join(DIR, f) }))
    .filter(({ area }) => filter.length === 0 || filter.includes(area));
  if (filter.length && areas.length < filter.length) {
    const known = new Set(areas.map((a) => a.area));
    console.error(`bench: no test/bench/<area>.bench.ts for ${filter.filter((f) => !known.has(f)).join(', ')}`);
    return 2;
  }

  const results: Record<string, unknown> = {};
  let failures = 0;
  for (const { area, file } of areas) {
    const started = performance.now();
    console.error(`bench: ${area} ...`);
    try {
      const mod = (await import(pathToFileURL(file).href)) as BenchModule;
      if (typeof mod.run !== 'function') throw new Error(`${basename(file)} exports no run() function`);
      const figures = await mod.run();
      // Round-trip now so a non-JSON value fails here, under its own area, not in the final print.
      results[area] = JSON.parse(JSON.stringify(figures)) as unknown;
      console.error(`bench: ${area} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } catch (error) {
      failures += 1;
      const message = error instanceof Error ? error.message : String(error);
      results[area] = { error: message };
      console.error(`bench: ${area} FAILED: ${error instanceof Error ? (error.stack ?? message) : message}`);
    }
  }
  writeStdout(`${JSON.stringify(results, null, 2)}\n`);
  return failures ? 1 : 0;
}

process.exitCode = await main();
