import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { auditHash } from '../engine/case/case-id';
import { addDiagnosis, addProcedure, newCase, updateHeader, type CodingCase } from '../engine/case/model';
import { openChartsideDb, type ChartsideDb } from './db';
import {
  AuditEntrySchema,
  audit,
  deleteCase,
  listSaved,
  loadCase,
  purgeExpired,
  readAudit,
  recordExport,
  saveCase,
  saveQueryDraft,
} from './cases';
import { caseRowId } from './saved-ids';
import { ChartsideVaultError, LEGACY_KEY_SETTING, PBKDF2_ITERATIONS, seal, VAULT_RECORD_SETTING } from './vault';
import { ChartsideVaultLockedError, VaultSession } from './vault-session';

const fresh = (factory = new IDBFactory(), schemaVersion?: number) =>
  openChartsideDb({
    indexedDB: factory,
    IDBKeyRange,
    name: 'chartside-test',
    ...(schemaVersion ? { schemaVersion } : {}),
  });

/** Tests use the minimum iteration count to stay fast; the default (600,000) is checked once below. */
const FAST = 1_000;
const PASSPHRASE = 'correct horse battery staple';

async function unlocked(db: ChartsideDb): Promise<VaultSession> {
  const session = new VaultSession();
  await session.setPassphrase(db, PASSPHRASE, FAST);
  return session;
}

// Fictional patient; the title-like text must never reach storage in clear or the audit log.
const CHART_WORDS = 'TESTPATIENT ALPHA';
function sample(id = 'case-0123456789abcdef0123456789abcdef'): CodingCase {
  let c = updateHeader(newCase(id), { admissionDate: '2025-11-10', dischargeDate: '2025-11-15', age: 71, sex: 'F' });
  c = addDiagnosis(c, 'I50.23', 'suggestion', 'Y');
  c = addDiagnosis(c, 'N17.9', 'search', 'N');
  return addProcedure(c, '5A1955Z', 'icd10pcs', 'typed', '2025-11-11');
}

