/**
 * Saved cases, saved CDI query drafts, purge, and the audit log.
 *
 * Privacy rules enforced here:
 * - nothing is written unless the user saves (the workspace calls {@link saveCase} only from its
 *   Save command), and nothing is saved unless the vault is unlocked with the user's passphrase
 *   (platform/vault-session.ts): saving is off otherwise, and the error says why;
 * - rows hold ciphertext under keys that exist only in memory, stored under keyed row ids
 *   (platform/saved-ids.ts), so the stored ids name no chart;
 * - the audit log records what was done and when (action, a keyed tag of the case, code count),
 *   never chart text or codes: its rows are checked against a strict schema before writing;
 * - a row that cannot be decrypted or parsed is reported with its id, never silently dropped;
 * - purge removes old cases with their drafts, drafts whose case is gone, and old audit entries.
 */
import { z } from 'zod';
import { CaseSchema, type CodingCase } from '../engine/case/model';
import type { ChartsideDb } from './db';
import { auditTag, caseRowId, draftRowId } from './saved-ids';
import { ChartsideVaultError, seal, unseal, type VaultKeys } from './vault';
import { vaultSession, type VaultSession } from './vault-session';

/** What an audit row may say. `strict`: any other field (chart text, codes) is refused. */
export const AuditEntrySchema = z
  .object({
    at: z.string().datetime(),
    action: z.enum(['save-case', 'save-query-draft', 'export-text', 'export-fhir', 'delete-case', 'purge']),
    /**
     * Keyed tag of the case ({@link auditTag}, `k` + 16 hex digits); 16 hex digits alone are the
     * unkeyed hashes of entries written before the passphrase vault, rewritten when it is unlocked.
     */
    caseHash: z
      .string()
      .regex(/^k?[0-9a-f]{16}$/)
      .optional(),
    /** Number of codes on the case at the time (diagnoses + procedures). */
    codeCount: z.number().int().min(0).max(50).optional(),
    /** Rows affected (purge). */
    rows: z.number().int().min(0).optional(),
  })
  .strict();
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** A saved row as stored. */
const SavedRowSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(['case', 'query-draft']),
  updatedAt: z.string().datetime(),
  /** For query drafts: the row id of the case they belong to. */
  caseId: z.string().optional(),
  sealed: z.unknown(),
});

/** A query draft as saved: its topic and the text the user wrote (encrypted like cases). */
export const SavedDraftSchema = z.object({ topic: z.string().min(1).max(100), text: z.string().max(20_000) });
export type SavedDraft = z.infer<typeof SavedDraftSchema>;
/** What a draft row seals: the draft and the (unkeyed) id of its case. */
const SealedDraftSchema = SavedDraftSchema.extend({ caseId: z.string().min(1).max(200) });

