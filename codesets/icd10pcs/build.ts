/**
 * Builds the `icd10pcs-<fiscal year>` bundles from the official CMS release files.
 *
 * Per fiscal year: order file + Tables XML + Definitions XML of that year (Definitions fall back to
 * the newest older year, with a note), and the newest Index XML not newer than the year (FY2026 has
 * none: the FY2025 Index is used and its targets are validated against the FY2026 tables).
 */
import {
  encodeBundle,
  jsonPayload,
  readBundleHeader,
  textPayload,
  type BlockInput,
  type ProvenanceFile,
} from '../../engine/bundle/format';
import {
  PCS_BLOCK,
  PCS_BLOCKS_VERSION,
  type PcsAxisRecord,
  type PcsIndexBlock,
  type PcsTableRecord,
  type PcsTablesBlock,
} from '../../engine/icd10pcs/format';
import { PcsTable } from '../../engine/icd10pcs/pcs-table';
import { encodeTitleGroups } from '../../engine/icd10pcs/title-coding';
import {
  ReleaseFileError,
  type BuiltBundle,
  type CodesetBuilder,
  type ReleaseFile,
  type ReleaseSource,
} from '../builder';
import { parsePcsDefinitions } from './definitions-xml';
import { parsePcsIndex } from './index-xml';
import { parsePcsOrderFile, type PcsOrderFile } from './order-file';
import { expandPcsTables, parsePcsTables, type PcsAxis, type PcsParsedTables } from './tables-xml';
import { decodeUtf8 } from './xml-stream';

/** The release files of one PCS fiscal year. */
export interface PcsReleaseFiles {
  fiscalYear: number;
  order: ReleaseFile;
  tables: ReleaseFile;
  definitions: { file: ReleaseFile; year: number };
  index?: { file: ReleaseFile; year: number };
}

const ORDER = /^icd10pcs\/FY(\d{4})\/icd10pcs_order_(\d{4})\.txt$/;
const pathFor = (year: number, kind: 'order' | 'tables' | 'definitions' | 'index'): string =>
  `icd10pcs/FY${year}/icd10pcs_${kind}_${year}.${kind === 'order' ? 'txt' : 'xml'}`;

/** Fiscal years with both an order file and a Tables XML, ascending. */
export function pcsFiscalYears(paths: readonly string[]): number[] {
  const set = new Set(paths);
  return paths
    .map((p) => ORDER.exec(p))
    .filter((m): m is RegExpExecArray => m !== null && m[1] === m[2])
    .map((m) => Number(m[1]))
    .filter((y) => set.has(pathFor(y, 'tables')))
    .sort((a, b) => a - b);
}

/** Newest year <= `year` that has the file kind, or undefined. */
function newestAtOrBefore(paths: ReadonlySet<string>, year: number, kind: 'definitions' | 'index'): number | undefined {
  let best: number | undefined;
  for (const p of paths) {
    const m = new RegExp(`^icd10pcs/FY(\\d{4})/icd10pcs_${kind}_(\\d{4})\\.xml$`).exec(p);
    if (!m || m[1] !== m[2]) continue;
    const y = Number(m[1]);
    if (y <= year && (best === undefined || y > best)) best = y;
  }
  return best;
}

/** Input paths of one fiscal year (for the orchestrator's cache key). */
export function pcsInputPaths(paths: readonly string[], year: number): string[] {
  const set = new Set(paths);
  const out = [pathFor(year, 'order'), pathFor(year, 'tables')];
  const defs = newestAtOrBefore(set, year, 'definitions');
  if (defs !== undefined) out.push(pathFor(defs, 'definitions'));
  const index = newestAtOrBefore(set, year, 'index');
  if (index !== undefined) out.push(pathFor(index, 'index'));
  return out;
}

/** Reads the release files of one fiscal year from a source. */
export function readPcsRelease(source: ReleaseSource, year: number): PcsReleaseFiles {
  const paths = new Set(source.list());
  const defs = newestAtOrBefore(paths, year, 'definitions');
  if (defs === undefined) {
    throw new ReleaseFileError(
      pathFor(year, 'definitions'),
      undefined,
      `no ICD-10-PCS Definitions XML for FY${year} or earlier in ${source.description}`,
    );
  }
  const index = newestAtOrBefore(paths, year, 'index');
  const files: PcsReleaseFiles = {
    fiscalYear: year,
    order: source.read(pathFor(year, 'order')),
    tables: source.read(pathFor(year, 'tables')),
    definitions: { file: source.read(pathFor(defs, 'definitions')), year: defs },
  };
  if (index !== undefined) files.index = { file: source.read(pathFor(index, 'index')), year: index };
  return files;
}

/**
 * Refuses tables that do not expand to exactly the order file's valid codes (both directions),
 * or whose rows overlap.
 *
 * @throws ReleaseFileError naming the Tables XML, with counts and examples of the difference.
 */
