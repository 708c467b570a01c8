/**
 * The lock/unlock line of the Case section: without a passphrase, saving is off and it says why
 * (with a form to set one); with one, the saved cases are locked until the user types it, and can
 * be locked again at once. The keys stay in this page's memory (platform/vault-session.ts).
 */
import { useEffect, useState } from 'preact/hooks';
import type { ChartsideDb } from '../../platform/db';
import { readSettings } from '../../platform/db';
import { MIN_PASSPHRASE_LENGTH } from '../../platform/vault';
import { vaultSession, type VaultState } from '../../platform/vault-session';

/** The vault's state, re-read when it locks or unlocks; `undefined` while first read. */
export function useVaultState(openDb: () => Promise<ChartsideDb>): VaultState | undefined {
  const [state, setState] = useState<VaultState | undefined>();
  useEffect(() => {
    let live = true;
    const read = (): void =>
      void openDb()
        .then((db) => vaultSession.state(db))
        .then((s) => live && setState(s))
        .catch((e: unknown) => console.error('Chartside: reading the vault state failed', e));
    read();
    const off = vaultSession.subscribe(read);
    return () => {
      live = false;
      off();
    };
  }, []);
  return state;
}

export function VaultPrompt({ openDb, state }: { openDb: () => Promise<ChartsideDb>; state: VaultState | undefined }) {
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  if (state === undefined) return null;
  if (state === 'unlocked') {
    return (
      <p class="meta ws-vault" data-vault="unlocked">
        Saved cases unlocked.{' '}
        <button type="button" onClick={() => vaultSession.lock()}>
          Lock
        </button>
      </p>
    );
  }

  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    setError('');
    if (state === 'no-passphrase' && passphrase !== confirm) {
      setError('The two passphrases differ.');
      return;
    }
    setBusy(true);
    try {
      const db = await openDb();
      const { vaultIdleLockMinutes } = await readSettings(db);
      vaultSession.idleMs = vaultIdleLockMinutes * 60_000;
      if (state === 'no-passphrase') await vaultSession.setPassphrase(db, passphrase);
      else await vaultSession.unlock(db, passphrase);
      setPassphrase('');
      setConfirm('');
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="ws-vault" data-vault={state} onSubmit={(e) => void submit(e)}>
      <p class="notice">
        {state === 'no-passphrase'
          ? 'Saving is off: set a passphrase to save cases on this device. They are encrypted under it; without it nobody (you included) can open them.'
          : 'Saved cases are locked. Type your passphrase to save or open them.'}
      </p>
      <label>
        Passphrase
        <input
          type="password"
          autoComplete={state === 'no-passphrase' ? 'new-password' : 'current-password'}
          minLength={MIN_PASSPHRASE_LENGTH}
          value={passphrase}
          onInput={(e) => setPassphrase(e.currentTarget.value)}
        />
      </label>
      {state === 'no-passphrase' && (
        <label>
          Repeat
          <input
            type="password"
            autoComplete="new-password"
            value={confirm}
            onInput={(e) => setConfirm(e.currentTarget.value)}
          />
        </label>
      )}
      <button type="submit" disabled={busy}>
        {state === 'no-passphrase' ? 'Set passphrase' : 'Unlock'}
      </button>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </form>
  );
}
