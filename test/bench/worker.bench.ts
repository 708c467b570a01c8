/**
 * Engine figures measured IN THE WORKER, in Chromium, with the built extension:
 * - MS-DRG per-claim latency: `groupClaim` round trips over the 4,000 CMS-oracle v43.0 claims,
 *   timed in the side panel page from the request to the answer (structured clone both ways);
 *   the page's clock ticks in 100 us steps (no cross-origin isolation), so the mean over all
 *   claims is reported too;
 * - suggestions for a 10,000-character note (the synthetic note of suggest.bench.ts) after one
 *   warm-up call, whose time (lexicon build included) is reported apart;
 * - search index: built from the tables in a first worker session, then loaded from the
 *   `searchIndexes` table in a second one (`SearchResponse.index`: origin and loadMs);
 * - the worker's JS heap after a GC with every table and the index in memory (CDP
 *   `Runtime.getHeapUsage` on the worker target: ArrayBuffer backing stores are outside it;
 *   `performance.measureUserAgentSpecificMemory` needs cross-origin isolation, which the side
 *   panel does not have).
 *
 * How it reaches the worker without touching product code: the side panel page is opened and left
 * to install the tables; then, in that page, the bench starts its OWN instance of the panel's
 * engine worker script (same built file, same origin, same IndexedDB) and calls it with the
 * Comlink wire protocol (`APPLY` message, `RAW` values), which the worker's `Comlink.expose`
 * answers. Each new instance is one "session"; the panel's own worker stays idle meanwhile.
 *
 * Uses the extension in `CHARTSIDE_BENCH_EXTENSION` (default `.output/chrome-mv3`).
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page, WebWorker } from 'puppeteer-core';
import { parseGroupTsvLine } from '../../engine/grouper/fixture-format';
import { launchWithExtension, openSidePanel, waitForSidePanelReady } from '../e2e/support/browser';
import { CHROME_BUILD } from '../e2e/support/paths';
import { SOURCE_ROOT } from '../golden/msdrg-bundles';
import { note } from './suggest.bench';

const FIXTURE = join(SOURCE_ROOT, 'msdrg/FY2026/oracle-fixtures/msdrg_v430_expected.tsv');

const pct = (s: number[], p: number): number => s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
const round = (n: number, digits = 2): number => Number(n.toFixed(digits));

/**
 * Installs `globalThis.__chartsideBench` in the panel page: `start(url)` starts an engine worker
 * instance, `call(method, ...args)` sends one Comlink APPLY and resolves with the answer (rejects
 * with the worker's error), `stop()` terminates it.
 */
async function installDriver(page: Page): Promise<void> {
  await page.evaluate(() => {
    type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };
    let worker: Worker | undefined;
    const pending = new Map<string, Pending>();
    let seq = 0;
    (globalThis as Record<string, unknown>).__chartsideBench = {
      start(url: string) {
        worker = new Worker(url, { type: 'module', name: 'chartside-engine-bench' });
        worker.addEventListener('message', (ev: MessageEvent) => {
          const m = ev.data as { id: string; type: string; name?: string; value: unknown };
          const p = pending.get(m.id);
          if (!p) return;
          pending.delete(m.id);
          if (m.type === 'HANDLER' && m.name === 'throw') {
            const v = m.value as { value?: { message?: string } };
            p.reject(new Error(v.value?.message ?? JSON.stringify(m.value)));
          } else p.resolve(m.value);
        });
      },
      call(method: string, ...args: unknown[]) {
        const id = `bench-${++seq}`;
        return new Promise((resolve, reject) => {
          pending.set(id, { resolve, reject });
          worker!.postMessage({
            id,
            type: 'APPLY',
            path: [method],
            argumentList: args.map((value) => ({ type: 'RAW', value })),
          });
        });
      },
      stop() {
        worker?.terminate();
        worker = undefined;
      },
    };
  });
}

/** Starts a bench worker instance in the page and returns its CDP target (for the heap figure). */
async function startSession(page: Page, url: string): Promise<WebWorker> {
  const created = new Promise<WebWorker>((done) => page.once('workercreated', done));
  await page.evaluate(
    (u: string) =>
      (globalThis as unknown as { __chartsideBench: { start(u: string): void } }).__chartsideBench.start(u),
    url,
  );
  return created;
}

type SearchAnswer = { hits?: unknown[]; index: { origin: string; loadMs: number; storeError?: string } };

/** One search in the current session; wall time measured in the page. */
async function timedSearch(page: Page, query: string): Promise<{ ms: number; answer: SearchAnswer }> {
  return page.evaluate(async (q: string) => {
    const bench = (
      globalThis as unknown as { __chartsideBench: { call(m: string, ...a: unknown[]): Promise<unknown> } }
    ).__chartsideBench;
    const t0 = performance.now();
    const answer = (await bench.call('search', q)) as SearchAnswer;
    return { ms: performance.now() - t0, answer: { index: answer.index, hits: (answer.hits ?? []).slice(0, 1) } };
  }, query);
}

