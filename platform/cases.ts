/**
 * Saved cases, saved CDI query drafts, purge, and the audit log (issue 7).
 *
 * Privacy rules enforced here:
 * - nothing is written unless the user saves (the workspace calls {@link saveCase} only from its
 *   Save command); rows hold ciphertext only ({@link seal}, AES-GCM, non-extractable key);
 * - the audit log records what was done and when (action, a hash of the case id, code count),
 *   never chart text or codes: its rows are checked against a strict schema before writing;
 * - a row that cannot be decrypted or parsed is reported with its id, never silently dropped.
 */
import { z } from 'zod';
import { auditHash } from '../engine/case/case-id';
import { CaseSchema, type CodingCase } from '../engine/case/model';
import type { ChartsideDb } from './db';
import { ChartsideVaultError, seal, unseal, vaultKey } from './vault';

/** What an audit row may say. `strict`: any other field (chart text, codes) is refused. */
export const AuditEntrySchema = z
  .object({
    at: z.string().datetime(),
    action: z.enum(['save-case', 'save-query-draft', 'export-text', 'export-fhir', 'delete-case', 'purge']),
    /** {@link auditHash} of the case id. */
    caseHash: z.string().regex(/^[0-9a-f]{16}$/).optional(),
    /** Number of codes on the case at the time (diagnoses + procedures). */
    codeCount: z.number().int().min(0).max(50).optional(),
    /** Rows affected (purge). */
    rows: z.number().int().min(0).optional(),
  })
  .strict();
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** A saved row as stored (schema v2; v1 rows lack `kind` and are upgraded to 'case'). */
const SavedRowSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(['case', 'query-draft']),
  updatedAt: z.string().datetime(),
  /** For query drafts: the case they belong to. */
  caseId: z.string().optional(),
  sealed: z.unknown(),
});