/** Every byte IndexedDB holds for the case tables and settings, as text, to look for plaintext and keys. */
async function storedText(db: ChartsideDb): Promise<string> {
  const rows = [...(await db.cases.toArray()), ...(await db.settings.toArray()), ...(await db.audit.toArray())];
  return JSON.stringify(rows, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v));
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('vault', () => {
  it('stores only the passphrase-wrapped secret: no CryptoKey, unlocks with the passphrase only', async () => {
    const db = fresh();
    const session = await unlocked(db);
    const record = (await db.settings.get(VAULT_RECORD_SETTING))!.value as {
      kdf: { iterations: number; salt: Uint8Array };
      wrapped: { data: Uint8Array };
    };
    expect(record.kdf.iterations).toBe(FAST);
    expect(record.kdf.salt).toHaveLength(16);
    // 64-byte secret + 16-byte GCM tag.
    expect(record.wrapped.data).toHaveLength(80);
    for (const row of await db.settings.toArray())
      expect(JSON.stringify(row, (_k, v: unknown) => (v instanceof CryptoKey ? 'CRYPTOKEY' : v))).not.toContain(
        'CRYPTOKEY',
      );
    const c = sample();
    await saveCase(db, c, new Date(), session);

    const other = new VaultSession();
    expect(await other.state(db)).toBe('locked');
    await expect(other.unlock(db, 'not the passphrase')).rejects.toThrow(/wrong passphrase/);
    await expect(loadCase(db, c.id, other)).rejects.toThrow(ChartsideVaultLockedError);
    await other.unlock(db, PASSPHRASE);
    expect(await loadCase(db, c.id, other)).toEqual(c);
    expect(other.keys().data.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', other.keys().tag)).rejects.toThrow();
  });

  it('new vaults use 600,000 PBKDF2-SHA-256 iterations; a short passphrase or a second vault is refused', async () => {
    const db = fresh();
    expect(PBKDF2_ITERATIONS).toBe(600_000);
    await expect(new VaultSession().setPassphrase(db, 'short')).rejects.toThrow(/at least 10 characters/);
    await new VaultSession().setPassphrase(db, PASSPHRASE);
    expect(
      ((await db.settings.get(VAULT_RECORD_SETTING))!.value as { kdf: { iterations: number } }).kdf.iterations,
    ).toBe(600_000);
    await expect(new VaultSession().setPassphrase(db, 'another passphrase', FAST)).rejects.toThrow(/already set/);
  });

  it('without a passphrase saving is off, and says why', async () => {
    const db = fresh();
    const session = new VaultSession();
    expect(await session.state(db)).toBe('no-passphrase');
    await expect(saveCase(db, sample(), new Date(), session)).rejects.toThrow(/saving is off/);
    expect(await db.cases.count()).toBe(0);
  });

  it('locks itself after the idle time, and on demand', async () => {
    const db = fresh();
    const session = await unlocked(db);
    vi.useFakeTimers();
    session.idleMs = 60_000;
    session.keys(); // use restarts the idle timer
    let changes = 0;
    session.subscribe(() => changes++);
    vi.advanceTimersByTime(59_000);
    expect(session.unlocked).toBe(true);
    session.keys();
    vi.advanceTimersByTime(59_000);
    expect(session.unlocked).toBe(true);
    vi.advanceTimersByTime(2_000);
    expect(session.unlocked).toBe(false);
    expect(changes).toBe(1);
    expect(() => session.keys()).toThrow(ChartsideVaultLockedError);
  });
});

describe('saved cases', () => {
  it('stores ciphertext only under keyed ids, with a fresh IV per write, and decrypts back exactly', async () => {
    const db = fresh();
    const session = await unlocked(db);
    const c = sample();
    await saveCase(db, c, new Date(), session);
    const [row] = await db.cases.toArray();
    // The row id is a keyed tag: not the case id, and different under another vault.
    expect(row!.id).toMatch(/^c[0-9a-f]{32}$/);
    expect(row!.id).not.toContain(c.id.slice(5));
    const elsewhere = fresh();
    expect(await caseRowId((await unlocked(elsewhere)).keys(), c.id)).not.toBe(row!.id);
    const first = row!.sealed as { iv: Uint8Array; data: Uint8Array };
    await saveCase(db, c, new Date(), session);
    const second = (await db.cases.get(row!.id))!.sealed as { iv: Uint8Array; data: Uint8Array };
    expect(Buffer.from(first.iv).equals(Buffer.from(second.iv))).toBe(false);
    const text = await storedText(db);
    expect(text).not.toMatch(/I50\.?23|N17\.?9|5A1955Z|2025-11-10/);
    expect(text).not.toContain(c.id);
    expect(await loadCase(db, c.id, session)).toEqual(c);
    expect(await loadCase(db, 'case-none', session)).toBeUndefined();
  });

  it('reports a tampered, moved or corrupt row with its id, and still lists the good ones', async () => {
    const db = fresh();
    const session = await unlocked(db);
    const good = sample('case-good');
    for (const id of ['case-good', 'case-tampered', 'case-moved-from'])
      await saveCase(db, sample(id), new Date(), session);
    const tamperedId = await caseRowId(session.keys(), 'case-tampered');
    const tampered = await db.cases.get(tamperedId);
    const bytes = (tampered!.sealed as { data: Uint8Array }).data;
    bytes[5] = bytes[5]! ^ 0xff;
    await db.cases.put(tampered!);
    // A ciphertext copied under another id does not decrypt (id bound as AES-GCM additional data).
    const fromId = await caseRowId(session.keys(), 'case-moved-from');
    const moved = await db.cases.get(fromId);
    await db.cases.put({ ...moved!, id: 'c-moved-to' });
    await db.cases.delete(fromId);
    await db.cases.put({ id: 'c-corrupt', kind: 'case', updatedAt: new Date().toISOString(), sealed: 'not encrypted' });
    const listed = await listSaved(db, session);
    expect(listed.cases.map((x) => x.case)).toEqual([good]);
    expect(listed.problems.map((p) => p.id).sort()).toEqual(['c-corrupt', 'c-moved-to', tamperedId].sort());
    expect(listed.problems.find((p) => p.id === tamperedId)!.message).toMatch(/decryption failed/);
    await expect(loadCase(db, 'case-tampered', session)).rejects.toThrow(ChartsideVaultError);
  });

  it('saves query drafts encrypted, tied to the case, deleted with it', async () => {
    const db = fresh();
    const session = await unlocked(db);
    const c = sample();
    await saveCase(db, c, new Date(), session);
    const id = await saveQueryDraft(
      db,
      c.id,
      { topic: 'hyponatremia', text: `Dr. Example, ${CHART_WORDS}: Na 126 ...` },
      new Date(),
      session,
    );
    const text = await storedText(db);
    expect(text).not.toContain('TESTPATIENT');
    expect(text).not.toContain('hyponatremia');
    expect(await listSaved(db, session)).toMatchObject({
      drafts: [{ id, caseId: c.id, draft: { topic: 'hyponatremia' } }],
      problems: [],
    });
    await deleteCase(db, c.id, new Date(), session);
    expect(await db.cases.count()).toBe(0);
  });

  it('purge removes old cases with their drafts (even newer ones), orphaned drafts, and old audit entries', async () => {
    const db = fresh();
    const session = await unlocked(db);
    const now = new Date('2026-03-01T12:00:00Z');
    const oldDay = new Date('2026-01-01T00:00:00Z');
    const recent = new Date('2026-02-20T00:00:00Z');
    await saveCase(db, sample('case-old'), oldDay, session);
    await saveQueryDraft(db, 'case-old', { topic: 'copied-1', text: 'Query.' }, recent, session);
    await saveCase(db, sample('case-new'), recent, session);
    await saveQueryDraft(db, 'case-new', { topic: 'copied-2', text: 'Query.' }, recent, session);
    // A draft whose case was never saved (or deleted by an older version).
    await saveQueryDraft(db, 'case-gone', { topic: 'copied-3', text: 'Query.' }, recent, session);
    expect(await purgeExpired(db, 30, now)).toBe(3);
    const left = await listSaved(db, session);
    expect(left.cases.map((x) => x.case.id)).toEqual(['case-new']);
    expect(left.drafts.map((d) => d.caseId)).toEqual(['case-new']);
    expect(await purgeExpired(db, 30, now)).toBe(0);
    const { entries } = await readAudit(db);
    // The save of case-old (2026-01-01) aged out; the purge itself is recorded.
    expect(entries.some((e) => e.at < '2026-01-30')).toBe(false);
    expect(entries.filter((e) => e.action === 'purge')).toMatchObject([{ rows: 3 }]);
  });
});

describe('audit log', () => {
  it('records saves and exports with a keyed case tag and code count, never chart text, codes or the case id', async () => {
    const db = fresh();
    const session = await unlocked(db);
    const c = sample();
    await saveCase(db, c, new Date('2026-02-01T10:00:00Z'), session);
    await recordExport(db, c, 'text', new Date('2026-02-01T10:01:00Z'), session);
    await recordExport(db, c, 'fhir', new Date('2026-02-01T10:02:00Z'), session);
    session.lock();
    await recordExport(db, c, 'text', new Date('2026-02-01T10:03:00Z'), session);
    const { entries, problems } = await readAudit(db);
    expect(problems).toEqual([]);
    const tag = entries[0]!.caseHash!;
    expect(tag).toMatch(/^k[0-9a-f]{16}$/);
    // Keyed: not the hash anyone could compute from a guessed chart.
    expect(tag.slice(1)).not.toBe(auditHash(c.id));
    expect(entries.map(({ id: _id, ...e }) => e)).toEqual([
      { at: '2026-02-01T10:00:00.000Z', action: 'save-case', caseHash: tag, codeCount: 3 },
      { at: '2026-02-01T10:01:00.000Z', action: 'export-text', caseHash: tag, codeCount: 3 },
      { at: '2026-02-01T10:02:00.000Z', action: 'export-fhir', caseHash: tag, codeCount: 3 },
      // Locked: the export is recorded without a tag.
      { at: '2026-02-01T10:03:00.000Z', action: 'export-text', codeCount: 3 },
    ]);
    const raw = JSON.stringify(await db.audit.toArray());
    expect(raw).not.toMatch(/I50|N17|5A1955Z|TESTPATIENT/);
    expect(raw).not.toContain(c.id);
  });

  it('refuses an entry carrying anything else (strict schema)', async () => {
    const db = fresh();
    await expect(
      audit(db, { at: new Date().toISOString(), action: 'save-case', note: CHART_WORDS } as never),
    ).rejects.toThrow();
    await expect(
      audit(db, { at: new Date().toISOString(), action: 'save-case', caseHash: 'TESTPATIENT' }),
    ).rejects.toThrow();
    expect(AuditEntrySchema.safeParse({ at: 'yesterday', action: 'save-case' }).success).toBe(false);
    expect(await db.audit.count()).toBe(0);
  });
});

/**
 * Writes rows the way the pre-passphrase vault did: a non-extractable AES-GCM key stored as a
 * CryptoKey in settings, rows sealed (envelope 1) under the plain case id, drafts keyed
 * `<caseId>:query:<topic>`, audit entries tagged with the unkeyed hash.
 */
async function writeLegacy(
  db: ChartsideDb,
  cases: CodingCase[],
  drafts: { caseId: string; topic: string; text: string }[],
): Promise<CryptoKey> {
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  await db.settings.put({ key: LEGACY_KEY_SETTING, value: key });
  const at = '2026-02-01T10:00:00.000Z';
  for (const c of cases) {
    await db.cases.put({
      id: c.id,
      kind: 'case',
      updatedAt: at,
      sealed: await seal(key, c.id, new TextEncoder().encode(JSON.stringify(c)), 1),
    });
    await db.audit.add({ at, action: 'save-case', caseHash: auditHash(c.id), codeCount: 3 });
  }
  for (const d of drafts) {
    const id = `${d.caseId}:query:${d.topic}`;
    const sealed = await seal(key, id, new TextEncoder().encode(JSON.stringify({ topic: d.topic, text: d.text })), 1);
    await db.cases.put({ id, kind: 'query-draft', caseId: d.caseId, updatedAt: at, sealed });
  }
  // An audit entry of a case deleted long ago: its unkeyed tag cannot be keyed and must go.
  await db.audit.add({ at, action: 'delete-case', caseHash: auditHash('case-deleted-long-ago') });
  return key;
}

describe('upgrade: cases saved before passphrases move into the vault on first unlock', () => {
  it('schema v2 database with legacy rows -> current schema -> set passphrase: every case and draft kept, nothing left in the old form', async () => {
    const factory = new IDBFactory();
    const v2 = fresh(factory, 2);
    await v2.open();
    const saved = [sample('case-a'), addDiagnosis(sample('case-b'), 'E11.22', 'typed', 'Y')];
    await writeLegacy(v2, saved, [{ caseId: 'case-a', topic: 'copied-1', text: `Query about ${CHART_WORDS}.` }]);
    v2.close();

    const db = fresh(factory);
    await db.open();
    expect(db.verno).toBe(3);
    const session = new VaultSession();
    // Before the first unlock saving is off; the legacy rows are untouched.
    expect(await session.state(db)).toBe('no-passphrase');
    expect(await session.setPassphrase(db, PASSPHRASE, FAST)).toBe(3);

    const listed = await listSaved(db, session);
    expect(listed.problems).toEqual([]);
    expect(listed.cases.map((x) => x.case).sort((a, b) => a.id.localeCompare(b.id))).toEqual(saved);
    expect(listed.drafts).toMatchObject([
      { caseId: 'case-a', draft: { topic: 'copied-1', text: `Query about ${CHART_WORDS}.` } },
    ]);
    expect(await db.settings.get(LEGACY_KEY_SETTING)).toBeUndefined();
    const text = await storedText(db);
    for (const c of saved) expect(text).not.toContain(c.id);
    expect(text).not.toContain(':query:');
    // Audit tags keyed for the cases that moved; the orphan's unkeyed tag dropped, its entry kept.
    const { entries } = await readAudit(db);
    expect(entries).toHaveLength(3);
    expect(entries.filter((e) => e.action === 'save-case').every((e) => /^k/.test(e.caseHash ?? ''))).toBe(true);
    expect(entries.find((e) => e.action === 'delete-case')).not.toHaveProperty('caseHash');
    // The moved cases are where the vault looks for them.
    expect(await loadCase(db, 'case-b', session)).toEqual(saved[1]);
    // Purge still removes a migrated draft with its case.
    await deleteCase(db, 'case-a', new Date(), session);
    expect((await listSaved(db, session)).drafts).toEqual([]);
  });

  it('a legacy row that cannot be decrypted is kept with the old key, and reported', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const db = fresh();
    await writeLegacy(db, [sample('case-a'), sample('case-broken')], []);
    const broken = await db.cases.get('case-broken');
    (broken!.sealed as { data: Uint8Array }).data[3]! ^= 0xff;
    await db.cases.put(broken!);
    const session = new VaultSession();
    expect(await session.setPassphrase(db, PASSPHRASE, FAST)).toBe(1);
    expect(await db.settings.get(LEGACY_KEY_SETTING)).toBeDefined();
    const listed = await listSaved(db, session);
    expect(listed.cases.map((x) => x.case.id)).toEqual(['case-a']);
    expect(listed.problems).toMatchObject([
      { id: 'case-broken', message: expect.stringMatching(/before passphrases/) as unknown },
    ]);
  });
});