export async function run(): Promise<Record<string, unknown>> {
  const rows = readFileSync(FIXTURE, 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l !== '');
  const claims = rows.map((l) => parseGroupTsvLine(l).claim);
  const expectedDrgs = rows.map((l) => Number(l.split('\t')[8])); // exp_final_drg
  const text = note(10_000);
  const snapshot = {
    version: 1,
    url: 'http://localhost/bench/note',
    reader: 'paste',
    capturedAt: new Date().toISOString(),
    document: { title: 'Admission note (fictional)' },
    text,
    sections: [],
    labs: [],
    vitals: [],
    tables: [],
    warnings: [],
    truncated: false,
    limits: { nodes: 0, maxDepthSeen: 0, elapsedMs: 0, stoppedBy: [] },
  };

  const chartside = await launchWithExtension({
    extensionDir: resolve(process.env.CHARTSIDE_BENCH_EXTENSION ?? CHROME_BUILD),
  });
  try {
    const { page, errors } = await openSidePanel(chartside);
    await waitForSidePanelReady(page, errors);
    await page.evaluate('globalThis.__name = (f) => f'); // tsx (esbuild keepNames) wraps functions in __name()
    const panelWorker = page.workers()[0];
    if (!panelWorker) throw new Error('the side panel started no engine worker');
    const workerUrl = panelWorker.url();
    await installDriver(page);

    // Session 1: the index is built from the installed tables (and stored).
    await startSession(page, workerUrl);
    const first = await timedSearch(page, 'heart failure');
    await page.evaluate(() =>
      (globalThis as unknown as { __chartsideBench: { stop(): void } }).__chartsideBench.stop(),
    );

    // Session 2: a new worker instance loads the stored index from IndexedDB.
    const target = await startSession(page, workerUrl);
    const second = await timedSearch(page, 'heart failure');

    // MS-DRG: every claim once as warm-up (grouper load, JIT), then every claim timed.
    const group = await page.evaluate(
      async (cs: unknown[], expected: number[]) => {
        const bench = (
          globalThis as unknown as { __chartsideBench: { call(m: string, ...a: unknown[]): Promise<unknown> } }
        ).__chartsideBench;
        const f0 = performance.now();
        await bench.call('groupClaim', cs[0]);
        const firstMs = performance.now() - f0;
        for (const c of cs.slice(1, 200)) await bench.call('groupClaim', c);
        const us: number[] = [];
        let mismatches = 0;
        const all0 = performance.now();
        for (let i = 0; i < cs.length; i++) {
          const t0 = performance.now();
          const r = (await bench.call('groupClaim', cs[i])) as { finalDrg: number };
          us.push((performance.now() - t0) * 1000);
          if (r.finalDrg !== expected[i]) mismatches++;
        }
        return { firstMs, us, mismatches, meanUs: ((performance.now() - all0) * 1000) / cs.length };
      },
      claims,
      expectedDrgs,
    );
    const us = [...group.us].sort((a, b) => a - b);

    // Suggestions: one warm-up call (builds the lexicon), then 20 timed calls.
    const sug = await page.evaluate(async (snap: unknown) => {
      const bench = (
        globalThis as unknown as { __chartsideBench: { call(m: string, ...a: unknown[]): Promise<unknown> } }
      ).__chartsideBench;
      const f0 = performance.now();
      await bench.call('suggest', snap, { setting: 'inpatient' });
      const firstMs = performance.now() - f0;
      const ms: number[] = [];
      let codes = 0;
      for (let i = 0; i < 20; i++) {
        const t0 = performance.now();
        const r = (await bench.call('suggest', snap, { setting: 'inpatient' })) as {
          diagnoses: unknown[];
          procedures: unknown[];
        };
        ms.push(performance.now() - t0);
        codes = r.diagnoses.length + r.procedures.length;
      }
      return { firstMs, ms, codes };
    }, snapshot);
    const sugMs = [...sug.ms].sort((a, b) => a - b);

    // Heap of the session-2 worker: search index, MS-DRG groupers and suggestion tables in memory.
    let workerHeapMb: number | string = 'not measurable';
    try {
      await target.client.send('HeapProfiler.collectGarbage');
      const heap = await target.client.send('Runtime.getHeapUsage');
      workerHeapMb = round(heap.usedSize / 1048576, 1);
    } catch (error) {
      workerHeapMb = `not measurable: ${error instanceof Error ? error.message : String(error)}`;
    }

    return {
      grouperClaims: us.length,
      grouperWorkerDrgMismatches: group.mismatches,
      grouperWorkerFirstClaimMs: round(group.firstMs, 1),
      grouperWorkerLatencyP50Us: Math.round(pct(us, 50)),
      grouperWorkerLatencyP95Us: Math.round(pct(us, 95)),
      grouperWorkerLatencyP99Us: Math.round(pct(us, 99)),
      grouperWorkerLatencyMeanUs: Math.round(group.meanUs),
      timerResolutionNote:
        'performance.now() in a non-isolated page is coarsened to 100 us: per-claim percentiles are multiples of 100 us',
      suggestNoteChars: text.length,
      suggestWorkerFirstCallMs: Math.round(sug.firstMs),
      suggestWorker10kP50Ms: round(pct(sugMs, 50)),
      suggestWorker10kP95Ms: round(pct(sugMs, 95)),
      suggestedCodes: sug.codes,
      searchIndexFirstOrigin: first.answer.index.origin,
      searchIndexBuildMs: Math.round(first.answer.index.loadMs),
      searchFirstQueryWithBuildMs: Math.round(first.ms),
      ...(first.answer.index.storeError ? { searchIndexStoreError: first.answer.index.storeError } : {}),
      searchIndexSecondOrigin: second.answer.index.origin,
      searchIndexLoadFromIdbMs: Math.round(second.answer.index.loadMs),
      searchFirstQueryWithLoadMs: Math.round(second.ms),
      workerJsHeapAfterGcMb: workerHeapMb,
      pageErrors: errors.length,
      loadAverage1m: round(loadavg()[0]!),
      note:
        'Chromium headless, shared 2-core machine; a bench-started instance of the built engine worker in the side panel page, ' +
        'called with the Comlink wire protocol; times are page-side round trips (performance.now). Heap excludes ArrayBuffers.',
    };
  } finally {
    await chartside.close();
  }
}