/** A saved row that could not be read, with why. */
export interface SavedProblem {
  id: string;
  message: string;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const codeCount = (c: CodingCase): number => c.diagnoses.length + c.procedures.length;

/** Appends one audit entry after validating it (throws on anything outside the schema). */
export async function audit(db: ChartsideDb, entry: AuditEntry): Promise<void> {
  await db.audit.add(AuditEntrySchema.parse(entry));
}

/** The audit log, oldest first; a row that does not match the schema is reported, not hidden. */
export async function readAudit(
  db: ChartsideDb,
): Promise<{ entries: (AuditEntry & { id: number })[]; problems: SavedProblem[] }> {
  const entries: (AuditEntry & { id: number })[] = [];
  const problems: SavedProblem[] = [];
  for (const row of await db.audit.orderBy('id').toArray()) {
    const { id, ...rest } = row;
    const parsed = AuditEntrySchema.safeParse(rest);
    if (parsed.success && id !== undefined) entries.push({ id, ...parsed.data });
    else problems.push({ id: String(id), message: `audit row ${String(id)} is invalid` });
  }
  return { entries, problems };
}

/** Encrypts and stores the case (validated first), and records the save in the audit log. */
export async function saveCase(
  db: ChartsideDb,
  c: CodingCase,
  now = new Date(),
  session: VaultSession = vaultSession,
): Promise<void> {
  const valid = CaseSchema.parse(c);
  const keys = session.keys();
  const id = await caseRowId(keys, valid.id);
  const sealed = await seal(keys.data, id, encoder.encode(JSON.stringify(valid)));
  const at = now.toISOString();
  const caseHash = await auditTag(keys, valid.id);
  await db.transaction('rw', db.cases, db.audit, async () => {
    await db.cases.put({ id, kind: 'case', updatedAt: at, sealed });
    await db.audit.add(AuditEntrySchema.parse({ at, action: 'save-case', caseHash, codeCount: codeCount(valid) }));
  });
}

/** Encrypts and stores a query draft the user chose to save, tied to its case; returns its row id. */
export async function saveQueryDraft(
  db: ChartsideDb,
  caseId: string,
  draft: SavedDraft,
  now = new Date(),
  session: VaultSession = vaultSession,
): Promise<string> {
  const valid = SavedDraftSchema.parse(draft);
  const keys = session.keys();
  const id = await draftRowId(keys, caseId, valid.topic);
  const sealed = await seal(keys.data, id, encoder.encode(JSON.stringify({ caseId, ...valid })));
  const at = now.toISOString();
  const [caseRow, caseHash] = await Promise.all([caseRowId(keys, caseId), auditTag(keys, caseId)]);
  await db.transaction('rw', db.cases, db.audit, async () => {
    await db.cases.put({ id, kind: 'query-draft', caseId: caseRow, updatedAt: at, sealed });
    await db.audit.add(AuditEntrySchema.parse({ at, action: 'save-query-draft', caseHash }));
  });
  return id;
}

type OpenRow =
  | { kind: 'case'; id: string; updatedAt: string; value: CodingCase }
  | { kind: 'query-draft'; id: string; updatedAt: string; value: z.infer<typeof SealedDraftSchema> };

async function openRow(keys: VaultKeys, raw: unknown): Promise<OpenRow> {
  const row = SavedRowSchema.safeParse(raw);
  const rawId = (raw as { id?: unknown } | undefined)?.id;
  const id = typeof rawId === 'string' ? rawId : '?';
  if (!row.success)
    throw new ChartsideVaultError(`saved row ${id} is malformed: ${row.error.issues[0]?.message ?? 'invalid'}`);
  if ((row.data.sealed as { vault?: unknown } | undefined)?.vault === 1) {
    throw new ChartsideVaultError(
      `saved row ${id} was saved before passphrases and could not be migrated (its old key is kept)`,
    );
  }
  const plain = await unseal(keys.data, row.data.id, row.data.sealed);
  let json: unknown;
  try {
    json = JSON.parse(decoder.decode(plain));
  } catch {
    throw new ChartsideVaultError(`saved row ${id} decrypted to something that is not JSON`);
  }
  const base = { id: row.data.id, updatedAt: row.data.updatedAt };
  const parsed = row.data.kind === 'case' ? CaseSchema.safeParse(json) : SealedDraftSchema.safeParse(json);
  if (!parsed.success)
    throw new ChartsideVaultError(
      `saved row ${id} does not match the ${row.data.kind} format: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
    );
  return row.data.kind === 'case'
    ? { kind: 'case', ...base, value: parsed.data as CodingCase }
    : { kind: 'query-draft', ...base, value: parsed.data as z.infer<typeof SealedDraftSchema> };
}

/** One saved case, decrypted; `undefined` when none is saved under that id. Raises on a bad row or a locked vault. */
export async function loadCase(
  db: ChartsideDb,
  caseId: string,
  session: VaultSession = vaultSession,
): Promise<CodingCase | undefined> {
  const keys = session.keys();
  const raw = await db.cases.get(await caseRowId(keys, caseId));
  if (!raw) return undefined;
  const row = await openRow(keys, raw);
  if (row.kind !== 'case' || row.value.id !== caseId)
    throw new ChartsideVaultError(`saved row ${row.id} is not the case asked for`);
  return row.value;
}

/** Every saved case and draft, decrypted; rows that fail are listed in `problems` with the reason. */
export async function listSaved(
  db: ChartsideDb,
  session: VaultSession = vaultSession,
): Promise<{
  cases: { case: CodingCase; updatedAt: string }[];
  /** `caseId` is the case's own id (as in {@link CodingCase.id}), read from inside the encrypted draft. */
  drafts: { id: string; caseId: string; draft: SavedDraft; updatedAt: string }[];
  problems: SavedProblem[];
}> {
  const keys = session.keys();
  const out: Awaited<ReturnType<typeof listSaved>> = { cases: [], drafts: [], problems: [] };
  for (const raw of await db.cases.toArray()) {
    try {
      const row = await openRow(keys, raw);
      if (row.kind === 'case') out.cases.push({ case: row.value, updatedAt: row.updatedAt });
      else
        out.drafts.push({
          id: row.id,
          caseId: row.value.caseId,
          draft: { topic: row.value.topic, text: row.value.text },
          updatedAt: row.updatedAt,
        });
    } catch (error) {
      out.problems.push({ id: String(raw.id), message: error instanceof Error ? error.message : String(error) });
    }
  }
  return out;
}

/** Deletes a saved case and its drafts (audited). */
export async function deleteCase(
  db: ChartsideDb,
  caseId: string,
  now = new Date(),
  session: VaultSession = vaultSession,
): Promise<void> {
  const keys = session.keys();
  const [id, caseHash] = await Promise.all([caseRowId(keys, caseId), auditTag(keys, caseId)]);
  await db.transaction('rw', db.cases, db.audit, async () => {
    const drafts = await db.cases
      .where('kind')
      .equals('query-draft')
      .filter((r) => r.caseId === id)
      .primaryKeys();
    await db.cases.bulkDelete([id, ...drafts]);
    await db.audit.add(AuditEntrySchema.parse({ at: now.toISOString(), action: 'delete-case', caseHash }));
  });
}

/**
 * Deletes saved cases not changed for `days` days (the options page's `purgeCasesAfterDays`)
 * together with their drafts, drafts older than that, drafts whose case is gone, and audit
 * entries older than that; run when the side panel starts. Needs no key: draft rows carry their
 * case's row id. Returns how many saved rows went.
 */
export async function purgeExpired(db: ChartsideDb, days: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  return db.transaction('rw', db.cases, db.audit, async () => {
    const old = await db.cases.where('updatedAt').below(cutoff).primaryKeys();
    await db.cases.bulkDelete(old);
    const cases = new Set(await db.cases.where('kind').equals('case').primaryKeys());
    const orphans = await db.cases
      .where('kind')
      .equals('query-draft')
      .filter((r) => typeof r.caseId !== 'string' || !cases.has(r.caseId))
      .primaryKeys();
    await db.cases.bulkDelete(orphans);
    await db.audit.where('at').below(cutoff).delete();
    const n = old.length + orphans.length;
    if (n > 0) await db.audit.add(AuditEntrySchema.parse({ at: now.toISOString(), action: 'purge', rows: n }));
    return n;
  });
}

/**
 * Records an export of the case (the exported content itself is never stored). With the vault
 * locked the entry carries no case tag (the tag needs the key): the export is still recorded.
 */
export async function recordExport(
  db: ChartsideDb,
  c: CodingCase,
  format: 'text' | 'fhir',
  now = new Date(),
  session: VaultSession = vaultSession,
): Promise<void> {
  const caseHash = session.unlocked ? await auditTag(session.keys(), c.id) : undefined;
  await audit(db, {
    at: now.toISOString(),
    action: format === 'text' ? 'export-text' : 'export-fhir',
    ...(caseHash ? { caseHash } : {}),
    codeCount: codeCount(c),
  });
}
