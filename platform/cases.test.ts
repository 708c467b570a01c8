import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { auditHash } from '../engine/case/case-id';
import { addDiagnosis, addProcedure, newCase, updateHeader, type CodingCase } from '../engine/case/model';
import { openChartsideDb, type ChartsideDb } from './db';
import { AuditEntrySchema, audit, deleteCase, listSaved, loadCase, purgeExpired, readAudit, recordExport, saveCase, saveQueryDraft } from './cases';
import { ChartsideVaultError, seal, unseal, VAULT_KEY_SETTING, vaultKey } from './vault';

const fresh = (factory = new IDBFactory(), schemaVersion?: number) =>
  openChartsideDb({ indexedDB: factory, IDBKeyRange, name: 'chartside-test', ...(schemaVersion ? { schemaVersion } : {}) });

// Fictional patient; the title-like text must never reach storage in clear or the audit log.
const CHART_WORDS = 'TESTPATIENT ALPHA';
function sample(id = 'case-0123456789abcdef0123456789abcdef'): CodingCase {
  let c = updateHeader(newCase(id), { admissionDate: '2025-11-10', dischargeDate: '2025-11-15', age: 71, sex: 'F' });
  c = addDiagnosis(c, 'I50.23', 'suggestion', 'Y');
  c = addDiagnosis(c, 'N17.9', 'search', 'N');
  return addProcedure(c, '5A1955Z', 'icd10pcs', 'typed', '2025-11-11');
}

/** Every byte IndexedDB holds for the case tables, as text, to look for plaintext. */
async function storedText(db: ChartsideDb): Promise<string> {
  const rows = await db.cases.toArray();
  return rows.map((r) => JSON.stringify(r) + new TextDecoder('latin1').decode((r.sealed as { data: Uint8Array }).data)).join('\n');
}