export function checkTablesAgainstOrder(
  tables: PcsParsedTables,
  order: PcsOrderFile,
  tablesFile: string,
  orderFile: string,
): number {
  const expanded = new Set<string>();
  let total = 0;
  for (const code of expandPcsTables(tables.tables)) {
    expanded.add(code);
    total++;
  }
  if (expanded.size !== total) {
    throw new ReleaseFileError(
      tablesFile,
      undefined,
      `rows overlap: ${total} expansions but ${expanded.size} distinct codes`,
    );
  }
  const onlyTables = [...expanded].filter((c) => !order.valid.has(c));
  const onlyOrder = [...order.valid.keys()].filter((c) => !expanded.has(c));
  if (onlyTables.length > 0 || onlyOrder.length > 0) {
    throw new ReleaseFileError(
      tablesFile,
      undefined,
      `tables expand to ${expanded.size} codes but ${orderFile} has ${order.valid.size} valid codes: ` +
        `${onlyTables.length} only in the tables (${onlyTables.slice(0, 5).join(', ')}), ` +
        `${onlyOrder.length} only in the order file (${onlyOrder.slice(0, 5).join(', ')}). ` +
        'The files do not belong to the same release; nothing was built.',
    );
  }
  return expanded.size;
}

const fyStart = (fy: number): string => `${fy - 1}-10-01`;
const fyEnd = (fy: number): string => `${fy}-09-30`;

/**
 * Builds one fiscal year's bundle. Pure: bytes in, bytes out; same files give identical bytes.
 *
 * @throws ReleaseFileError for a malformed file or tables that disagree with the order file.
 */
