/**
 * The build orchestrator: runs every builder over a release source and installs the bundles into a
 * {@link BundleStore}, skipping builders whose inputs did not change.
 *
 * Storage-neutral (no `node:fs` here; `codesets/node/cache.ts` supplies the on-disk store) so the
 * options-page import can reuse it. Safety rules (bad input gets a clear error and loses nothing):
 * - a builder that throws installs nothing: its previous bundles and manifest entry stay;
 * - each bundle is written whole before the manifest names it (the store writes atomically);
 * - every error is collected and reported with its file and line; one broken builder does not stop
 *   the others.
 */
import { sha256Hex } from '../engine/bundle/sha256';
import { readBundleHeader, type BundleHeader } from '../engine/bundle/format';
import { ReleaseFileError, type CodesetBuilder, type ReleaseSource } from './builder';

/** Version of the manifest layout. */
export const MANIFEST_VERSION = 1;

/** What `.cache/codesets/manifest.json` holds. */
export interface CodesetsManifest {
  manifestVersion: number;
  /** Per builder: the cache key of the inputs its installed bundles were built from. */
  builders: {
    name: string;
    version: number;
    cacheKey: string;
    bundles: string[];
    inputs: { path: string; sha256: string }[];
  }[];
  /** Header of every installed bundle, sorted by id. */
  bundles: BundleHeader[];
}

/** Where bundles go (a folder on disk, IndexedDB, memory in tests). */
export interface BundleStore {
  readManifest(): CodesetsManifest | undefined;
  /** Must replace the bundle atomically (never leave a half-written one). */
  writeBundle(id: string, bytes: Uint8Array): void;
  removeBundle(id: string): void;
  /** Must replace the manifest atomically. */
  writeManifest(manifest: CodesetsManifest): void;
}

/** Outcome for one builder. */
export interface BuilderReport {
  name: string;
  status: 'built' | 'cached' | 'failed';
  /** Milliseconds spent (hashing included), wall clock. */
  ms: number;
  /** CPU milliseconds of this process spent on it, when {@link BuildOptions.cpuNow} is given. */
  cpuMs?: number;
  bundles: { id: string; bytes: number }[];
  /** For a failure: message with file and line; `file`/`line` when the error named them. */
  error?: { message: string; file?: string; line?: number };
}

/** Options of {@link buildCodesets}. */
export interface BuildOptions {
  builders: readonly CodesetBuilder[];
  source: ReleaseSource;
  store: BundleStore;
  /** Rebuild even when the cache key matches. */
  force?: boolean;
  /** Only these builder names (default: all). */
  only?: readonly string[];
  /** Progress lines. */
  log?: (line: string) => void;
  now?: () => number;
  /** Process CPU time in ms (Node: `process.cpuUsage()`); reported per builder as `cpuMs`. */
  cpuNow?: () => number;
}

/**
 * Cache key of a builder over a source: builder name, version and the sha256 of every input file.
 */
export function cacheKeyOf(builder: CodesetBuilder, inputs: { path: string; sha256: string }[]): string {
  const text = JSON.stringify([builder.name, builder.version, inputs.map((i) => [i.path, i.sha256])]);
  return sha256Hex(new TextEncoder().encode(text));
}

/** Runs the builders and installs their bundles. Never throws for a builder's failure: see the reports. */
export async function buildCodesets(opts: BuildOptions): Promise<BuilderReport[]> {
  const now = opts.now ?? (() => Date.now());
  const log = opts.log ?? (() => undefined);
  const previous = opts.store.readManifest();
  const manifest: CodesetsManifest =
    previous && previous.manifestVersion === MANIFEST_VERSION
      ? { manifestVersion: MANIFEST_VERSION, builders: [...previous.builders], bundles: [...previous.bundles] }
      : { manifestVersion: MANIFEST_VERSION, builders: [], bundles: [] };
  const reports: BuilderReport[] = [];
  for (const builder of opts.builders) {
    if (opts.only && !opts.only.includes(builder.name)) continue;
    const started = now();
    const cpuStarted = opts.cpuNow?.();
    const cpu = (): { cpuMs?: number } =>
      cpuStarted === undefined || !opts.cpuNow ? {} : { cpuMs: Math.round(opts.cpuNow() - cpuStarted) };
    try {
      const inputs = builder.inputs(opts.source).map((path) => ({ path, sha256: opts.source.read(path).sha256 }));
      const cacheKey = cacheKeyOf(builder, inputs);
      const entry = manifest.builders.find((b) => b.name === builder.name);
      const installed = entry?.bundles.every((id) => manifest.bundles.some((h) => h.id === id)) ?? false;
      if (!opts.force && entry && entry.cacheKey === cacheKey && installed) {
        reports.push({
          name: builder.name,
          status: 'cached',
          ms: now() - started,
          ...cpu(),
          bundles: entry.bundles.map((id) => ({ id, bytes: bundleBytes(manifest, id) })),
        });
        log(`${builder.name}: up to date (${entry.bundles.join(', ')})`);
        continue;
      }
      log(`${builder.name}: building from ${opts.source.description} ...`);
      const built = await builder.build(opts.source);
      // Check every bundle before installing any of them.
      const headers = built.map((b) => readBundleHeader(b.bytes));
      const ids = new Set<string>();
      for (const h of headers) {
        if (ids.has(h.id)) throw new Error(`builder ${builder.name} produced bundle ${h.id} twice`);
        ids.add(h.id);
        const owner = manifest.builders.find((b) => b.name !== builder.name && b.bundles.includes(h.id));
        if (owner) throw new Error(`bundle ${h.id} already belongs to builder ${owner.name}`);
      }
      built.forEach((b, k) => opts.store.writeBundle(headers[k]!.id, b.bytes));
      const stale = (entry?.bundles ?? []).filter((id) => !ids.has(id));
      manifest.bundles = manifest.bundles.filter((h) => !ids.has(h.id) && !stale.includes(h.id)).concat(headers);
      manifest.bundles.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      manifest.builders = manifest.builders
        .filter((b) => b.name !== builder.name)
        .concat({ name: builder.name, version: builder.version, cacheKey, bundles: [...ids].sort(), inputs });
      opts.store.writeManifest(manifest);
      for (const id of stale) opts.store.removeBundle(id);
      const report: BuilderReport = {
        name: builder.name,
        status: 'built',
        ms: now() - started,
        ...cpu(),
        bundles: headers.map((h, k) => ({ id: h.id, bytes: built[k]!.bytes.length })),
      };
      reports.push(report);
      log(
        `${builder.name}: built ${report.bundles.map((b) => `${b.id} (${b.bytes.toLocaleString('en-US')} bytes)`).join(', ')} in ${report.ms} ms`,
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const detail: BuilderReport['error'] =
        error instanceof ReleaseFileError
          ? { message, file: error.file, ...(error.line === undefined ? {} : { line: error.line }) }
          : { message };
      reports.push({ name: builder.name, status: 'failed', ms: now() - started, ...cpu(), bundles: [], error: detail });
      log(`${builder.name}: FAILED: ${message} (previously installed bundles kept)`);
    }
  }
  return reports;
}

/** Size of an installed bundle file from its header: magic + length + header JSON + blocks. */
function bundleBytes(manifest: CodesetsManifest, id: string): number {
  const h = manifest.bundles.find((b) => b.id === id);
  if (!h) return 0;
  // The header was written as JSON.stringify of the same object in the same key order.
  return 12 + new TextEncoder().encode(JSON.stringify(h)).length + h.blocks.reduce((n, b) => n + b.length, 0);
}
