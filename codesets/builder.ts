/**
 * The contract between the build orchestrator and each code system's importer.
 *
 * Importers are pure: they receive file bytes through a {@link ReleaseSource} and return bundles
 * as bytes, so the same code runs in the CLI build (files on disk) and in the options page
 * (files the user picked).
 */
import type { BundleHeader } from '../engine/bundle/format';
import { ChartsideError } from '../engine/errors';

/** One official release file, read. */
export interface ReleaseFile {
  /** Path relative to the source root, `/`-separated (e.g. `icd10cm/FY2026/icd10cm_order_2026.txt`). */
  path: string;
  /** Official file name (the last path segment). */
  name: string;
  bytes: Uint8Array;
  sha256: string;
}

/** What an importer may read: a folder of official release files laid out like `shared/codesets`. */
export interface ReleaseSource {
  /** Human description of where the files are (shown in errors). */
  readonly description: string;
  /** Every file path below the root, sorted. */
  list(): string[];
  /** Reads a file; throws when it does not exist. */
  read(path: string): ReleaseFile;
}

/** A bundle produced by a builder. */
export interface BuiltBundle {
  header: BundleHeader;
  bytes: Uint8Array;
}

/** One code system's importer. */
export interface CodesetBuilder {
  /** Short name, e.g. `icd10cm`. */
  name: string;
  /**
   * Bump when the builder's output changes for the same input files; part of the cache key, so a
   * stale cached bundle is rebuilt.
   */
  version: number;
  /** Paths (relative to the source root) whose bytes determine the output; used for caching. */
  inputs(source: ReleaseSource): string[];
  build(source: ReleaseSource): Promise<BuiltBundle[]> | BuiltBundle[];
}

/** Raised for a release file that cannot be parsed; nothing from its bundle is written. */
export class ReleaseFileError extends ChartsideError {
  override name = 'ChartsideReleaseFileError';
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    message: string,
  ) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${message}`);
  }
}