export function buildPcsBundle(files: PcsReleaseFiles): BuiltBundle {
  const fy = files.fiscalYear;
  const order = parsePcsOrderFile(decodeUtf8(files.order.bytes, files.order.name), files.order.name);
  const tables = parsePcsTables(decodeUtf8(files.tables.bytes, files.tables.name), files.tables.name);
  const defs = parsePcsDefinitions(
    decodeUtf8(files.definitions.file.bytes, files.definitions.file.name),
    files.definitions.file.name,
  );
  const index = files.index
    ? parsePcsIndex(decodeUtf8(files.index.file.bytes, files.index.file.name), files.index.file.name)
    : undefined;
  const validCount = checkTablesAgainstOrder(tables, order, files.tables.name, files.order.name);

  // String pool: sorted and deduplicated so the block does not depend on file order.
  const pool = new Set<string>();
  const axisStrings = (a: PcsAxis): void => {
    pool.add(a.title);
    for (const v of a.values) pool.add(v.label);
    if (a.definition !== undefined) pool.add(a.definition);
  };
  for (const t of tables.tables) {
    t.axes.forEach(axisStrings);
    for (const row of t.rows) row.forEach(axisStrings);
    const header = order.headers.get(t.prefix);
    if (header) pool.add(header.long);
  }
  const strings = [...pool].sort();
  const at = new Map(strings.map((s, i) => [s, i]));
  const idx = (s: string): number => at.get(s) as number;
  const axisRecord = (a: PcsAxis): PcsAxisRecord => ({
    pos: a.pos,
    title: idx(a.title),
    chars: a.values.map((v) => v.char).join(''),
    labels: a.values.map((v) => idx(v.label)),
    definition: a.definition === undefined ? -1 : idx(a.definition),
  });
  const records: PcsTableRecord[] = [...tables.tables]
    .sort((a, b) => (a.prefix < b.prefix ? -1 : 1))
    .map((t) => {
      const header = order.headers.get(t.prefix);
      return {
        axes: [axisRecord(t.axes[0]), axisRecord(t.axes[1]), axisRecord(t.axes[2])],
        rows: t.rows.map((r) => [axisRecord(r[0]), axisRecord(r[1]), axisRecord(r[2]), axisRecord(r[3])]),
        header: header ? idx(header.long) : -1,
      };
    });
  const tablesBlock: PcsTablesBlock = { version: PCS_BLOCKS_VERSION, strings, tables: records };

  const sortedCodes = [...order.valid.keys()].sort();
  // One coding group per table (codes of a table are contiguous in code order), so the engine can
  // decode a single table's titles.
  const groups = new Map<string, string[]>();
  for (const c of sortedCodes) {
    const prefix = c.slice(0, 3);
    let g = groups.get(prefix);
    if (!g) groups.set(prefix, (g = []));
    g.push(c);
  }
  const grouped = [...groups.values()];
  const long = encodeTitleGroups(grouped.map((g) => g.map((c) => order.valid.get(c)?.long ?? '')));
  const short = encodeTitleGroups(grouped.map((g) => g.map((c) => order.valid.get(c)?.short ?? '')));
  const indexBlock: PcsIndexBlock | undefined =
    index && files.index
      ? { version: PCS_BLOCKS_VERSION, releaseYear: files.index.year, mainTerms: index.mainTerms }
      : undefined;

  // Validate the Index against this year's tables with the engine itself (the code that will read it).
  const pcs = new PcsTable(
    tablesBlock,
    () => ({ long, short }),
    defs.block,
    indexBlock ? () => indexBlock : undefined,
    fy,
  );
  if (pcs.size !== validCount) throw new Error(`internal: engine sees ${pcs.size} codes, build ${validCount}`);

  const notes: string[] = [
    `Valid codes are the expansion of the Tables XML, checked equal to the ${validCount} valid codes of ${files.order.name} (both directions).`,
  ];
  if (files.definitions.year !== fy) {
    notes.push(
      `Definitions from FY${files.definitions.year} (${files.definitions.file.name}): no FY${fy} Definitions XML available; newest older used.`,
    );
  }
  const counts: Record<string, number> = {
    validCodes: validCount,
    tableHeaders: order.headers.size,
    orderLines: order.entries.length,
    tables: tables.tables.length,
    tableRows: tables.tables.reduce((n, t) => n + t.rows.length, 0),
    definitionSections: defs.counts.sections,
    definitionTerms: defs.counts.terms,
    definitionIncludes: defs.counts.includes,
    deviceAggregates: defs.counts.aggregates,
  };
  if (indexBlock && index && files.index) {
    const entries = pcs.index.entries();
    const stale = pcs.index.staleCounts();
    const targets = entries.reduce((n, e) => n + e.targets.length, 0);
    const staleTotal = stale.code + stale.codes + stale.tab + stale.see + stale.use;
    Object.assign(counts, {
      indexMainTerms: index.mainTerms.length,
      indexTerms: index.termCount,
      indexTargets: targets,
      indexStaleTargets: staleTotal,
      indexStaleCode: stale.code,
      indexStaleCodes: stale.codes,
      indexStaleTab: stale.tab,
      indexStaleSee: stale.see,
      indexStaleUse: stale.use,
    });
    if (files.index.year !== fy) {
      notes.push(
        `Index from FY${files.index.year} (${files.index.file.name}): no FY${fy} Index XML available; the newest available is used. ` +
          `Its ${targets} targets were checked against the FY${fy} tables: ${staleTotal} are stale ` +
          `(${stale.code} codes, ${stale.codes} code prefixes, ${stale.tab} tables, ${stale.see} see-references, ${stale.use} use-references) and are flagged in the lookup.`,
      );
    } else {
      notes.push(
        `Index targets checked against the FY${fy} tables: ${staleTotal} of ${targets} do not resolve and are flagged in the lookup.`,
      );
    }
  } else {
    notes.push(`No ICD-10-PCS Index XML for FY${fy} or earlier: index lookup unavailable.`);
  }

  const provenance: ProvenanceFile[] = [
    {
      file: files.order.name,
      sha256: files.order.sha256,
      bytes: files.order.bytes.length,
      role: 'order',
      releaseYear: fy,
    },
    {
      file: files.tables.name,
      sha256: files.tables.sha256,
      bytes: files.tables.bytes.length,
      role: 'tables',
      releaseYear: fy,
    },
    {
      file: files.definitions.file.name,
      sha256: files.definitions.file.sha256,
      bytes: files.definitions.file.bytes.length,
      role: 'definitions',
      releaseYear: files.definitions.year,
    },
  ];
  if (files.index) {
    provenance.push({
      file: files.index.file.name,
      sha256: files.index.file.sha256,
      bytes: files.index.file.bytes.length,
      role: 'index',
      releaseYear: files.index.year,
    });
  }
  const blocks: BlockInput[] = [
    { name: PCS_BLOCK.tables, kind: 'json' as const, payload: jsonPayload(tablesBlock) },
    { name: PCS_BLOCK.longTitles, kind: 'text' as const, payload: textPayload(long) },
    { name: PCS_BLOCK.shortTitles, kind: 'text' as const, payload: textPayload(short) },
    { name: PCS_BLOCK.definitions, kind: 'json' as const, payload: jsonPayload(defs.block) },
  ];
  if (indexBlock) blocks.push({ name: PCS_BLOCK.index, kind: 'json' as const, payload: jsonPayload(indexBlock) });
  const meta = {
    id: `icd10pcs-${fy}`,
    system: 'icd10pcs' as const,
    fiscalYear: fy,
    effectiveFrom: fyStart(fy),
    effectiveTo: fyEnd(fy),
    release: `ICD-10-PCS FY${fy} (Oct 1, ${fy - 1})`,
    provenance,
    notes,
    counts,
  };
  const bytes = encodeBundle(meta, blocks);
  return { header: readBundleHeader(bytes), bytes };
}

/** Bump when the bundle bytes change for the same inputs. */
export const ICD10PCS_BUILDER_VERSION = 3;

/** The ICD-10-PCS importer, one bundle per fiscal year found in the source. */
export const icd10pcsBuilder: CodesetBuilder = {
  name: 'icd10pcs',
  version: ICD10PCS_BUILDER_VERSION,
  inputs(source) {
    const paths = source.list();
    return [...new Set(pcsFiscalYears(paths).flatMap((y) => pcsInputPaths(paths, y)))].sort();
  },
  build(source) {
    return pcsFiscalYears(source.list()).map((y) => buildPcsBundle(readPcsRelease(source, y)));
  },
};
