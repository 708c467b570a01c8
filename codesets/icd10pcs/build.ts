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
import { parsePcsCodesAddenda } from './codes-addenda';
import { parsePcsDefinitions } from './definitions-xml';
import { derivePcsYear, TITLE_NOT_AVAILABLE, VALUE_NOT_AVAILABLE, type PcsDerivation } from './derive';
import { parsePcsIndex } from './index-xml';
import { parsePcsOrderFile, SHORT_TITLE_WIDTH, type PcsOrderFile } from './order-file';
import { expandPcsTables, parsePcsTables, type PcsAxis, type PcsParsedTables } from './tables-xml';
import { decodeUtf8 } from '../text/decode-utf8';

/** The release files of one PCS fiscal year. */
export interface PcsReleaseFiles {
  fiscalYear: number;
  order: ReleaseFile;
  tables: ReleaseFile;
  definitions: { file: ReleaseFile; year: number };
  index?: { file: ReleaseFile; year: number };
  /**
   * Present for a year derived from its codes addenda (no order file or Tables XML of its own):
   * `order` and `tables` are then the previous year's, `base` the code list of the update the
   * addenda apply to (the April 1 update, from the MS-DRG procedure table), see `derive.ts`.
   */
  derived?: { addenda: ReleaseFile; base?: ReleaseFile; baseRole: string };
}

const ORDER = /^icd10pcs\/FY(\d{4})\/icd10pcs_order_(\d{4})\.txt$/;
const pathFor = (year: number, kind: 'order' | 'tables' | 'definitions' | 'index'): string =>
  `icd10pcs/FY${year}/icd10pcs_${kind}_${year}.${kind === 'order' ? 'txt' : 'xml'}`;

const ADDENDA = /^icd10pcs\/FY(\d{4})\/icd10pcs_codes_addenda_(\d{4})\.txt$/;
const addendaPath = (year: number): string => `icd10pcs/FY${year}/icd10pcs_codes_addenda_${year}.txt`;

/**
 * The procedure table of the newest MS-DRG grouper version of fiscal year `year`
 * (`msdrg/FY<year>/tables/v<version>/pr_attributes.tsv`): it lists every valid PCS code of the
 * April 1 update, which no PCS file here carries.
 */
export function aprilCodesPath(paths: readonly string[], year: number): string | undefined {
  const re = new RegExp(`^msdrg/FY${year}/tables/v(\\d+)/pr_attributes\\.tsv$`);
  return paths
    .map((p) => [p, re.exec(p)] as const)
    .filter(([, m]) => m !== null)
    .sort(([, a], [, b]) => Number(b![1]) - Number(a![1]))[0]?.[0];
}

/**
 * Years that have codes addenda but no order file or Tables XML of their own, the previous year
 * having both (derived from them, see `derive.ts`). An official order file and Tables XML, when
 * given, win.
 */
export function pcsDerivedYears(paths: readonly string[]): number[] {
  const official = new Set(pcsFiscalYears(paths));
  return paths
    .map((p) => ADDENDA.exec(p))
    .filter((m): m is RegExpExecArray => m !== null && m[1] === m[2])
    .map((m) => Number(m[1]))
    .filter((y) => !official.has(y) && official.has(y - 1))
    .sort((a, b) => a - b);
}

/** Input paths of a derived year (for the cache key). */
function pcsDerivedInputPaths(paths: readonly string[], year: number): string[] {
  const april = aprilCodesPath(paths, year - 1);
  return [...pcsInputPaths(paths, year - 1), addendaPath(year), ...(april ? [april] : [])];
}

