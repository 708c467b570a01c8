/**
 * Encryption at rest for what the user chooses to save (cases, CDI query drafts), under a
 * passphrase only the user knows.
 *
 * Why a passphrase: a CryptoKey stored in IndexedDB, even "non-extractable", is written by the
 * browser into the profile's files with its raw key bytes (Chromium's IndexedDB log holds them in
 * clear), so whoever copies the profile copies the key. Here nothing stored can open the vault:
 *
 * - A random 64-byte vault secret (32 bytes AES-GCM-256 data key + 32 bytes HMAC-SHA-256 tag key)
 *   is generated once and stored only wrapped: AES-GCM under a key derived from the passphrase
 *   with PBKDF2-HMAC-SHA-256 and a random 16-byte salt ({@link PBKDF2_ITERATIONS}).
 * - Unlocking derives the wrapping key, decrypts the secret, imports both halves as
 *   non-extractable CryptoKeys held in memory only (platform/vault-session.ts), and zeroes the raw
 *   bytes. Locking drops them; closing the side panel or the browser loses them.
 * - Row ids and audit tags are HMACs under the tag key ({@link keyedTag}): without the passphrase
 *   a stored id cannot be matched to a chart even by someone who guesses the chart.
 * - Each row: AES-GCM with a fresh 96-bit IV, the row id bound as additional authenticated data
 *   so a ciphertext moved to another row does not decrypt.
 *
 * `subtle` is `globalThis.crypto.subtle`: Node 20 (tests) and the browser run the same code.
 */
import type { ChartsideDb } from './db';
import { ChartsideError } from '../engine/errors';

/** Settings row holding the wrapped vault secret ({@link VaultRecord}). */
export const VAULT_RECORD_SETTING = 'vault.record';

/** Settings row of the pre-passphrase vault: a stored CryptoKey (migrated, then deleted). */
export const LEGACY_KEY_SETTING = 'vault.caseKey';

/** Envelope format of rows sealed under the passphrase vault (1: the legacy stored-key vault). */
export const VAULT_FORMAT_VERSION = 2;

/** Format of {@link VaultRecord}; an unknown one is refused. */
export const VAULT_RECORD_VERSION = 1;

/**
 * PBKDF2-HMAC-SHA-256 iterations for new vaults: 600,000, OWASP's Password Storage Cheat Sheet
 * recommendation for PBKDF2-HMAC-SHA256 (2023). WebCrypto offers no memory-hard KDF (no scrypt or
 * Argon2), and adding one as a dependency would put a large WASM/JS KDF in the side panel; at this
 * count one unlock costs a fraction of a second on a desktop (measured in vault.test.ts's run) while
 * each passphrase guess costs an attacker the same. The count is stored with the vault, so it can
 * be raised later without locking anyone out.
 */
export const PBKDF2_ITERATIONS = 600_000;

/** Fewest iterations a new vault may use (tests pass fewer to stay fast; never below this). */
export const MIN_PBKDF2_ITERATIONS = 1_000;

/** Shortest passphrase accepted when setting one. */
export const MIN_PASSPHRASE_LENGTH = 10;

/** The stored, wrapped vault secret. Holds nothing that opens the vault without the passphrase. */
export interface VaultRecord {
  format: typeof VAULT_RECORD_VERSION;
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: Uint8Array };
  /** AES-GCM of the 64-byte secret under the passphrase key. */
  wrapped: { iv: Uint8Array; data: Uint8Array };
}

/** The unlocked vault: non-extractable keys, in memory only. */
export interface VaultKeys {
  /** AES-GCM-256: seals and opens rows. */
  data: CryptoKey;
  /** HMAC-SHA-256: row ids and audit tags. */
  tag: CryptoKey;
}

/** An encrypted payload as stored. */
export interface Sealed {
  vault: number;
  /** 12 random bytes, new for every write. */
  iv: Uint8Array;
  /** AES-GCM ciphertext with its 16-byte tag. */
  data: Uint8Array;
}