/** A query draft as saved: its topic and the text the user wrote (encrypted like cases). */
export const SavedDraftSchema = z.object({ topic: z.string().min(1).max(100), text: z.string().max(20_000) });
export type SavedDraft = z.infer<typeof SavedDraftSchema>;

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
export async function readAudit(db: ChartsideDb): Promise<{ entries: (AuditEntry & { id: number })[]; problems: SavedProblem[] }> {
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
export async function saveCase(db: ChartsideDb, c: CodingCase, now = new Date()): Promise<void> {
  const valid = CaseSchema.parse(c);
  const key = await vaultKey(db);
  const sealed = await seal(key, valid.id, encoder.encode(JSON.stringify(valid)));
  const at = now.toISOString();
  await db.transaction('rw', db.cases, db.audit, async () => {
    await db.cases.put({ id: valid.id, kind: 'case', updatedAt: at, sealed });
    await db.audit.add(AuditEntrySchema.parse({ at, action: 'save-case', caseHash: auditHash(valid.id), codeCount: codeCount(valid) }));
  });
}

/** Encrypts and stores a query draft the user chose to save, tied to its case. */
export async function saveQueryDraft(db: ChartsideDb, caseId: string, draft: SavedDraft, now = new Date()): Promise<string> {
  const valid = SavedDraftSchema.parse(draft);
  const id = `${caseId}:query:${valid.topic}`;
  const key = await vaultKey(db);
  const sealed = await seal(key, id, encoder.encode(JSON.stringify(valid)));
  const at = now.toISOString();
  await db.transaction('rw', db.cases, db.audit, async () => {
    await db.cases.put({ id, kind: 'query-draft', caseId, updatedAt: at, sealed });
    await db.audit.add(AuditEntrySchema.parse({ at, action: 'save-query-draft', caseHash: auditHash(caseId) }));
  });
  return id;
}

async function openRow(db: ChartsideDb, key: CryptoKey, raw: unknown): Promise<{ kind: 'case' | 'query-draft'; id: string; updatedAt: string; value: unknown; caseId?: string | undefined }> {
  const row = SavedRowSchema.safeParse(raw);
  const rawId = (raw as { id?: unknown } | undefined)?.id;
  const id = typeof rawId === 'string' ? rawId : '?';
  if (!row.success) throw new ChartsideVaultError(`saved row ${id} is malformed: ${row.error.issues[0]?.message ?? 'invalid'}`);
  const plain = await unseal(key, row.data.id, row.data.sealed);
  let json: unknown;
  try {
    json = JSON.parse(decoder.decode(plain));
  } catch {
    throw new ChartsideVaultError(`saved row ${id} decrypted to something that is not JSON`);
  }
  const schema = row.data.kind === 'case' ? CaseSchema : SavedDraftSchema;
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ChartsideVaultError(`saved row ${id} does not match the ${row.data.kind} format: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return { kind: row.data.kind, id: row.data.id, updatedAt: row.data.updatedAt, value: parsed.data, caseId: row.data.caseId };
}

/** One saved case, decrypted; `undefined` when none is saved under that id. Raises on a bad row. */
export async function loadCase(db: ChartsideDb, id: string): Promise<CodingCase | undefined> {
  const raw = await db.cases.get(id);
  if (!raw) return undefined;
  const row = await openRow(db, await vaultKey(db), raw);
  if (row.kind !== 'case') throw new ChartsideVaultError(`saved row ${id} is a ${row.kind}, not a case`);
  return row.value as CodingCase;
}

/** Every saved case and draft, decrypted; rows that fail are listed in `problems` with the reason. */
export async function listSaved(db: ChartsideDb): Promise<{
  cases: { case: CodingCase; updatedAt: string }[];
  drafts: { id: string; caseId: string | undefined; draft: SavedDraft; updatedAt: string }[];
  problems: SavedProblem[];
}> {
  const key = await vaultKey(db);
  const out: Awaited<ReturnType<typeof listSaved>> = { cases: [], drafts: [], problems: [] };
  for (const raw of await db.cases.toArray()) {
    try {
      const row = await openRow(db, key, raw);
      if (row.kind === 'case') out.cases.push({ case: row.value as CodingCase, updatedAt: row.updatedAt });
      else out.drafts.push({ id: row.id, caseId: row.caseId, draft: row.value as SavedDraft, updatedAt: row.updatedAt });
    } catch (error) {
      out.problems.push({ id: String(raw.id), message: error instanceof Error ? error.message : String(error) });
    }
  }
  return out;
}

/** Deletes a saved case and its drafts (audited). */
export async function deleteCase(db: ChartsideDb, caseId: string, now = new Date()): Promise<void> {
  await db.transaction('rw', db.cases, db.audit, async () => {
    const drafts = (await db.cases.where('kind').equals('query-draft').toArray()).filter((r) => r.caseId === caseId).map((r) => r.id);
    await db.cases.bulkDelete([caseId, ...drafts]);
    await db.audit.add(AuditEntrySchema.parse({ at: now.toISOString(), action: 'delete-case', caseHash: auditHash(caseId) }));
  });
}

/**
 * Deletes saved cases and drafts not changed for `days` days (the options page's
 * `purgeCasesAfterDays`); run when the side panel starts. Returns how many rows went.
 */
export async function purgeExpired(db: ChartsideDb, days: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  return db.transaction('rw', db.cases, db.audit, async () => {
    const n = await db.cases.where('updatedAt').below(cutoff).delete();
    if (n > 0) await db.audit.add(AuditEntrySchema.parse({ at: now.toISOString(), action: 'purge', rows: n }));
    return n;
  });
}

/** Records an export of the case (the exported content itself is never stored). */
export async function recordExport(db: ChartsideDb, c: CodingCase, format: 'text' | 'fhir', now = new Date()): Promise<void> {
  await audit(db, { at: now.toISOString(), action: format === 'text' ? 'export-text' : 'export-fhir', caseHash: auditHash(c.id), codeCount: codeCount(c) });
}