/** Reads the files of a derived year: the previous year's release plus the addenda and base list. */
export function readDerivedPcsRelease(source: ReleaseSource, year: number): PcsReleaseFiles {
  const previous = readPcsRelease(source, year - 1);
  const april = aprilCodesPath(source.list(), year - 1);
  return {
    ...previous,
    fiscalYear: year,
    derived: {
      addenda: source.read(addendaPath(year)),
      ...(april ? { base: source.read(april) } : {}),
      baseRole: `codes of the FY${year - 1} April 1 update (MS-DRG procedure table)`,
    },
  };
}

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
  const parsedOrder = parsePcsOrderFile(decodeUtf8(files.order.bytes, files.order.name), files.order.name);
  const parsedTables = parsePcsTables(decodeUtf8(files.tables.bytes, files.tables.name), files.tables.name);
  const defs = parsePcsDefinitions(
    decodeUtf8(files.definitions.file.bytes, files.definitions.file.name),
    files.definitions.file.name,
  );
  const index = files.index
    ? parsePcsIndex(decodeUtf8(files.index.file.bytes, files.index.file.name), files.index.file.name)
    : undefined;
  let order = parsedOrder;
  let tables = parsedTables;
  const derivedNotes: string[] = [];
  const derivedCounts: Record<string, number> = {};
  let derivation: string | undefined;
  if (files.derived) {
    const d = deriveFrom(files, parsedOrder, parsedTables);
    order = d.derivation.order;
    tables = d.derivation.tables;
    derivation = d.sentence;
    derivedNotes.push(...d.notes);
    Object.assign(derivedCounts, d.counts);
  }
  const orderName = files.derived ? `the derived FY${fy} code set` : files.order.name;
  const validCount = checkTablesAgainstOrder(tables, order, files.tables.name, orderName);

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

  const notes: string[] = files.derived
    ? [
        ...derivedNotes,
        `Valid codes are the expansion of the FY${fy - 1} Tables XML rewritten for the derived code set, checked equal to its ${validCount} codes (both directions).`,
      ]
    : [
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
    ...derivedCounts,
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

  const ownYear = files.derived ? fy - 1 : fy;
  const provenance: ProvenanceFile[] = [
    {
      file: files.order.name,
      sha256: files.order.sha256,
      bytes: files.order.bytes.length,
      role: 'order',
      releaseYear: ownYear,
    },
    {
      file: files.tables.name,
      sha256: files.tables.sha256,
      bytes: files.tables.bytes.length,
      role: 'tables',
      releaseYear: ownYear,
    },
    {
      file: files.definitions.file.name,
      sha256: files.definitions.file.sha256,
      bytes: files.definitions.file.bytes.length,
      role: 'definitions',
      releaseYear: files.definitions.year,
    },
  ];
  if (files.derived?.base) {
    const b = files.derived.base;
    provenance.push({
      file: b.path,
      sha256: b.sha256,
      bytes: b.bytes.length,
      role: 'april-codes',
      releaseYear: fy - 1,
    });
  }
  if (files.derived) {
    const a = files.derived.addenda;
    provenance.push({ file: a.name, sha256: a.sha256, bytes: a.bytes.length, role: 'addenda', releaseYear: fy });
  }
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
    release: `ICD-10-PCS FY${fy} (Oct 1, ${fy - 1})${derivation ? `, ${derivation.replace(/ \(.*\)$/, '')}` : ''}`,
    ...(derivation ? { derivation } : {}),
    provenance,
    notes,
    counts,
  };
  const bytes = encodeBundle(meta, blocks);
  return { header: readBundleHeader(bytes), bytes };
}

