/**
 * ICD-10-PCS and HCPCS Level II tables: build time from the official files, bundle sizes (and the
 * whole project's bundles against the 25 MB budget), load time from a bundle, warm lookup latency.
 * One build per system (bounded: the machine is shared); latencies over fixed pseudo-random samples.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { decodeBundle } from '../../engine/bundle/format';
import { readerFromCompressed } from '../../engine/bundle/reader';
import { HcpcsTable } from '../../engine/hcpcs/hcpcs-table';
import { PcsTable } from '../../engine/icd10pcs/pcs-table';
import type { BuiltBundle } from '../../codesets/builder';
import { hcpcsBuilder } from '../../codesets/hcpcs/build';
import { icd10pcsBuilder } from '../../codesets/icd10pcs/build';
import { CACHE_DIR, FsReleaseSource, findCodesetsSource } from '../../codesets/node/index';

const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;

function percentiles(samples: number[]): { p50: number; p95: number; p99: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number): number => s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
  return { p50: at(50), p95: at(95), p99: at(99) };
}

/** Per-call latency in µs, measured in batches of `batch` calls (timer resolution). */
function latencyUs<T>(
  inputs: readonly T[],
  fn: (x: T) => unknown,
  batch = 50,
): { p50: number; p95: number; p99: number } {
  for (const x of inputs.slice(0, 500)) fn(x); // warm-up
  const samples: number[] = [];
  for (let i = 0; i + batch <= inputs.length; i += batch) {
    const t0 = performance.now();
    for (let j = i; j < i + batch; j++) fn(inputs[j] as T);
    samples.push(((performance.now() - t0) * 1000) / batch);
  }
  const p = percentiles(samples);
  return { p50: round(p.p50, 3), p95: round(p.p95, 3), p99: round(p.p99, 3) };
}

/** Deterministic pseudo-random generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function open<T>(b: BuiltBundle, from: (r: ReturnType<typeof readerFromCompressed>) => T): { table: T; ms: number } {
  const t0 = performance.now();
  const d = decodeBundle(b.bytes, { verify: false });
  const table = from(readerFromCompressed(d.header, d.compressed));
  return { table, ms: performance.now() - t0 };
}

export async function run(): Promise<Record<string, unknown>> {
  const source = new FsReleaseSource(findCodesetsSource());
  const out: Record<string, unknown> = {};

  let t0 = performance.now();
  const pcsBundles = await icd10pcsBuilder.build(source);
  out.pcsBuildBothYearsMs = Math.round(performance.now() - t0);
  t0 = performance.now();
  const [hcpcsBundle] = await hcpcsBuilder.build(source);
  out.hcpcsBuildMs = Math.round(performance.now() - t0);
  if (!hcpcsBundle) throw new Error('no HCPCS bundle built');
  for (const b of [...pcsBundles, hcpcsBundle]) out[`bundleBytes_${b.header.id}`] = b.bytes.length;
  out.pcsHcpcsBundlesTotalBytes = [...pcsBundles, hcpcsBundle].reduce((n, b) => n + b.bytes.length, 0);
  const dir = join(CACHE_DIR, 'bundles');
  if (existsSync(dir)) {
    const files = readdirSync(dir).filter((f) => f.endsWith('.csb'));
    out.allProjectBundlesInCache = files.length;
    out.allProjectBundlesBytes = files.reduce((n, f) => n + statSync(join(dir, f)).size, 0);
    out.allProjectBundlesBudgetBytes = 25 * 1024 * 1024;
  }

  const pcs26 = pcsBundles.find((b) => b.header.fiscalYear === 2026);
  if (!pcs26) throw new Error('no icd10pcs-2026 bundle built');
  // Load: open (tables + definitions JSON), then first get (inflates and decodes both title
  // blocks), then first index access (flattens and validates every index target). Median of 5.
  const opens: number[] = [];
  const firstGets: number[] = [];
  const indexes: number[] = [];
  let pcs: PcsTable | undefined;
  for (let i = 0; i < 5; i++) {
    const o = open(pcs26, (r) => PcsTable.fromBundle(r));
    opens.push(o.ms);
    t0 = performance.now();
    o.table.get('0DTJ4ZZ');
    firstGets.push(performance.now() - t0);
    t0 = performance.now();
    void o.table.index.entries().length;
    indexes.push(performance.now() - t0);
    pcs = o.table;
  }
  if (!pcs) throw new Error('unreachable');
  out.pcsOpenMedianMs = round(percentiles(opens).p50);
  out.pcsFirstGetWithTitlesMedianMs = round(percentiles(firstGets).p50);
  out.pcsIndexFirstAccessMedianMs = round(percentiles(indexes).p50);
  t0 = performance.now();
  const verified = decodeBundle(pcs26.bytes, { verify: true });
  out.pcsVerifyChecksumsMs = round(performance.now() - t0);
  void verified;

  const random = rng(20261123);
  const codes = [...pcs.codes()];
  const sample = Array.from({ length: 20_000 }, () => codes[Math.floor(random() * codes.length)] as string);
  for (const c of sample) pcs.get(c); // every table's codes sorted once (lazy), as after some use
  const get = latencyUs(sample, (c) => pcs.get(c));
  out.pcsGetP50Us = get.p50;
  out.pcsGetP95Us = get.p95;
  out.pcsGetP99Us = get.p99;
  const prefixes = sample.map((c) => c.slice(0, Math.floor(random() * 7)));
  const opts = latencyUs(prefixes, (p) => pcs.builder.options(p));
  out.pcsBuilderOptionsP50Us = opts.p50;
  out.pcsBuilderOptionsP95Us = opts.p95;
  out.pcsBuilderOptionsP99Us = opts.p99;
  out.pcsSampleSize = sample.length;

  const h = open(hcpcsBundle, (r) => HcpcsTable.fromBundle(r));
  out.hcpcsOpenMs = round(h.ms);
  const hcodes = [...h.table.codes()].map((c) => c.code);
  const hsample = Array.from({ length: 20_000 }, () => hcodes[Math.floor(random() * hcodes.length)] as string);
  const hget = latencyUs(hsample, (c) => h.table.get(c));
  out.hcpcsGetP50Us = hget.p50;
  out.hcpcsGetP95Us = hget.p95;
  const active = latencyUs(hsample, (c) => h.table.isActiveOn(c, '2025-11-15'));
  out.hcpcsIsActiveOnP95Us = active.p95;
  return out;
}