describe('vault', () => {
  it('generates one non-extractable AES-GCM key, stored as a CryptoKey, reused afterwards', async () => {
    const db = fresh();
    const [a, b] = await Promise.all([vaultKey(db), vaultKey(db)]);
    expect(a.extractable).toBe(false);
    expect(a.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    const again = await vaultKey(db);
    // Both racers and later calls agree on the stored key: what one encrypts the other decrypts.
    const c = sample();
    await saveCase(db, c);
    expect(await loadCase(db, c.id)).toEqual(c);
    expect((await db.settings.get(VAULT_KEY_SETTING))?.value).toBeInstanceOf(CryptoKey);
    await expect(crypto.subtle.exportKey('raw', again)).rejects.toThrow();
    const sealed = await seal(a, 'row', new Uint8Array([1, 2, 3]));
    expect([...(await unseal(b, 'row', sealed))]).toEqual([1, 2, 3]);
  });
});

describe('saved cases', () => {
  it('stores ciphertext only, with a fresh IV per write, and decrypts back exactly', async () => {
    const db = fresh();
    const c = sample();
    await saveCase(db, c);
    const first = (await db.cases.get(c.id))!.sealed as { iv: Uint8Array; data: Uint8Array };
    await saveCase(db, c);
    const second = (await db.cases.get(c.id))!.sealed as { iv: Uint8Array; data: Uint8Array };
    expect(first.iv).toHaveLength(12);
    expect(Buffer.from(first.iv).equals(Buffer.from(second.iv))).toBe(false);
    expect(Buffer.from(first.data).equals(Buffer.from(second.data))).toBe(false);
    const text = await storedText(db);
    expect(text).not.toMatch(/I5023|N179|5A1955Z|2025-11-10/);
    expect(await loadCase(db, c.id)).toEqual(c);
    expect(await loadCase(db, 'case-none')).toBeUndefined();
  });

  it('reports a tampered, moved or corrupt row with its id, and still lists the good ones', async () => {
    const db = fresh();
    const good = sample('case-good');
    await saveCase(db, good);
    await saveCase(db, sample('case-tampered'));
    await saveCase(db, sample('case-moved-from'));
    const tampered = await db.cases.get('case-tampered');
    const bytes = (tampered!.sealed as { data: Uint8Array }).data;
    bytes[5] = bytes[5]! ^ 0xff;
    await db.cases.put(tampered!);
    // A ciphertext copied under another id does not decrypt (id bound as AES-GCM additional data).
    const moved = await db.cases.get('case-moved-from');
    await db.cases.put({ ...moved!, id: 'case-moved-to' });
    await db.cases.delete('case-moved-from');
    await db.cases.put({ id: 'case-corrupt', kind: 'case', updatedAt: new Date().toISOString(), sealed: 'not encrypted' });
    const listed = await listSaved(db);
    expect(listed.cases.map((x) => x.case.id)).toEqual(['case-good']);
    expect(listed.problems.map((p) => p.id).sort()).toEqual(['case-corrupt', 'case-moved-to', 'case-tampered']);
    expect(listed.problems.find((p) => p.id === 'case-tampered')!.message).toMatch(/decryption failed/);
    await expect(loadCase(db, 'case-tampered')).rejects.toThrow(ChartsideVaultError);
    await expect(loadCase(db, 'case-corrupt')).rejects.toThrow(/not an encrypted envelope/);
  });

  it('saves query drafts encrypted, tied to the case, deleted with it', async () => {
    const db = fresh();
    const c = sample();
    await saveCase(db, c);
    const id = await saveQueryDraft(db, c.id, { topic: 'hyponatremia', text: `Dr. Example, ${CHART_WORDS}: Na 126 ...` });
    expect(await storedText(db)).not.toContain('TESTPATIENT');
    const listed = await listSaved(db);
    expect(listed.drafts).toMatchObject([{ id, caseId: c.id, draft: { topic: 'hyponatremia' } }]);
    await deleteCase(db, c.id);
    expect(await db.cases.count()).toBe(0);
  });

  it('purges rows older than the configured number of days, keeps newer ones, audits the purge', async () => {
    const db = fresh();
    const now = new Date('2026-03-01T12:00:00Z');
    await saveCase(db, sample('case-old'), new Date('2026-01-01T00:00:00Z'));
    await saveCase(db, sample('case-new'), new Date('2026-02-20T00:00:00Z'));
    expect(await purgeExpired(db, 30, now)).toBe(1);
    expect((await db.cases.toArray()).map((r) => r.id)).toEqual(['case-new']);
    expect(await purgeExpired(db, 30, now)).toBe(0);
    expect((await readAudit(db)).entries.filter((e) => e.action === 'purge')).toMatchObject([{ rows: 1 }]);
  });
});

describe('audit log', () => {
  it('records saves and exports with action, time, case hash and code count, never chart text or codes', async () => {
    const db = fresh();
    const c = sample();
    await saveCase(db, c, new Date('2026-02-01T10:00:00Z'));
    await recordExport(db, c, 'text', new Date('2026-02-01T10:01:00Z'));
    await recordExport(db, c, 'fhir', new Date('2026-02-01T10:02:00Z'));
    const { entries, problems } = await readAudit(db);
    expect(problems).toEqual([]);
    expect(entries.map(({ id: _id, ...e }) => e)).toEqual([
      { at: '2026-02-01T10:00:00.000Z', action: 'save-case', caseHash: auditHash(c.id), codeCount: 3 },
      { at: '2026-02-01T10:01:00.000Z', action: 'export-text', caseHash: auditHash(c.id), codeCount: 3 },
      { at: '2026-02-01T10:02:00.000Z', action: 'export-fhir', caseHash: auditHash(c.id), codeCount: 3 },
    ]);
    const raw = JSON.stringify(await db.audit.toArray());
    expect(raw).not.toMatch(/I50|N17|5A1955Z|TESTPATIENT/);
    expect(raw).not.toContain(c.id);
  });

  it('refuses an entry carrying anything else (strict schema)', async () => {
    const db = fresh();
    await expect(audit(db, { at: new Date().toISOString(), action: 'save-case', note: CHART_WORDS } as never)).rejects.toThrow();
    await expect(audit(db, { at: new Date().toISOString(), action: 'save-case', caseHash: 'TESTPATIENT' })).rejects.toThrow();
    expect(AuditEntrySchema.safeParse({ at: 'yesterday', action: 'save-case' }).success).toBe(false);
    expect(await db.audit.count()).toBe(0);
  });
});

describe('schema upgrade v1 -> v2', () => {
  it('keeps every case saved under version 1, labels them, and they all still decrypt', async () => {
    const factory = new IDBFactory();
    const v1 = fresh(factory, 1);
    await v1.open();
    expect(v1.verno).toBe(1);
    const saved = [sample('case-a'), sample('case-b'), addDiagnosis(sample('case-c'), 'E11.22', 'typed', 'Y')];
    for (const c of saved) await saveCase(v1, c);
    // A version-1 row has no `kind` (the field arrives with v2).
    await v1.cases.toCollection().modify((r: Record<string, unknown>) => {
      delete r.kind;
    });
    v1.close();

    const v2 = fresh(factory, 2);
    await v2.open();
    expect(v2.verno).toBe(2);
    expect(await v2.cases.where('kind').equals('case').count()).toBe(3);
    const listed = await listSaved(v2);
    expect(listed.problems).toEqual([]);
    expect(listed.cases.map((x) => x.case).sort((a, b) => a.id.localeCompare(b.id))).toEqual(saved);
    // The audit rows written under v1 survive too.
    expect((await readAudit(v2)).entries.filter((e) => e.action === 'save-case')).toHaveLength(3);
  });

  it('v2 -> v3 (stored search indexes) keeps every saved case decrypting', async () => {
    const factory = new IDBFactory();
    const v2 = fresh(factory, 2);
    const saved = [sample('case-a'), addDiagnosis(sample('case-b'), 'E11.22', 'typed', 'Y')];
    for (const c of saved) await saveCase(v2, c);
    v2.close();
    const v3 = fresh(factory);
    await v3.open();
    expect(v3.verno).toBe(3);
    expect(v3.tables.some((t) => t.name === 'searchIndexes')).toBe(true);
    const listed = await listSaved(v3);
    expect(listed.problems).toEqual([]);
    expect(listed.cases.map((x) => x.case).sort((a, b) => a.id.localeCompare(b.id))).toEqual(saved);
  });
});
