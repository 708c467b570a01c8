/**
 * `codesets/index.json` inside the built extension: the list of codeset bundles the package
 * ships. Written by the WXT hook in wxt.config.ts from `.cache/codesets/bundles/*.csb`; read by
 * the installer on first run. Versioned like every stored format, so an index of another version is
 * refused with a clear message instead of being misread.
 */
import { z } from 'zod/mini';
import { ChartsideError } from '../../engine/errors';

/** Format version of `codesets/index.json`. */
export const PACKAGE_INDEX_VERSION = 1;

/** Folder of the extension package holding the bundles and the index. */
export const PACKAGE_DIR = 'codesets/';
/** File name of the index inside {@link PACKAGE_DIR}. */
export const PACKAGE_INDEX_FILE = 'index.json';
/** Path of the index inside the extension package. */
export const PACKAGE_INDEX_PATH = `${PACKAGE_DIR}${PACKAGE_INDEX_FILE}`;

export const packageIndexSchema = z.object({
  formatVersion: z.literal(PACKAGE_INDEX_VERSION),
  bundles: z.array(
    z.object({
      /** Bundle id from the bundle header, e.g. `icd10cm-2026`. */
      id: z.string().check(z.minLength(1)),
      /** File name below `codesets/` in the package, e.g. `icd10cm-2026.csb`. */
      file: z.string().check(z.regex(/^[A-Za-z0-9._-]+\.csb$/)),
      /** Size of the file in bytes. */
      bytes: z.int().check(z.minimum(0)),
      /** sha256 of the file, lower-case hex. */
      sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
    }),
  ),
});
export type PackageIndex = z.infer<typeof packageIndexSchema>;
export type PackageIndexEntry = PackageIndex['bundles'][number];

/** Error for a package index that is missing or malformed (a broken build, not a user error). */
export class PackageIndexError extends ChartsideError {
  override name = 'ChartsidePackageIndexError';
}

/** Parses the index text; throws {@link PackageIndexError} with the Zod issues when it is wrong. */
export function parsePackageIndex(text: string): PackageIndex {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new PackageIndexError(`${PACKAGE_INDEX_PATH} is not JSON: ${String(cause)}`);
  }
  const parsed = packageIndexSchema.safeParse(json);
  if (!parsed.success) throw new PackageIndexError(`${PACKAGE_INDEX_PATH} is invalid: ${parsed.error.message}`);
  return parsed.data;
}

/**
 * `true` when the package's `entry` must not be (re)installed: the same bundle id is installed
 * with the same file sha256, or the user imported that id themselves from the options page (a
 * deliberate choice that an extension update must not silently overwrite).
 */
export function isInstalled(
  entry: PackageIndexEntry,
  installed: ReadonlyMap<string, { sha256: string; state: string; source: string }>,
): boolean {
  const have = installed.get(entry.id);
  if (!have || have.state !== 'installed') return false;
  return have.sha256 === entry.sha256 || have.source === 'import';
}
