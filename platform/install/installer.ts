/**
 * Installs codeset bundles into IndexedDB: from the extension package on first run, or from a
 * release the user imported on the options page.
 *
 * Guarantees (bad input gets a clear error and loses nothing):
 * - a bundle is verified whole (file sha256, then every block's checksum through `decodeBundle`)
 *   before anything is written;
 * - each bundle is written in ONE IndexedDB transaction (old blocks removed, new blocks and the
 *   header row written): the previously installed version stays intact until the new one is
 *   complete, and a failure part-way leaves it untouched;
 * - a full disk (QuotaExceededError) becomes an {@link InstallProblem} with a message the user can
 *   act on; it is never swallowed;
 * - an installed bundle with the same id and sha256 is skipped without fetching it.
 */
import Dexie from 'dexie';
import { decodeBundle, BundleFormatError, type DecodedBundle } from '../../engine/bundle/format';
import { sha256Hex } from '../../engine/bundle/sha256';
import type { ChartsideDb, ReleaseRow } from '../db';
import { parseRelease } from '../db';
import { isInstalled, type PackageIndex } from './package-index';

/** Progress of an install, for the progress bar. */
export interface InstallProgress {
  phase: 'checking' | 'fetching' | 'writing' | 'done';
  /** Bundle being worked on (absent for `checking` / `done`). */
  bundleId?: string;
  /** Bundles finished (installed, skipped or failed) so far. */
  bundlesDone: number;
  bundlesTotal: number;
  /** Bytes of bundle files installed or skipped so far, out of `bytesTotal`. */
  bytesDone: number;
  bytesTotal: number;
}

/** Why a bundle was not installed. Data, not an exception, so every problem of an install is reported at once. */
export interface InstallProblem {
  bundleId: string;
  /** Stable id: `quota` (disk full), `corrupt` (failed verification), `fetch`, `write`. */
  kind: 'quota' | 'corrupt' | 'fetch' | 'write';
  /** Plain-language message for the user, naming the bundle and what to do. */
  message: string;
}

export interface InstallReport {
  installed: string[];
  skipped: string[];
  problems: InstallProblem[];
}

/** Computes the lower-case hex sha256 of bytes. WebCrypto where present (fast, native), else pure TS. */
export async function digestHex(bytes: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return sha256Hex(bytes);
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/** `true` for a storage-quota failure, however Dexie or the browser wrapped it. */
export function isQuotaError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const name = (e as { name?: unknown }).name;
    if (name === 'QuotaExceededError' || name === Dexie.errnames.QuotaExceeded) return true;
    e = (e as { inner?: unknown; cause?: unknown }).inner ?? (e as { cause?: unknown }).cause;
  }
  return false;
}

const mb = (bytes: number): string => `${(bytes / 1_048_576).toFixed(1)} MB`;

/**
 * Writes one verified bundle in a single transaction. Resolves to the stored release row.
 * Throws the underlying error (quota or other) after the transaction rolled back.
 */
export async function writeBundle(
  db: ChartsideDb,
  bundle: DecodedBundle,
  file: { sha256: string; bytes: number; source: ReleaseRow['source'] },
  now: () => Date = () => new Date(),
): Promise<ReleaseRow> {
  const { header } = bundle;
  const row: ReleaseRow = {
    id: header.id,
    system: header.system,
    fiscalYear: header.fiscalYear,
    sha256: file.sha256,
    bytes: file.bytes,
    state: 'installed',
    installedAt: now().toISOString(),
    source: file.source,
    header,
  };
  const blocks = [...bundle.compressed].map(([name, gz]) => ({ bundleId: header.id, name, data: gz.slice() }));
  await db.transaction('rw', db.releases, db.blocks, async () => {
    await db.blocks.where('bundleId').equals(header.id).delete();
    await db.blocks.bulkPut(blocks);
    await db.releases.put(row);
  });
  return row;
}

/**
 * Verifies and installs one bundle file (options-page import, or one package entry).
 * Returns the stored row, or an {@link InstallProblem} describing why nothing was written.
 */
