/**
 * Encryption at rest for what the user chooses to save (cases, CDI query drafts): WebCrypto
 * AES-GCM-256 with a key generated once on this device, NON-extractable, and kept in IndexedDB as
 * a CryptoKey object (structured-cloneable: the browser stores the key material without exposing
 * it to script). A fresh random 96-bit IV for every write; the row id is bound as additional
 * authenticated data so a ciphertext moved to another row does not decrypt.
 *
 * `subtle` is passed in where it matters so Node tests run the same code (Node 20 has
 * `globalThis.crypto.subtle`).
 */
import type { ChartsideDb } from './db';
import { ChartsideError } from '../engine/errors';

/** Settings row holding the key (declared in schema v1's `settings` table). */
export const VAULT_KEY_SETTING = 'vault.caseKey';

/** Version of the encrypted envelope; an unknown one is refused. */
export const VAULT_FORMAT_VERSION = 1;

/** An encrypted payload as stored. */
export interface Sealed {
  vault: typeof VAULT_FORMAT_VERSION;
  /** 12 random bytes, new for every write. */
  iv: Uint8Array;
  /** AES-GCM ciphertext with its 16-byte tag. */
  data: Uint8Array;
}

/** Decryption failed (wrong key, tampered or moved row) or the envelope is not ours. */
export class ChartsideVaultError extends ChartsideError {
  override name = 'ChartsideVaultError';
}

const ALGO = { name: 'AES-GCM', length: 256 } as const;

/**
 * The device's vault key: read from IndexedDB, or generated (non-extractable) and stored on first
 * use. Two panels racing on first use both end with the key that was written first.
 */
export async function vaultKey(db: ChartsideDb, subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<CryptoKey> {
  const stored = await db.settings.get(VAULT_KEY_SETTING);
  if (stored) return asKey(stored.value);
  // Generated outside the transaction: an IndexedDB transaction cannot wait on WebCrypto.
  const fresh = await subtle.generateKey(ALGO, false, ['encrypt', 'decrypt']);
  const key = await db.transaction('rw', db.settings, async () => {
    const again = await db.settings.get(VAULT_KEY_SETTING);
    if (again) return again.value;
    await db.settings.put({ key: VAULT_KEY_SETTING, value: fresh });
    return fresh;
  });
  return asKey(key);
}

function asKey(value: unknown): CryptoKey {
  const key = value as Partial<CryptoKey> | undefined;
  if (!key || typeof key !== 'object' || key.type !== 'secret' || (key.algorithm as { name?: string } | undefined)?.name !== 'AES-GCM') {
    throw new ChartsideVaultError('the stored vault key is not an AES-GCM key: saved cases cannot be decrypted on this device');
  }
  return value as CryptoKey;
}

const encoder = new TextEncoder();

/** Encrypts `plain` for the row `rowId`. */
export async function seal(key: CryptoKey, rowId: string, plain: Uint8Array, subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<Sealed> {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const data = new Uint8Array(await subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(rowId) }, key, plain as Uint8Array<ArrayBuffer>));
  return { vault: VAULT_FORMAT_VERSION, iv, data };
}

/** Decrypts a sealed payload of row `rowId`; raises {@link ChartsideVaultError} on any failure. */
export async function unseal(key: CryptoKey, rowId: string, sealed: unknown, subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<Uint8Array> {
  const s = sealed as Partial<Sealed> | undefined;
  if (!s || s.vault !== VAULT_FORMAT_VERSION || !(s.iv instanceof Uint8Array) || s.iv.length !== 12 || !(s.data instanceof Uint8Array)) {
    throw new ChartsideVaultError(`row ${rowId}: not an encrypted envelope of vault format ${VAULT_FORMAT_VERSION}`);
  }
  try {
    return new Uint8Array(await subtle.decrypt({ name: 'AES-GCM', iv: s.iv as Uint8Array<ArrayBuffer>, additionalData: encoder.encode(rowId) }, key, s.data as Uint8Array<ArrayBuffer>));
  } catch {
    throw new ChartsideVaultError(`row ${rowId}: decryption failed (tampered, moved, or encrypted with another key)`);
  }
}
