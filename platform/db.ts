/**
 * The one Dexie database of Chartside, declared in this one file as Dexie keeps the global
 * IndexedDB in one file of its own, so the schema and its upgrades have one place. The side
 * panel, the options page and the engine worker all open it through {@link openChartsideDb};
 * nothing else names an IndexedDB store.
 *
 * Code tables are stored as the bundle's compressed blocks (one record per block, keyed
 * `[bundleId+name]`), never one record per code: a FY's ICD-10-CM is a handful of records, so an
 * install is a few large writes and a lookup never scans the store.
 *
 * Rows read back go through Zod ({@link parseRelease}, {@link parseBlock}, {@link parseSetting}):
 * IndexedDB is a trust boundary (another version of the extension, a half-finished upgrade or a
 * user poking at DevTools may have written it).
 */
import Dexie, { type EntityTable } from 'dexie';
// zod/mini: same validation, a fraction of the size; this module is on the worker's start-up path.
import { z } from 'zod/mini';
import type { BundleHeader } from '../engine/bundle/format';
import { ChartsideError } from '../engine/errors';

/** Name of the IndexedDB database. */
export const DB_NAME = 'chartside';

/** Newest schema version declared by {@link openChartsideDb}. */
export const DB_VERSION = 3;

const provenanceSchema = z.object({
  file: z.string(),
  sha256: z.string(),
  bytes: z.number(),
  role: z.string(),
  releaseYear: z.number(),
});

const blockEntrySchema = z.object({
  name: z.string(),
  kind: z.enum(['json', 'text', 'bytes']),
  offset: z.number(),
  length: z.number(),
  rawLength: z.number(),
  sha256: z.string(),
});

/** Zod mirror of {@link BundleHeader}; `satisfies` below keeps the two in step. */
export const bundleHeaderSchema = z.object({
  formatVersion: z.number(),
  id: z.string(),
  system: z.enum(['icd10cm', 'icd10pcs', 'hcpcs', 'msdrg', 'mce', 'search', 'suggest-model', 'suggest-lexicon']),
  fiscalYear: z.number(),
  effectiveFrom: z.string(),
  effectiveTo: z.string(),
  release: z.string(),
  derivation: z.optional(z.string()),
  provenance: z.array(provenanceSchema),
  notes: z.array(z.string()),
  counts: z.record(z.string(), z.number()),
  blocks: z.array(blockEntrySchema),
});
// Compile-time check that the schema and the engine's interface describe the same shape.
const _headerShapeCheck = (h: z.infer<typeof bundleHeaderSchema>): BundleHeader => h;
void _headerShapeCheck;

/**
 * One installed bundle. A row exists only once every one of its blocks is stored: the installer
 * writes blocks and this row in one transaction, so `state` is always `installed` today; the field
 * is kept so a future resumable install can record `partial` without a schema change.
 */
export const releaseRowSchema = z.object({
  /** Bundle id, e.g. `icd10cm-2026`. */
  id: z.string(),
  system: bundleHeaderSchema.shape.system,
  fiscalYear: z.number(),
  /** sha256 of the whole bundle file (lower-case hex): same id + same sha = nothing to do. */
  sha256: z.string(),
  /** Size of the bundle file in bytes. */
  bytes: z.number(),
  state: z.literal('installed'),
  /** ISO timestamp of the install. */
  installedAt: z.string(),
  /** Where the bundle came from: shipped in the extension package, or imported by the user. */
  source: z.enum(['package', 'import']),
  header: bundleHeaderSchema,
});
export type ReleaseRow = z.infer<typeof releaseRowSchema>;

export const blockRowSchema = z.object({
  bundleId: z.string(),
  name: z.string(),
  /** The block's gzip bytes exactly as in the bundle file (verified at install). */
  data: z.instanceof(Uint8Array),
});
export type BlockRow = z.infer<typeof blockRowSchema>;

export const settingRowSchema = z.object({ key: z.string(), value: z.unknown() });
export type SettingRow = z.infer<typeof settingRowSchema>;

/** Declared for the case workspace; its owner defines the row schema and encryption. */
export interface CaseRow {
  id: string;
  updatedAt: string;
  [field: string]: unknown;
}

/** Declared for the case workspace: saves and exports, never chart text. */
export interface AuditRow {
  id?: number;
  at: string;
  [field: string]: unknown;
}

/** The Dexie database with typed tables. */
export type ChartsideDb = Dexie & {
  releases: EntityTable<ReleaseRow, 'id'>;
  blocks: Dexie.Table<BlockRow, [string, string]>;
  settings: EntityTable<SettingRow, 'key'>;
  cases: EntityTable<CaseRow, 'id'>;
  audit: EntityTable<AuditRow, 'id'>;
  /** Serialized search indexes by id (`search-<FY>`), see platform/worker/search.ts. */
  searchIndexes: Dexie.Table<{ id: string; [field: string]: unknown }, string>;
};

/**
 * Creates (does not open) the database. Dexie opens lazily on first use.
 *
 * Schema history: add a new `version(n)` below the last one, with an `upgrade()` only where
 * stored data changes shape; never edit a published version.
 *
 * @param options.indexedDB / options.IDBKeyRange let Node tests pass fake-indexeddb explicitly.
 */