export async function installBundleBytes(
  db: ChartsideDb,
  bytes: Uint8Array,
  options: { source: ReleaseRow['source']; expectedSha256?: string; label?: string },
): Promise<ReleaseRow | InstallProblem> {
  const label = options.label ?? 'bundle';
  const sha256 = await digestHex(bytes);
  if (options.expectedSha256 && sha256 !== options.expectedSha256) {
    return {
      bundleId: label,
      kind: 'corrupt',
      message: `${label}: the file's checksum does not match the package index (expected ${options.expectedSha256.slice(0, 12)}…, got ${sha256.slice(0, 12)}…). Nothing was installed; reinstall the extension.`,
    };
  }
  let decoded: DecodedBundle;
  try {
    // A package file whose sha256 matches the index written at build time from the same bytes is
    // proven intact as a whole, so its blocks are not inflated and re-hashed here (that would
    // double the first-run install time); the header and block bounds are still checked, and
    // every block's own checksum is verified when a reader first inflates it. A user import has
    // no such reference: every block is verified before anything is written.
    decoded = decodeBundle(bytes, { verify: options.expectedSha256 === undefined });
  } catch (error) {
    if (!(error instanceof BundleFormatError)) throw error;
    return { bundleId: label, kind: 'corrupt', message: `${label}: ${error.message}. Nothing was installed.` };
  }
  if (decoded.header.system === 'suggest-model') {
    const refused = await suggestModelProblem(decoded, label);
    if (refused) return refused;
  }
  try {
    return await writeBundle(db, decoded, { sha256, bytes: bytes.length, source: options.source });
  } catch (error) {
    const id = decoded.header.id;
    if (isQuotaError(error)) {
      return {
        bundleId: id,
        kind: 'quota',
        message: `Not enough storage to install ${decoded.header.release} (${mb(bytes.length)}): the browser refused the write (QuotaExceededError). Free some disk space and retry. The code tables installed before are unchanged.`,
      };
    }
    return {
      bundleId: id,
      kind: 'write',
      message: `Could not store ${decoded.header.release}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}. The code tables installed before are unchanged.`,
    };
  }
}

/**
 * A suggestion-model bundle whose model cannot be decoded is refused before anything is written,
 * so the model installed before (or the Index alone) keeps ranking. The worker checks again when
 * it loads the model (platform/worker/suggest-model.ts).
 */
async function suggestModelProblem(bundle: DecodedBundle, label: string): Promise<InstallProblem | undefined> {
  const { readerFromCompressed } = await import('../../engine/bundle/reader');
  const { suggestModelFromBundle } = await import('../../engine/suggest/model-bundle');
  try {
    suggestModelFromBundle(readerFromCompressed(bundle.header, bundle.compressed));
    return undefined;
  } catch (error) {
    return {
      bundleId: bundle.header.id,
      kind: 'corrupt',
      message: `${label}: ${error instanceof Error ? error.message : String(error)}. Nothing was installed; suggestions keep the model installed before, or the Index alone.`,
    };
  }
}

/** `true` when `x` is an {@link InstallProblem} rather than a stored row. */
export function isInstallProblem(x: ReleaseRow | InstallProblem): x is InstallProblem {
  return 'kind' in x && 'message' in x && !('header' in x);
}

/**
 * First-run (and after-update) install of every bundle the extension package ships.
 *
 * @param fetchBytes reads one package file (the worker passes `fetch(runtime URL)`).
 */
export async function installFromPackage(
  db: ChartsideDb,
  index: PackageIndex,
  fetchBytes: (file: string) => Promise<Uint8Array>,
  onProgress: (p: InstallProgress) => void = () => {},
): Promise<InstallReport> {
  const report: InstallReport = { installed: [], skipped: [], problems: [] };
  const bytesTotal = index.bundles.reduce((n, b) => n + b.bytes, 0);
  const progress: InstallProgress = {
    phase: 'checking',
    bundlesDone: 0,
    bundlesTotal: index.bundles.length,
    bytesDone: 0,
    bytesTotal,
  };
  onProgress({ ...progress });
  const existing = new Map((await db.releases.toArray()).map((r) => [r.id, parseRelease(r)]));
  for (const entry of index.bundles) {
    if (isInstalled(entry, existing)) {
      report.skipped.push(entry.id);
    } else {
      onProgress({ ...progress, phase: 'fetching', bundleId: entry.id });
      let bytes: Uint8Array | undefined;
      try {
        bytes = await fetchBytes(entry.file);
      } catch (error) {
        report.problems.push({
          bundleId: entry.id,
          kind: 'fetch',
          message: `Could not read ${entry.file} from the extension package: ${String(error)}. Reinstall the extension.`,
        });
      }
      if (bytes) {
        onProgress({ ...progress, phase: 'writing', bundleId: entry.id });
        const result = await installBundleBytes(db, bytes, {
          source: 'package',
          expectedSha256: entry.sha256,
          label: entry.file,
        });
        if (isInstallProblem(result)) report.problems.push(result);
        else report.installed.push(result.id);
      }
    }
    progress.bundlesDone++;
    progress.bytesDone += entry.bytes;
    onProgress({ ...progress, bundleId: entry.id, phase: 'writing' });
  }
  onProgress({ ...progress, phase: 'done' });
  return report;
}
