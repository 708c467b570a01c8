import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { listReleases, openChartsideDb, readSettings, StoredRowError, writeSetting } from './db';

const freshDb = () => openChartsideDb({ indexedDB: new IDBFactory(), IDBKeyRange });

describe('chartside database', () => {
  it('declares every table of the newest schema version (v2: cases indexed by kind, see cases.test.ts; v3: stored search indexes)', async () => {
    const db = freshDb();
    await db.open();
    expect(db.verno).toBe(3);
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'audit',
      'blocks',
      'cases',
      'releases',
      'searchIndexes',
      'settings',
    ]);
  });

  it('settings: default purge after 30 days, validated writes, a corrupt stored value is reported', async () => {
    const db = freshDb();
    expect(await readSettings(db)).toEqual({
      purgeCasesAfterDays: 30,
      rankWithSuggestModel: false,
      vaultIdleLockMinutes: 15,
    });
    await writeSetting(db, 'purgeCasesAfterDays', 45);
    expect(await readSettings(db)).toEqual({
      purgeCasesAfterDays: 45,
      rankWithSuggestModel: false,
      vaultIdleLockMinutes: 15,
    });
    await expect(writeSetting(db, 'purgeCasesAfterDays', 0)).rejects.toThrow();
    await expect(writeSetting(db, 'purgeCasesAfterDays', 2.5)).rejects.toThrow();
    expect(await readSettings(db)).toEqual({
      purgeCasesAfterDays: 45,
      rankWithSuggestModel: false,
      vaultIdleLockMinutes: 15,
    });
    await db.settings.put({ key: 'purgeCasesAfterDays', value: 'forever' });
    await expect(readSettings(db)).rejects.toThrow(StoredRowError);
  });

  it('settings: the learned suggestion model is off by default, can be turned on and off, and only takes a boolean', async () => {
    const db = freshDb();
    expect((await readSettings(db)).rankWithSuggestModel).toBe(false);
    await writeSetting(db, 'rankWithSuggestModel', true);
    expect((await readSettings(db)).rankWithSuggestModel).toBe(true);
    await writeSetting(db, 'rankWithSuggestModel', false);
    expect((await readSettings(db)).rankWithSuggestModel).toBe(false);
    await expect(writeSetting(db, 'rankWithSuggestModel', 'no' as never)).rejects.toThrow();
    expect((await readSettings(db)).rankWithSuggestModel).toBe(false);
  });

  it('a release row that does not match its schema is refused with its id, not half-used', async () => {
    const db = freshDb();
    await db.releases.put({ id: 'icd10cm-2026', system: 'icd10cm' } as never);
    await expect(listReleases(db)).rejects.toThrow(/stored releases row "icd10cm-2026" is invalid/);
  });
});