/** Decryption failed (wrong key or passphrase, tampered or moved row) or the envelope is not ours. */
export class ChartsideVaultError extends ChartsideError {
  override name = 'ChartsideVaultError';
}

const encoder = new TextEncoder();
const subtle = (): SubtleCrypto => globalThis.crypto.subtle;
/** Bound into the wrapped secret so a ciphertext from elsewhere cannot pose as a vault record. */
const RECORD_AAD = encoder.encode('chartside-vault-record-v1');

/** The stored vault record, `undefined` when no passphrase was ever set. Refuses an unknown shape. */
export async function readVaultRecord(db: ChartsideDb): Promise<VaultRecord | undefined> {
  const row = await db.settings.get(VAULT_RECORD_SETTING);
  if (!row) return undefined;
  const r = row.value as Partial<VaultRecord> | undefined;
  const ok =
    r?.format === VAULT_RECORD_VERSION &&
    r.kdf?.name === 'PBKDF2' &&
    r.kdf.hash === 'SHA-256' &&
    Number.isInteger(r.kdf.iterations) &&
    r.kdf.iterations >= MIN_PBKDF2_ITERATIONS &&
    r.kdf.salt instanceof Uint8Array &&
    r.wrapped?.iv instanceof Uint8Array &&
    r.wrapped.data instanceof Uint8Array;
  if (!ok)
    throw new ChartsideVaultError(
      `the stored vault record is not of format ${VAULT_RECORD_VERSION}: saved cases cannot be opened`,
    );
  return r as VaultRecord;
}

