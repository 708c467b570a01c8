/**
 * Import of a newer official release from files the user picked on the options page.
 *
 * Two kinds of pick are accepted:
 * - codeset bundles (`.csb`, e.g. built with `npx chartside codesets build` elsewhere): verified
 *   and installed as they are;
 * - official CMS/CDC release files (a folder laid out like `shared/codesets`, or loose files):
 *   run through the same pure importers as the CLI build (`codesets/`), in this page, then
 *   installed bundle by bundle. A file that cannot be parsed is reported with its name and line,
 *   and nothing from its code system is installed.
 */
import { buildCodesets, type BuilderReport, type BundleStore, type CodesetsManifest } from '../../codesets/build';
import { BUILDERS } from '../../codesets/builders';
import type { ReleaseFile, ReleaseSource } from '../../codesets/builder';
import { sha256Hex } from '../../engine/bundle/sha256';

/** A file picked in an `<input type=file>` (the subset of `File` used; tests pass plain objects). */
export interface PickedFile {
  name: string;
  /** `folder/icd10cm/FY2026/x.txt` when a folder was picked, else `""`. */
  webkitRelativePath: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Top-level folders of a release source (shared/codesets/MANIFEST.md). */
const SYSTEM_FOLDERS = new Set(['icd10cm', 'icd10pcs', 'hcpcs', 'msdrg', 'gems']);

/** The path below the picked folder, or from the code-system folder when that was picked. */
function releasePath(relative: string): string {
  const parts = relative.split('/');
  return (SYSTEM_FOLDERS.has(parts[0]!) ? parts : parts.slice(1)).join('/');
}

/** A {@link ReleaseSource} over picked files, read into memory once. */
export class PickedFilesSource implements ReleaseSource {
  readonly description: string;
  private readonly files = new Map<string, { name: string; bytes: Uint8Array; sha256?: string }>();

  private constructor(entries: { path: string; name: string; bytes: Uint8Array }[]) {
    for (const e of entries) this.files.set(e.path, { name: e.name, bytes: e.bytes });
    this.description = `${entries.length} file(s) you picked`;
  }

  /**
   * Reads the picked files. A picked folder keeps its layout below the folder itself
   * (`codesets/icd10cm/FY2026/x.txt` -> `icd10cm/FY2026/x.txt`), or from the code-system folder
   * when that is what was picked (`msdrg/FY2027/tables/v440/drgs.tsv` stays as it is: the MS-DRG
   * tables of every version share file names, so only their folders tell them apart); loose files
   * are named by file name.
   */
  static async read(picked: readonly PickedFile[]): Promise<PickedFilesSource> {
    const entries = await Promise.all(
      picked.map(async (f) => ({
        path: f.webkitRelativePath ? releasePath(f.webkitRelativePath) : f.name,
        name: f.name,
        bytes: new Uint8Array(await f.arrayBuffer()),
      })),
    );
    return new PickedFilesSource(entries);
  }

  list(): string[] {
    return [...this.files.keys()].sort();
  }

  read(path: string): ReleaseFile {
    const f = this.files.get(path);
    if (!f) throw new Error(`${path}: not among the files you picked`);
    f.sha256 ??= sha256Hex(f.bytes);
    return { path, name: f.name, bytes: f.bytes, sha256: f.sha256 };
  }
}

/** Collects the importers' bundles in memory; the caller installs them into IndexedDB. */
class CollectingStore implements BundleStore {
  readonly bundles = new Map<string, Uint8Array>();
  readManifest(): CodesetsManifest | undefined {
    return undefined; // always build: the point of an import is to read the picked files
  }
  writeBundle(id: string, bytes: Uint8Array): void {
    this.bundles.set(id, bytes);
  }
  removeBundle(id: string): void {
    this.bundles.delete(id);
  }
  writeManifest(): void {}
}

export interface ImportPlan {
  /** Bundles to install, by id, with their bytes. */
  bundles: Map<string, Uint8Array>;
  /** One report per importer that had files to read (built or failed, with file and line). */
  reports: BuilderReport[];
}

/**
 * Turns a pick into bundles: `.csb` files as they are, official files through every importer
 * with at least one of its inputs among them. Importers that find none of their files are left
 * out of `reports`.
 */
export async function planImport(
  picked: readonly PickedFile[],
  log: (line: string) => void = () => {},
): Promise<ImportPlan> {
  const source = await PickedFilesSource.read(picked);
  const bundles = new Map<string, Uint8Array>();
  for (const path of source.list().filter((p) => p.endsWith('.csb'))) bundles.set(path, source.read(path).bytes);
  if (source.list().every((p) => p.endsWith('.csb'))) return { bundles, reports: [] };

  // An importer applies when at least one of the files it reads was picked (some importers list
  // fixed paths whatever the source holds).
  const pickedPaths = new Set(source.list());
  const applicable = BUILDERS.filter((b) => {
    try {
      return b.inputs(source).some((p) => pickedPaths.has(p));
    } catch {
      return true; // let the build report why the files do not fit
    }
  });
  const store = new CollectingStore();
  const reports = await buildCodesets({ builders: applicable, source, store, log });
  for (const [id, bytes] of store.bundles) bundles.set(id, bytes);
  return { bundles, reports };
}