export function openChartsideDb(
  options: {
    indexedDB?: IDBFactory;
    IDBKeyRange?: typeof IDBKeyRange;
    name?: string;
    /** Tests only: declare versions up to this one (upgrade tests). */ schemaVersion?: number;
  } = {},
): ChartsideDb {
  const db = new Dexie(options.name ?? DB_NAME, {
    ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
    ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
  }) as ChartsideDb;
  db.version(1).stores({
    releases: 'id, system, fiscalYear',
    blocks: '[bundleId+name], bundleId',
    settings: 'key',
    // `cases` and `audit` belong to the case workspace. Declared in version 1 so the
    // workspace lands without a schema bump; its owner adds indexes in a later version.
    cases: 'id, updatedAt',
    audit: '++id, at',
  });
  if ((options.schemaVersion ?? DB_VERSION) < 2) return db;
  // Version 2 (platform/cases.ts): saved rows carry a `kind` ('case' or 'query-draft',
  // both encrypted) indexed so the workspace lists cases without decrypting drafts. Rows saved
  // under version 1 are cases: the upgrade labels them, their encrypted payload is untouched.
  db.version(2)
    .stores({ cases: 'id, updatedAt, kind' })
    .upgrade((tx) =>
      tx
        .table('cases')
        .toCollection()
        .modify((row: Record<string, unknown>) => {
          if (row.kind === undefined) row.kind = 'case';
        }),
    );
  if ((options.schemaVersion ?? DB_VERSION) < 3) return db;
  // Version 3: the worker stores each fiscal year's serialized search index so the next
  // session loads it instead of rebuilding it (seconds). A new table only: no row changes shape.
  // Rows are derived data, rebuilt whenever their sources or format differ (search.ts).
  db.version(3).stores({ searchIndexes: 'id' });
  return db;
}

/** Error for a stored row that does not match its schema; the message names the table and key. */
export class StoredRowError extends ChartsideError {
  override name = 'ChartsideStoredRowError';
}

function parseRow<T>(schema: z.ZodMiniType<T>, table: string, row: unknown): T {
  const parsed = schema.safeParse(row);
  if (!parsed.success) {
    const key = (row as { id?: unknown; key?: unknown; bundleId?: unknown } | undefined) ?? {};
    throw new StoredRowError(
      `stored ${table} row ${JSON.stringify(key.id ?? key.key ?? key.bundleId ?? '?')} is invalid: ${parsed.error.message}`,
    );
  }
  return parsed.data;
}

/** Parses a `releases` row read from IndexedDB. */
export const parseRelease = (row: unknown): ReleaseRow => parseRow(releaseRowSchema, 'releases', row);
/** Parses a `blocks` row read from IndexedDB. */
export const parseBlock = (row: unknown): BlockRow => parseRow(blockRowSchema, 'blocks', row);
/** Parses a `settings` row read from IndexedDB. */
export const parseSetting = (row: unknown): SettingRow => parseRow(settingRowSchema, 'settings', row);

/** Every installed release, parsed, sorted by system then fiscal year. */
export async function listReleases(db: ChartsideDb): Promise<ReleaseRow[]> {
  const rows = (await db.releases.toArray()).map(parseRelease);
  return rows.sort((a, b) => (a.system === b.system ? a.fiscalYear - b.fiscalYear : a.system < b.system ? -1 : 1));
}

/** Every stored block of one bundle (compressed), by block name. */
export async function readBlocks(db: ChartsideDb, bundleId: string): Promise<Map<string, Uint8Array>> {
  const rows = await db.blocks.where('bundleId').equals(bundleId).toArray();
  return new Map(rows.map(parseBlock).map((r) => [r.name, r.data]));
}

/** Privacy and other user settings, with defaults (Zod-parsed, so a bad stored value falls back loudly). */
export const settingsSchema = z.object({
  /** Saved cases are purged this many days after their last change, so no chart-derived data outlives its use. */
  purgeCasesAfterDays: z._default(z.int().check(z.minimum(1), z.maximum(3650)), 30),
  /**
   * Rank suggestions with the learned model (the `suggest-model` bundle, CodiEsp, CC BY 4.0;
   * platform/worker/suggest-model.ts). Off by default: the model is fitted to the CodiEsp
   * annotators, who code every condition mentioned (symptoms, unspecified and negated findings
   * included); on the synthetic inpatient charts it ranks symptoms and unspecified codes above the
   * combination codes the Official Guidelines require (test/fixtures/ehr/golden-suggestions.json).
   */
  rankWithSuggestModel: z._default(z.boolean(), false),
  /**
   * Minutes without use after which the saved-case vault locks itself (platform/vault-session.ts):
   * 15 by default, at most a working day.
   */
  vaultIdleLockMinutes: z._default(z.int().check(z.minimum(1), z.maximum(720)), 15),
});
export type Settings = z.infer<typeof settingsSchema>;

/** Reads all settings; a stored value that fails its schema raises {@link StoredRowError}. */
export async function readSettings(db: ChartsideDb): Promise<Settings> {
  const rows = (await db.settings.toArray()).map(parseSetting);
  const raw = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  const parsed = settingsSchema.safeParse(raw);
  if (!parsed.success) throw new StoredRowError(`stored settings are invalid: ${parsed.error.message}`);
  return parsed.data;
}

/** Writes one setting after validating it against {@link settingsSchema}. */
export async function writeSetting<K extends keyof Settings>(
  db: ChartsideDb,
  key: K,
  value: Settings[K],
): Promise<void> {
  settingsSchema.shape[key].parse(value);
  await db.settings.put({ key, value });
}