async function wrappingKey(passphrase: string, kdf: VaultRecord['kdf']): Promise<CryptoKey> {
  const material = await subtle().importKey('raw', encoder.encode(passphrase.normalize('NFC')), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', iterations: kdf.iterations, salt: kdf.salt as Uint8Array<ArrayBuffer> },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

async function importSecret(secret: Uint8Array): Promise<VaultKeys> {
  try {
    const data = await subtle().importKey('raw', secret.slice(0, 32), { name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]);
    const tag = await subtle().importKey('raw', secret.slice(32, 64), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
    ]);
    return { data, tag };
  } finally {
    // Best effort: the raw secret does not outlive the import in this buffer.
    secret.fill(0);
  }
}

/**
 * Creates the vault under `passphrase` and returns its unlocked keys. Refuses when a vault exists
 * (changing the passphrase would re-wrap, not replace: replacing would orphan every saved row).
 */
export async function createVault(
  db: ChartsideDb,
  passphrase: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<VaultKeys> {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    throw new ChartsideVaultError(`the passphrase must have at least ${MIN_PASSPHRASE_LENGTH} characters`);
  }
  if (!Number.isInteger(iterations) || iterations < MIN_PBKDF2_ITERATIONS)
    throw new ChartsideVaultError(`PBKDF2 needs at least ${MIN_PBKDF2_ITERATIONS} iterations`);
  const kdf: VaultRecord['kdf'] = {
    name: 'PBKDF2',
    hash: 'SHA-256',
    iterations,
    salt: globalThis.crypto.getRandomValues(new Uint8Array(16)),
  };
  const secret = globalThis.crypto.getRandomValues(new Uint8Array(64));
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const data = new Uint8Array(
    await subtle().encrypt(
      { name: 'AES-GCM', iv, additionalData: RECORD_AAD },
      await wrappingKey(passphrase, kdf),
      secret,
    ),
  );
  const record: VaultRecord = { format: VAULT_RECORD_VERSION, kdf, wrapped: { iv, data } };
  const created = await db.transaction('rw', db.settings, async () => {
    if (await db.settings.get(VAULT_RECORD_SETTING)) return false;
    await db.settings.put({ key: VAULT_RECORD_SETTING, value: record });
    return true;
  });
  if (!created) {
    secret.fill(0);
    throw new ChartsideVaultError('a passphrase is already set on this device: unlock with it');
  }
  return importSecret(secret);
}

/** Unlocks the vault with `passphrase`; a wrong passphrase raises {@link ChartsideVaultError}. */
export async function unlockVault(db: ChartsideDb, passphrase: string): Promise<VaultKeys> {
  const record = await readVaultRecord(db);
  if (!record) throw new ChartsideVaultError('no passphrase is set on this device yet');
  let secret: Uint8Array;
  try {
    secret = new Uint8Array(
      await subtle().decrypt(
        { name: 'AES-GCM', iv: record.wrapped.iv as Uint8Array<ArrayBuffer>, additionalData: RECORD_AAD },
        await wrappingKey(passphrase, record.kdf),
        record.wrapped.data as Uint8Array<ArrayBuffer>,
      ),
    );
  } catch {
    throw new ChartsideVaultError('wrong passphrase');
  }
  if (secret.length !== 64) throw new ChartsideVaultError('the stored vault record is damaged');
  return importSecret(secret);
}

/**
 * A keyed tag of `value` for `purpose`: hex of HMAC-SHA-256(tag key, purpose NUL value), cut to
 * `hexDigits`. Row ids use 32 digits (128 bits), audit tags 16.
 *
 * @example await keyedTag(keys, 'case', 'case-3f9c…', 32) // 'a81f…' (stable while the vault exists)
 */
export async function keyedTag(
  keys: VaultKeys,
  purpose: 'case' | 'draft' | 'audit',
  value: string,
  hexDigits: number,
): Promise<string> {
  const mac = new Uint8Array(await subtle().sign('HMAC', keys.tag, encoder.encode(`${purpose}\u0000${value}`)));
  return [...mac]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('')
    .slice(0, hexDigits);
}

/** Encrypts `plain` for the row `rowId`. */
export async function seal(
  key: CryptoKey,
  rowId: string,
  plain: Uint8Array,
  version = VAULT_FORMAT_VERSION,
): Promise<Sealed> {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const data = new Uint8Array(
    await subtle().encrypt(
      { name: 'AES-GCM', iv, additionalData: encoder.encode(rowId) },
      key,
      plain as Uint8Array<ArrayBuffer>,
    ),
  );
  return { vault: version, iv, data };
}

/** Decrypts a sealed payload of row `rowId` of envelope `version`; raises {@link ChartsideVaultError} on any failure. */
export async function unseal(
  key: CryptoKey,
  rowId: string,
  sealed: unknown,
  version = VAULT_FORMAT_VERSION,
): Promise<Uint8Array> {
  const s = sealed as Partial<Sealed> | undefined;
  if (
    !s ||
    s.vault !== version ||
    !(s.iv instanceof Uint8Array) ||
    s.iv.length !== 12 ||
    !(s.data instanceof Uint8Array)
  ) {
    throw new ChartsideVaultError(`row ${rowId}: not an encrypted envelope of vault format ${version}`);
  }
  try {
    return new Uint8Array(
      await subtle().decrypt(
        { name: 'AES-GCM', iv: s.iv as Uint8Array<ArrayBuffer>, additionalData: encoder.encode(rowId) },
        key,
        s.data as Uint8Array<ArrayBuffer>,
      ),
    );
  } catch {
    throw new ChartsideVaultError(`row ${rowId}: decryption failed (tampered, moved, or encrypted with another key)`);
  }
}

/** The legacy stored key (format 1 rows), `undefined` when there is none. */
export async function legacyKey(db: ChartsideDb): Promise<CryptoKey | undefined> {
  const stored = await db.settings.get(LEGACY_KEY_SETTING);
  if (!stored) return undefined;
  const key = stored.value as Partial<CryptoKey> | undefined;
  if (
    !key ||
    typeof key !== 'object' ||
    key.type !== 'secret' ||
    (key.algorithm as { name?: string } | undefined)?.name !== 'AES-GCM'
  ) {
    throw new ChartsideVaultError(
      'the stored legacy vault key is not an AES-GCM key: its saved cases cannot be migrated',
    );
  }
  return stored.value as CryptoKey;
}
