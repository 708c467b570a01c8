// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openChartsideDb } from '../../platform/db';
import { loadCase, saveCase } from '../../platform/cases';
import { VaultSession } from '../../platform/vault-session';
import { addDiagnosis, newCase } from '../../engine/case/model';

describe('case inbox (side panel start)', () => {
  it('queues search pins while the Case section is hidden, drops malformed ones, and purges expired saved cases', async () => {
    const db = openChartsideDb();
    const session = new VaultSession();
    await session.setPassphrase(db, 'correct horse battery staple', 1_000);
    await saveCase(
      db,
      addDiagnosis(newCase('case-old'), 'I50.9', 'typed', 'Y'),
      new Date(Date.now() - 40 * 86_400_000),
      session,
    );
    await saveCase(db, addDiagnosis(newCase('case-new'), 'I50.9', 'typed', 'Y'), new Date(), session);
    const inbox = await import('./inbox');
    inbox.startCaseInbox(async () => db);
    let told = 0;
    const off = inbox.onPin(() => told++);
    window.dispatchEvent(
      new CustomEvent('chartside:pin-code', { detail: { code: 'I50.23', system: 'cm', title: 'x' } }),
    );
    window.dispatchEvent(new CustomEvent('chartside:pin-code', { detail: { code: 'X', system: 'other' } }));
    window.dispatchEvent(new CustomEvent('chartside:pin-code', { detail: { code: '5A1955Z', system: 'pcs' } }));
    off();
    expect(told).toBe(2);
    expect(inbox.takePins()).toEqual([
      { code: 'I50.23', system: 'cm' },
      { code: '5A1955Z', system: 'pcs' },
    ]);
    expect(inbox.takePins()).toEqual([]);
    // Default purge period: 30 days (the options page's setting).
    expect(await inbox.purgeOutcome).toEqual({ purged: 1 });
    expect((await db.cases.toArray()).map((r) => r.id)).toHaveLength(1);
    expect(await loadCase(db, 'case-new', session)).toBeDefined();
  });
});
