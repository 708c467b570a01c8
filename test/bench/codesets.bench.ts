/**
 * Codeset figures (targets: all bundles together <= 25 MB):
 * - cold build time of every registered builder into a temporary cache (one full build, then one
 *   cache-hit build), and the bytes of every bundle;
 * - ICD-10-CM in Node: CmTable open time from the bundle file (inflate + checksum + parse of the
 *   `cm-codes` block), first use of the titles, of the notes and 7th characters (first `get()`),
 *   and of the Alphabetic/External Cause Index (first `get()` with index lines), each read lazily;
 *   `get(code)` latency in microseconds over random codes (p50 / p95), index lines included.
 * Bounded: one cold build, one cached build, 5 table opens, 20,000 lookups. Wall and CPU
 * milliseconds are both reported: on the shared 2-core machine wall time includes waiting for
 * the CPU.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CmTable } from '../../engine/icd10cm/table';
import { buildInstalledCodesets, FsBundleStore, readBundleFile } from '../../codesets/node/cache';

const MB = 1024 * 1024;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
const round = (x: number, d = 1): number => Math.round(x * 10 ** d) / 10 ** d;

/** Process CPU ms: on a shared machine wall time also counts other people's work. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Runs `work`, returning wall and CPU milliseconds. */
function timed<T>(work: () => T): { value: T; ms: number; cpu: number } {
  const c = cpuMs();
  const t = performance.now();
  const value = work();
  return { value, ms: performance.now() - t, cpu: cpuMs() - c };
}

export async function run(): Promise<Record<string, unknown>> {
  const cacheDir = mkdtempSync(join(tmpdir(), 'chartside-bench-codesets-'));
  try {
    const log = (line: string): void => void process.stderr.write(`[codesets] ${line}\n`);
    const t0 = performance.now();
    const cold = await buildInstalledCodesets({ cacheDir, force: true, log });
    const coldMs = performance.now() - t0;
    const t1 = performance.now();
    const warm = await buildInstalledCodesets({ cacheDir, log });
    const cachedMs = performance.now() - t1;

    const bundleBytes: Record<string, number> = {};
    for (const r of cold) for (const b of r.bundles) bundleBytes[b.id] = b.bytes;
    const totalBytes = Object.values(bundleBytes).reduce((a, b) => a + b, 0);

    const figures: Record<string, unknown> = {
      buildColdMsByBuilder: Object.fromEntries(cold.map((r) => [r.name, Math.round(r.ms)])),
      buildColdCpuMsByBuilder: Object.fromEntries(cold.map((r) => [r.name, r.cpuMs ?? null])),
      buildStatusByBuilder: Object.fromEntries(
        cold.map((r) => [r.name, r.status === 'failed' ? `failed: ${r.error?.message ?? ''}` : r.status]),
      ),
      buildColdTotalMs: Math.round(coldMs),
      buildCachedTotalMs: Math.round(cachedMs),
      buildCachedStatus: Object.fromEntries(warm.map((r) => [r.name, r.status])),
      bundleBytes,
      bundlesTotalBytes: totalBytes,
      bundlesTotalMB: round(totalBytes / MB, 2),
      bundlesUnder25MB: totalBytes <= 25 * MB,
    };

    const store = new FsBundleStore(cacheDir);
    const cmPath = store.bundlePath('icd10cm-2026');
    const open: { ms: number; cpu: number }[] = [];
    let table: CmTable | undefined;
    for (let k = 0; k < 5; k++) {
      const r = timed(() => CmTable.fromReader(readBundleFile(cmPath)));
      open.push(r);
      table = r.value;
    }
    const cm = table!;
    const titles = timed(() => cm.summary('A00'));
    const notes = timed(() => cm.get('E11.22', { indexEntries: false }));
    const index = timed(() => cm.get('E11.22'));
    const codes = [...cm.all()].map((c) => c.code);
    for (let k = 0; k < 2000; k++) cm.get(codes[(k * 7919) % codes.length]!); // warm-up
    const lat: number[] = [];
    for (let k = 0; k < 20_000; k++) {
      const code = codes[(k * 104_729 + 17) % codes.length]!;
      const t = performance.now();
      cm.get(code);
      lat.push((performance.now() - t) * 1000);
    }
    lat.sort((a, b) => a - b);
    Object.assign(figures, {
      cmCodes: cm.size,
      cmTableOpenMedianMs: round(median(open.map((o) => o.ms))),
      cmTableOpenMedianCpuMs: round(median(open.map((o) => o.cpu))),
      cmTitlesFirstUseMs: round(titles.ms),
      cmTitlesFirstUseCpuMs: round(titles.cpu),
      cmFirstGetNotesMs: round(notes.ms),
      cmFirstGetNotesCpuMs: round(notes.cpu),
      cmFirstGetIndexMs: round(index.ms),
      cmFirstGetIndexCpuMs: round(index.cpu),
      cmGetP50Us: round(lat[Math.floor(lat.length * 0.5)]!),
      cmGetP95Us: round(lat[Math.floor(lat.length * 0.95)]!),
      cmGetSamples: lat.length,
    });
    return figures;
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}
