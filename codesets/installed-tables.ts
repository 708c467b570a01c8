/**
 * The installed code-table bundles that a derived build step reads (the search index and the
 * suggestion lexicon are built from the ICD-10-CM, ICD-10-PCS and HCPCS bundles, not from the
 * release files): listing them, picking the one for a fiscal year, naming them in provenance.
 */
import { decodeBundle, type BundleHeader, type ProvenanceFile } from '../engine/bundle/format';
import { readerFromCompressed, type BundleReader } from '../engine/bundle/reader';
import type { ReleaseFile, ReleaseSource } from './builder';

/** One installed table bundle, opened. */
export interface InstalledTable {
  file: ReleaseFile;
  header: BundleHeader;
  reader: BundleReader;
}

/** The installed `<system>-<year>.csb` bundles under `dir`, oldest year first. */
export function installedTables(source: ReleaseSource, dir: string, system: string): InstalledTable[] {
  const pattern = new RegExp(`^${dir}${system}-(\\d{4})\\.csb$`);
  const out: InstalledTable[] = [];
  for (const path of source.list()) {
    if (!pattern.test(path)) continue;
    const file = source.read(path);
    const { header, compressed } = decodeBundle(file.bytes);
    out.push({ file, header, reader: readerFromCompressed(header, compressed) });
  }
  return out.sort((a, b) => a.header.fiscalYear - b.header.fiscalYear);
}

/** The bundle of `year`, else the newest older one, else the newest (as the worker's release pick falls back). */
export function pickTable(list: readonly InstalledTable[], year: number): InstalledTable | undefined {
  return (
    list.find((b) => b.header.fiscalYear === year) ??
    list.filter((b) => b.header.fiscalYear < year).pop() ??
    list[list.length - 1]
  );
}

/** The provenance line naming a table bundle a derived bundle was built from. */
export function tableProvenance(b: InstalledTable): ProvenanceFile {
  return {
    file: `${b.header.id}.csb`,
    sha256: b.file.sha256,
    bytes: b.file.bytes.length,
    role: `${b.header.system}-tables`,
    releaseYear: b.header.fiscalYear,
  };
}
