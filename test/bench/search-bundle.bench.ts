/**
 * Fresh load of the shipped search index (`search-<FY>.csb`, built by `npm run codesets`) to the
 * first answer, as the worker does it after install: read the bundle bytes, inflate its index
 * block (checksum verified, and without: the installer verified it), map the typed arrays
 * (deserialize), construct the {@link SearchIndex}, answer a first query, then a first misspelled
 * query (which builds the trigram table). Each step in ms, 5 fresh runs, median and max.
 *
 * `nativeInflateMs` inflates the same block with Node's zlib (the worker can use the browser's
 * native DecompressionStream the same way); the worker path uses fflate, as the bundle reader does.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { decodeBundle, inflateBlock, inflateTrusted } from '../../engine/bundle/format';
import { SearchIndex } from '../../engine/search/search-index';
import { deserializeSearchIndex } from '../../engine/search/serialize';
import { SEARCH_INDEX_BLOCK } from '../../codesets/search-index/builder';
import { FsBundleStore } from '../../codesets/node/cache';
import { CACHE_DIR } from '../../codesets/node/source';

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
    deserializeMs: [],
    constructMs: [],
    firstQueryMs: [],
    firstMisspelledQueryMs: [],
    loadToFirstAnswerMs: [],
  };
  let bundleBytes = 0;
  let indexBytes = 0;
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now();
    const file = new Uint8Array(readFileSync(path));
    const t1 = performance.now();
    const { header, compressed } = decodeBundle(file, { verify: false });
    const entry = header.blocks.find((b) => b.name === SEARCH_INDEX_BLOCK)!;
    const gz = compressed.get(SEARCH_INDEX_BLOCK)!;
    const t2 = performance.now();
    inflateBlock(entry, gz);
    const t3 = performance.now();
    const raw = inflateTrusted(gz);
    const t4 = performance.now();
    gunzipSync(gz);
    const t5 = performance.now();
    const data = deserializeSearchIndex(raw);
    const t6 = performance.now();
    const index = new SearchIndex(data);
    const t7 = performance.now();
    index.search('chf', { limit: 20, prefix: false });
    const t8 = performance.now();
    index.search('pnemonia', { limit: 20, prefix: false });
    const t9 = performance.now();
    steps.readFileMs!.push(t1 - t0);
    steps.inflateVerifiedMs!.push(t3 - t2);
    steps.inflateTrustedMs!.push(t4 - t3);
    steps.nativeInflateMs!.push(t5 - t4);
    steps.deserializeMs!.push(t6 - t5);
    steps.constructMs!.push(t7 - t6);
    steps.firstQueryMs!.push(t8 - t7);
    steps.firstMisspelledQueryMs!.push(t9 - t8);
    // The worker path: read, trusted inflate (fflate), deserialize, construct, first query.
    steps.loadToFirstAnswerMs!.push(t1 - t0 + (t4 - t3) + (t6 - t5) + (t7 - t6) + (t8 - t7));
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