/** Runs the derivation of a derived year and words what it did for the bundle header. */
function deriveFrom(
  files: PcsReleaseFiles,
  order: PcsOrderFile,
  tables: PcsParsedTables,
): { derivation: PcsDerivation; sentence: string; notes: string[]; counts: Record<string, number> } {
  const fy = files.fiscalYear;
  const d = files.derived!;
  const addenda = parsePcsCodesAddenda(d.addenda.bytes, d.addenda.path);
  const base = d.base ? { codes: parseBaseCodes(d.base), file: d.base.path } : undefined;
  const derivation = derivePcsYear({ order, tables, addenda, addendaFile: d.addenda.path, ...(base ? { base } : {}) });
  const sentence = base
    ? `derived: FY${fy - 1} April 1 update + FY${fy} codes addenda (the April update: FY${fy - 1} order file + the codes the MS-DRG procedure table ${d.base!.path} adds; no FY${fy} order file or Tables XML available)`
    : `derived: FY${fy - 1} order file + FY${fy} codes addenda (no FY${fy} order file or Tables XML available)`;
  const notes = [
    `Codes ${sentence.replace(/^derived: /, 'derived from the ')}: ${addenda.added.length} added, ${addenda.deleted.length} deleted, ${addenda.revised.length} titles revised; ${derivation.order.valid.size} codes, the addenda's summary.`,
  ];
  if (base) {
    notes.push(
      `${base.codes.size} codes in ${d.base!.name} (${base.file}): the FY${fy - 1} order file's ${order.valid.size} ` +
        `plus ${derivation.baseAdded.length} (${derivation.baseAdded.length - derivation.composed.length - derivation.untitled.length} titled by the addenda's Revise lines, ` +
        `${derivation.composed.length} titles composed from the PCS Tables axis values and marked so, ${derivation.untitled.length} labelled "${TITLE_NOT_AVAILABLE}") ` +
        `minus ${derivation.baseRemoved.length} (${derivation.baseRemoved.join(', ')}).`,
    );
  }
  notes.push(
    `Short titles of the added and revised codes: ${derivation.shortExact} have long titles of at most ${SHORT_TITLE_WIDTH} characters, ` +
      `which the order file prints unchanged as the short title; the abbreviations of the other ${derivation.shortFromLong} are in no available file (the codes addenda print long titles only): their long title is shown. ` +
      `Axis values that no available Tables XML prints are labelled "${VALUE_NOT_AVAILABLE}".`,
  );
  return {
    derivation,
    sentence,
    notes,
    counts: {
      addendaAdded: addenda.added.length,
      addendaDeleted: addenda.deleted.length,
      addendaRevised: addenda.revised.length,
      baseCodes: base?.codes.size ?? order.valid.size,
      titlesComposed: derivation.composed.length,
      titlesNotAvailable: derivation.untitled.length,
      shortTitlesFromLong: derivation.shortFromLong,
    },
  };
}

/** The code column of a tab-separated table with a `code` header (the MS-DRG procedure table). */
function parseBaseCodes(file: ReleaseFile): Set<string> {
  const lines = decodeUtf8(file.bytes, file.path).split(/\r?\n/);
  if (lines[0]?.split('\t')[0] !== 'code') throw new ReleaseFileError(file.path, 1, 'expected a "code" column first');
  const out = new Set<string>();
  for (let i = 1; i < lines.length; i++) {
    const code = lines[i]!.split('\t')[0]!;
    if (code === '') continue;
    if (!/^[0-9A-HJ-NP-Z]{7}$/.test(code)) throw new ReleaseFileError(file.path, i + 1, `not a PCS code: "${code}"`);
    out.add(code);
  }
  return out;
}

/** Bump when the bundle bytes change for the same inputs. */
export const ICD10PCS_BUILDER_VERSION = 5;

/** The ICD-10-PCS importer, one bundle per fiscal year found in the source. */
export const icd10pcsBuilder: CodesetBuilder = {
  name: 'icd10pcs',
  version: ICD10PCS_BUILDER_VERSION,
  inputs(source) {
    const paths = source.list();
    return [
      ...new Set([
        ...pcsFiscalYears(paths).flatMap((y) => pcsInputPaths(paths, y)),
        ...pcsDerivedYears(paths).flatMap((y) => pcsDerivedInputPaths(paths, y)),
      ]),
    ].sort();
  },
  build(source) {
    const paths = source.list();
    return [
      ...pcsFiscalYears(paths).map((y) => buildPcsBundle(readPcsRelease(source, y))),
      ...pcsDerivedYears(paths).map((y) => buildPcsBundle(readDerivedPcsRelease(source, y))),
    ];
  },
};
