/**
 * Fresh load of the shipped search index (`search-<FY>.csb`, built by `npm run codesets`) to the
 * first answer, as the worker does it after install: read the bundle bytes, inflate its index
 * block (checksum verified, and without: the installer verified it), map the typed arrays
 * (deserialize), construct the {@link SearchIndex}, answer a first query, then a first misspelled
 * query (which builds the trigram table). Each step in ms, 5 fresh runs, median and max.
 *
 * The worker inflates with the platform's DecompressionStream (`inflateIndexBlock`, native zlib in
 * Chromium and in Node); `inflateTrustedMs` is fflate in JavaScript (the bundle reader's path) and
 * `inflateVerifiedMs` adds the block's sha256 check, for comparison. `loadToFirstAnswerCpuMs` is
 * the CPU time of this process for the worker path (the wall time includes waiting for a core on
 * a shared machine).
 */
import { readFileSync } from 'node:fs';
import { decodeBundle, inflateBlock, inflateTrusted } from '../../engine/bundle/format';
import { SearchIndex } from '../../engine/search/search-index';
import { deserializeSearchIndex } from '../../engine/search/serialize';
import { SEARCH_INDEX_BLOCK } from '../../codesets/search-index/builder';
import { FsBundleStore } from '../../codesets/node/cache';
import { CACHE_DIR } from '../../codesets/node/source';
import { inflateIndexBlock } from '../../platform/worker/search-bundle';

const YEAR = 2026;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (n: number): number => Math.round(n * 10) / 10;

export async function run(): Promise<Record<string, unknown>> {
  const path = new FsBundleStore(CACHE_DIR).bundlePath(`search-${YEAR}`);
  const steps: Record<string, number[]> = {
    readFileMs: [],
    inflateVerifiedMs: [],
    inflateTrustedMs: [],
    nativeInflateMs: [],
    loadToFirstAnswerCpuMs: [],
    deserializeMs: [],
    constructMs: [],
    firstQueryMs: [],
    firstMisspelledQueryMs: [],
    loadToFirstAnswerMs: [],
  };
  let bundleBytes = 0;
  let indexBytes = 0;
  const cpuMs = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1000;
  for (let run = 0; run < 5; run++) {
    // The worker path first: read, native inflate, deserialize, construct, first query.
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const file = new Uint8Array(readFileSync(path));
    const t1 = performance.now();
    const { header, compressed } = decodeBundle(file, { verify: false });
    const gz = compressed.get(SEARCH_INDEX_BLOCK)!;
    const raw = await inflateIndexBlock(gz);
    const t2 = performance.now();
    const data = deserializeSearchIndex(raw);
    const t3 = performance.now();
    const index = new SearchIndex(data);
    const t4 = performance.now();
    index.search('chf', { limit: 20, prefix: false });
    const t5 = performance.now();
    const cpu = cpuMs(process.cpuUsage(cpu0));
    index.search('pnemonia', { limit: 20, prefix: false });
    const t6 = performance.now();
    // For comparison: inflating in JavaScript (fflate), with and without the block's sha256.
    const entry = header.blocks.find((b) => b.name === SEARCH_INDEX_BLOCK)!;
    const t7 = performance.now();
    inflateTrusted(gz);
    const t8 = performance.now();
    inflateBlock(entry, gz);
    const t9 = performance.now();
    steps.readFileMs!.push(t1 - t0);
    steps.nativeInflateMs!.push(t2 - t1);
    steps.deserializeMs!.push(t3 - t2);
    steps.constructMs!.push(t4 - t3);
    steps.firstQueryMs!.push(t5 - t4);
    steps.firstMisspelledQueryMs!.push(t6 - t5);
    steps.loadToFirstAnswerMs!.push(t5 - t0);
    steps.loadToFirstAnswerCpuMs!.push(cpu);
    steps.inflateTrustedMs!.push(t8 - t7);
    steps.inflateVerifiedMs!.push(t9 - t8);
    bundleBytes = file.length;
    indexBytes = raw.length;
  }
  const out: Record<string, unknown> = { year: YEAR, bundleBytes, indexBytes, runs: 5 };
  for (const [k, v] of Object.entries(steps)) {
    out[k] = round(median(v));
    out[k.replace(/Ms$/, 'MaxMs')] = round(Math.max(...v));
  }
  return out;
}
