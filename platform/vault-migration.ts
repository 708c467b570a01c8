/**
 * Moves rows saved before passphrases existed (envelope format 1: a CryptoKey stored in
 * IndexedDB beside them, row ids that are the plain case ids) into the passphrase vault, on the
 * first unlock. Nothing is lost: every legacy row is decrypted and re-sealed first, then one
 * transaction writes the new rows, deletes the old ones and the stored key. A row that cannot be
 * decrypted is left as it is (listed as a problem by listSaved) and the old key is then kept, so
 * the row can still be recovered.
 */
import { z } from 'zod';
import { auditHash } from '../engine/case/case-id';
import { CaseSchema } from '../engine/case/model';
import type { CaseRow, ChartsideDb } from './db';
import { auditTag, caseRowId, draftRowId } from './saved-ids';
import { LEGACY_KEY_SETTING, legacyKey, seal, unseal, type VaultKeys } from './vault';

const LegacyDraftSchema = z.object({ topic: z.string().min(1).max(100), text: z.string().max(20_000) });
const encoder = new TextEncoder();
const decoder = new TextDecoder();

const isLegacy = (row: CaseRow): boolean => (row.sealed as { vault?: unknown } | undefined)?.vault === 1;

/** Migrates legacy rows under `keys`; returns how many rows moved. */
export async function migrateLegacyRows(db: ChartsideDb, keys: VaultKeys): Promise<number> {
  const key = await legacyKey(db);
  if (!key) return 0;
  const legacy = (await db.cases.toArray()).filter(isLegacy);
  const fresh: CaseRow[] = [];
  const gone: string[] = [];
  /** Unkeyed audit hash -> keyed audit tag, for the cases that moved. */
  const tags = new Map<string, string>();
  let failed = 0;
  for (const row of legacy) {
    try {
      const json: unknown = JSON.parse(decoder.decode(await unseal(key, row.id, row.sealed, 1)));
      if (row.kind === 'query-draft') {
        const caseId = z.string().min(1).parse(row.caseId);
        const draft = LegacyDraftSchema.parse(json);
        const id = await draftRowId(keys, caseId, draft.topic);
        const sealed = await seal(keys.data, id, encoder.encode(JSON.stringify({ caseId, ...draft })));
        fresh.push({
          id,
          kind: 'query-draft',
          caseId: await caseRowId(keys, caseId),
          updatedAt: row.updatedAt,
          sealed,
        });
      } else {
        const c = CaseSchema.parse(json);
        const id = await caseRowId(keys, c.id);
        fresh.push({
          id,
          kind: 'case',
          updatedAt: row.updatedAt,
          sealed: await seal(keys.data, id, encoder.encode(JSON.stringify(c))),
        });
        tags.set(auditHash(c.id), await auditTag(keys, c.id));
      }
      gone.push(row.id);
    } catch (error) {
      failed++;
      console.error(`Chartside: saved row ${row.id} could not be migrated and is kept as it is`, error);
    }
  }
  await db.transaction('rw', db.cases, db.audit, db.settings, async () => {
    await db.cases.bulkPut(fresh);
    await db.cases.bulkDelete(gone);
    // Audit tags: keyed for the cases that moved; a tag of a case no longer saved cannot be
    // keyed (its id is unknown) and is dropped rather than left as a guessable hash.
    await db.audit.toCollection().modify((entry) => {
      if (typeof entry.caseHash !== 'string' || !/^[0-9a-f]{16}$/.test(entry.caseHash)) return;
      const keyed = tags.get(entry.caseHash);
      if (keyed) entry.caseHash = keyed;
      else delete entry.caseHash;
    });
    if (failed === 0) await db.settings.delete(LEGACY_KEY_SETTING);
  });
  return gone.length;
}
