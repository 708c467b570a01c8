/**
 * The unlocked vault of this page, in memory only: the keys {@link unlockVault} returns live here
 * and nowhere else (never in IndexedDB, storage.session or a message). They are dropped after
 * `idleMs` without use ({@link VaultSession.keys} counts as use), when the user locks, and with the
 * page: closing the side panel or the browser locks the vault.
 */
import type { ChartsideDb } from './db';
import { migrateLegacyRows } from './vault-migration';
import { ChartsideVaultError, createVault, readVaultRecord, unlockVault, type VaultKeys } from './vault';

/** What the panel shows: no passphrase yet (saving is off), locked, or unlocked. */
export type VaultState = 'no-passphrase' | 'locked' | 'unlocked';

/** Saving or opening a saved case while the vault is not unlocked; the message says what to do. */
export class ChartsideVaultLockedError extends ChartsideVaultError {
  override name = 'ChartsideVaultLockedError';
}

/** Default idle time before the vault locks itself: 15 minutes (the options page changes it). */
export const DEFAULT_IDLE_LOCK_MINUTES = 15;

export class VaultSession {
  #keys: VaultKeys | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #listeners = new Set<() => void>();
  /** Milliseconds without use before locking. */
  idleMs = DEFAULT_IDLE_LOCK_MINUTES * 60_000;

  get unlocked(): boolean {
    return this.#keys !== undefined;
  }

  /** The state to show: reads whether a passphrase was ever set. */
  async state(db: ChartsideDb): Promise<VaultState> {
    if (this.#keys) return 'unlocked';
    return (await readVaultRecord(db)) ? 'locked' : 'no-passphrase';
  }

  /**
   * The unlocked keys, restarting the idle timer; raises {@link ChartsideVaultLockedError} with
   * the reason saving is off when locked.
   */
  keys(): VaultKeys {
    if (!this.#keys) {
      throw new ChartsideVaultLockedError(
        'saving is off until you unlock saved cases with your passphrase (or set one)',
      );
    }
    this.#arm();
    return this.#keys;
  }

  /** Sets the first passphrase, migrates cases saved before passphrases existed, and unlocks. Returns how many rows moved. */
  async setPassphrase(db: ChartsideDb, passphrase: string, iterations?: number): Promise<number> {
    return this.#open(db, await createVault(db, passphrase, iterations));
  }

  /** Unlocks with the passphrase (a wrong one raises), migrating any legacy rows left. */
  async unlock(db: ChartsideDb, passphrase: string): Promise<number> {
    return this.#open(db, await unlockVault(db, passphrase));
  }

  /** Drops the keys now. */
  lock(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    if (!this.#keys) return;
    this.#keys = undefined;
    this.#emit();
  }

  /** Calls `listener` whenever the vault locks or unlocks; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async #open(db: ChartsideDb, keys: VaultKeys): Promise<number> {
    const moved = await migrateLegacyRows(db, keys);
    this.#keys = keys;
    this.#arm();
    this.#emit();
    return moved;
  }

  #arm(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.lock(), this.idleMs);
  }

  #emit(): void {
    for (const l of this.#listeners) l();
  }
}

/** The side panel's one session (each page has its own memory; only the side panel saves cases). */
export const vaultSession = new VaultSession();
